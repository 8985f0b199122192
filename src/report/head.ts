import type { HeadCommit, HeadFile, HeadGroup, HeadReport } from '../audit/head.js';
import { PLAIN, shortSha, type Paint } from './text.js';

/** Pure renderers of the HEAD engine's report, as `trailguard verify` prints it. */

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function commitLine(commit: HeadCommit): string {
  const what =
    commit.tools.length > 0
      ? commit.tools.join(', ')
      : commit.reviewed
        ? 'reviewed, no AI signal'
        : 'no AI signal, no review';
  const lines = commit.lines === undefined ? '' : ` — ${plural(commit.lines, 'line')}`;
  return `    ${shortSha(commit.sha)} ${what}${lines}${commit.exempt ? ` (exempt: ${commit.exempt})` : ''}`;
}

const MAX_COMMITS = 10;

function fileText(file: HeadFile, group: HeadGroup): string[] {
  if (file.verdict === 'clean') return [];
  const tainted = file.verdict === 'tainted';
  const what = tainted
    ? group.forbid === 'any-ai'
      ? 'AI commits'
      : 'outside-AI commits'
    : 'commits without a required review';
  const culprits = file.commits.filter(
    (commit) => commit.verdict === file.verdict && commit.lines !== 0,
  );
  const head =
    file.kind === 'text'
      ? `${tainted ? 'TAINTED' : 'UNREVIEWED'} ${file.path}: ${tainted ? file.forbiddenLines : file.missingReviewLines} of ${plural(file.lines, 'line')} from ${what}${file.basis === 'history' ? ' (every commit that changed it)' : ''}`
      : `${tainted ? 'TAINTED' : 'UNREVIEWED'} ${file.path} (${file.kind}, judged by its history): ${plural(culprits.length, 'commit')} among ${what}`;
  const shown = culprits.slice(0, MAX_COMMITS).map(commitLine);
  if (culprits.length > MAX_COMMITS) shown.push(`    … and ${culprits.length - MAX_COMMITS} more`);
  return [`  ${head}`, ...shown];
}

function groupText(group: HeadGroup): string[] {
  const rule = `${group.forbid === 'none' ? 'no tool rule' : `forbids ${group.forbid === 'any-ai' ? 'any AI' : 'outside AI'}`}${group.requireReview ? ', review required' : ''}`;
  return [
    `${group.group} (${rule}): ${plural(group.files.length, 'file')}, ${plural(group.lines, 'line')} — ` +
      `${group.externalLines} outside-AI, ${group.internalLines} internal-AI, ${group.reviewedLines} reviewed, ${group.unknownLines} unknown`,
    ...group.files.flatMap((file) => fileText(file, group)),
  ];
}

export function renderHeadText(
  report: HeadReport,
  policySource: string,
  paint: Paint = PLAIN,
): string {
  const lines = [
    `trailguard verify: ${report.rev} (${shortSha(report.commit)}); policy: ${policySource}`,
  ];
  for (const group of report.groups) lines.push(...groupText(group));
  const tainted = report.groups.reduce((n, g) => n + g.taintedFiles, 0);
  const unreviewed = report.groups.reduce((n, g) => n + g.unreviewedFiles, 0);
  lines.push(
    (report.ok ? paint.green : paint.red)(
      report.files === 0
        ? `OK — nothing to verify: no file at ${report.rev} lies under a protected path (see the policy's protected paths)`
        : report.ok
          ? `OK — ${plural(report.files, 'protected file')}: no outside-model line, every line reviewed as required`
          : `FAIL — ${tainted} tainted, ${unreviewed} unreviewed (of ${plural(report.files, 'protected file')}). ` +
            'Fix: have a reviewed human rewrite the lines (or remove the file), then verify again.',
    ),
  );
  return lines.join('\n') + '\n';
}

/** Every file with its group and verdict (a flat list for data loaders), and the group totals. */
export function renderHeadJson(report: HeadReport, policySource: string): string {
  return (
    JSON.stringify(
      {
        ok: report.ok,
        rev: report.rev,
        commit: report.commit,
        policy: policySource,
        blamed: report.blamed,
        files: report.groups.flatMap((group) =>
          group.files.map((file) => ({ group: group.group, ...file })),
        ),
        groups: report.groups.map(({ files, ...totals }) => ({ ...totals, files: files.length })),
      },
      null,
      2,
    ) + '\n'
  );
}
