import type { ScanReport } from '../audit/types.js';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per directory and per protected group, then one per period: every count, for a
 * spreadsheet. `kind` tells the rows apart.
 */
export function renderScanCsv(report: ScanReport): string {
  const header = [
    'kind',
    'repository',
    'path',
    'group',
    'start',
    'end',
    'commits',
    'ai',
    'external',
    'internal',
    'unknown',
    'reviewed',
    'tools',
  ];
  const tools = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([tool, count]) => `${tool}=${count}`)
      .join(' ');
  const rows: (string | number | null)[][] = [
    ...report.paths.map((p) => [
      'directory',
      p.repository,
      p.path,
      p.group,
      null,
      null,
      p.commits,
      p.ai,
      p.external,
      p.internal,
      p.unknown,
      p.reviewed,
      tools(p.tools),
    ]),
    ...report.groups.map((g) => [
      'group',
      report.repositories.join(' '),
      null,
      g.group,
      null,
      null,
      g.commits,
      g.ai,
      g.external,
      g.internal,
      g.unknown,
      g.reviewed,
      tools(g.tools),
    ]),
    ...report.timeline.map((t) => [
      report.unit,
      report.repositories.join(' '),
      null,
      null,
      t.start,
      t.end,
      t.commits,
      t.ai,
      t.external,
      t.internal,
      t.unknown,
      t.reviewed,
      null,
    ]),
  ];
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
