import type { Report } from '../core/types.js';

/** The JSON report shape is part of the product surface (DESIGN.md): keep its keys stable. */
export function renderJson(report: Report): string {
  const { ok, commits, violations } = report;
  return JSON.stringify({ ok, commits, violations }, null, 2) + '\n';
}
