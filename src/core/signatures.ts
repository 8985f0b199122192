/**
 * The catalog compiled for matching (kept per catalog), and what a name or an identity resolves
 * to: the tool an alias, a footer's name or a co-author stands for, and the model named with it;
 * tools outside the catalog by class (agent accounts, tool addresses, model-named identities).
 */
import { aliasTable, normalizeName, type AliasEntry } from './aliases.js';
import derived from './catalog-derived.json' with { type: 'json' };
import {
  UNKNOWN_TOOL,
  builtinTools,
  claimTrailers,
  identityTrailers,
  knownBots,
  type Catalog,
  type ClaimTrailer,
  type EnvSignature,
  type Provenance,
} from './catalog.js';
import { canonicalModel, findModel } from './models.js';

export interface ToolMatch {
  tool: string;
  model?: string;
  /** The catalog signature that matched, when one did (a name at the vendor's domain is none). */
  provenance?: Provenance;
}

export interface Matched {
  tool: string;
  provenance: Provenance;
}

export interface Matchers {
  /** Normalised ids and aliases, longest first (so "claude code" wins over "claude"). */
  aliases: readonly AliasEntry[];
  longestAlias: number;
  domains: Map<string, readonly string[]>;
  /** Each tool vendor mail domain and the tools at it. */
  vendorDomains: Map<string, string[]>;
  modelFromName: Map<string, { pattern: RegExp; slug?: string }>;
  emails: Map<string, (Matched & { namePattern?: RegExp })[]>;
  emailGlobs: (Matched & { pattern: RegExp })[];
  githubLogins: Map<string, Matched>;
  names: (Matched & { pattern: RegExp })[];
  toolTrailers: Map<string, (Matched & { values?: Set<string> })[]>;
  claims: Map<string, ClaimTrailer>;
  identityKeys: Set<string>;
  subjectPrefixes: (Matched & { text: string })[];
  branches: (Matched & { prefix: string })[];
  /** Footer lines as the catalog quotes them (lower case), for their provenance. */
  footers: Map<string, Matched>;
  env: { sig: EnvSignature; tool: string }[];
  shadows: { by: string; tool: string; names: Set<string> }[];
  /** Identity classification is the per-commit hot path; histories repeat the same few people. */
  identityCache: Map<string, Map<string, ToolMatch | null>>;
}

const IDENTITY_CACHE_LIMIT = 10_000;
const compiled = new WeakMap<Catalog, Matchers>();

