import type { CommitRecord } from '../core/types.js';
import { catalogFor, createEvaluator } from '../policy/evaluate.js';
import type { CompiledPolicy, ProtectedGroup } from '../policy/types.js';

/**
 * Where a line (or, for a binary file, a commit of its history) comes from, judged by the
 * commit that wrote it: with an outside AI tool, with internal AI tools only, or with no AI
 * signal and a human review, or with no AI signal and no review. A missing signal is "unknown",
 * never "human": only a review clears it.
 */
export type LineSource = 'external' | 'internal' | 'reviewed' | 'unknown';

export interface CommitClass {
  sha: string;
  source: LineSource;
  /** The AI tools the commit carries (catalog ids), outside ones first; none for human sources. */
  tools: string[];
  reviewed: boolean;
  /** The reason of an active exemption covering the whole commit. */
  exempt?: string;
}

/** The same judge `check` uses, reduced to what a line inherits from its commit. */
export function createClassifier(
  policy: CompiledPolicy,
  now: Date,
): (commit: CommitRecord) => CommitClass {
  const evaluator = createEvaluator({ policy, catalog: catalogFor(policy), now });
  return (commit) => {
    const verdict = evaluator.explain(commit);
    const external = verdict.tools.filter((t) => t.standing === 'external').map((t) => t.tool);
    const internal = verdict.tools.filter((t) => t.standing === 'internal').map((t) => t.tool);
    const reviewed = verdict.review.reviewed;
    const source: LineSource =
      external.length > 0
        ? 'external'
        : internal.length > 0
          ? 'internal'
          : reviewed
            ? 'reviewed'
            : 'unknown';
    const judged: CommitClass = {
      sha: commit.sha,
      source,
      tools: [...external, ...internal],
      reviewed,
    };
    if (verdict.exemption !== undefined) judged.exempt = verdict.exemption;
    return judged;
  };
}

/** Whether the group's forbid rule bars what this commit wrote. */
export function isForbidden(group: ProtectedGroup, commit: CommitClass): boolean {
  if (commit.exempt !== undefined) return false;
  if (group.forbid === 'any-ai')
    return commit.source === 'external' || commit.source === 'internal';
  return group.forbid === 'external' && commit.source === 'external';
}

/** Whether the group needs a review this commit lacks. */
export function lacksReview(group: ProtectedGroup, commit: CommitClass): boolean {
  return group.requireReview && !commit.reviewed && commit.exempt === undefined;
}
