import { UserError } from '../core/errors.js';
import { sortPaths } from './aggregate.js';
import { bucketsOf, rollUp, unitFor } from './timeline.js';
import type { HeadGroup, HeadReport } from './head.js';
import {
  addCounts,
  addTally,
  emptyTally,
  type GroupStats,
  type ScanReport,
  type ToolStats,
} from './types.js';

function describeEach(reports: ScanReport[], field: 'range' | 'policy'): string {
  const values = new Set(reports.map((report) => report[field]));
  if (values.size === 1) return [...values][0]!;
  return reports.map((report) => `${report.repositories.join(', ')}: ${report[field]}`).join('; ');
}

/** Each group's numbers summed; its files kept, named by repository. */
function mergeHead(reports: ScanReport[]): HeadReport | undefined {
  const heads = reports.filter((report) => report.head);
  if (heads.length === 0) return undefined;
  const groups = new Map<string, HeadGroup>();
  for (const report of heads) {
    // A report merged before already names its files by repository.
    const prefix = report.repositories.length === 1 ? `${report.repositories[0]}:` : '';
    for (const group of report.head!.groups) {
      const files = group.files.map((file) => ({ ...file, path: prefix + file.path }));
      const merged = groups.get(group.group);
      if (!merged) {
        groups.set(group.group, { ...group, files });
        continue;
      }
      for (const [key, value] of Object.entries(group)) {
        const record = merged as unknown as Record<string, unknown>;
        if (typeof value === 'number') record[key] = (record[key] as number) + value;
      }
      merged.files.push(...files);
    }
  }
  return {
    rev: describeHeads(heads, (head) => head.rev),
    commit: describeHeads(heads, (head) => head.commit),
    ok: heads.every((report) => report.head!.ok),
    files: heads.reduce((sum, report) => sum + report.head!.files, 0),
    blamed: heads.reduce((sum, report) => sum + report.head!.blamed, 0),
    groups: [...groups.values()],
  };
}

function describeHeads(heads: ScanReport[], field: (head: HeadReport) => string): string {
  return heads
    .map((report) =>
      report.repositories.length === 1
        ? `${report.repositories[0]}@${field(report.head!)}`
        : field(report.head!),
    )
    .join(' ');
}

/**
 * Several repositories' reports as one, as if one scan had read all their histories: counts
 * add up, paths stay per repository, and the timeline is re-cut for the combined span (weeks
 * lie inside months, so weekly counts become monthly counts exactly). A repository given twice
 * is an error, not a double count.
 */
export function mergeReports(reports: ScanReport[]): ScanReport {
  if (reports.length === 0) throw new UserError('scan --merge: name the JSON reports to combine');
  const repositories: string[] = [];
  for (const report of reports) {
    for (const name of report.repositories) {
      if (repositories.includes(name)) {
        throw new UserError(
          `scan --merge: ${name} appears in two reports; give each repository once (its counts would add up twice)`,
        );
      }
      repositories.push(name);
    }
  }
  const totals = emptyTally();
  const tools: Record<string, ToolStats> = {};
  const providers: Record<string, number> = {};
  const groups = new Map<string, GroupStats>();
  let first: string | undefined;
  let last: string | undefined;
  for (const report of reports) {
    addTally(totals, report.totals);
    for (const [id, stats] of Object.entries(report.tools)) {
      const merged = (tools[id] ??= { ...stats, commits: 0, models: {} });
      merged.commits += stats.commits;
      addCounts(merged.models, stats.models);
    }
    addCounts(providers, report.providers);
    for (const group of report.groups) {
      let merged = groups.get(group.group);
      if (!merged)
        groups.set(group.group, (merged = { group: group.group, ...emptyTally(), tools: {} }));
      addTally(merged, group);
      addCounts(merged.tools, group.tools);
    }
    if (report.span) {
      if (first === undefined || report.span.first < first) first = report.span.first;
      if (last === undefined || report.span.last > last) last = report.span.last;
    }
  }
  const span = first && last ? { first, last } : null;
  const unit = unitFor(span);
  const head = mergeHead(reports);
  return {
    version: 1,
    repositories,
    range: describeEach(reports, 'range'),
    policy: describeEach(reports, 'policy'),
    commits: totals.commits,
    totals,
    span,
    tools: Object.fromEntries(Object.entries(tools).sort(([, a], [, b]) => b.commits - a.commits)),
    providers,
    groups: [...groups.values()],
    paths: sortPaths(reports.flatMap((report) => report.paths.map((path) => ({ ...path })))),
    unit,
    timeline: rollUp(
      reports.flatMap((report) => bucketsOf(report.timeline)),
      unit,
    ),
    ...(head ? { head } : {}),
  };
}

/** Reads one report for --merge, naming the file and what is wrong with it. */
export function parseReport(text: string, file: string): ScanReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`scan --merge: ${file} is not JSON (${(error as Error).message})`);
  }
  const report = value as Partial<ScanReport>;
  if (
    typeof value !== 'object' ||
    value === null ||
    report.version !== 1 ||
    !Array.isArray(report.repositories) ||
    !Array.isArray(report.timeline) ||
    !Array.isArray(report.paths) ||
    typeof report.totals !== 'object'
  ) {
    throw new UserError(
      `scan --merge: ${file} is not a trailguard scan report (make it with: trailguard scan --format json)`,
    );
  }
  return report as ScanReport;
}
