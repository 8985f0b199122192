/** An org policy and a repository's: the repository can only tighten. Pure. */
import { resolveGroup } from './parse.js';
import type { Forbid, Policy, PolicyLayer, ProtectedGroup } from './types.js';

const STRICTNESS: Record<Forbid, number> = { none: 0, external: 1, 'any-ai': 2 };

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The org's items that the repository's list also names (case-insensitive), in the org's spelling. */
function keepListed(org: string[], repo: string[] | undefined): string[] {
  return repo === undefined
    ? org
    : org.filter((item) => repo.some((other) => sameText(item, other)));
}

/**
 * The effective policy of a repository whose file `extends` an org policy. The repository can
 * only tighten:
 * - every org group stays; a repository group of the same name adds paths, makes `forbid`
 *   stricter (none < external < any-ai) and can turn `require-review` on, never off; other
 *   repository groups are added;
 * - `tools.internal` and `tools.providers` are the org's lists less what the repository leaves
 *   out (it cannot add);
 *   `tools.extra` gains the repository's tools except ones redefining an org tool or an internal
 *   id (that would let an outside tool pass as internal); `unknown: external` wins;
 * - review: `approvals` can only go off, `dismiss-stale` only on, `trailers` only shrink,
 *   `reviewers` intersect when both set lists (an allowlist is itself a tightening);
 * - `on-violation: block` wins;
 * - the repository's exemptions never clear a path the org protects (they apply to what the
 *   repository added); the org's exemptions apply as written;
 * - `extends` is the org's.
 */
export function mergePolicies(org: Policy, repo: PolicyLayer): Policy {
  const repoGroups = new Map((repo.protected ?? []).map((group) => [group.name, group]));
  const groups = org.protected.map((group): ProtectedGroup => {
    const tighter = repoGroups.get(group.name);
    if (!tighter) return group;
    const forbid = tighter.forbid ?? group.forbid;
    return {
      name: group.name,
      paths: [...new Set([...group.paths, ...tighter.paths])],
      forbid: STRICTNESS[forbid] > STRICTNESS[group.forbid] ? forbid : group.forbid,
      requireReview: group.requireReview || tighter.requireReview === true,
    };
  });
  const orgNames = new Set(org.protected.map((group) => group.name));
  const added = (repo.protected ?? [])
    .filter((group) => !orgNames.has(group.name))
    .map(resolveGroup);

  const internal = keepListed(org.tools.internal, repo.tools?.internal);
  const orgExtraIds = new Set(org.tools.extra.map((tool) => tool.id));
  const extra = [
    ...org.tools.extra,
    ...(repo.tools?.extra ?? []).filter(
      (tool) => !orgExtraIds.has(tool.id) && !internal.includes(tool.id),
    ),
  ];

  const orgReviewers = org.review.reviewers;
  const repoReviewers = repo.review?.reviewers ?? [];
  const reviewers =
    orgReviewers.length === 0
      ? repoReviewers
      : repoReviewers.length === 0
        ? orgReviewers
        : keepListed(orgReviewers, repoReviewers);

  const orgGlobs = org.protected.flatMap((group) => group.paths);
  const repoExemptions = (repo.exemptions ?? []).map((exemption) => {
    const notFor = [...(exemption.notFor ?? []), ...orgGlobs];
    return notFor.length > 0 ? { ...exemption, notFor } : exemption;
  });

  return {
    version: 1,
    ...(org.extends !== undefined && { extends: org.extends }),
    protected: [...groups, ...added],
    tools: {
      internal,
      providers: keepListed(org.tools.providers, repo.tools?.providers),
      unknown:
        org.tools.unknown === 'external' || repo.tools?.unknown === 'external'
          ? 'external'
          : 'ignore',
      extra,
    },
    review: {
      trailers: keepListed(org.review.trailers, repo.review?.trailers),
      approvals: org.review.approvals && repo.review?.approvals !== false,
      reviewers,
      dismissStale: org.review.dismissStale || repo.review?.dismissStale === true,
    },
    local: {
      onViolation:
        org.local.onViolation === 'block' || repo.local?.onViolation === 'block' ? 'block' : 'warn',
    },
    exemptions: [...org.exemptions, ...repoExemptions],
  };
}
