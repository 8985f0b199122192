import type { PathStats, ScanReport, Tally } from '../audit/types.js';

/** What the text, Markdown and CSV renderers show of a scan, as rows of cells. */

export const TALLY_HEADERS = ['commits', 'AI', 'external', 'no signal', 'reviewed'] as const;

export function tallyCells(tally: Tally): string[] {
  return [tally.commits, tally.ai, tally.external, tally.unknown, tally.reviewed].map(String);
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '–';
  const share = (100 * part) / whole;
  if (share > 0 && share < 0.1) return '<0.1%';
  if (share > 99.9 && share < 100) return '>99.9%';
  // One decimal where rounding would hide that a share is not whole: 99.6% is not 100%.
  return `${share.toFixed(share < 10 || (share > 99 && share < 100) ? 1 : 0)}%`;
}

export function summaryLine(report: ScanReport): string {
  const { totals, span } = report;
  const when = span ? ` from ${span.first} to ${span.last}` : '';
  return (
    `${totals.commits} commits${when}: ${totals.ai} with AI signals (${percent(totals.ai, totals.commits)}; ` +
    `${totals.external} outside, ${totals.internal} internal), ${totals.unknown} with no signal ` +
    `(unknown, not proof of human work), ${totals.reviewed} reviewed`
  );
}

export function toolRows(report: ScanReport): string[][] {
  return Object.entries(report.tools).map(([id, stats]) => [
    id,
    stats.provider,
    stats.standing,
    String(stats.commits),
    Object.entries(stats.models)
      .sort(([, a], [, b]) => b - a)
      .map(([model, count]) => `${model} (${count})`)
      .join(', '),
  ]);
}

export function pathLabel(path: PathStats, repositories: number): string {
  return repositories > 1 ? `${path.repository}:${path.path}` : path.path;
}

/** Directories in the order people read them: each group's first, then top levels by commits. */
export function pathsForPeople(report: ScanReport): PathStats[] {
  const groupOrder = new Map(report.groups.map((group, index) => [group.group, index]));
  return [...report.paths].sort((a, b) => {
    const rank = (group: string | null) =>
      group === null ? groupOrder.size + 1 : (groupOrder.get(group) ?? groupOrder.size);
    const ga = rank(a.group);
    const gb = rank(b.group);
    return ga - gb || b.ai - a.ai || b.commits - a.commits || a.path.localeCompare(b.path);
  });
}
