import type { ScanReport } from '../audit/types.js';
import {
  TALLY_HEADERS,
  pathLabel,
  pathsForPeople,
  percent,
  summaryLine,
  tallyCells,
  toolRows,
} from './scan-table.js';

const DIRECTORIES_SHOWN = 25;
const PERIODS_SHOWN = 12;

/** A table cell: pipes and line breaks would end the cell or the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(headers: readonly string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The scan as a GitHub job summary or a document. */
export function renderScanMarkdown(report: ScanReport): string {
  const out = [
    `## trailguard audit — ${cell(report.repositories.join(', '))}`,
    '',
    `Range: \`${report.range}\`; policy: ${report.policy}.`,
    '',
    `${summaryLine(report)}.`,
    '',
    '### Tools',
    '',
  ];
  const tools = toolRows(report);
  out.push(
    tools.length
      ? table(['tool', 'provider', 'standing', 'commits', 'models'], tools)
      : 'No AI tool signals in these commits.',
  );
  out.push('', '### Protected groups', '');
  out.push(
    table(
      ['group', ...TALLY_HEADERS, 'AI share'],
      report.groups.map((group) => [
        group.group,
        ...tallyCells(group),
        percent(group.ai, group.commits),
      ]),
    ),
  );
  if (report.head) {
    out.push('', '### At HEAD (lines, by blame)', '');
    out.push(
      table(
        ['group', 'lines', 'outside-AI', 'internal-AI', 'unknown', 'outside share'],
        report.head.groups.map((group) => [
          group.group,
          String(group.lines),
          String(group.externalLines),
          String(group.internalLines),
          String(group.unknownLines),
          percent(group.externalLines, group.lines),
        ]),
      ),
    );
  }
  const paths = pathsForPeople(report);
  out.push('', '### Directories', '');
  out.push(
    table(
      ['directory', 'group', ...TALLY_HEADERS],
      paths
        .slice(0, DIRECTORIES_SHOWN)
        .map((path) => [
          `\`${pathLabel(path, report.repositories.length)}\``,
          path.group ?? '–',
          ...tallyCells(path),
        ]),
    ),
  );
  if (paths.length > DIRECTORIES_SHOWN) {
    out.push('', `… and ${paths.length - DIRECTORIES_SHOWN} more (the JSON and CSV list all).`);
  }
  const recent = report.timeline.slice(-PERIODS_SHOWN);
  if (recent.length > 0) {
    out.push('', `### Per ${report.unit} (the last ${recent.length})`, '');
    out.push(
      table(
        [report.unit, ...TALLY_HEADERS, 'AI share'],
        recent.map((period) => [
          period.start,
          ...tallyCells(period),
          percent(period.ai, period.commits),
        ]),
      ),
    );
  }
  return out.join('\n') + '\n';
}
