/**
 * Reading a policy file: YAML to the schema's layer, every problem one line naming the file,
 * line, column and key path; then the defaults. Pure: no I/O.
 */
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
import type { z } from 'zod';
import { defaultPolicy } from './embedded.js';
import { collapseLongLists, type CollapsedLists } from './long-lists.js';
import { policySchema } from './schema.js';
import { PolicyError, type Policy, type PolicyLayer, type ProtectedGroup } from './types.js';

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
  const content = source.replace(/^\uFEFF/, '');
  const collapsed = collapseLongLists(content);
  if (collapsed) {
    try {
      return readLayer(collapsed.text, file, collapsed.restore);
    } catch {
      // Read the file as written: any problem is then reported at its own line and column.
    }
  }
  return readLayer(content, file);
}

function readLayer(
  content: string,
  file: string,
  restore?: CollapsedLists['restore'],
): PolicyLayer {
  const lineCounter = new LineCounter();
  const problemAt = (offset: number, path: readonly PropertyKey[], problem: string) => {
    const { line, col } = lineCounter.linePos(offset);
    return new PolicyError(file, line, col, formatKeyPath(path), oneLine(problem));
  };
  const fail = (offset: number, path: readonly PropertyKey[], problem: string): never => {
    throw problemAt(offset, path, problem);
  };
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
  if (restore && !restore(data)) throw new Error('a collapsed list was not found as a list');
  const result = policySchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;

  const located = result.error.issues.map((issue) => {
    const path = [...issue.path] as Key[];
    if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]);
    const node = nodeAt(doc, path, issue.code === 'unrecognized_keys');
    return { issue, path, offset: node?.range?.[0] ?? 0 };
  });
  // Every problem at once, in file order, so one edit fixes them all.
  const [first, ...rest] = located
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, path, issue }) => problemAt(offset, path, describeIssue(issue)));
  throw new PolicyError(file, first.line, first.column, first.keyPath, first.problem, rest);
}

/** Applies the defaults to what a file said. */
export function resolvePolicy(layer: PolicyLayer): Policy {
  return {
    version: 1,
    ...(layer.extends !== undefined && { extends: layer.extends }),
    protected: (layer.protected ?? defaultPolicy.protected).map(resolveGroup),
    tools: {
      internal: layer.tools?.internal ?? [],
      providers: layer.tools?.providers ?? [],
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

export function resolveGroup(group: NonNullable<PolicyLayer['protected']>[number]): ProtectedGroup {
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
