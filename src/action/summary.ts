import type { Report } from '../core/types.js';
import { renderMarkdown } from '../report/markdown.js';

export interface SummaryFacts {
  report: Report;
  /** What was checked, e.g. "pull request #12 (feature → main)". */
  description: string;
  /** e.g. "`1a2b3c4d5e6f`..`0f9e8d7c6b5a` (3 commits)". */
  range: string;
  /** Where the policy came from, e.g. "main:.github/trailguard.yml". */
  policySource: string;
  mode: 'enforce' | 'report';
  /** Things a maintainer should know (a PR editing the policy, unreadable reviews, …). */
  notes: string[];
  /** describePolicy's text. */
  effectivePolicy: string;
}

/** GitHub keeps a comment to 65,536 characters; a step summary may hold 1 MiB. */
export const COMMENT_LIMIT = 65_000;

/**
 * The report a maintainer reads without opening the log: the verdict first, then per commit the
 * files, tools, rule and the fix (the engine's messages), then what was checked and under which
 * policy. The same text is the job summary and the sticky PR comment.
 */
export function summaryMarkdown(facts: SummaryFacts, options: { maxRows?: number } = {}): string {
  const { report } = facts;
  const lines = [
    '## trailguard',
    '',
    renderMarkdown(report, { maxRows: options.maxRows }).trimEnd(),
  ];
  if (!report.ok) {
    lines.push(
      '',
      facts.mode === 'enforce'
        ? 'This check fails until every commit above is fixed: amend it (add the trailer, or redo the change without the outside tool), have a human review it (`Reviewed-by:` trailer), or approve the pull request on its current head.'
        : 'Report mode: these violations do not fail the job.',
    );
  }
  for (const note of facts.notes) lines.push('', `> [!NOTE]\n> ${note}`);
  lines.push(
    '',
    `Checked ${facts.description}: ${facts.range}. Policy: ${facts.policySource}.`,
    '',
    '<details><summary>Effective policy</summary>',
    '',
    '```text',
    facts.effectivePolicy,
    '```',
    '',
    '</details>',
  );
  return lines.join('\n') + '\n';
}

/** The summary cut to fit a PR comment: fewer rows, then a hard cut with a pointer to the run. */
export function commentMarkdown(facts: SummaryFacts, runUrl?: string): string {
  const text = summaryMarkdown(facts, { maxRows: 50 });
  if (text.length <= COMMENT_LIMIT) return text;
  const pointer = `\n\n…cut to fit a comment; the full report is in the job summary${runUrl ? ` (${runUrl})` : ''}.\n`;
  return text.slice(0, COMMENT_LIMIT - pointer.length) + pointer;
}
