/**
 * Signal detection: which AI tools a commit (message, identities, branch) or an environment
 * points at. Pure and synchronous. Liberal in what marks AI: a known signature counts wherever it
 * stands in the message (squash merges move inner commits' trailers into the body). Strict in
 * what a word alone means: a human co-author, prose naming a tool and non-AI tools give nothing.
 */
import {
  UNKNOWN_TOOL,
  claimTrailers,
  genericAgentEnv,
  identityTrailers,
  knownBots,
  nonAiTools,
  type Catalog,
  type ClaimTrailer,
  type EnvSignature,
  type EnvTrust,
  type Provenance,
} from './catalog.js';
import type { Identity, Signal, SignalKind, Trailer } from './types.js';

export interface CommitInput {
  message: string;
  author: Identity;
  committer: Identity;
  branch?: string;
}

interface ToolMatch {
  tool: string;
  model?: string;
  /** The catalog signature that matched, when one did (a name at the vendor's domain is none). */
  provenance?: Provenance;
}

interface Matched {
  tool: string;
  provenance: Provenance;
}

interface Matchers {
  /** Normalised ids and aliases, longest first (so "claude code" wins over "claude"). */
  aliases: { key: string; tool: string }[];
  longestAlias: number;
  domains: Map<string, readonly string[]>;
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

function matchersFor(catalog: Catalog): Matchers {
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
  const aliasKeys = new Map<string, string>();
  for (const def of catalog.tools) {
    const tool = def.id;
    for (const alias of [def.id, def.name, ...def.aliases]) {
      const key = normalizeName(alias);
      if (!aliasKeys.has(key)) aliasKeys.set(key, tool);
    }
    m.domains.set(tool, def.domains);
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
  m.aliases = [...aliasKeys]
    .map(([key, tool]) => ({ key, tool }))
    // Code-unit order breaks ties: localeCompare would load ICU collation, ~20 ms on a hook's path.
    .sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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

/** Lower case, with each `-`, `_` and white-space character read as a space; keeps the length. */
function normalizeName(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, ' ');
}

const LETTER = /\p{L}/u;

/** The tool whose id or alias `text` starts with (a whole word), and what follows it. */
function resolvePrefix(m: Matchers, text: string): { tool: string; rest: string } | undefined {
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
const NAME_SUFFIX =
  /^(?:(?:ai|agent|bot|assistant|cli|code|ide|app|developer|coding agent|\[bot\])(?:\s+|$))+$/i;

function slugModel(prefix: string, text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return prefix + slug;
}

/** The model named after a tool's alias: `tool:model`, `tool (model)`, `model-id`, or the tool's own naming. */
function modelAfter(m: Matchers, tool: string, text: string, rest: string): string | undefined {
  const own = m.modelFromName.get(tool);
  const ownMatch = own?.pattern.exec(text.trim());
  if (ownMatch?.groups?.model) {
    return own?.slug ? slugModel(own.slug, ownMatch.groups.model) : ownMatch.groups.model.trim();
  }
  const colon = /^\s*:\s*([^\s,;]+)/.exec(rest);
  if (colon) return colon[1];
  const paren = /^\s*\(([^)]+)\)/.exec(rest);
  if (paren && looksLikeModel(paren[1])) return paren[1].trim();
  if (rest.startsWith('-')) {
    const token = /^[^\s,;:()]+/.exec(text.trim())?.[0] ?? '';
    if (looksLikeModel(token)) return token;
  }
  // "Claude claude-opus-4": a model id (letters, a dash, a digit) after the name.
  return /^\s+([a-z][\w.]*-[\w.-]*\d[\w.-]*)(?:\s|$)/i.exec(rest)?.[1];
}

interface NameMatch extends ToolMatch {
  /** "Tool (model)": a form people do not write for themselves. */
  withModel: boolean;
}

/** A name that is a tool's name and nothing else (plus a model or words like "Agent"). */
function resolveWholeName(m: Matchers, name: string): NameMatch | undefined {
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

const GITHUB_NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/;

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
function classifyIdentity(m: Matchers, name: string, email: string): ToolMatch | undefined {
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
      const model = hit && modelAfter(m, entry.tool, name, hit.rest);
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
  if (byName && (!email || byName.withModel || atDomain(email, m.domains.get(byName.tool) ?? []))) {
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
  return undefined;
}

function withoutFlag(match: NameMatch): ToolMatch {
  return match.model === undefined
    ? { tool: match.tool }
    : { tool: match.tool, model: match.model };
}

/** The catalog signature behind each signal, kept beside it so a Signal stays plain data. */
const provenances = new WeakMap<Signal, Provenance>();

/** Where the signature that produced `signal` is documented or was seen (`trailguard explain`). */
export function provenanceOf(signal: Signal): Provenance | undefined {
  return provenances.get(signal);
}

/** Collects signals once per (tool, kind, evidence), in the order they were found. */
class SignalSet {
  readonly list: Signal[] = [];

  add(
    tool: string,
    kind: SignalKind,
    evidence: string,
    model?: string,
    provenance?: Provenance,
  ): void {
    // A commit has a handful of signals: a scan beats building keys.
    for (const s of this.list) {
      if (s.tool === tool && s.kind === kind && s.evidence === evidence) return;
    }
    const signal: Signal = model ? { tool, kind, evidence, model } : { tool, kind, evidence };
    if (provenance) provenances.set(signal, provenance);
    this.list.push(signal);
  }
}

/** Leading white space and list/quote markers, as in squash-merge bodies ("* Co-authored-by: …"). */
const LINE_LEAD = /^[\s*+>-]+/;
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const PERSON = /^(.*?)\s*<([^<>]*)>/;
const FOOTER =
  /^(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+\s*)?(?:generated|created|co-created|made|built|written|authored|coded)\s+(?:with|by|using|in)\s+(.+)$/iu;
/** What may follow the tool's name on a plain footer line ("cursor-based paging" is prose). */
const FOOTER_TAIL = /^(?:\s*$|\s*[([,.;:!&+]|\s+[—–-]\s|\s+(?:via|using)\b)/iu;
/** The branch a merge commit's subject names: GitHub's and git's default merge messages. */
const MERGE_SUBJECT =
  /^Merge (?:pull request #\d+ from [^\s/]+\/(\S+)|branch '([^']+)'|remote-tracking branch '[^'/]+\/([^']+)')/;
const MAX_CLAIM_VALUE = 512;
const NO_TOOL = new Set(['none', 'no', 'n/a', 'na', 'nothing', 'false', 'human', '-']);
const NON_AI = new Set(nonAiTools);

export function detectCommit(input: CommitInput, catalog: Catalog): Signal[] {
  const m = matchersFor(catalog);
  const out = new SignalSet();
  let subjectSeen = false;
  for (const raw of input.message.split('\n')) {
    const line = raw.replace(LINE_LEAD, '').trimEnd();
    if (!line) continue;
    if (!subjectSeen) {
      subjectSeen = true;
      const lower = line.toLowerCase();
      for (const prefix of m.subjectPrefixes) {
        if (lower.startsWith(prefix.text))
          out.add(prefix.tool, 'footer', line, undefined, prefix.provenance);
      }
      const merged = MERGE_SUBJECT.exec(line);
      if (merged) detectBranch(m, merged[1] ?? merged[2] ?? merged[3], 'merged branch', out);
    }
    const trailer = TRAILER_LINE.exec(line);
    if (trailer && trailer[2]) {
      detectTrailer(m, trailer[1].toLowerCase(), trailer[2].trim(), line, out);
      continue;
    }
    detectFooter(m, line, out);
  }

  detectIdentity(m, 'author', input.author, out);
  const { author, committer } = input;
  if (committer.name !== author.name || committer.email !== author.email) {
    detectIdentity(m, 'committer', committer, out);
  }
  if (input.branch) detectBranch(m, input.branch, 'branch', out);
  return out.list;
}

function detectTrailer(
  m: Matchers,
  key: string,
  value: string,
  line: string,
  out: SignalSet,
): void {
  let matched = false;
  for (const spec of m.toolTrailers.get(key) ?? []) {
    if (!spec.values || spec.values.has(value.toLowerCase())) {
      out.add(spec.tool, 'trailer', line, undefined, spec.provenance);
      matched = true;
    }
  }
  const claim = m.claims.get(key);
  const isIdentityKey = m.identityKeys.has(key);
  // Real attribution values are short; a huge one is not worth quadratic regex time.
  if ((!claim && !isIdentityKey) || value.length > MAX_CLAIM_VALUE) return;

  const person = PERSON.exec(value);
  if (person) {
    // A name with an address is a person or a tool identity, never a bare claim.
    const identity = classifyIdentity(m, person[1], person[2]);
    if (identity) out.add(identity.tool, 'trailer', line, identity.model, identity.provenance);
    const byName = !identity && claim ? resolveWholeName(m, person[1].trim()) : undefined;
    if (byName) out.add(byName.tool, 'trailer', line, byName.model, claim);
    return;
  }
  if (isIdentityKey) {
    const hit = resolveWholeName(m, value);
    if (hit) out.add(hit.tool, 'trailer', line, hit.model);
    return;
  }
  if (claim && !matched) detectClaimValue(m, claim, value, line, out);
}

/**
 * The value of an AI-claim trailer: `tool[:model]` (ours, the kernel's `AGENT:MODEL tool1 tool2`),
 * `Tool Version` (Apache, OpenStack), `Tool (model)` (OpenLiberty), free text (Fedora).
 */
function detectClaimValue(
  m: Matchers,
  claim: ClaimTrailer,
  value: string,
  line: string,
  out: SignalSet,
): void {
  const words = [...value.matchAll(/[^\s,;]+/g)];
  const first = (words[0]?.[0] ?? '').toLowerCase();
  if (NO_TOOL.has(first.replace(/[.!]+$/, ''))) return;
  if (NON_AI.has(first.replace(/[:(].*$/, '').replace(/[.,]+$/, ''))) {
    // A non-AI tool first: an AI tool counts only if one is named after it.
    for (const word of words.slice(1)) {
      const hit = resolvePrefix(m, value.slice(word.index));
      if (hit) {
        out.add(hit.tool, 'trailer', line, modelAfter(m, hit.tool, word[0], hit.rest), claim);
        return;
      }
    }
    return;
  }
  const hit = resolvePrefix(m, value);
  if (hit) {
    out.add(hit.tool, 'trailer', line, modelAfter(m, hit.tool, value, hit.rest), claim);
  } else if (claim.unmapped === 'unknown') {
    out.add(UNKNOWN_TOOL, 'trailer', line, undefined, claim);
  }
}

function detectFooter(m: Matchers, line: string, out: SignalSet): void {
  const footer = FOOTER.exec(line);
  if (!footer) return;
  const target = footer[1];
  const documented = m.footers.get(line.toLowerCase());
  const link = /^\[([^\]]+)\]\(/.exec(target);
  if (link) {
    const hit = resolveWholeName(m, link[1]);
    if (hit) out.add(hit.tool, 'footer', line, hit.model, footerProvenance(documented, hit.tool));
    return;
  }
  const hit = resolvePrefix(m, target);
  if (hit && (FOOTER_TAIL.test(hit.rest) || NAME_SUFFIX.test(hit.rest.trim()))) {
    const model = modelAfter(m, hit.tool, target, hit.rest);
    out.add(hit.tool, 'footer', line, model, footerProvenance(documented, hit.tool));
  }
}

function footerProvenance(documented: Matched | undefined, tool: string): Provenance | undefined {
  return documented?.tool === tool ? documented.provenance : undefined;
}

function detectIdentity(m: Matchers, role: string, identity: Identity, out: SignalSet): void {
  const hit = classifyIdentity(m, identity.name, identity.email);
  if (hit) {
    const evidence = `${role}: ${identity.name} <${identity.email}>`;
    out.add(hit.tool, 'identity', evidence, hit.model, hit.provenance);
  }
}

function detectBranch(m: Matchers, branch: string, label: string, out: SignalSet): void {
  const name = branch.replace(/^refs\/heads\//, '').replace(/^refs\/remotes\/[^/]+\//, '');
  const lower = name.toLowerCase();
  for (const sig of m.branches) {
    if (lower.startsWith(sig.prefix))
      out.add(sig.tool, 'branch', `${label}: ${name}`, undefined, sig.provenance);
  }
}

function envValueMatches(sig: EnvSignature, value: string): boolean {
  if (sig.value === undefined) return true;
  if (typeof sig.value === 'string') return value === sig.value;
  return value.includes(sig.value.contains);
}

function envSignals(
  env: Record<string, string | undefined>,
  catalog: Catalog,
  trust: EnvTrust,
): Signal[] {
  const m = matchersFor(catalog);
  const out = new SignalSet();
  for (const { sig, tool } of m.env) {
    const value = env[sig.name];
    if (sig.trust === trust && value && envValueMatches(sig, value)) {
      out.add(tool, 'env', `${sig.name}=${value}`, undefined, sig);
    }
  }
  if (trust === 'agent') {
    for (const sig of genericAgentEnv) {
      const value = env[sig.name];
      if (value) {
        const tool = resolvePrefix(m, value)?.tool ?? UNKNOWN_TOOL;
        out.add(tool, 'env', `${sig.name}=${value}`, undefined, sig);
      }
    }
  }
  const seen = new Set(out.list.map((signal) => signal.tool));
  const shadows = m.shadows.filter((shadow) => seen.has(shadow.by));
  return out.list.filter(
    (signal) =>
      !shadows.some(
        (shadow) =>
          shadow.tool === signal.tool && shadow.names.has(signal.evidence.split('=', 1)[0]),
      ),
  );
}

/**
 * Tools an agent environment names: only variables set in agent-run shells count. Amp also sets
 * Claude Code's CLAUDECODE, so when Amp is seen that variable is Amp's. Evidence is `NAME=value`.
 */
export function detectEnv(env: Record<string, string | undefined>, catalog: Catalog): Signal[] {
  return envSignals(env, catalog, 'agent');
}

/**
 * Variables that human terminals carry too (TERM_PROGRAM=kiro, CURSOR_TRACE_ID, …): worth showing
 * in `status`, never enough to record a tool.
 */
export function detectAmbientEnv(
  env: Record<string, string | undefined>,
  catalog: Catalog,
): Signal[] {
  return envSignals(env, catalog, 'ambient');
}

const BOT_EMAILS = new Set(knownBots.flatMap((bot) => (bot.email ? [bot.email] : [])));
const BOT_NAMES = new Set(knownBots.flatMap((bot) => (bot.name ? [bot.name] : [])));

/** True for any AI tool identity and any bot: such a sign-off is not a human review. */
export function isAiOrBotIdentity(identity: Identity, catalog: Catalog): boolean {
  const name = identity.name.trim().toLowerCase();
  const email = identity.email.trim().toLowerCase();
  return (
    classifyIdentity(matchersFor(catalog), identity.name, identity.email) !== undefined ||
    name.endsWith('[bot]') ||
    email.endsWith('[bot]@users.noreply.github.com') ||
    BOT_NAMES.has(name) ||
    BOT_EMAILS.has(email) ||
    /^(?:no-?reply|do-?not-?reply)@/.test(email) ||
    /(?:^|[\s_-])bot$/.test(name)
  );
}

/** The trailer trailguard writes for a tool: `Assisted-by: <tool-id>[:<model>]`. */
export function assistedByTrailer(tool: string, model?: string): Trailer {
  const cleanModel = model?.trim().replace(/\s+/g, '-');
  return { key: 'Assisted-by', value: cleanModel ? `${tool}:${cleanModel}` : tool };
}
