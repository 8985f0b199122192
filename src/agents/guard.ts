/**
 * The guard: may this agent write these files? An outside tool (not in `tools.internal`) is kept
 * out of groups that forbid external tools, any AI tool out of `any-ai` groups; path exemptions
 * apply. `local.on-violation: block` refuses the edit, `warn` lets it through with a warning.
 * The rules come from the policy (guard-policy.ts) or from its cached form (guard-cache.ts).
 */
import type { Forbid, OnViolation } from '../core/policy.js';
import type { Verdict } from './event.js';

export interface GuardGroup {
  name: string;
  forbid: Forbid;
}

/** What the guard needs of a policy. */
export interface GuardRules {
  /** Where the policy came from, for the message. */
  source: string;
  onViolation: OnViolation;
  internal: readonly string[];
  /** The groups protecting a repository-relative path, in policy order. */
  groupsFor(path: string): GuardGroup[];
  /** Whether an active path exemption covers the path. */
  exempt(path: string, now: Date): boolean;
}

export interface GuardRequest {
  /** Catalog id and display name of the agent. */
  tool: string;
  label: string;
  /** Repository-relative paths the agent is about to write. */
  paths: readonly string[];
  rules: GuardRules;
  now: Date;
}

function forbids(forbid: Forbid, internal: boolean): boolean {
  return forbid === 'any-ai' || (forbid === 'external' && !internal);
}

export function judgeEdit({ tool, label, paths, rules, now }: GuardRequest): Verdict {
  const internal = rules.internal.includes(tool);
  const hits: { path: string; group: GuardGroup }[] = [];
  for (const path of paths) {
    const group = rules.groupsFor(path).find((candidate) => forbids(candidate.forbid, internal));
    if (group && !rules.exempt(path, now)) hits.push({ path, group });
  }
  if (hits.length === 0) return { kind: 'allow' };
  const block = rules.onViolation === 'block';
  const [first] = hits;
  const what = first.group.forbid === 'any-ai' ? 'AI tools' : 'outside AI tools';
  const files = hits.map(({ path, group }) =>
    group.name === first.group.name ? path : `${path} (group "${group.name}")`,
  );
  const subject = `${label} (${tool}) ${block ? 'may not edit' : 'is editing'} ${files.join(', ')}`;
  const rule = `protected group "${first.group.name}" in ${rules.source} forbids ${what}`;
  const fix = internal
    ? 'Make this change by hand, or ask a maintainer for an exemption for the path.'
    : `Make this change by hand or with an internal tool; if ${tool} is your organisation's own, a maintainer can list it under tools.internal.`;
  return block
    ? { kind: 'deny', message: `trailguard: ${subject}: ${rule}. ${fix}` }
    : {
        kind: 'warn',
        message: `trailguard: warning: ${subject}: ${rule}. The edit goes ahead (local.on-violation: warn), but a commit carrying it fails trailguard check. ${fix}`,
      };
}
