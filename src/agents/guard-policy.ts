/**
 * The guard's rules read from the policy itself (YAML, schema, matchers): the slow path, loaded
 * only when the cached form (guard-cache.ts) is missing, stale, or cannot decide alone. Each load
 * refreshes the cache.
 */
import { EMBEDDED_DEFAULT, loadPolicy } from '../config/load.js';
import { compileProtection, exemptionFor, globsRegExp, type Policy } from '../core/policy.js';
import type { GuardRules } from './guard.js';
import { guardCacheKey, writeGuardCache, type GuardTable } from './guard-cache.js';
import type { RepoLocation } from './locate.js';

/** Where the rules come from, as a refusal names it. */
function describeSource(source: string): string {
  return source === EMBEDDED_DEFAULT ? 'the default policy (no .github/trailguard.yml)' : source;
}

export function tableOf(policy: Policy, source: string, key: string): GuardTable {
  return {
    key,
    source: describeSource(source),
    onViolation: policy.local.onViolation,
    internal: [...policy.tools.internal],
    groups: policy.protected.map((group) => {
      const regExp = globsRegExp(group.paths);
      return {
        name: group.name,
        forbid: group.forbid,
        pattern: { source: regExp.source, flags: regExp.flags },
      };
    }),
    pathExemptions: policy.exemptions.some((exemption) => exemption.path !== undefined),
    tools: { unknown: policy.tools.unknown, extra: [...policy.tools.extra] },
  };
}

export function rulesOf(policy: Policy, source: string): GuardRules {
  const protection = compileProtection(policy);
  return {
    source: describeSource(source),
    onViolation: policy.local.onViolation,
    internal: policy.tools.internal,
    groupsFor: (path) => protection(path).map(({ name, forbid }) => ({ name, forbid })),
    exempt: (path, now) => exemptionFor({ path }, policy, now) !== undefined,
  };
}

/** Reads the repository's policy (work tree file, else the embedded default) and caches its table. */
export function loadGuardRules(repo: RepoLocation): GuardRules {
  // The key first: a policy edited while it is read then leaves a stale key, not a stale table.
  const key = guardCacheKey(repo);
  const { policy, source } = loadPolicy({ repoDir: repo.topLevel });
  writeGuardCache(repo, tableOf(policy, source, key));
  return rulesOf(policy, source);
}
