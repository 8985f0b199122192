/**
 * The policy read in full (YAML, schema, glob compiler): what the hooks fall back to when the
 * guard's cache is missing or stale, and what status, doctor, install and pre-push use. Reading it
 * refreshes the cache, so the next commit takes the fast path again.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { POLICY_FILE_NAMES } from '../agents/guard-cache.js';
import { readAndCachePolicy, rulesOf } from '../agents/guard-policy.js';
import { createCatalog } from '../core/catalog.js';
import type { RepoFacts } from '../git/discover.js';
import { cachedLocalPolicy, type LocalPolicy } from './local-policy.js';

export { readPolicy } from '../agents/guard-policy.js';

/** The policy as the hooks apply it, read in full. Never throws: a hook fails open. */
export async function readLocalPolicy(repo: RepoFacts): Promise<LocalPolicy> {
  try {
    const { policy, source } = readAndCachePolicy(repo);
    return {
      catalog: createCatalog(policy.tools),
      rules: rulesOf(policy, source),
      unknown: policy.tools.unknown,
      source,
    };
  } catch (error) {
    const file = POLICY_FILE_NAMES.find((path) => existsSync(resolve(repo.top, path))) ?? '';
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
export async function loadLocalPolicy(repo: RepoFacts): Promise<LocalPolicy> {
  return cachedLocalPolicy(repo) ?? readLocalPolicy(repo);
}
