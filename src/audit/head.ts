import { exemptionFor, groupsProtecting } from '../policy/judge.js';
import type { CompiledGroup, CompiledPolicy } from '../policy/types.js';
import { UserError } from '../core/errors.js';
import { blameConcurrency, blameFile, inPool, type Blame } from '../git/blame.js';
import { resolveCommit } from '../git/repo.js';
import {
  lfsPointers,
  lineCounts,
  listTree,
  literalPathspecs,
  type TreeEntry,
} from '../git/tree.js';
import { createClassifier, groupVerdict, type CommitClass, type LineSource } from './classify.js';
import { classifyMissing, followFile, readLineage, type FileHistory } from './lineage.js';

/**
 * What the protected paths hold at one revision, line by line: the engine `scan` (its `head`
 * part) and `verify` share. Numbers are exact: a text file's lines are blamed (`git blame -M`)
 * unless every commit that ever changed it judges alike, in which case every line it holds came
 * from such a commit. Binary files, LFS pointers and submodules are judged by their history.
 */
export interface HeadOptions {
  repo: string;
  rev: string;
  policy: CompiledPolicy;
  /** Only the protected files under these paths (repository-relative); default: all. */
  paths?: string[];
  env: NodeJS.ProcessEnv;
  now?: Date;
  /** Blame processes at once; default: the number of cores. */
  concurrency?: number;
  /** Called after each file walked (blamed or followed), with the count so far and the total. */
  onProgress?: (walked: number, toWalk: number) => void;
}

export type FileKind = 'text' | 'binary' | 'lfs' | 'submodule';
export type FileVerdict = 'clean' | 'tainted' | 'unreviewed';

/** A commit behind a file: with `lines` when blame counted them (basis "blame"). */
export interface HeadCommit {
  sha: string;
  source: LineSource;
  tools: string[];
  reviewed: boolean;
  /** What the group's rule says of this commit's part of the file (the judge's rule). */
  verdict: FileVerdict;
  lines?: number;
  exempt?: string;
}

export interface LineCounts {
  /** Lines at the revision (0 for binary, LFS and submodule entries). */
  lines: number;
  /** Lines written by a commit with an outside-AI signal. */
  externalLines: number;
  /** ... with internal AI tools only. */
  internalLines: number;
  /** ... with no AI signal and a review that counts. */
  reviewedLines: number;
  /** ... with no AI signal and no review: provenance unknown, never "human". */
  unknownLines: number;
  /** Lines whose commit had no review that counts (any source). */
  unreviewedLines: number;
  /** Lines the group's forbid rule bars (exempt commits and paths excepted). */
  forbiddenLines: number;
  /** Lines from commits that lacked the review the group requires. */
  missingReviewLines: number;
}

export interface HeadFile extends LineCounts {
  path: string;
  kind: FileKind;
  /** "blame": counted line by line; "history": every commit that changed the file judges
   * alike, so every line has that judgement (binary files: their whole history, file-level). */
  basis: 'blame' | 'history';
  /** The AI tools behind its lines (binary files: in its history). */
  tools: string[];
  verdict: FileVerdict;
  /** Every commit that changed the file was reviewed (not just the ones its lines come from). */
  historyReviewed: boolean;
  /** basis "blame": the commits its lines come from, most lines first; basis "history": the
   * commits that changed it (newest first, without line counts). */
  commits: HeadCommit[];
  exempt?: string;
}

export interface HeadGroup extends LineCounts {
  group: string;
  forbid: CompiledGroup['forbid'];
  requireReview: boolean;
  taintedFiles: number;
  unreviewedFiles: number;
  files: HeadFile[];
}

export interface HeadReport {
  /** The revision as asked, and the commit it names. */
  rev: string;
  commit: string;
  ok: boolean;
  /** Protected files read, and how many of them blame counted. */
  files: number;
  blamed: number;
  groups: HeadGroup[];
}

const COUNT_KEYS = [
  'lines',
  'externalLines',
  'internalLines',
  'reviewedLines',
  'unknownLines',
  'unreviewedLines',
  'forbiddenLines',
  'missingReviewLines',
] as const;

const zeroCounts = (): LineCounts =>
  Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as unknown as LineCounts;

function addCounts(into: LineCounts, from: LineCounts): void {
  for (const key of COUNT_KEYS) into[key] += from[key];
}