export function matchersFor(catalog: Catalog): Matchers {
  let m = compiled.get(catalog);
  if (!m) {
    m = compile(catalog);
    compiled.set(catalog, m);
  }
  return m;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compile(catalog: Catalog): Matchers {
  const m: Matchers = {
    aliases: [],
    longestAlias: 0,
    domains: new Map(),
    vendorDomains: new Map(),
    modelFromName: new Map(),
    emails: new Map(),
    emailGlobs: [],
    githubLogins: new Map(),
    names: [],
    toolTrailers: new Map(),
    claims: new Map(claimTrailers.map((claim) => [claim.key.toLowerCase(), claim])),
    identityKeys: new Set(identityTrailers.map((key) => key.toLowerCase())),
    subjectPrefixes: [],
    branches: [],
    footers: new Map(),
    env: [],
    shadows: [],
    identityCache: new Map(),
  };
  for (const def of catalog.tools) {
    const tool = def.id;
    m.domains.set(tool, def.domains);
    for (const domain of def.domains) pushTo(m.vendorDomains, domain.toLowerCase(), tool);
    if (def.modelFromName) {
      const { pattern, slug } = def.modelFromName;
      m.modelFromName.set(tool, { pattern: new RegExp(pattern, 'i'), slug });
    }
    for (const sig of def.emails) {
      const provenance = sig;
      if (sig.email.includes('*')) {
        m.emailGlobs.push({ pattern: globToRegExp(sig.email), tool, provenance });
      } else {
        const namePattern = sig.namePattern ? new RegExp(sig.namePattern, 'i') : undefined;
        pushTo(m.emails, sig.email.toLowerCase(), { tool, namePattern, provenance });
      }
    }
    for (const account of def.github) {
      m.githubLogins.set(account.login.toLowerCase(), { tool, provenance: account });
    }
    for (const sig of def.names) {
      m.names.push({ pattern: new RegExp(sig.pattern, 'i'), tool, provenance: sig });
    }
    for (const sig of def.trailers) {
      const values = sig.values && new Set(sig.values.map((v) => v.toLowerCase()));
      pushTo(m.toolTrailers, sig.key.toLowerCase(), { tool, values, provenance: sig });
    }
    for (const sig of def.subjectPrefixes)
      m.subjectPrefixes.push({ text: sig.text.toLowerCase(), tool, provenance: sig });
    for (const sig of def.branches)
      m.branches.push({ prefix: sig.prefix.toLowerCase(), tool, provenance: sig });
    for (const sig of def.footers) m.footers.set(sig.text.toLowerCase(), { tool, provenance: sig });
    for (const sig of def.env) m.env.push({ sig, tool });
    if (def.envShadows) {
      m.shadows.push({ by: tool, tool: def.envShadows.tool, names: new Set(def.envShadows.names) });
    }
  }
  m.aliases = isBuiltin(catalog) ? derived.aliases : aliasTable(catalog.tools);
  m.longestAlias = m.aliases[0]?.key.length ?? 0;
  return m;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** Whether the catalog is the builtin one, unchanged by a policy's tools. */
function isBuiltin(catalog: Catalog): boolean {
  return (
    catalog.tools.length === builtinTools.length &&
    catalog.tools.every((def, index) => def === builtinTools[index])
  );
}

const LETTER = /\p{L}/u;

/** The tool whose id or alias `text` starts with (a whole word), and what follows it. */
export function resolvePrefix(
  m: Matchers,
  text: string,
): { tool: string; rest: string } | undefined {
  // Two characters past the longest alias decide the word boundary (and "v5" after "ChatGPT").
  const norm = normalizeName(text.slice(0, m.longestAlias + 2));
  for (const { key, tool } of m.aliases) {
    if (!norm.startsWith(key)) continue;
    const next = norm.charAt(key.length);
    // "ChatGPTv5" names ChatGPT; "Claudette" does not name Claude.
    if (next && LETTER.test(next) && !(next === 'v' && /\d/.test(norm.charAt(key.length + 1)))) {
      continue;
    }
    return { tool, rest: text.slice(key.length) };
  }
  return undefined;
}

const MODEL_WORDS =
  /\b(?:opus|sonnet|haiku|gpt|gemini|flash|codex|grok|llama|qwen|deepseek|mistral|devstral|kimi|glm|o\d)\b/i;

function looksLikeModel(text: string): boolean {
  return /\d/.test(text) || MODEL_WORDS.test(text);
}

/** Words a tool's own identity may add to its name: "Cursor Agent", "Devin AI", "claude[bot]". */
export const NAME_SUFFIX =
  /^(?:(?:ai|agent|bot|assistant|cli|code|ide|app|developer|coding agent|\[bot\])(?:\s+|$))+$/i;

function slugModel(prefix: string, text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return prefix + slug;
}

/** The model named after a tool's alias: `tool:model`, `tool (model)`, `model-id`, or the tool's own naming. */
export function modelAfter(
  m: Matchers,
  tool: string,
  text: string,
  rest: string,
): string | undefined {
  const own = m.modelFromName.get(tool);
  const ownMatch = own?.pattern.exec(text.trim());
  if (ownMatch?.groups?.model) {
    return own?.slug ? slugModel(own.slug, ownMatch.groups.model) : ownMatch.groups.model.trim();
  }
  // "crush:glm-5.2", "Crush:AWS Claude Sonnet 4", "claude-code:model-x-1".
  const colon = /^\s*:\s*([^,;]+)/.exec(rest);
  if (colon) return findModel(colon[1])?.id ?? colon[1].trim().split(/\s/, 1)[0];
  const paren = /^\s*\(([^)]+)\)/.exec(rest);
  if (paren && looksLikeModel(paren[1])) return paren[1].trim();
  if (rest.startsWith('-')) {
    // "claude-opus-4-5" names a model; "gemini-cli-robot" (no version) does not.
    const token = /^[^\s,;:()]+/.exec(text.trim())?.[0] ?? '';
    if (/\d/.test(token) && looksLikeModel(token)) return token;
  }
  // "Claude claude-opus-4": a model id (letters, a dash, a digit) after the name.
  return /^\s+([a-z][\w.]*-[\w.-]*\d[\w.-]*)(?:\s|$)/i.exec(rest)?.[1];
}

interface NameMatch extends ToolMatch {
  /** "Tool (model)": a form people do not write for themselves. */
  withModel: boolean;
}

/** A name that is a tool's name and nothing else (plus a model or words like "Agent"). */
export function resolveWholeName(m: Matchers, name: string): NameMatch | undefined {
  const hit = resolvePrefix(m, name);
  if (!hit) return undefined;
  const rest = hit.rest.trim();
  const model = modelAfter(m, hit.tool, name, hit.rest);
  if (rest === '' || NAME_SUFFIX.test(rest)) return { tool: hit.tool, model, withModel: false };
  if (model !== undefined) {
    const parenOnly = /^\([^)]*\)$/.test(rest);
    return { tool: hit.tool, model, withModel: parenOnly || !/^\(/.test(rest) };
  }
  return undefined;
}

/** `<id>+<login>@users.noreply.github.com` (and older or hand-made `<tag>+<login>@` forms). */
const GITHUB_NOREPLY = /^(?:[^@+]*\+)?([^@+]+)@users\.noreply\.github\.com$/;

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

function atDomain(email: string, domains: readonly string[]): boolean {
  const domain = domainOf(email);
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * The tool an identity belongs to. Address first (documented bot and noreply addresses, GitHub
 * bot accounts); a name counts alone only in forms people do not use (`Jane (aider)`,
 * `tool[bot]`, `Tool (model)`) or together with the vendor's mail domain.
 */
export function classifyIdentity(m: Matchers, name: string, email: string): ToolMatch | undefined {
  let names = m.identityCache.get(email);
  const cached = names?.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const result = classifyUncached(m, name.trim(), email.trim().toLowerCase());
  if (!names) {
    if (m.identityCache.size >= IDENTITY_CACHE_LIMIT) m.identityCache.clear();
    names = new Map();
    m.identityCache.set(email, names);
  }
  names.set(name, result ?? null);
  return result;
}

function classifyUncached(m: Matchers, name: string, email: string): ToolMatch | undefined {
  for (const entry of m.emails.get(email) ?? []) {
    if (!entry.namePattern || entry.namePattern.test(name)) {
      const hit = resolvePrefix(m, name);
      const model = (hit && modelAfter(m, entry.tool, name, hit.rest)) ?? findModel(name)?.id;
      return { tool: entry.tool, model, provenance: entry.provenance };
    }
  }
  for (const glob of m.emailGlobs) {
    if (glob.pattern.test(email)) return { tool: glob.tool, provenance: glob.provenance };
  }
  const login = GITHUB_NOREPLY.exec(email)?.[1];
  const byLogin = login && m.githubLogins.get(login);
  if (byLogin) return byLogin;
  const byName = resolveWholeName(m, name);
  if (byName && (!email || byName.withModel || toolAddress(m, byName.tool, email))) {
    return withoutFlag(byName);
  }
  const lowerName = name.toLowerCase();
  if (lowerName.endsWith('[bot]')) {
    const byBotName = m.githubLogins.get(lowerName);
    if (byBotName) return byBotName;
  }
  for (const sig of m.names) {
    if (sig.pattern.test(name)) return { tool: sig.tool, provenance: sig.provenance };
  }
  return classifyGeneric(m, name, email, login);
}

/**
 * An address the tool itself writes from: a noreply or agent address at the vendor's domain. A
 * person there (`chris@roocode.com`) or the project's automation (`opencode@sst.dev` releasing)
 * is not the tool even under the product's name.
 */
function toolAddress(m: Matchers, tool: string, email: string): boolean {
  return (
    atDomain(email, m.domains.get(tool) ?? []) &&
    TOOL_LOCAL_PART.test(email.slice(0, email.lastIndexOf('@')))
  );
}

/** Local parts no person uses: a tool's own noreply or agent address. */
const TOOL_LOCAL_PART = /^(?:no-?reply|agent|bot|ai|assistant|[a-z0-9.]+-agent|agent-[a-z0-9.]+)$/;
/** GitHub accounts that are agents by their name: `…-agent`, `…-agent[bot]`, `…-ai[bot]`, `…-dev-ai`. */
const AGENT_LOGIN =
  /^[a-z0-9][a-z0-9-]*-(?:agent|dev-ai)(?:\[bot\])?$|^[a-z0-9][a-z0-9-]*-ai\[bot\]$/;
const BOT_ADDRESSES = new Set(knownBots.flatMap((bot) => (bot.email ? [bot.email] : [])));

/**
 * Tools the catalog does not name, recognised by class: an agent account (`…-agent[bot]`), a
 * noreply or agent address at an AI tool vendor's domain (not a person there: their addresses
 * carry their names), or an identity whose name is a model ("Qwen 3.6 27B", "GLM-5").
 */
function classifyGeneric(
  m: Matchers,
  name: string,
  email: string,
  login: string | undefined,
): ToolMatch | undefined {
  const agentAccount = login ?? (name.toLowerCase().endsWith('[bot]') ? name.toLowerCase() : '');
  if (AGENT_LOGIN.test(agentAccount)) return { tool: UNKNOWN_TOOL, model: findModel(name)?.id };
  const at = email.lastIndexOf('@');
  if (at > 0 && TOOL_LOCAL_PART.test(email.slice(0, at)) && !BOT_ADDRESSES.has(email)) {
    const tools = m.vendorDomains.get(domainOf(email));
    if (tools) {
      return { tool: tools.length === 1 ? tools[0] : UNKNOWN_TOOL, model: findModel(name)?.id };
    }
  }
  const model = findModel(name);
  if (model?.provider && model.id === canonicalModel(name)?.id) {
    return { tool: UNKNOWN_TOOL, model: model.id };
  }
  return undefined;
}

function withoutFlag(match: NameMatch): ToolMatch {
  return match.model === undefined
    ? { tool: match.tool }
    : { tool: match.tool, model: match.model };
}
