/**
 * The guard's rules read from the policy itself (YAML, schema, matchers): the slow path, loaded
 * only when the cached form (guard-cache.ts) is missing, stale, or cannot decide alone. Each load
 * refreshes the cache.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EMBEDDED_DEFAULT, loadPolicy } from '../config/load.js';
import {
  compileProtection,
  defaultPolicy,
  exemptionFor,
  globsRegExp,
  type Policy,
} from '../core/policy.js';
import type { GuardRules } from './guard.js';
import {
  POLICY_FILE_NAMES,
  guardCacheKey,
  writeGuardCache,
  type GuardTable,
} from './guard-cache.js';
import type { RepoFacts } from '../git/discover.js';

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

/**
 * The work tree's policy file, else the embedded default. Throws on an invalid file. The root is
 * known, so no `git rev-parse` (loadPolicy's way to find it) is started.
 */
export function readPolicy(top: string): { policy: Policy; source: string } {
  const file = POLICY_FILE_NAMES.find((path) => existsSync(resolve(top, path)));
  return file
    ? loadPolicy({ repoDir: top, configPath: file })
    : { policy: defaultPolicy, source: EMBEDDED_DEFAULT };
}

/** Reads the work tree's policy (readPolicy) and refreshes the guard cache with its table. */
export function readAndCachePolicy(repo: RepoFacts): { policy: Policy; source: string } {
  // The key first: a policy edited while it is read then leaves a stale key, not a stale table.
  const key = guardCacheKey(repo);
  const { policy, source } = readPolicy(repo.top);
  writeGuardCache(repo, tableOf(policy, source, key));
  return { policy, source };
}

/** The guard's rules from the policy itself; the cache is refreshed on the way. */
export function loadGuardRules(repo: RepoFacts): GuardRules {
  const { policy, source } = readAndCachePolicy(repo);
  return rulesOf(policy, source);
}
