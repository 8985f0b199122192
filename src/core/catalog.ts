/**
 * The catalog of AI coding tools and the signatures that reveal them (environment variables,
 * trailers, identities, branch prefixes, message footers) is data: `catalog.json`, its shape and
 * how to add a tool or a signature in `catalog-schema.ts`. This loader reads it (the build and the
 * tests check it against the schema, so nothing here validates it again) and `createCatalog` adds
 * an organisation's own tools (`tools.extra`) and records which tools count as internal.
 *
 * One id per product: surfaces of the same product (Codex CLI, app and cloud; Copilot coding agent,
 * CLI and VS Code; Claude Code CLI, web and GitHub Action) share an id, and the surface is noted in a
 * signature's `variant`. A policy names products, not surfaces.
 */
import data from './catalog.json' with { type: 'json' };
import type {
  BranchSignature,
  CatalogData,
  ClaimTrailer,
  EmailSignature,
  EnvSignature,
  ToolData,
  TrailerSignature,
} from './catalog-schema.js';
import type { ExtraTool } from './types.js';

export type {
  ClaimTrailer,
  EnvSignature,
  EnvTrust,
  Provenance,
  TrailerSignature,
} from './catalog-schema.js';

/** A tool id: kebab-case. Here, not in catalog-schema.ts, so the hooks' bundles need no zod. */
export const TOOL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type SignatureLists =
  | 'env'
  | 'trailers'
  | 'emails'
  | 'github'
  | 'names'
  | 'branches'
  | 'footers'
  | 'subjectPrefixes'
  | 'domains';

/** A catalog tool with every signature list present (empty where the data has none). */
export type ToolDef = Omit<ToolData, SignatureLists> & Required<Pick<ToolData, SignatureLists>>;

const noSignatures = (): Required<Pick<ToolData, SignatureLists>> => ({
  domains: [],
  env: [],
  trailers: [],
  emails: [],
  github: [],
  names: [],
  branches: [],
  footers: [],
  subjectPrefixes: [],
});

const catalogData = data as CatalogData;

export const builtinTools: readonly ToolDef[] = catalogData.tools.map((tool) => ({
  ...noSignatures(),
  ...tool,
}));
export const builtinToolIds: readonly string[] = builtinTools.map((tool) => tool.id);
export const claimTrailers: readonly ClaimTrailer[] = catalogData.claimTrailers;
export const identityTrailers: readonly string[] = catalogData.identityTrailers;
export const genericAgentEnv: readonly EnvSignature[] = catalogData.genericAgentEnv;
export const nonAiTools: readonly string[] = catalogData.nonAiTools;
export const knownBots: CatalogData['knownBots'] = catalogData.knownBots;
export const modelFamilies: CatalogData['modelFamilies'] = catalogData.modelFamilies;
/** Every model provider detection can name: the model families' and the tools' own. */
export const knownProviders: readonly string[] = [
  ...new Set([
    ...modelFamilies.map((family) => family.provider),
    ...builtinTools.flatMap((tool) => (tool.provider ? [tool.provider] : [])),
  ]),
].sort();

export interface CatalogOptions {
  /** Tool ids allowed in protected paths. */
  internal?: readonly string[];
  /** What an AI claim naming no known tool counts as. */
  unknown?: 'external' | 'ignore';
  /** The organisation's own tools, or extra signals for a builtin tool (same id). */
  extra?: readonly ExtraTool[];
}

export interface Catalog {
  readonly tools: readonly ToolDef[];
  readonly internal: readonly string[];
  readonly unknown: 'external' | 'ignore';
  get(id: string): ToolDef | undefined;
  isInternal(id: string): boolean;
}

/** The tool id of an AI claim that maps to no known tool. */
export const UNKNOWN_TOOL = 'unknown';

/**
 * The catalog a policy's tools make. The options come from a validated policy (policy/schema.ts
 * is the one validator of tools.extra and tools.internal), so nothing is checked again here.
 */
export function createCatalog(options: CatalogOptions = {}): Catalog {
  const byId = new Map<string, ToolDef>(builtinTools.map((def) => [def.id, def]));
  (options.extra ?? []).forEach((extra, index) => {
    byId.set(extra.id, mergeExtra(byId.get(extra.id), extra, `tools.extra[${index}]`));
  });
  const internal = [...new Set(options.internal ?? [])];
  const internalSet = new Set(internal);
  return {
    tools: [...byId.values()],
    internal,
    unknown: options.unknown ?? 'external',
    get: (id) => byId.get(id),
    isInternal: (id) => internalSet.has(id),
  };
}

/** An extra tool becomes a ToolDef; one that re-declares a builtin adds its signals to it. */
function mergeExtra(base: ToolDef | undefined, extra: ExtraTool, where: string): ToolDef {
  const source = `policy ${where}`;
  const env = (extra.env ?? []).map((entry): EnvSignature => {
    const eq = entry.indexOf('=');
    return eq < 0
      ? { name: entry, trust: 'agent', source }
      : { name: entry.slice(0, eq), value: entry.slice(eq + 1), trust: 'agent', source };
  });
  const trailers = (extra.trailers ?? []).map((entry): TrailerSignature => {
    const colon = entry.indexOf(':');
    const key = (colon < 0 ? entry : entry.slice(0, colon)).trim();
    const value = colon < 0 ? '' : entry.slice(colon + 1).trim();
    return value ? { key, values: [value], source } : { key, source };
  });
  const emails = (extra.emails ?? []).map((email): EmailSignature => ({
    email: email.toLowerCase(),
    source,
  }));
  const branches = (extra.branches ?? []).map((prefix): BranchSignature => ({ prefix, source }));
  const def: ToolDef = base ?? {
    id: extra.id,
    name: extra.name ?? extra.id,
    vendor: 'organisation',
    aliases: extra.name ? [extra.name] : [],
    ...noSignatures(),
  };
  return {
    ...def,
    aliases: extra.name && base ? [...def.aliases, extra.name] : def.aliases,
    env: [...def.env, ...env],
    trailers: [...def.trailers, ...trailers],
    emails: [...def.emails, ...emails],
    branches: [...def.branches, ...branches],
  };
}

/**
 * Every environment variable whose presence can make `detectEnv` report a tool: the hook shim
 * starts node only when one of these is set. Sorted, no duplicates.
 */
export function agentEnvNames(catalog: Catalog): string[] {
  const names = new Set<string>(genericAgentEnv.map((sig) => sig.name));
  for (const def of catalog.tools) {
    for (const sig of def.env) if (sig.trust === 'agent') names.add(sig.name);
  }
  return [...names].sort();
}
