import type { Report } from '../core/types.js';

const PART_SIZE = 64 * 1024;

/**
 * The JSON report (`JSON.stringify(report, null, 2)`), in parts of about 64 KB, so a long
 * history's report is written without its whole text in memory at once.
 * The JSON report shape is part of the product surface (DESIGN.md): keep its keys stable.
 */
export function* renderJsonParts(report: Report): Generator<string> {
  const { ok, commits, violations } = report;
  if (violations.length === 0) {
    yield JSON.stringify({ ok, commits, violations }, null, 2) + '\n';
    return;
  }
  let part = `{\n  "ok": ${ok},\n  "commits": ${commits},\n  "violations": [\n`;
  for (const [index, violation] of violations.entries()) {
    // Nested two levels deep; a JSON string never holds a raw newline, so every line indents.
    part += `    ${JSON.stringify(violation, null, 2).replaceAll('\n', '\n    ')}`;
    part += index < violations.length - 1 ? ',\n' : '\n';
    if (part.length >= PART_SIZE) {
      yield part;
      part = '';
    }
  }
  yield `${part}  ]\n}\n`;
}

export function renderJson(report: Report): string {
  return [...renderJsonParts(report)].join('');
}
