import type { CommitRecord } from '../core/types.js';
import { catalogFor, createEvaluator } from '../policy/evaluate.js';
import { byStanding, groupRule, type ToolProviders } from '../policy/judge.js';
import type { CompiledGroup, CompiledPolicy } from '../policy/types.js';

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
  /** The same tools with whose models they ran, as the judge reads them. */
  seen: ToolProviders[];
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
    const { ai, external: outside } = byStanding(policy, verdict.tools);
    const seen = [...outside, ...ai.filter((t) => !outside.includes(t))].map(
      ({ tool, providers }) => ({ tool, providers }),
    );
    const reviewed = verdict.review.reviewed;
    const source: LineSource =
      outside.length > 0
        ? 'external'
        : ai.length > 0
          ? 'internal'
          : reviewed
            ? 'reviewed'
            : 'unknown';
    const judged: CommitClass = {
      sha: commit.sha,
      source,
      tools: seen.map((t) => t.tool),
      seen,
      reviewed,
    };
    if (verdict.exemption !== undefined) judged.exempt = verdict.exemption;
    return judged;
  };
}

/**
 * What a group's rule says of the lines a commit wrote: the judge's own rule (policy/judge
 * groupRule), so `check` and scan, verify and attest cannot disagree about a commit.
 */
export function groupVerdict(
  policy: CompiledPolicy,
  group: CompiledGroup,
  commit: CommitClass,
): { forbidden: boolean; lacksReview: boolean } {
  if (commit.exempt !== undefined) return { forbidden: false, lacksReview: false };
  const { forbidden, needsReview } = groupRule(policy, group, commit.seen, commit.reviewed);
  return { forbidden: forbidden.length > 0, lacksReview: needsReview };
}
