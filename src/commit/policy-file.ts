/**
 * The policy read in full (YAML, schema, glob compiler): what the hooks fall back to when the
 * guard's cache is missing or stale, and what status, doctor, install and pre-push use. Reading it
 * refreshes the cache, so the next commit takes the fast path again.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { POLICY_FILE_NAMES, guardCacheKey, writeGuardCache } from '../agents/guard-cache.js';
import { rulesOf, tableOf } from '../agents/guard-policy.js';
import { EMBEDDED_DEFAULT, loadPolicy } from '../config/load.js';
import { createCatalog } from '../core/catalog.js';
import { defaultPolicy, type Policy } from '../core/policy.js';
import { cachedLocalPolicy, type LocalPolicy, type RepoDirs } from './local-policy.js';

/** The work tree's policy file, else the embedded default. Throws on an invalid file. */
export function readPolicy(top: string): { policy: Policy; source: string } {
  const file = POLICY_FILE_NAMES.find((path) => existsSync(resolve(top, path)));
  return file
    ? loadPolicy({ repoDir: top, configPath: file })
    : { policy: defaultPolicy, source: EMBEDDED_DEFAULT };
}

/** The policy as the hooks apply it, read in full. Never throws: a hook fails open. */
export async function readLocalPolicy(dirs: RepoDirs): Promise<LocalPolicy> {
  const repo = { topLevel: dirs.top, gitDir: dirs.gitDir, commonDir: dirs.commonDir };
  try {
    // The key first: a policy edited while it is read then leaves a stale key, not a stale table.
    const key = guardCacheKey(repo);
    const { policy, source } = readPolicy(dirs.top);
    writeGuardCache(repo, tableOf(policy, source, key));
    return {
      catalog: createCatalog(policy.tools),
      rules: rulesOf(policy, source),
      unknown: policy.tools.unknown,
      source,
    };
  } catch (error) {
    const file = POLICY_FILE_NAMES.find((path) => existsSync(resolve(dirs.top, path))) ?? '';
    return {
      catalog: createCatalog(),
      rules: {
        source: file,
        onViolation: 'warn',
        internal: [],
        groupsFor: () => [],
        exempt: () => false,
      },
      unknown: 'external',
      source: file,
      problem: (error as Error).message,
    };
  }
}

/** The cached form when current, else the full read. */
export async function loadLocalPolicy(dirs: RepoDirs): Promise<LocalPolicy> {
  return cachedLocalPolicy(dirs) ?? readLocalPolicy(dirs);
}
