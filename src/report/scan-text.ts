import type { ScanReport } from '../audit/types.js';
import {
  TALLY_HEADERS,
  pathLabel,
  pathsForPeople,
  summaryLine,
  tallyCells,
  toolRows,
} from './scan-table.js';

const DIRECTORIES_SHOWN = 15;

/** Columns padded to their widest cell; numbers right-aligned. */
function table(headers: readonly string[], rows: string[][]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((row) => /^\d+$/.test(row[i] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** A short report a person reads in a terminal; every number is in the JSON and CSV. */
export function renderScanText(report: ScanReport): string {
  const out = [
    `trailguard scan — ${report.repositories.join(', ')}: ${report.range}; policy: ${report.policy}`,
    summaryLine(report),
    '',
  ];
  const tools = toolRows(report);
  out.push(
    tools.length
      ? table(['tool', 'provider', 'standing', 'commits', 'models'], tools)
      : 'No AI tool signals in these commits.',
  );
  out.push('');
  out.push(
    table(
      ['protected group', ...TALLY_HEADERS],
      report.groups.map((group) => [group.group, ...tallyCells(group)]),
    ),
  );
  const paths = pathsForPeople(report);
  out.push('');
  out.push(
    table(
      ['directory', 'group', ...TALLY_HEADERS],
      paths
        .slice(0, DIRECTORIES_SHOWN)
        .map((path) => [
          pathLabel(path, report.repositories.length),
          path.group ?? '-',
          ...tallyCells(path),
        ]),
    ),
  );
  if (paths.length > DIRECTORIES_SHOWN) {
    out.push(
      `… and ${paths.length - DIRECTORIES_SHOWN} more directories (--format csv or json lists all)`,
    );
  }
  if (report.head) {
    out.push('');
    out.push(
      table(
        ['at HEAD', 'lines', 'outside-AI lines', 'internal-AI lines', 'unknown lines'],
        report.head.groups.map((group) => [
          group.group,
          String(group.lines),
          String(group.externalLines),
          String(group.internalLines),
          String(group.unknownLines),
        ]),
      ),
    );
  }
  return out.join('\n') + '\n';
}

export function renderScanJson(report: ScanReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