/** The directories holding the paths, none inside another (the root's files stand for themselves). */
function enclosingDirectories(paths: string[]): string[] {
  const dirs = new Set(
    paths.map((path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : path)),
  );
  return [...dirs].filter((dir) => {
    for (let at = dir.indexOf('/'); at !== -1; at = dir.indexOf('/', at + 1)) {
      if (dirs.has(dir.slice(0, at))) return false;
    }
    return true;
  });
}

function normalizeFilter(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

function selectEntries(
  entries: TreeEntry[],
  policy: CompiledPolicy,
  filters: string[] | undefined,
  commit: string,
) {
  const protectedEntries = entries.filter(
    (entry) => groupsProtecting(policy, entry.path).length > 0,
  );
  if (!filters || filters.length === 0) return protectedEntries;
  const wanted = filters.map(normalizeFilter);
  const under = (path: string, filter: string) =>
    filter === '' || filter === '.' || path === filter || path.startsWith(`${filter}/`);
  for (const filter of wanted) {
    if (!protectedEntries.some((entry) => under(entry.path, filter)))
      throw new UserError(
        `no protected file under "${filter || '.'}" at ${commit.slice(0, 12)} (see the policy's protected paths)`,
      );
  }
  return protectedEntries.filter((entry) => wanted.some((filter) => under(entry.path, filter)));
}

/** Whether every commit in the list leaves a line the same judgement. */
function judgedAlike(commits: CommitClass[]): boolean {
  const key = (c: CommitClass) =>
    `${c.source}|${c.reviewed}|${c.exempt ?? ''}|${c.tools.join(',')}`;
  return commits.every((commit) => key(commit) === key(commits[0]!));
}

function kindOf(
  entry: TreeEntry,
  counts: Map<string, number | null>,
  pointers: Set<string>,
): FileKind {
  if (entry.type === 'commit') return 'submodule';
  if (pointers.has(entry.path)) return 'lfs';
  return counts.get(entry.path) === null ? 'binary' : 'text';
}

export async function readHead(options: HeadOptions): Promise<HeadReport> {
  const { repo, policy, env } = options;
  const now = options.now ?? new Date();
  const commit = await resolveCommit(repo, options.rev, env);
  const entries = selectEntries(await listTree(repo, commit, env), policy, options.paths, commit);
  const classify = createClassifier(policy, now);
  const paths = entries.map((entry) => entry.path);
  const pathspecs = literalPathspecs(enclosingDirectories(paths));
  const [counts, pointers, lineage] =
    entries.length === 0
      ? [
          new Map<string, number | null>(),
          new Set<string>(),
          { classes: new Map<string, CommitClass>(), histories: new Map<string, FileHistory>() },
        ]
      : await Promise.all([
          lineCounts(repo, commit, pathspecs, env),
          lfsPointers(repo, entries, env),
          readLineage(repo, commit, new Set(paths), pathspecs, classify, env),
        ]);
  const { classes, histories } = lineage;

  // Files whose lines may come from commits judged differently, or from outside their path's
  // own history: blame decides. Binary files that arrived by a rename: their whole history.
  const plans = entries.map((entry) => {
    const kind = kindOf(entry, counts, pointers);
    const history = histories.get(entry.path)!;
    const changedBy = history.commits.map((sha) => classes.get(sha)!);
    // No commit seen for a file means the log could not place it: read it the thorough way.
    const unplaced = history.arrived || changedBy.length === 0;
    const blame = kind === 'text' && (unplaced || !judgedAlike(changedBy));
    return { entry, kind, history, blame, follow: kind !== 'text' && unplaced };
  });
  const toBlame = plans.filter((plan) => plan.blame);
  const blames = new Map<string, Blame>();
  const followed = new Map<string, string[]>();
  // Blames and follows alike walk history in one git process each: one pool runs them all.
  const walks = plans.filter((plan) => plan.blame || plan.follow);
  await inPool(walks, options.concurrency ?? blameConcurrency(), async ({ entry, blame }) => {
    if (blame) blames.set(entry.path, await blameFile(repo, commit, entry.path, env));
    else followed.set(entry.path, await followFile(repo, commit, entry.path, env));
    options.onProgress?.(blames.size + followed.size, walks.length);
  });
  await classifyMissing(
    repo,
    [
      ...[...blames.values()].flatMap((blame) => [...blame.byCommit.keys()]),
      ...[...followed.values()].flat(),
    ],
    classes,
    classify,
    env,
  );

  const groups = new Map<string, HeadGroup>(
    policy.groups.map((group) => [
      group.name,
      {
        group: group.name,
        forbid: group.forbid,
        requireReview: group.requireReview,
        ...zeroCounts(),
        taintedFiles: 0,
        unreviewedFiles: 0,
        files: [],
      },
    ]),
  );
  for (const plan of plans) {
    const { entry, kind, history } = plan;
    const blame = blames.get(entry.path);
    const historyShas = followed.get(entry.path) ?? history.commits;
    const historyClasses = historyShas.map((sha) => classes.get(sha)!);
    // What each of its lines (or, file-level, each commit of its history) comes from.
    const parts: { commit: CommitClass; lines: number }[] = blame
      ? [...blame.byCommit].map(([sha, lines]) => ({ commit: classes.get(sha)!, lines }))
      : kind === 'text'
        ? historyClasses.length > 0
          ? [{ commit: historyClasses[0]!, lines: counts.get(entry.path) ?? 0 }]
          : []
        : historyClasses.map((c) => ({ commit: c, lines: 0 }));
    parts.sort((a, b) => b.lines - a.lines);
    for (const group of groupsProtecting(policy, entry.path)) {
      const pathExemption = exemptionFor(policy, { path: entry.path }, now);
      const file = judgeFile(
        policy,
        entry.path,
        kind,
        group,
        parts,
        historyClasses,
        !!blame,
        pathExemption?.reason,
      );
      const totals = groups.get(group.name)!;
      addCounts(totals, file);
      if (file.verdict === 'tainted') totals.taintedFiles += 1;
      if (file.verdict === 'unreviewed') totals.unreviewedFiles += 1;
      totals.files.push(file);
    }
  }
  const judged = [...groups.values()].filter(
    (group) => group.files.length > 0 || !options.paths?.length,
  );
  return {
    rev: options.rev,
    commit,
    ok: judged.every((group) => group.taintedFiles === 0 && group.unreviewedFiles === 0),
    files: entries.length,
    blamed: toBlame.length,
    groups: judged,
  };
}

function judgeFile(
  policy: CompiledPolicy,
  path: string,
  kind: FileKind,
  group: CompiledGroup,
  parts: { commit: CommitClass; lines: number }[],
  history: CommitClass[],
  blamed: boolean,
  pathExemption: string | undefined,
): HeadFile {
  const counts = zeroCounts();
  const tools = new Set<string>();
  let forbidden = false;
  let missingReview = false;
  for (const { commit, lines } of parts) {
    counts.lines += lines;
    counts[`${commit.source}Lines`] += lines;
    if (!commit.reviewed) counts.unreviewedLines += lines;
    for (const tool of commit.tools) tools.add(tool);
    if (pathExemption !== undefined) continue;
    // A binary file's commits carry no lines: any one of them decides.
    const verdict = groupVerdict(policy, group, commit);
    if (verdict.forbidden && (lines > 0 || kind !== 'text')) {
      counts.forbiddenLines += lines;
      forbidden = true;
    }
    if (verdict.lacksReview && (lines > 0 || kind !== 'text')) {
      counts.missingReviewLines += lines;
      missingReview = true;
    }
  }
  const file: HeadFile = {
    path,
    kind,
    basis: blamed ? 'blame' : 'history',
    ...counts,
    tools: [...tools],
    verdict: forbidden ? 'tainted' : missingReview ? 'unreviewed' : 'clean',
    historyReviewed: history.every((c) => c.reviewed) && parts.every((p) => p.commit.reviewed),
    commits: (blamed ? parts.map((p) => p.commit) : history).map((c, index) => {
      const rule = pathExemption === undefined ? groupVerdict(policy, group, c) : undefined;
      const entry: HeadCommit = {
        sha: c.sha,
        source: c.source,
        tools: c.tools,
        reviewed: c.reviewed,
        verdict: rule?.forbidden ? 'tainted' : rule?.lacksReview ? 'unreviewed' : 'clean',
      };
      if (blamed) entry.lines = parts[index]!.lines;
      if (c.exempt !== undefined) entry.exempt = c.exempt;
      return entry;
    }),
  };
  if (pathExemption !== undefined) file.exempt = pathExemption;
  return file;
}
