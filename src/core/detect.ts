/**
 * Signal detection: which AI tools a commit (message, identities, branch) or an environment
 * points at. Pure and synchronous. Liberal in what marks AI: a known signature counts wherever it
 * stands in the message (squash merges move inner commits' trailers into the body). Strict in
 * what a word alone means: a human co-author, prose naming a tool and non-AI tools give nothing.
 */
import {
  UNKNOWN_TOOL,
  genericAgentEnv,
  knownBots,
  nonAiTools,
  type Catalog,
  type ClaimTrailer,
  type EnvSignature,
  type EnvTrust,
  type Provenance,
} from './catalog.js';
import {
  NAME_SUFFIX,
  classifyIdentity,
  matchersFor,
  modelAfter,
  resolvePrefix,
  resolveWholeName,
  type Matched,
  type Matchers,
} from './signatures.js';
import { parseGitAiNote } from './git-ai.js';
import { canonicalModel, findModel } from './models.js';
import type { Identity, Signal, SignalKind, Trailer } from './types.js';

export interface CommitInput {
  message: string;
  author: Identity;
  committer: Identity;
  branch?: string;
  /** A git-ai authorship note (refs/notes/ai) on the commit. */
  aiNote?: string;
}

/** The catalog signature behind each signal, kept beside it so a Signal stays plain data. */
const provenances = new WeakMap<Signal, Provenance>();

/** Where the signature that produced `signal` is documented or was seen (`trailguard explain`). */
export function provenanceOf(signal: Signal): Provenance | undefined {
  return provenances.get(signal);
}

/**
 * Collects signals once per (tool, kind, evidence), in the order they were found. Each model is
 * stored by its canonical id, with its provider, or else the provider of the tool's own models.
 */
class SignalSet {
  readonly list: Signal[] = [];

  constructor(private readonly catalog: Catalog) {}

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
    const ref = model ? canonicalModel(model) : undefined;
    const provider = ref?.provider ?? this.catalog.get(tool)?.provider;
    const signal: Signal = { tool, kind, evidence };
    if (ref) signal.model = ref.id;
    if (provider) signal.provider = provider;
    if (provenance) provenances.set(signal, provenance);
    this.list.push(signal);
  }
}

/** Leading white space and list/quote markers, as in squash-merge bodies ("* Co-authored-by: …"). */
const LINE_LEAD = /^[\s*+>-]+/;
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const PERSON = /^(.*?)\s*<([^<>@]*@[^<>]*)>/;
const FOOTER =
  /^(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+\s*)?(?:generated|created|co-created|made|built|written|authored|coded)\s+(?:with|by|using|in)\s+(.+)$/iu;
/** What may follow the tool's name on a plain footer line ("cursor-based paging" is prose). */
const FOOTER_TAIL = /^(?:\s*$|\s*[([,.;:!&+]|\s+[—–-]\s|\s+(?:via|using)\b)/iu;
/** The branch a merge commit's subject names: GitHub's and git's default merge messages. */
const MERGE_SUBJECT =
  /^Merge (?:pull request #\d+ from [^\s/]+\/(\S+)|branch '([^']+)'|remote-tracking branch '[^'/]+\/([^']+)')/;
const MAX_CLAIM_VALUE = 512;
const MESSAGE_LINES = /\n|\\n/;
/** "Claude Sonnet 4 via Crush": the model, then the tool that ran it. */
const VIA = /^(.*?)\s+via\s+(.+)$/i;
const NO_TOOL = new Set(['none', 'no', 'n/a', 'na', 'nothing', 'false', 'human', '-']);
const NON_AI = new Set(nonAiTools);

export function detectCommit(input: CommitInput, catalog: Catalog): Signal[] {
  const m = matchersFor(catalog);
  const out = new SignalSet(catalog);
  let subjectSeen = false;
  // Agents that pass "\n" unexpanded to `git commit -m` leave their trailers on one line.
  for (const raw of input.message.split(MESSAGE_LINES)) {
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
  if (input.aiNote) detectGitAiNote(m, input.aiNote, out);
  return out.list;
}

const GIT_AI_NOTE: Provenance = {
  source: 'Git AI Standard v3.0.0 authorship note (refs/notes/ai) written by git-ai',
};

/** What git-ai recorded: each AI tool (by git-ai's name for it) and the lines it wrote. */
function detectGitAiNote(m: Matchers, note: string, out: SignalSet): void {
  for (const found of parseGitAiNote(note)) {
    const tool = resolvePrefix(m, found.tool)?.tool ?? UNKNOWN_TOOL;
    const files =
      found.files.length > 3 ? `${found.files.slice(0, 3).join(', ')}, …` : found.files.join(', ');
    const lines = `${found.lines} line${found.lines === 1 ? '' : 's'}`;
    const evidence = `git-ai note: ${found.tool}${found.model ? ` (${found.model})` : ''} wrote ${lines}${files ? ` in ${files}` : ''}`;
    out.add(tool, 'note', evidence, found.model, GIT_AI_NOTE);
  }
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
  const via = VIA.exec(value);
  const runner = via && resolvePrefix(m, via[2]);
  if (via && runner) {
    out.add(runner.tool, 'trailer', line, findModel(via[1])?.id, claim);
    return;
  }
  const hit = resolvePrefix(m, value);
  if (hit) {
    const model = modelAfter(m, hit.tool, value, hit.rest) ?? findModel(hit.rest)?.id;
    out.add(hit.tool, 'trailer', line, model, claim);
    return;
  }
  // "Assisted-by: Opus 4.7", "Generated-by: gpt-5.5": a model alone is an AI claim.
  const model = findModel(value);
  if (model || claim.unmapped === 'unknown') {
    out.add(UNKNOWN_TOOL, 'trailer', line, model?.id, claim);
  }
}

/** "Generated with the assistance of X": the tool after the phrase. */
const ASSISTANCE = /^(?:the\s+)?(?:assistance|help)\s+(?:of|from)\s+/i;
/** A footer led by a robot is an AI's own footer even when the tool it names is unknown. */
const ROBOT = '\u{1F916}';

function detectFooter(m: Matchers, line: string, out: SignalSet): void {
  const footer = FOOTER.exec(line);
  if (!footer) return;
  const target = footer[1].replace(ASSISTANCE, '');
  const documented = m.footers.get(line.toLowerCase());
  const link = /^\[([^\]]+)\]\(/.exec(target);
  const named = link && resolveWholeName(m, link[1]);
  const hit = !link ? resolvePrefix(m, target) : undefined;
  if (named) {
    out.add(named.tool, 'footer', line, named.model, footerProvenance(documented, named.tool));
  } else if (hit && (FOOTER_TAIL.test(hit.rest) || NAME_SUFFIX.test(hit.rest.trim()))) {
    const model = modelAfter(m, hit.tool, target, hit.rest);
    out.add(hit.tool, 'footer', line, model, footerProvenance(documented, hit.tool));
  } else if (line.startsWith(ROBOT) && /^generated\b/i.test(line.slice(ROBOT.length).trim())) {
    out.add(UNKNOWN_TOOL, 'footer', line, findModel(target)?.id);
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
  const out = new SignalSet(catalog);
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
