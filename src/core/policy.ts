/**
 * The policy: the schema of `.github/trailguard.yml`, its parser with line-numbered errors, the
 * embedded default, path matching, exemptions and the tighten-only merge of an org policy with a
 * repository's. Pure: no I/O.
 *
 * The YAML keys are spelled as DESIGN.md spells them (kebab-case); the parsed `Policy` uses
 * camelCase (`require-review` → `requireReview`, `dismiss-stale` → `dismissStale`,
 * `on-violation` → `onViolation`).
 */
import picomatch from 'picomatch';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ExtraTool } from './types.js';

export type Forbid = 'external' | 'any-ai' | 'none';
export type UnknownTools = 'external' | 'ignore';
export type OnViolation = 'warn' | 'block';

export interface ProtectedGroup {
  name: string;
  /** Globs relative to the repository root; a glob also covers everything under a directory it matches. */
  paths: string[];
  forbid: Forbid;
  requireReview: boolean;
}

export interface ToolsPolicy {
  internal: string[];
  unknown: UnknownTools;
  extra: ExtraTool[];
}

export interface ReviewPolicy {
  trailers: string[];
  approvals: boolean;
  reviewers: string[];
  dismissStale: boolean;
}

export interface LocalPolicy {
  onViolation: OnViolation;
}

/** Exactly one of `commit` (a lowercase hex prefix) and `path` (a glob) is set. */
export interface Exemption {
  commit?: string;
  path?: string;
  reason: string;
  /** YYYY-MM-DD: the last day (UTC) the exemption applies. */
  expires?: string;
  /**
   * Set by mergePolicies on a repository's exemptions: the org's protected globs, which a
   * repository exemption cannot clear.
   */
  notFor?: string[];
}

/** The effective policy, every default applied. */
export interface Policy {
  version: 1;
  extends?: string;
  protected: ProtectedGroup[];
  tools: ToolsPolicy;
  review: ReviewPolicy;
  local: LocalPolicy;
  exemptions: Exemption[];
}

/**
 * What one file says, before defaults: an absent key is `undefined`. mergePolicies needs this to
 * tell "the repository left dismiss-stale alone" from "the repository set it to the default".
 * A full `Policy` is also a valid layer.
 */
export interface PolicyLayer {
  version: 1;
  extends?: string;
  protected?: (Pick<ProtectedGroup, 'name' | 'paths'> & Partial<ProtectedGroup>)[];
  tools?: Partial<ToolsPolicy>;
  review?: Partial<ReviewPolicy>;
  local?: Partial<LocalPolicy>;
  exemptions?: Exemption[];
}

