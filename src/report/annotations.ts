import type { Report, Violation } from '../core/types.js';
import { shortSha } from './text.js';

/** One file annotation, as `core.error(message, {title, file})` takes it. */
export interface Annotation {
  title: string;
  message: string;
  /** Repository-relative; absent for the summary annotation. */
  file?: string;
}

/** GitHub shows at most 10 error annotations per step; later ones are dropped without a word. */
export const ERROR_ANNOTATIONS_SHOWN = 10;
const COMMITS_PER_ANNOTATION = 5;

/**
 * Annotations for a report: one per protected file (a file touched by many commits gets one
 * annotation listing them), within GitHub's display limit. When more files are involved than
 * can be shown, the last slot says how many more there are and where to find them.
 */
export function annotationsFor(report: Report, limit = ERROR_ANNOTATIONS_SHOWN): Annotation[] {
  const byFile = new Map<string, Violation[]>();
  for (const violation of report.violations) {
    for (const path of violation.paths) {
      const list = byFile.get(path);
      if (list) list.push(violation);
      else byFile.set(path, [violation]);
    }
  }
  const files = [...byFile];
  const shown = files.length > limit ? files.slice(0, Math.max(limit - 1, 0)) : files;
  const annotations: Annotation[] = shown.map(([file, violations]) =>
    fileAnnotation(file, violations),
  );
  const rest = files.length - shown.length;
  if (rest > 0) {
    annotations.push({
      title: 'trailguard: more files',
      message: `${rest} more protected file${rest === 1 ? '' : 's'} in violation (GitHub shows ${limit} annotations per step); the job summary and the JSON report list every one.`,
    });
  }
  return annotations;
}

function fileAnnotation(file: string, violations: Violation[]): Annotation {
  const rules = [...new Set(violations.map((v) => v.rule))].join(', ');
  const groups = [...new Set(violations.map((v) => v.group))].join(', ');
  const lines = violations
    .slice(0, COMMITS_PER_ANNOTATION)
    .map(
      (v) =>
        `${shortSha(v.sha)} ${v.rule}${v.tools.length ? ` (${v.tools.join(', ')})` : ''}: ${v.message}`,
    );
  const more = violations.length - COMMITS_PER_ANNOTATION;
  if (more > 0) lines.push(`…and ${more} more finding${more === 1 ? '' : 's'} on this file.`);
  return {
    title: `trailguard: ${rules} in protected "${groups}"`,
    message: lines.join('\n'),
    file,
  };
}
