/**
 * The guard's rules in a form that loads in microseconds: the policy's protected globs as
 * regular expressions, cached per worktree and keyed by the policy files' stat data and the
 * trailguard version. An agent hook that hits the cache never loads the YAML parser, the schema
 * or the glob compiler (together several times the cost of starting node).
 */
import { mkdirSync, renameSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Forbid, OnViolation, UnknownTools } from '../core/policy.js';
import type { ExtraTool } from '../core/types.js';
import type { GuardRules } from './guard.js';
import type { RepoLocation } from './locate.js';

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

function cacheFile(repo: RepoLocation): string {
  return join(repo.gitDir, 'trailguard', 'guard-cache.json');
}

export function guardCacheKey(repo: RepoLocation): string {
  const files = POLICY_FILE_NAMES.map((name) => {
    const stat = statSync(join(repo.topLevel, name), { throwIfNoEntry: false });
    return stat ? `${name}:${stat.mtimeMs}:${stat.size}:${stat.ino}` : `${name}:-`;
  });
  return [process.env.TRAILGUARD_VERSION ?? 'dev', ...files].join('|');
}

export function writeGuardCache(repo: RepoLocation, table: GuardTable): void {
  const file = cacheFile(repo);
  mkdirSync(join(repo.gitDir, 'trailguard'), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(table));
  renameSync(temporary, file);
}

/** The cached table when it is still the policy's, else undefined. */
export function readGuardCache(repo: RepoLocation): GuardTable | undefined {
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
