import type { Report } from '../core/types.js';
import { renderJsonParts } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText, type TextOptions } from './text.js';
import { renderSarif } from './sarif.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What was checked, for the formats that record it (JSON, SARIF's run properties). */
export interface ReportContext {
  range: string;
  policySource: string;
}

/** The report in the format asked, in parts to write one after another (JSON: many, for long
 * histories; the other formats: one). */
export function renderReport(
  report: Report,
  format: ReportFormat,
  context: ReportContext,
  text: TextOptions = {},
): Iterable<string> {
  if (format === 'json') return renderJsonParts(report, context);
  if (format === 'sarif') {
    return [renderSarif(report, { version: process.env.TRAILGUARD_VERSION ?? 'dev', ...context })];
  }
  if (format === 'markdown') return [renderMarkdown(report)];
  return [renderText(report, text)];
}
