import type { Report, Violation } from '../core/types.js';

const PATHS_SHOWN = 10;

/** What a terminal may add to the text (the CLI's colours); plain text by default. */
export interface Paint {
  red: (text: string) => string;
  green: (text: string) => string;
  bold: (text: string) => string;
}

const plain = (text: string) => text;
export const PLAIN: Paint = { red: plain, green: plain, bold: plain };

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

/** How many violations the text shows by default; `check --max 0` shows all. */
export const DEFAULT_MAX = 50;

export interface TextOptions {
  paint?: Paint;
  /** Violations shown (0: all, files too); the rest are counted in one line. */
  max?: number;
}

/**
 * One commit's findings, grouped: each file once with every rule that hit it, then the tools and
 * each rule's fix once (a commit touching 40 protected files says the fix once, not 40 times).
 */
function renderCommit(violations: Violation[], paint: Paint, filesShown: number): string {
  const rulesByFile = new Map<string, string[]>();
  for (const violation of violations) {
    for (const path of violation.paths) {
      const rules = rulesByFile.get(path) ?? [];
      rules.push(`${violation.rule} [${violation.group}]`);
      rulesByFile.set(path, rules);
    }
  }
  const files = [...rulesByFile];
  const width = Math.min(48, Math.max(...files.map(([path]) => path.length)));
  const shownFiles = filesShown > 0 ? files.slice(0, filesShown) : files;
  const lines = [
    `${paint.bold(shortSha(violations[0].sha))}  ${violations.length} finding${violations.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`,
    ...shownFiles.map(([path, rules]) => `  ${path.padEnd(width)}  ${paint.red(rules.join(', '))}`),
  ];
  if (shownFiles.length < files.length) {
    lines.push(
      `  … and ${files.length - shownFiles.length} more files (--max 0 or --format json lists every one)`,
    );
  }
  const tools = [...new Set(violations.filter((v) => v.tools.length).map(toolsText))];
  if (tools.length > 0) lines.push(`  tools: ${tools.join('; ')}`);
  const fixes = new Map(violations.map((violation) => [violation.rule, violation.message]));
  for (const [rule, message] of fixes) lines.push(`  ${rule}: ${message}`);
  return lines.join('\n');
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = options.paint ?? PLAIN;
  const max = options.max ?? DEFAULT_MAX;
  const shown = max > 0 ? report.violations.slice(0, max) : report.violations;
  const byCommit = new Map<string, Violation[]>();
  for (const violation of shown) {
    byCommit.set(violation.sha, [...(byCommit.get(violation.sha) ?? []), violation]);
  }
  const verdict = (report.ok ? paint.green : paint.red)(verdictLine(report));
  const parts = [
    verdict,
    ...[...byCommit.values()].map((group) => renderCommit(group, paint, max > 0 ? PATHS_SHOWN : 0)),
  ];
  const rest = report.violations.slice(shown.length);
  if (rest.length > 0) {
    const commits = new Set(rest.map((violation) => violation.sha)).size;
    parts.push(
      `… and ${rest.length} more violation${rest.length === 1 ? '' : 's'} in ${commits} commit${commits === 1 ? '' : 's'}; --max 0 shows all, --format json lists every one`,
    );
  }
  return parts.join('\n\n') + '\n';
}
