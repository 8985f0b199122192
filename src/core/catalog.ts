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
import { UserError } from '../errors.js';
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
import { TOOL_ID } from './catalog-schema.js';
import type { ExtraTool } from './types.js';

export type {
  ClaimTrailer,
  EnvSignature,
  EnvTrust,
  Provenance,
  TrailerSignature,
} from './catalog-schema.js';
export { TOOL_ID };

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

export function createCatalog(options: CatalogOptions = {}): Catalog {
  const byId = new Map<string, ToolDef>(builtinTools.map((def) => [def.id, def]));
  const seenExtra = new Set<string>();
  (options.extra ?? []).forEach((extra, index) => {
    const where = `tools.extra[${index}]`;
    if (!TOOL_ID.test(extra.id) || extra.id === UNKNOWN_TOOL) {
      throw new UserError(
        `${where}.id: "${extra.id}" is not a kebab-case tool id (e.g. "metacode")`,
      );
    }
    if (seenExtra.has(extra.id)) {
      throw new UserError(`${where}.id: "${extra.id}" is declared twice in tools.extra`);
    }
    seenExtra.add(extra.id);
    byId.set(extra.id, mergeExtra(byId.get(extra.id), extra, where));
  });

  const internal = [...new Set(options.internal ?? [])];
  for (const id of internal) {
    if (!byId.has(id)) {
      throw new UserError(
        `tools.internal: unknown tool "${id}" (neither built in nor declared in tools.extra)`,
      );
    }
  }
  const internalSet = new Set(internal);
  const tools = [...byId.values()];
  return {
    tools,
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
    const name = eq < 0 ? entry : entry.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new UserError(`${where}.env: "${entry}" is not NAME or NAME=value`);
    }
    return eq < 0
      ? { name, trust: 'agent', source }
      : { name, value: entry.slice(eq + 1), trust: 'agent', source };
  });
  const trailers = (extra.trailers ?? []).map((entry): TrailerSignature => {
    const colon = entry.indexOf(':');
    const key = (colon < 0 ? entry : entry.slice(0, colon)).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(key)) {
      throw new UserError(`${where}.trailers: "${entry}" is not a trailer key or "Key: value"`);
    }
    const value = colon < 0 ? '' : entry.slice(colon + 1).trim();
    return value ? { key, values: [value], source } : { key, source };
  });
  const emails = (extra.emails ?? []).map((email): EmailSignature => {
    if (!/^[^\s<>@]+@[^\s<>@]+$/.test(email)) {
      throw new UserError(
        `${where}.emails: "${email}" is not an email address (a * may stand for any text)`,
      );
    }
    return { email: email.toLowerCase(), source };
  });
  const branches = (extra.branches ?? []).map((prefix): BranchSignature => {
    if (!prefix || /\s/.test(prefix)) {
      throw new UserError(`${where}.branches: "${prefix}" is not a branch prefix`);
    }
    return { prefix, source };
  });
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
