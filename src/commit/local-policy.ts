/**
 * The repository's policy as a local hook applies it: protected paths touched while an outside
 * AI tool is detected give a clear message naming files, tools and the fix; with
 * `local.on-violation: block` the commit is refused and its message kept in a file first.
 * Only the external-AI rule applies here: a review can only come after the commit exists.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCatalog, type Catalog } from '../core/catalog.js';
import { explainCommit } from '../core/evaluate.js';
import { defaultPolicy, type Policy } from '../core/policy.js';
import type { CommitRecord, Signal, Violation } from '../core/types.js';
import { EMBEDDED_DEFAULT, POLICY_FILES, loadPolicy } from '../config/load.js';

export interface LocalPolicy {
  policy: Policy;
  catalog: Catalog;
  source: string;
  /** Why the repository's file could not be used (then the builtin catalog records, nothing is judged). */
  problem?: string;
}

/** The policy file in the work tree, read without starting git. Never throws: a hook fails open. */
export function loadLocalPolicy(top: string): LocalPolicy {
  const file = POLICY_FILES.find((path) => existsSync(resolve(top, path)));
  try {
    const { policy, source } = file
      ? loadPolicy({ repoDir: top, configPath: file })
      : { policy: defaultPolicy, source: EMBEDDED_DEFAULT };
    return { policy, catalog: createCatalog(policy.tools), source };
  } catch (error) {
    return {
      policy: defaultPolicy,
      catalog: createCatalog(),
      source: file ?? EMBEDDED_DEFAULT,
      problem: (error as Error).message,
    };
  }
}

/** The external-AI violations of the commit being made. */
export function localViolations(
  local: LocalPolicy,
  commit: CommitRecord,
  signals: readonly Signal[],
  now = new Date(),
): { violations: Violation[]; evidence: Map<string, string[]> } {
  const verdict = explainCommit(commit, {
    policy: local.policy,
    catalog: local.catalog,
    now,
    extraSignals: () => [...signals],
  });
  const evidence = new Map(
    verdict.tools.map((finding) => [
      finding.tool,
      [...new Set(finding.signals.map((signal) => signal.evidence))],
    ]),
  );
  return { violations: verdict.violations.filter((v) => v.rule === 'external-ai'), evidence };
}

/** Whether the message has anything a person wrote (not only comments and blank lines). */
export function hasContent(message: string, commentChar: string): boolean {
  return message.split('\n').some((line) => line.trim() !== '' && !line.startsWith(commentChar));
}

/** Keeps a copy of the message under the git dir, so a refused commit loses nothing. */
export function saveMessage(gitDir: string, messageFile: string): string {
  const dir = join(gitDir, 'trailguard');
  mkdirSync(dir, { recursive: true });
  const saved = join(dir, 'saved-commit-message');
  copyFileSync(messageFile, saved);
  return saved;
}

/** The report a developer sees: each group with its files, the tools with their evidence, the fix. */
export function describeViolations(
  violations: readonly Violation[],
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

/** The message file's text, or '' when git gave none. */
export function readMessage(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
