import type { Report, Violation } from '../core/types.js';

const PATHS_SHOWN = 10;

export function shortSha(sha: string): string {
  return sha.slice(0, 12);
}

/** "a, b, c and 17 more": long lists stay readable; JSON keeps every path. */
export function listPaths(paths: string[], limit = PATHS_SHOWN): string {
  const shown = paths.slice(0, limit).join(', ');
  return paths.length > limit ? `${shown} and ${paths.length - limit} more` : shown;
}

export function verdictLine(report: Report): string {
  const commits = `${report.commits} commit${report.commits === 1 ? '' : 's'}`;
  if (report.ok) return `trailguard: OK — ${commits} checked, no policy violations.`;
  const count = report.violations.length;
  const shas = new Set(report.violations.map((v) => v.sha)).size;
  return `trailguard: FAILED — ${count} violation${count === 1 ? '' : 's'} in ${shas} of ${commits}.`;
}

/** "claude-code, cursor (anthropic: claude-opus-4-5)": the tools, then whose models they ran. */
export function toolsText(violation: Violation): string {
  const providers = violation.providers?.join(', ');
  const models = violation.models?.join(', ');
  const detail = providers && models ? `${providers}: ${models}` : (providers ?? models);
  return violation.tools.join(', ') + (detail ? ` (${detail})` : '');
}

function renderViolation(violation: Violation): string {
  const tools = violation.tools.length ? `  tools: ${toolsText(violation)}\n` : '';
  return (
    `${shortSha(violation.sha)}  ${violation.rule}  [${violation.group}]\n` +
    `  files: ${listPaths(violation.paths)}\n` +
    tools +
    `  ${violation.message}\n`
  );
}

export function renderText(report: Report): string {
  return [verdictLine(report), ...report.violations.map(renderViolation)].join('\n') + '\n';
}
