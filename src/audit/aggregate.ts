import type { Catalog } from '../core/catalog.js';
import type { CommitRecord } from '../core/types.js';
import { createEvaluator } from '../policy/evaluate.js';
import { byStanding, groupsProtecting } from '../policy/judge.js';
import type { CompiledPolicy } from '../policy/types.js';
import { createDirectories } from './directories.js';
import { dayOf, emptyBucket, rollUp, unitFor, type Bucket } from './timeline.js';
import {
  FINDINGS_PER_PATH,
  emptyTally,
  type Finding,
  type GroupStats,
  type PathStats,
  type ScanReport,
  type Tally,
  type ToolStats,
} from './types.js';

export interface AggregateOptions {
  policy: CompiledPolicy;
  catalog: Catalog;
  now: Date;
}

export interface ScanMeta {
  repository: string;
  range: string;
  policy: string;
}

/** How one commit counts: the AI tools it carries (by the policy's standing), its review. */
interface Classified {
  tally: Tally;
  tools: string[];
  finding: Finding;
}

function addOne(into: Tally, commit: Tally): void {
  into.commits += 1;
  into.ai += commit.ai;
  into.external += commit.external;
  into.internal += commit.internal;
  into.unknown += commit.unknown;
  into.reviewed += commit.reviewed;
}

function countTools(into: Record<string, number>, tools: string[]): void {
  for (const tool of tools) into[tool] = (into[tool] ?? 0) + 1;
}

/**
 * The audit over history as a reducer: `add` each commit the history reader streams, then
 * `report`. Memory grows with the number of directories, tools and days, never with commits:
 * a path keeps at most FINDINGS_PER_PATH findings. Tools and review are judged by the same
 * engine as `check` (detection, the policy's tool standing, strict review trailers).
 */
export function createAggregator(options: AggregateOptions) {
  const { policy, catalog } = options;
  const evaluator = createEvaluator({ policy, catalog, now: options.now });
  const directoriesOf = createDirectories((path) => groupsProtecting(policy, path));
  const totals = emptyTally();
  const tools = new Map<string, ToolStats>();
  const providers: Record<string, number> = {};
  const groups = new Map<string, GroupStats>(
    policy.groups.map((group) => [group.name, { group: group.name, ...emptyTally(), tools: {} }]),
  );
  const paths = new Map<string, PathStats>();
  const days = new Map<string, Bucket>();
  const repositories = new Set<string>();
  let first: string | undefined;
  let last: string | undefined;

  function classify(commit: CommitRecord, day: string): Classified {
    const verdict = evaluator.explain(commit);
    const { ai, external: outside } = byStanding(policy, verdict.tools);
    const external = outside.length > 0;
    const commitProviders = new Set<string>();
    for (const finding of verdict.tools) {
      const def = catalog.get(finding.tool);
      let stats = tools.get(finding.tool);
      if (!stats) {
        stats = {
          commits: 0,
          name: def?.name ?? finding.tool,
          provider: def?.vendor ?? 'unknown',
          standing: finding.standing,
          models: {},
        };
        tools.set(finding.tool, stats);
      }
      stats.commits += 1;
      const models = new Set(finding.signals.flatMap((signal) => signal.model ?? []));
      countTools(stats.models, [...models]);
    }
    // Whose models wrote the commit: the providers its signals name (a model's, else the tool's own).
    for (const finding of ai) {
      if (finding.providers.length === 0) commitProviders.add('unknown');
      for (const provider of finding.providers) commitProviders.add(provider);
    }
    countTools(providers, [...commitProviders]);
    const names = ai.map((tool) => tool.tool);
    const tally: Tally = {
      commits: 1,
      ai: ai.length > 0 ? 1 : 0,
      external: external ? 1 : 0,
      internal: ai.length > 0 && !external ? 1 : 0,
      unknown: ai.length === 0 ? 1 : 0,
      reviewed: verdict.review.reviewed ? 1 : 0,
    };
    const finding = {
      sha: commit.sha,
      date: day,
      tools: names,
      external,
      reviewed: !!tally.reviewed,
    };
    return { tally, tools: names, finding };
  }

  function pathStats(repository: string, path: string, group: string | null): PathStats {
    const key = `${repository}\0${group ?? ''}\0${path}`;
    let stats = paths.get(key);
    if (!stats) {
      stats = { repository, path, group, ...emptyTally(), tools: {}, findings: [] };
      paths.set(key, stats);
    }
    return stats;
  }

  return {
    /** Counts one commit of `repository`, in the order the reader streams them (newest first). */
    add(commit: CommitRecord, repository: string): void {
      repositories.add(repository);
      const day = dayOf(commit.authorTime ?? 0);
      if (first === undefined || day < first) first = day;
      if (last === undefined || day > last) last = day;
      const { tally, tools: names, finding } = classify(commit, day);
      addOne(totals, tally);
      let bucket = days.get(day);
      if (!bucket) days.set(day, (bucket = emptyBucket()));
      addOne(bucket.tally, tally);

      const { topLevels, groupDirectories } = directoriesOf(commit.files);
      for (const [group] of groupDirectories) {
        const stats = groups.get(group)!;
        addOne(stats, tally);
        countTools(stats.tools, names);
        let groupTally = bucket.groups.get(group);
        if (!groupTally) bucket.groups.set(group, (groupTally = emptyTally()));
        addOne(groupTally, tally);
      }
      const touched = [
        ...[...topLevels].map((path) => [path, null] as const),
        ...[...groupDirectories].flatMap(([group, dirs]) =>
          [...dirs].map((path) => [path, group] as const),
        ),
      ];
      for (const [path, group] of touched) {
        const stats = pathStats(repository, path, group);
        addOne(stats, tally);
        countTools(stats.tools, names);
        if (tally.ai && stats.findings.length < FINDINGS_PER_PATH) stats.findings.push(finding);
      }
    },

    report(meta: ScanMeta): ScanReport {
      const span = first && last ? { first, last } : null;
      const unit = unitFor(span);
      return {
        version: 1,
        repositories: repositories.size > 0 ? [...repositories] : [meta.repository],
        range: meta.range,
        policy: meta.policy,
        commits: totals.commits,
        totals,
        span,
        tools: Object.fromEntries([...tools].sort(([, a], [, b]) => b.commits - a.commits)),
        providers,
        groups: [...groups.values()],
        paths: sortPaths([...paths.values()]),
        unit,
        timeline: rollUp(days, unit),
      };
    },
  };
}

/** Top levels first, then each group's directories; by repository and path within. */
export function sortPaths(paths: PathStats[]): PathStats[] {
  return paths.sort(
    (a, b) =>
      (a.group ?? '').localeCompare(b.group ?? '') ||
      a.repository.localeCompare(b.repository) ||
      a.path.localeCompare(b.path),
  );
}

/** The report over commits already in memory (tests, small inputs). */
export function aggregate(
  commits: Iterable<CommitRecord>,
  options: AggregateOptions,
  meta: ScanMeta,
): ScanReport {
  const aggregator = createAggregator(options);
  for (const commit of commits) aggregator.add(commit, meta.repository);
  return aggregator.report(meta);
}
