import type { Report } from '../core/types.js';
import { listPaths, shortSha, toolsText, verdictLine } from './text.js';

/** Escapes what would break a Markdown table cell or start markup. */
export function escapeCell(text: string): string {
  return text.replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function renderMarkdown(report: Report, options: { maxRows?: number } = {}): string {
  const maxRows = options.maxRows ?? 200;
  const lines = [
    `### ${report.ok ? '✅' : '❌'} ${verdictLine(report).replace(/^trailguard: /, '')}`,
  ];
  if (report.violations.length === 0) return lines.join('\n') + '\n';
  lines.push(
    '',
    '| commit | rule | group | files | tools | why and how to fix |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const v of report.violations.slice(0, maxRows)) {
    lines.push(
      `| ${code(shortSha(v.sha))} | ${v.rule} | ${escapeCell(v.group)} | ${escapeCell(listPaths(v.paths, 5))} | ${escapeCell(toolsText(v) || '—')} | ${escapeCell(v.message)} |`,
    );
  }
  if (report.violations.length > maxRows) {
    lines.push(
      '',
      `…and ${report.violations.length - maxRows} more violations (see the JSON report).`,
    );
  }
  return lines.join('\n') + '\n';
}
