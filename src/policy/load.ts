/**
 * The one loader of a work tree's policy, for the git hooks, the agent guard and every verb that
 * judges the work tree: the compiled policy from the cache when it is current, else the policy
 * file read in full (read.ts, loaded only then), which refreshes the cache.
 *
 * The cache is the compiled policy (types.ts CompiledPolicy) as JSON, in this worktree's git dir,
 * keyed by the policy files' stat data and the trailguard version. Reading it loads no YAML
 * parser, schema or glob compiler (together several times the cost of starting node).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RepoFacts } from '../git/discover.js';
import { replaceFile, worktreeStateDir, worktreeStatePath } from '../state/paths.js';
import type { CompiledPolicy } from './types.js';

/** Where a repository keeps its policy, in the order they are looked for. */
export const POLICY_FILES = ['.github/trailguard.yml', '.trailguard.yml'] as const;

/** A work tree: its top, its own git dir (the cache lives there) and the shared one (hook.env). */
export type WorkTree = Pick<RepoFacts, 'top' | 'gitDir' | 'commonDir'>;

interface CacheFile {
  key: string;
  policy: CompiledPolicy;
}

const cachePath = (tree: WorkTree) => worktreeStatePath(tree.gitDir, 'policyCache');

/**
 * The shape of the cached CompiledPolicy: bump it with any change to that shape (the glob index's
 * `byText` replaced `bySegment`), so a build of the same version never reads a cache it would
 * misread (a protected path silently unmatched).
 */
const CACHE_FORMAT = 2;

/**
 * The policy files' stat data, the trailguard version and the cache's format: a change to any
 * makes the cache stale.
 */
export function cacheKey(tree: WorkTree): string {
  const files = POLICY_FILES.map((name) => {
    const stat = statSync(join(tree.top, name), { throwIfNoEntry: false });
    return stat ? `${name}:${stat.mtimeMs}:${stat.size}:${stat.ino}` : `${name}:-`;
  });
  return [process.env.TRAILGUARD_VERSION ?? 'dev', `format ${CACHE_FORMAT}`, ...files].join('|');
}

/**
 * Keeps the compiled policy for the next hook; `key` is taken before the file was read. Best
 * effort: a cache that cannot be written (a directory in its place, no space) is skipped.
 */
export function writeCachedPolicy(tree: WorkTree, key: string, policy: CompiledPolicy): void {
  const file = cachePath(tree);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(worktreeStateDir(tree.gitDir), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ key, policy } satisfies CacheFile));
    replaceFile(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** The cached compiled policy when it is current, else undefined. */
export function cachedPolicy(tree: WorkTree): CompiledPolicy | undefined {
  try {
    const cached = JSON.parse(readFileSync(cachePath(tree), 'utf8')) as CacheFile;
    return cached.key === cacheKey(tree) ? cached.policy : undefined;
  } catch {
    return undefined;
  }
}

/** The work tree's compiled policy: cached, else read in full. Throws a UserError on an invalid file. */
export async function workTreePolicy(tree: WorkTree): Promise<CompiledPolicy> {
  return cachedPolicy(tree) ?? (await import('./refresh.js')).refreshWorkTreePolicy(tree);
}

export type PolicyOrProblem =
  { policy: CompiledPolicy; problem?: undefined } | { policy?: undefined; problem: string };

/**
 * The work tree's policy, or why it cannot be used: local hooks, `status` and `doctor` go on
 * without it (a local hook fails open).
 */
export async function workTreePolicyOrProblem(tree: WorkTree): Promise<PolicyOrProblem> {
  try {
    return { policy: await workTreePolicy(tree) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}
