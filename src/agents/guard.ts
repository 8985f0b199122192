/**
 * The guard: may this agent write these files? The judge (policy/judge.ts) decides on the paths
 * and the agent as the one tool seen; `local.on-violation: block` refuses the edit, `warn` lets it
 * through with a warning.
 */
import { judge, ownProviders, touchedGroups } from '../policy/judge.js';
import type { CompiledPolicy } from '../policy/types.js';
import { describeEditFindings } from '../report/policy.js';
import type { Verdict } from './event.js';

export interface GuardRequest {
  /** Catalog id and display name of the agent. */
  tool: string;
  label: string;
  /** Repository-relative paths the agent is about to write. */
  paths: readonly string[];
  policy: CompiledPolicy;
  now: Date;
}

export function judgeEdit({ tool, label, paths, policy, now }: GuardRequest): Verdict {
  const touched = touchedGroups(policy, { paths }, now);
  // Before the edit no model is known: the tool's own provider stands for it.
  const seen = { tool, providers: ownProviders(policy, tool), evidence: [`${label} is editing`] };
  const findings = judge(policy, touched, [seen]);
  if (findings.length === 0) return { kind: 'allow' };
  const block = policy.onViolation === 'block';
  const message = describeEditFindings(findings, { tool, label, source: policy.source, block });
  return block ? { kind: 'deny', message } : { kind: 'warn', message };
}
