/**
 * The repository's policy as a local hook applies it: protected paths touched while an outside
 * AI tool is detected give a clear message naming files, tools and the fix; with
 * `local.on-violation: block` the commit is refused and its message kept in a file first.
 * Only the external-AI rule applies here (evaluate.ts's rule, on the staged paths): a review can
 * only come after the commit exists.
 *
 * The policy comes from the guard's cache (regular expressions, agents/guard-cache.ts) when it is
 * current, so a commit with an agent never loads the YAML parser, the schema or the glob compiler;
 * otherwise policy-file.ts reads it in full and refreshes the cache.
 */
import { readFileSync } from 'node:fs';
import { UNKNOWN_TOOL, createCatalog, type Catalog } from '../core/catalog.js';
import type { UnknownTools } from '../core/policy.js';
import type { Signal } from '../core/types.js';
import type { RepoFacts } from '../git/discover.js';
import type { GuardRules } from '../agents/guard.js';
import { readGuardCache, tableRules } from '../agents/guard-cache.js';

export interface LocalPolicy {
  catalog: Catalog;
  rules: GuardRules;
  unknown: UnknownTools;
  source: string;
  /** Why the repository's file could not be used (then the builtin catalog records, nothing is judged). */
  problem?: string;
}

/** The policy from the guard's cache when it is current and enough for the hooks, else undefined. */
export function cachedLocalPolicy(repo: RepoFacts): LocalPolicy | undefined {
  const table = readGuardCache(repo);
  if (!table?.tools || table.pathExemptions) return undefined;
  return {
    catalog: createCatalog({ internal: table.internal, ...table.tools }),
    rules: tableRules(table),
    unknown: table.tools.unknown,
    source: table.source,
  };
}

/** Where the policy comes from when the cache cannot answer (see policy-file.ts). */
export type PolicyLoader = (repo: RepoFacts) => Promise<LocalPolicy>;

export interface LocalViolation {
  group: string;
  paths: string[];
  tools: string[];
}

/**
 * Protected paths among `paths` that the detected tools may not touch: an `external` group
 * forbids tools not listed as internal, an `any-ai` group every AI tool; an unknown AI tool is
 * outside unless `tools.unknown: ignore`; path exemptions apply.
 */
export function localViolations(
  local: LocalPolicy,
  paths: readonly string[],
  signals: readonly Signal[],
  now = new Date(),
): { violations: LocalViolation[]; evidence: Map<string, string[]> } {
  const evidence = new Map<string, string[]>();
  for (const signal of signals) {
    if (signal.tool === UNKNOWN_TOOL && local.unknown === 'ignore') continue;
    const seen = evidence.get(signal.tool) ?? [];
    if (!seen.includes(signal.evidence)) seen.push(signal.evidence);
    evidence.set(signal.tool, seen);
  }
  const tools = [...evidence.keys()];
  const external = tools.filter((tool) => !local.rules.internal.includes(tool));
  const byGroup = new Map<string, LocalViolation>();
  for (const path of paths) {
    for (const group of local.rules.groupsFor(path)) {
      const offending =
        group.forbid === 'any-ai' ? tools : group.forbid === 'external' ? external : [];
      if (offending.length === 0 || local.rules.exempt(path, now)) continue;
      const violation = byGroup.get(group.name) ?? { group: group.name, paths: [], tools: [] };
      byGroup.set(group.name, violation);
      violation.paths.push(path);
      for (const tool of offending) if (!violation.tools.includes(tool)) violation.tools.push(tool);
    }
  }
  return { violations: [...byGroup.values()], evidence };
}

/** The lines of a message git's cleanup keeps: not blank, not comments; trailing space trimmed. */
export function writtenLines(message: string, commentChar: string): string[] {
  return message
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !line.startsWith(commentChar));
}

/** Whether the message has anything a person wrote (not only comments and blank lines). */
export function hasContent(message: string, commentChar: string): boolean {
  return writtenLines(message, commentChar).length > 0;
}

/** The report a developer sees: each group with its files, the tools with their evidence, the fix. */
export function describeViolations(
  violations: readonly LocalViolation[],
  evidence: Map<string, string[]>,
): string {
  const lines = ['trailguard: outside AI output in protected paths'];
  for (const violation of violations) {
    lines.push(`  ${violation.group}: ${violation.paths.join(', ')}`);
    const tools = violation.tools.map((tool) => {
      const seen = evidence.get(tool) ?? [];
      return seen.length ? `${tool} (${seen.join('; ')})` : tool;
    });
    lines.push(`  tools: ${tools.join(', ')}`);
  }
  const paths = [...new Set(violations.flatMap((v) => v.paths))];
  lines.push(
    `  fix: leave those files out of this commit (git restore --staged -- ${paths.map(quoteArg).join(' ')})`,
    '       and redo the change without that tool, move it out of the protected path, or, if the',
    '       tool is your own, list it under tools.internal in the policy. If no agent made this',
    '       change, unset the variable named above (it may be inherited from an agent terminal).',
  );
  return lines.join('\n') + '\n';
}

function quoteArg(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * The message file's bytes (empty when git gave none). A message is read as text only to be
 * looked at; it is rewritten from these bytes (record.ts), since it may be in any encoding.
 */
export function readMessage(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}
