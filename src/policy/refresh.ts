/**
 * The slow path of load.ts: the work tree's policy file read in full (YAML, schema, globs),
 * compiled, and written to the cache. Bundled apart from the hooks' lean code (scripts/build.mjs
 * LAZY_MODULES), which loads it only when the cache is stale. It also brings hook.env's
 * TG_EXTRA_ENV up to date (state/hook-env.ts).
 */
import { syncHookEnv } from '../state/hook-env.js';
import { extraAgentEnv } from './evaluate.js';
import { cacheKey, writeCachedPolicy, type WorkTree } from './load.js';
import { compiledPolicy, workTreePolicyText } from './locate.js';
import type { CompiledPolicy } from './types.js';

export async function refreshWorkTreePolicy(tree: WorkTree): Promise<CompiledPolicy> {
  // The key first: a policy edited while it is read then leaves a stale key, not a stale policy.
  const key = cacheKey(tree);
  const compiled = await compiledPolicy(workTreePolicyText(tree.top));
  writeCachedPolicy(tree, key, compiled);
  // The shims look for tools.extra's variables in hook.env: a changed policy reaches them here.
  syncHookEnv(tree.commonDir, extraAgentEnv(compiled));
  return compiled;
}