/** An invalid policy file; the message is one line, `file:line:col: key.path: problem`. */
export class PolicyError extends UserError {
  override name = 'PolicyError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly keyPath: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${keyPath ? `${keyPath}: ` : ''}${problem}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Globs and paths

const MATCH_OPTIONS = { dot: true, nocase: true } as const;

/** Why a protected or exempt glob is unusable, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob === '') return 'empty glob';
  if (glob.trim() !== glob) return 'leading or trailing whitespace in glob';
  if (glob.includes('\\'))
    return 'backslash in glob; use forward slashes (escapes are not supported)';
  if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob))
    return 'absolute glob; globs are relative to the repository root';
  if (glob.startsWith('!'))
    return 'negated globs are not supported; list what to protect and use exemptions for carve-outs';
  const segments = globBase(glob).split('/');
  if (segments.includes('..'))
    return '".." segment in glob; globs are relative to the repository root';
  if (segments.join('') === '')
    return 'glob names the repository root; use "**" to protect everything';
  if (segments.some((segment) => segment === '' || segment === '.'))
    return 'empty or "." segment in glob';
  const unbalanced = unbalancedBracket(glob);
  if (unbalanced) return `unbalanced "${unbalanced}" in glob`;
  try {
    if (picomatch.makeRe(glob, { ...MATCH_OPTIONS, strictBrackets: true }).source === '$^')
      return 'glob can never match (an invalid character range?)';
  } catch (error) {
    return `invalid glob: ${(error as Error).message.replace(/ - use .*$/, '')}`;
  }
  return undefined;
}

/** A glob without a leading `./` or a trailing `/`, the form it is matched in. */
function globBase(glob: string): string {
  return glob.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

function unbalancedBracket(glob: string): string | undefined {
  let braces = 0;
  let inClass = false;
  for (const char of glob) {
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') inClass = true;
    else if (char === ']') return ']';
    else if (char === '{') braces += 1;
    else if (char === '}' && --braces < 0) return '}';
  }
  if (inClass) return '[';
  return braces > 0 ? '{' : undefined;
}

const NEEDS_NORMALIZING = /\\|\/\/|^\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;

/**
 * A repository-relative path in the one form globs are matched against: forward slashes, no
 * `./`, empty or `..` segments (resolved lexically).
 */
export function normalizePath(path: string): string {
  if (!NEEDS_NORMALIZING.test(path)) return path;
  const segments: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments.at(-1) !== '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/**
 * One matcher for a list of globs. Case-insensitive, because on a case-insensitive file system
 * `EVALS/x` is `evals/x` (fail closed); a glob also covers everything under a directory it
 * matches, so `evals` protects what `evals/**` does instead of silently matching nothing.
 */
function compileGlobs(globs: readonly string[]): (normalizedPath: string) => boolean {
  const regex = globsRegExp(globs);
  return (normalizedPath) => regex.test(normalizedPath);
}

/**
 * The one regular expression a list of globs is matched with (normalized paths). Exported for
 * the agent guard's cache, which keeps its source so a hook need not load the glob compiler.
 */
export function globsRegExp(globs: readonly string[]): RegExp {
  // One regular expression for the lot: picomatch's own matcher functions cost several times more.
  const sources = globs
    .map(globBase)
    .flatMap((base) => (base.endsWith('**') ? [base] : [base, `${base}/**`]))
    .map((pattern) => picomatch.makeRe(pattern, MATCH_OPTIONS).source);
  return new RegExp(sources.join('|'), 'i');
}

export type ProtectionMatcher = (path: string) => ProtectedGroup[];

/** Compiles every group's globs once; the matcher gives the groups protecting a path, in policy order. */
export function compileProtection(policy: Pick<Policy, 'protected'>): ProtectionMatcher {
  const groups = policy.protected.map((group) => ({ group, matches: compileGlobs(group.paths) }));
  return (path) => {
    const normalized = normalizePath(path);
    return groups.filter(({ matches }) => matches(normalized)).map(({ group }) => group);
  };
}

// ---------------------------------------------------------------------------------------------
// Exemptions

interface CompiledExemption {
  exemption: Exemption;
  covers?: (normalizedPath: string) => boolean;
  orgProtects?: (normalizedPath: string) => boolean;
}

// Policies are never mutated after parsing, so compiled globs can be kept per exemption list.
const compiledExemptions = new WeakMap<readonly Exemption[], CompiledExemption[]>();

function compileExemptions(exemptions: readonly Exemption[]): CompiledExemption[] {
  let compiled = compiledExemptions.get(exemptions);
  if (!compiled) {
    compiled = exemptions.map((exemption) => ({
      exemption,
      covers: exemption.path === undefined ? undefined : compileGlobs([exemption.path]),
      orgProtects: exemption.notFor?.length ? compileGlobs(exemption.notFor) : undefined,
    }));
    compiledExemptions.set(exemptions, compiled);
  }
  return compiled;
}

/** Whether an exemption still applies on `now`: it expires at the end of its `expires` day, UTC. */
export function exemptionActive(exemption: Exemption, now: Date): boolean {
  return exemption.expires === undefined || now.toISOString().slice(0, 10) <= exemption.expires;
}

/**
 * The first active exemption covering a commit (`sha`, by prefix) or a path (by glob).
 * `{sha}` alone finds commit exemptions that cover the whole commit; `{path}` alone finds path
 * exemptions; `{sha, path}` finds either, and is the only form that can apply a repository's
 * commit exemption (mergePolicies scopes those to paths the org does not protect).
 */
export function exemptionFor(
  target: { sha?: string; path?: string },
  policy: Pick<Policy, 'exemptions'>,
  now: Date,
): Exemption | undefined {
  const sha = target.sha?.toLowerCase();
  const path = target.path === undefined ? undefined : normalizePath(target.path);
  for (const { exemption, covers, orgProtects } of compileExemptions(policy.exemptions)) {
    const matches =
      exemption.commit !== undefined
        ? sha !== undefined && sha.startsWith(exemption.commit)
        : path !== undefined && covers!(path);
    if (!matches || !exemptionActive(exemption, now)) continue;
    if (orgProtects && (path === undefined || orgProtects(path))) continue;
    return exemption;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The schema (YAML key names; transforms give the camelCase layer)

/** A mapping whose unknown keys are errors that list the known ones. */
function strictMapping<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown key (expected one of ${known})` : undefined,
  });
}

function withProblem(check: (value: string) => string | undefined) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

function uniqueBy<T>(key: (item: T) => string, field: string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const value = key(item);
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, field],
          message: `duplicate ${what} ${JSON.stringify(value)} (first at [${first}])`,
        });
    });
  };
}

const text = z.string().min(1);
const glob = z.string().superRefine(withProblem(globProblem));
const TOOL_ID = /^[a-z0-9][a-z0-9._-]*$/;
const toolId = z.string().superRefine(
  withProblem((id) => {
    if (!TOOL_ID.test(id))
      return `tool ids are lowercase letters, digits, ".", "_" and "-" (got ${JSON.stringify(id)})`;
    if (id === 'unknown')
      return '"unknown" is reserved; use tools.unknown to say how unknown AI signals count';
    return undefined;
  }),
);
const trailerKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, {
  error: 'a trailer key is letters, digits and "-", e.g. Reviewed-by',
});

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const date = z
  .string()
  .superRefine(
    withProblem((value) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value)
        ? undefined
        : `expected a date YYYY-MM-DD (got ${JSON.stringify(value)})`,
    ),
  );

const FORBID = ['external', 'any-ai', 'none'] as const satisfies readonly Forbid[];

const groupSchema = strictMapping({
  name: text.describe('Names the group in reports'),
  paths: z.array(glob).min(1).describe('Globs relative to the repository root (case-insensitive)'),
  forbid: z
    .enum(FORBID)
    .optional()
    .meta({ default: 'external' })
    .describe(
      'external: outside AI tools; any-ai: every AI tool, internal ones too; none: no tool',
    ),
  'require-review': z
    .boolean()
    .optional()
    .meta({ default: true })
    .describe('Commits touching the group need a human review sign-off'),
}).transform(({ 'require-review': requireReview, ...group }) => ({ ...group, requireReview }));

const extraToolSchema = strictMapping({
  id: toolId,
  name: text.optional(),
  env: z.array(text).optional().describe('Environment variables the tool sets'),
  emails: z.array(text).optional().describe('Author or committer emails of the tool'),
  branches: z.array(text).optional().describe('Branch prefixes the tool uses'),
  trailers: z.array(text).optional().describe('Trailer lines or keys the tool writes'),
});

const toolsSchema = strictMapping({
  internal: z
    .array(toolId)
    .optional()
    .meta({ default: [] })
    .describe('AI tools allowed in protected paths'),
  unknown: z
    .enum(['external', 'ignore'])
    .optional()
    .meta({ default: 'external' })
    .describe('How an AI signal that maps to no known tool counts'),
  extra: z
    .array(extraToolSchema)
    .superRefine(uniqueBy((tool) => tool.id, 'id', 'tool id'))
    .optional()
    .describe("The organisation's own tools and their signals"),
});

const reviewSchema = strictMapping({
  trailers: z
    .array(trailerKey)
    .optional()
    .meta({ default: ['Reviewed-by'] })
    .describe('Sign-off trailers that count as a human review'),
  approvals: z
    .boolean()
    .optional()
    .meta({ default: true })
    .describe('The Action may count an approving pull request review'),
  reviewers: z
    .array(text)
    .optional()
    .meta({ default: [] })
    .describe('Allowlist of logins or emails; empty means any human but the author'),
  'dismiss-stale': z
    .boolean()
    .optional()
    .meta({ default: true })
    .describe('An approval counts only on the current head'),
}).transform(({ 'dismiss-stale': dismissStale, ...review }) => ({ ...review, dismissStale }));

const localSchema = strictMapping({
  'on-violation': z
    .enum(['warn', 'block'])
    .optional()
    .meta({ default: 'warn' })
    .describe('What git hooks and agent guards do on a violation'),
}).transform(({ 'on-violation': onViolation }) => ({ onViolation }));

const exemptionSchema = strictMapping({
  commit: z
    .string()
    .regex(/^[0-9a-fA-F]{7,64}$/, {
      error: 'expected a commit sha or a prefix of at least 7 hex digits',
    })
    .transform((sha) => sha.toLowerCase())
    .optional(),
  path: glob.optional(),
  reason: text.describe('Why this is exempt; shown in reports'),
  expires: date.optional().describe('YYYY-MM-DD, the last day (UTC) the exemption applies'),
}).superRefine((exemption, ctx) => {
  if (exemption.commit === undefined && exemption.path === undefined)
    ctx.addIssue({ code: 'custom', message: 'an exemption needs a commit or a path' });
  else if (exemption.commit !== undefined && exemption.path !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['path'],
      message: 'an exemption has either a commit or a path, not both (write two exemptions)',
    });
});

const policySchema = strictMapping({
  version: z.literal(1, {
    error: (issue) =>
      issue.input === undefined
        ? 'missing; the file must say "version: 1"'
        : `unsupported version ${JSON.stringify(issue.input)} (this trailguard reads version 1)`,
  }),
  extends: z
    .string()
    .regex(/^\S+$/, {
      error: 'expected a policy reference without spaces, e.g. my-org/.github/trailguard.yml@main',
    })
    .optional()
    .describe('The org policy this file tightens, e.g. my-org/.github/trailguard.yml@main'),
  protected: z
    .array(groupSchema)
    .superRefine(uniqueBy((group) => group.name, 'name', 'group name'))
    .optional()
    .describe('Protected path groups; omitted, the built-in training-data and eval names apply'),
  tools: toolsSchema.optional(),
  review: reviewSchema.optional(),
  local: localSchema.optional(),
  exemptions: z.array(exemptionSchema).optional(),
}).meta({
  title: 'trailguard policy',
  description:
    'Which directories hold training data and evals, which AI tools may touch them, and what counts as human review (.github/trailguard.yml).',
});

/** The JSON Schema of the policy file, generated from the zod schema (YAML key names). */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policySchema, { io: 'input', target: 'draft-2020-12' });
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Key = string | number;

function formatKeyPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (!/^[A-Za-z0-9_-]+$/.test(name)) return `[${JSON.stringify(name)}]`;
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

/** The node a key path leads to, as far as it exists; `keyNode` picks a map key over its value. */
function nodeAt(doc: Document, path: readonly Key[], keyNode: boolean): YamlNode | undefined {
  let node = doc.contents as YamlNode | null;
  if (!node) return undefined;
  for (const [index, key] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(key),
      );
      if (!pair) return node;
      const next = (last && keyNode) || !pair.value ? pair.key : pair.value;
      node = next as YamlNode;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as YamlNode;
    } else return node;
  }
  return node;
}

/** The key path of the innermost node at a source offset (for YAML errors). */
function pathAt(doc: Document, offset: number): Key[] {
  const path: Key[] = [];
  const inside = (node: unknown) => {
    const range = (node as YamlNode | null)?.range;
    return !!range && range[0] <= offset && offset < Math.max(range[1], range[0] + 1);
  };
  let node = doc.contents as unknown;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => inside(item.key) || inside(item.value));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      if (inside(pair.key)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(inside);
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else return path;
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'missing (required)';
      if (issue.path.length === 0)
        return `the top level must be a mapping of keys (got ${describeValue(issue.input)})`;
      return `expected ${EXPECTED[issue.expected] ?? issue.expected} (got ${describeValue(issue.input)})`;
    case 'invalid_value':
      return issue.values.length > 1
        ? `expected one of ${issue.values.join(', ')} (got ${describeValue(issue.input)})`
        : issue.message;
    case 'too_small':
      return 'must not be empty';
    case 'invalid_format':
      return `${issue.message} (got ${describeValue(issue.input)})`;
    default:
      return issue.message;
  }
}

/** Keeps commit shas as written: YAML would read `0123456` as the number 123456. */
function keepCommitsAsWritten(doc: Document): void {
  const exemptions = doc.get('exemptions', true);
  if (!isSeq(exemptions)) return;
  for (const item of exemptions.items) {
    if (!isMap(item)) continue;
    const commit = item.get('commit', true);
    if (isScalar(commit) && typeof commit.value === 'number' && commit.source)
      commit.value = commit.source;
  }
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Reads and validates one policy file, without applying defaults. */
export function parsePolicyLayer(source: string, file: string): PolicyLayer {
  const lineCounter = new LineCounter();
  const fail = (offset: number, path: readonly PropertyKey[], problem: string): never => {
    const { line, col } = lineCounter.linePos(offset);
    throw new PolicyError(file, line, col, formatKeyPath(path), oneLine(problem));
  };
  const content = source.replace(/^\uFEFF/, '');
  const doc = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Decoding turned bytes that are not UTF-8 into U+FFFD; UTF-16 text shows up as NULs.
  // eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
  const badByte = content.search(/[\uFFFD\u0000]/);
  if (badByte >= 0) fail(badByte, [], 'not UTF-8 text; save the file as UTF-8');
  const yamlProblem = doc.errors[0] ?? doc.warnings[0];
  if (yamlProblem) {
    const offset = yamlProblem.pos[0];
    const path = pathAt(doc, offset);
    const message =
      yamlProblem.code === 'DUPLICATE_KEY'
        ? 'duplicate key (each key may appear once)'
        : yamlProblem.code === 'MULTIPLE_DOCS'
          ? 'more than one YAML document ("---"); a policy file holds one'
          : `invalid YAML: ${yamlProblem.message}`;
    fail(offset, path, message);
  }
  if (doc.contents === null) fail(0, [], 'empty policy file; it needs at least "version: 1"');

  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key)) return;
      const offset = (pair.key as YamlNode | null)?.range?.[0] ?? 0;
      fail(offset, pathAt(doc, offset), 'a key must be a plain word, not a list or mapping');
    },
  });
  keepCommitsAsWritten(doc);
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // Aliases: an unresolved one, or so many that they look like a resource exhaustion attack.
    fail(0, [], `invalid YAML: ${(error as Error).message}`);
  }
  const result = policySchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;

  const located = result.error.issues.map((issue) => {
    const path = [...issue.path] as Key[];
    if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]);
    const node = nodeAt(doc, path, issue.code === 'unrecognized_keys');
    return { issue, path, offset: node?.range?.[0] ?? 0 };
  });
  located.sort((a, b) => a.offset - b.offset);
  const [first] = located;
  const more = located.length - 1;
  const suffix = more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : '';
  return fail(first.offset, first.path, describeIssue(first.issue) + suffix);
}

/** Applies the defaults to what a file said. */
export function resolvePolicy(layer: PolicyLayer): Policy {
  return {
    version: 1,
    ...(layer.extends !== undefined && { extends: layer.extends }),
    protected: layer.protected?.map(resolveGroup) ?? DEFAULT_GROUPS.map(resolveGroup),
    tools: {
      internal: layer.tools?.internal ?? [],
      unknown: layer.tools?.unknown ?? 'external',
      extra: layer.tools?.extra ?? [],
    },
    review: {
      trailers: layer.review?.trailers ?? ['Reviewed-by'],
      approvals: layer.review?.approvals ?? true,
      reviewers: layer.review?.reviewers ?? [],
      dismissStale: layer.review?.dismissStale ?? true,
    },
    local: { onViolation: layer.local?.onViolation ?? 'warn' },
    exemptions: layer.exemptions ?? [],
  };
}

function resolveGroup(group: NonNullable<PolicyLayer['protected']>[number]): ProtectedGroup {
  return {
    name: group.name,
    paths: [...group.paths],
    forbid: group.forbid ?? 'external',
    requireReview: group.requireReview ?? true,
  };
}

/** Parses a policy file (YAML) and applies the defaults; throws PolicyError with one line. */
export function parsePolicy(source: string, file: string): Policy {
  return resolvePolicy(parsePolicyLayer(source, file));
}

// ---------------------------------------------------------------------------------------------
// The embedded default

/**
 * The directory names ML repositories use for training data and eval sets. Only names that are
 * specific to ML are listed, so ordinary code rarely matches: plain `data/`, `datasets/` (also a
 * Python package name), `test/`, `benchmarks/` (performance code), `golden/` (golden-file tests)
 * and `eval/` (interpreters) are left out on purpose; `data/train`, `evals/` and `*_data` names
 * with a training or eval prefix are kept. Matching is case-insensitive and at any depth.
 */
const DEFAULT_GROUPS: NonNullable<PolicyLayer['protected']> = [
  {
    name: 'training-data',
    paths: [
      '**/{training,train,pretraining,finetuning,fine-tuning,sft,rlhf,preference}[-_]data/**',
      '**/{data,datasets}/{train,training}/**',
    ],
  },
  {
    name: 'evals',
    paths: [
      '**/evals/**',
      '**/{eval,evaluation,benchmark}[-_]{data,sets}/**',
      '**/golden[-_]sets/**',
      '**/held{-,_,}out/**',
      '**/{data,datasets}/{eval,evals,evaluation}/**',
    ],
  },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The policy that applies when a repository has no policy file. */
export const defaultPolicy: Policy = deepFreeze(resolvePolicy({ version: 1 }));

// ---------------------------------------------------------------------------------------------
// Org + repository: tighten only

const STRICTNESS: Record<Forbid, number> = { none: 0, external: 1, 'any-ai': 2 };

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The org's items that the repository's list also names (case-insensitive), in the org's spelling. */
function keepListed(org: string[], repo: string[] | undefined): string[] {
  return repo === undefined
    ? org
    : org.filter((item) => repo.some((other) => sameText(item, other)));
}

/**
 * The effective policy of a repository whose file `extends` an org policy. The repository can
 * only tighten:
 * - every org group stays; a repository group of the same name adds paths, makes `forbid`
 *   stricter (none < external < any-ai) and can turn `require-review` on, never off; other
 *   repository groups are added;
 * - `tools.internal` is the org's list less the tools the repository leaves out (it cannot add);
 *   `tools.extra` gains the repository's tools except ones redefining an org tool or an internal
 *   id (that would let an outside tool pass as internal); `unknown: external` wins;
 * - review: `approvals` can only go off, `dismiss-stale` only on, `trailers` only shrink,
 *   `reviewers` intersect when both set lists (an allowlist is itself a tightening);
 * - `on-violation: block` wins;
 * - the repository's exemptions never clear a path the org protects (they apply to what the
 *   repository added); the org's exemptions apply as written;
 * - `extends` is the org's.
 */
export function mergePolicies(org: Policy, repo: PolicyLayer): Policy {
  const repoGroups = new Map((repo.protected ?? []).map((group) => [group.name, group]));
  const groups = org.protected.map((group): ProtectedGroup => {
    const tighter = repoGroups.get(group.name);
    if (!tighter) return group;
    const forbid = tighter.forbid ?? group.forbid;
    return {
      name: group.name,
      paths: [...new Set([...group.paths, ...tighter.paths])],
      forbid: STRICTNESS[forbid] > STRICTNESS[group.forbid] ? forbid : group.forbid,
      requireReview: group.requireReview || tighter.requireReview === true,
    };
  });
  const orgNames = new Set(org.protected.map((group) => group.name));
  const added = (repo.protected ?? [])
    .filter((group) => !orgNames.has(group.name))
    .map(resolveGroup);

  const internal = keepListed(org.tools.internal, repo.tools?.internal);
  const orgExtraIds = new Set(org.tools.extra.map((tool) => tool.id));
  const extra = [
    ...org.tools.extra,
    ...(repo.tools?.extra ?? []).filter(
      (tool) => !orgExtraIds.has(tool.id) && !internal.includes(tool.id),
    ),
  ];

  const orgReviewers = org.review.reviewers;
  const repoReviewers = repo.review?.reviewers ?? [];
  const reviewers =
    orgReviewers.length === 0
      ? repoReviewers
      : repoReviewers.length === 0
        ? orgReviewers
        : keepListed(orgReviewers, repoReviewers);

  const orgGlobs = org.protected.flatMap((group) => group.paths);
  const repoExemptions = (repo.exemptions ?? []).map((exemption) => {
    const notFor = [...(exemption.notFor ?? []), ...orgGlobs];
    return notFor.length > 0 ? { ...exemption, notFor } : exemption;
  });

  return {
    version: 1,
    ...(org.extends !== undefined && { extends: org.extends }),
    protected: [...groups, ...added],
    tools: {
      internal,
      unknown:
        org.tools.unknown === 'external' || repo.tools?.unknown === 'external'
          ? 'external'
          : 'ignore',
      extra,
    },
    review: {
      trailers: keepListed(org.review.trailers, repo.review?.trailers),
      approvals: org.review.approvals && repo.review?.approvals !== false,
      reviewers,
      dismissStale: org.review.dismissStale || repo.review?.dismissStale === true,
    },
    local: {
      onViolation:
        org.local.onViolation === 'block' || repo.local?.onViolation === 'block' ? 'block' : 'warn',
    },
    exemptions: [...org.exemptions, ...repoExemptions],
  };
}

// ---------------------------------------------------------------------------------------------
// A readable dump for logs

const FORBID_TEXT: Record<Forbid, string> = {
  external: 'outside AI tools forbidden',
  'any-ai': 'all AI tools forbidden',
  none: 'no tool forbidden',
};

/** The effective policy in a few lines, for logs ("what did this run enforce?"). */
export function describePolicy(policy: Policy, now?: Date): string {
  const list = (items: string[], empty: string) => (items.length ? items.join(', ') : empty);
  const lines = [
    `trailguard policy v${policy.version}${policy.extends ? ` (extends ${policy.extends})` : ''}`,
  ];
  lines.push(policy.protected.length ? 'protected:' : 'protected: nothing');
  for (const group of policy.protected) {
    const review = group.requireReview ? 'human review required' : 'no review required';
    lines.push(
      `  ${group.name}: ${group.paths.join(', ')} — ${FORBID_TEXT[group.forbid]}; ${review}`,
    );
  }
  const { tools, review } = policy;
  lines.push(
    `tools: internal ${list(tools.internal, 'none')}; unknown AI signals ${tools.unknown === 'external' ? 'count as external' : 'are ignored'}; extra ${list(
      tools.extra.map((tool) => tool.id),
      'none',
    )}`,
  );
  const approvals = review.approvals
    ? `approving PR reviews count${review.dismissStale ? ' (on the current head only)' : ''}`
    : 'PR approvals do not count';
  lines.push(
    `review: trailers ${list(review.trailers, 'none')}; ${approvals}; reviewers ${list(review.reviewers, 'any human but the author')}`,
  );
  lines.push(`local: ${policy.local.onViolation} on violation`);
  lines.push(policy.exemptions.length ? 'exemptions:' : 'exemptions: none');
  for (const exemption of policy.exemptions) {
    const what =
      exemption.commit !== undefined ? `commit ${exemption.commit}` : `path ${exemption.path}`;
    const until = exemption.expires
      ? ` until ${exemption.expires}${now && !exemptionActive(exemption, now) ? ' (expired)' : ''}`
      : '';
    const scope = exemption.notFor ? ' (not in org-protected paths)' : '';
    lines.push(`  ${what}${until}${scope}: ${exemption.reason}`);
  }
  return lines.join('\n');
}
