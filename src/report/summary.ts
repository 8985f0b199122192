/** The Action's report: the job summary and the sticky pull request comment (one Markdown text). */
import type { Report } from '../core/types.js';
import { fixFor } from '../policy/judge.js';
import { renderMarkdown } from './markdown.js';
import { shortSha } from './text.js';

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
  /** Whether an approving PR review would count in this run (a PR's run, approvals on). */
  approvalsCount: boolean;
}

/** SummaryFacts.range for a range read as `head` less what the `exclude` commits reach. */
export function rangeText(
  range: { head: string; exclude: readonly string[] },
  report: Report,
): string {
  const name = (sha: string) => `\`${shortSha(sha)}\``;
  const commits = `${report.commits} commit${report.commits === 1 ? '' : 's'}`;
  const [first, ...more] = range.exclude;
  if (!first) return `${name(range.head)} and all its history (${commits})`;
  const excluded = more.length ? `, also excluding ${more.map(name).join(', ')}` : '';
  return `${name(first)}..${name(range.head)}${excluded} (${commits})`;
}

/** GitHub keeps a comment to 65,536 characters and a step summary to 1 MiB (in bytes here). */
export const COMMENT_LIMIT = 65_000;
export const SUMMARY_LIMIT = 1_000_000;

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
  if (!report.ok) lines.push('', ...howToFix(facts));
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

function howToFix(facts: SummaryFacts): string[] {
  const rules = new Set(facts.report.violations.map((v) => v.rule));
  const lines = ['**How to fix**', ''];
  const fix = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  if (rules.has('external-ai')) {
    const forbids = (forbid: 'external' | 'any-ai') =>
      fix(fixFor('external-ai', { forbid, approvals: false }));
    lines.push(
      `- **external-ai**: ${forbids('external')} Where a group forbids every AI tool: ${forbids('any-ai')}`,
    );
  }
  if (rules.has('missing-review')) {
    lines.push(
      `- **missing-review**: ${fix(fixFor('missing-review', { approvals: facts.approvalsCount }))}`,
    );
  }
  lines.push(
    '',
    facts.mode === 'enforce'
      ? 'This check fails until every finding above is resolved.'
      : 'Report mode: these findings do not fail the job.',
  );
  return lines;
}

/** The job summary, cut (with a pointer to the JSON report) if huge paths make it overflow. */
export function jobSummary(facts: SummaryFacts): string {
  return fit(
    summaryMarkdown(facts),
    SUMMARY_LIMIT,
    'the JSON report (the `report` output) has every finding',
  );
}

/** The summary for a PR comment: fewer rows, then a hard cut with a pointer to the run. */
export function commentMarkdown(facts: SummaryFacts, runUrl?: string): string {
  const where = `the full report is in the job summary${runUrl ? ` (${runUrl})` : ''}`;
  return fit(summaryMarkdown(facts, { maxRows: 50 }), COMMENT_LIMIT, where);
}

/** `text` within `limit` bytes; a cut one ends with a line saying where the rest is. */
function fit(text: string, limit: number, where: string): string {
  if (Buffer.byteLength(text) <= limit) return text;
  const pointer = `\n\n…cut to fit; ${where}.\n`;
  let kept = text.slice(0, limit - Buffer.byteLength(pointer));
  while (Buffer.byteLength(kept) + Buffer.byteLength(pointer) > limit) {
    kept = kept.slice(0, Math.floor(kept.length * 0.9));
  }
  return kept + pointer;
}
