import type { Report } from '../core/types.js';

const PART_SIZE = 64 * 1024;

/** What was checked and by which policy, written before the findings. */
export interface JsonContext {
  range: string;
  policySource: string;
}

/**
 * The JSON report (`JSON.stringify({ok, commits, range, policy, violations}, null, 2)`), in parts
 * of about 64 KB, so a long history's report is written without its whole text in memory at once.
 * The JSON report shape is part of the product surface (DESIGN.md): keep its keys stable.
 */
export function* renderJsonParts(report: Report, context: JsonContext): Generator<string> {
  const { ok, commits, violations } = report;
  const { range, policySource: policy } = context;
  if (violations.length === 0) {
    yield JSON.stringify({ ok, commits, range, policy, violations }, null, 2) + '\n';
    return;
  }
  const head = JSON.stringify({ ok, commits, range, policy }, null, 2).slice(0, -2);
  let part = `${head},\n  "violations": [\n`;
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

export function renderJson(report: Report, context: JsonContext): string {
  return [...renderJsonParts(report, context)].join('');
}
