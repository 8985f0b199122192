/**
 * The audit report (`trailguard scan`). Its JSON is part of the product surface: the names
 * `commits`, `range`, `policy`, `tools.<id>.{commits, provider}`, `paths[].{path, group, commits,
 * ai, unknown, reviewed}`, `timeline[]` and `head.groups[]…` are fixed so tools can rely on them.
 */
import type { HeadReport } from './head.js';

/** How a set of commits splits. `unknown`: commits with no AI signal (never "human"). */
export interface Tally {
  commits: number;
  /** Commits with any AI signal. */
  ai: number;
  /** AI commits with a tool the policy counts as external (outside-model output). */
  external: number;
  /** AI commits whose tools are all internal (or ignored by the policy). */
  internal: number;
  /** Commits with no AI signal at all. */
  unknown: number;
  /** Commits a human review trailer counts for. */
  reviewed: number;
}

/** One AI commit, kept as a finding a reader can look up (a bounded sample per path). */
export interface Finding {
  sha: string;
  /** Author date, YYYY-MM-DD (UTC). */
  date: string;
  tools: string[];
  external: boolean;
  reviewed: boolean;
}

export interface ToolStats {
  commits: number;
  name: string;
  /** Who makes the tool (the catalog's vendor): the model provider where the tool has one. */
  provider: string;
  standing: 'internal' | 'external' | 'ignored';
  /** Commits per model, where a signal named one. */
  models: Record<string, number>;
}

export interface GroupStats extends Tally {
  group: string;
  tools: Record<string, number>;
}

/** A directory: a top level of the repository (group null) or a directory of a protected group. */
export interface PathStats extends Tally {
  /** The repository's name (a merged report holds several). */
  repository: string;
  /** Repository-relative, no trailing slash; `.` for files at the top. */
  path: string;
  group: string | null;
  tools: Record<string, number>;
  /** The newest AI commits (at most FINDINGS_PER_PATH), newest first. */
  findings: Finding[];
}

export interface Period extends Tally {
  /** First day of the period, YYYY-MM-DD (UTC). */
  start: string;
  /** Last day of the period, YYYY-MM-DD. A week is cut at a month's end, so weeks sum to months. */
  end: string;
  groups: Record<string, Tally>;
}

export interface ScanReport {
  /** The JSON format's version. */
  version: 1;
  /** The repositories the report covers (one for a scan, several for `scan --merge`). */
  repositories: string[];
  range: string;
  policy: string;
  commits: number;
  totals: Tally;
  /** First and last author day seen (YYYY-MM-DD), null for no commits. */
  span: { first: string; last: string } | null;
  tools: Record<string, ToolStats>;
  /** AI commits per provider (a commit with two providers counts for each). */
  providers: Record<string, number>;
  groups: GroupStats[];
  paths: PathStats[];
  unit: 'week' | 'month';
  timeline: Period[];
  /** What HEAD holds now, per protected group and file (the HEAD engine, blame). */
  head?: HeadReport;
}

export const FINDINGS_PER_PATH = 10;

export function emptyTally(): Tally {
  return { commits: 0, ai: 0, external: 0, internal: 0, unknown: 0, reviewed: 0 };
}

export function addTally(into: Tally, from: Tally): void {
  into.commits += from.commits;
  into.ai += from.ai;
  into.external += from.external;
  into.internal += from.internal;
  into.unknown += from.unknown;
  into.reviewed += from.reviewed;
}

export function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}
