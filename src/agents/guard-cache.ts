/**
 * The guard's rules in a form that loads in microseconds: the policy's protected globs as
 * regular expressions, cached per worktree and keyed by the policy files' stat data and the
 * trailguard version. An agent hook that hits the cache never loads the YAML parser, the schema
 * or the glob compiler (together several times the cost of starting node).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Forbid, OnViolation, UnknownTools } from '../core/policy.js';
import type { ExtraTool } from '../core/types.js';
import type { GuardRules } from './guard.js';
import type { RepoFacts } from '../git/discover.js';
import { replaceFile, worktreeStateDir, worktreeStatePath } from '../state/paths.js';

export interface GuardTable {
  key: string;
  source: string;
  onViolation: OnViolation;
  internal: string[];
  /** Each group's globs as compileProtection matches them (policy.ts globsRegExp). */
  groups: { name: string; forbid: Forbid; pattern: { source: string; flags: string } }[];
  /** A path exemption can only be judged by the policy itself (dates, org scoping). */
  pathExemptions: boolean;
  /** The policy's tools settings, for the commit hooks' catalog (absent in older caches). */
  tools?: { unknown: UnknownTools; extra: ExtraTool[] };
}

/** config/load.ts POLICY_FILES, which this module cannot import without loading the policy code. */
export const POLICY_FILE_NAMES = ['.github/trailguard.yml', '.trailguard.yml'];

function cacheFile(repo: RepoFacts): string {
  return worktreeStatePath(repo.gitDir, 'policyCache');
}

export function guardCacheKey(repo: RepoFacts): string {
  const files = POLICY_FILE_NAMES.map((name) => {
    const stat = statSync(join(repo.top, name), { throwIfNoEntry: false });
    return stat ? `${name}:${stat.mtimeMs}:${stat.size}:${stat.ino}` : `${name}:-`;
  });
  return [process.env.TRAILGUARD_VERSION ?? 'dev', ...files].join('|');
}

/** Best effort: a cache that cannot be written (a directory in its place, no space) is skipped. */
export function writeGuardCache(repo: RepoFacts, table: GuardTable): void {
  const file = cacheFile(repo);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(worktreeStateDir(repo.gitDir), { recursive: true });
    writeFileSync(temporary, JSON.stringify(table));
    replaceFile(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** The cached table when it is still the policy's, else undefined. */
export function readGuardCache(repo: RepoFacts): GuardTable | undefined {
  try {
    const table = JSON.parse(readFileSync(cacheFile(repo), 'utf8')) as GuardTable;
    return table.key === guardCacheKey(repo) ? table : undefined;
  } catch {
    return undefined;
  }
}

/** Rules from the table; exact unless the policy has path exemptions (then `exempt` says no). */
export function tableRules(table: GuardTable): GuardRules {
  const groups = table.groups.map(({ name, forbid, pattern }) => ({
    group: { name, forbid },
    regExp: new RegExp(pattern.source, pattern.flags),
  }));
  return {
    source: table.source,
    onViolation: table.onViolation,
    internal: table.internal,
    groupsFor: (path) => groups.filter(({ regExp }) => regExp.test(path)).map(({ group }) => group),
    exempt: () => false,
  };
}
