import type { CommitRecord } from '../core/types.js';
import { UserError } from '../core/errors.js';
import { git } from '../git/exec.js';
import { readHistory } from '../git/history.js';
import { shallowBoundary } from '../git/repo.js';
import type { CommitClass } from './classify.js';

type Env = NodeJS.ProcessEnv;
type Classify = (commit: CommitRecord) => CommitClass;

/** What one git log pass over the protected paths says about a file's past. */
export interface FileHistory {
  /** The commits that changed the path, newest first. */
  commits: string[];
  /** Whether its lines may come from outside the path's own history: it was added by a
   * rename (whole-file renames are what blame follows), or added by a merge. */
  arrived: boolean;
  /** Non-merge commits that added the path, to be checked for renames. */
  additions: string[];
}

export interface Lineage {
  classes: Map<string, CommitClass>;
  histories: Map<string, FileHistory>;
}

/**
 * One `git log` over the pathspecs, every commit judged by `classify`; for each file of
 * `files`, the commits that changed it and whether a rename brought it in. Additions are
 * checked for renames with one `git diff-tree --stdin -M`, so the log itself runs without
 * rename detection, at the floor's cost.
 */
export async function readLineage(
  repo: string,
  commit: string,
  files: ReadonlySet<string>,
  pathspecs: string[],
  classify: Classify,
  env: Env,
): Promise<Lineage> {
  const classes = new Map<string, CommitClass>();
  const histories = new Map<string, FileHistory>();
  for (const path of files) histories.set(path, { commits: [], arrived: false, additions: [] });
  for await (const record of readHistory({ repo, revs: [commit], paths: pathspecs, env })) {
    const merge = record.parents.length > 1;
    let touched = false;
    for (const change of record.files) {
      const history = histories.get(change.path);
      if (!history) continue;
      touched = true;
      history.commits.push(record.sha);
      if (change.oldPath !== undefined && change.oldPath !== change.path) history.arrived = true;
      else if (change.status.includes('A')) {
        if (merge) history.arrived = true;
        else history.additions.push(record.sha);
      }
    }
    if (touched) classes.set(record.sha, classify(record));
  }
  await markRenames(repo, histories, env);
  return { classes, histories };
}

/** Sets `arrived` on the files a commit that added them had renamed from elsewhere. */
async function markRenames(repo: string, histories: Map<string, FileHistory>, env: Env) {
  const additions = new Set<string>();
  for (const history of histories.values()) {
    if (!history.arrived) for (const sha of history.additions) additions.add(sha);
  }
  if (additions.size === 0) return;
  const output = await git(
    [
      '-c',
      'core.quotePath=false',
      'diff-tree',
      '--stdin',
      '-r',
      '-z',
      '-M',
      '--name-status',
      '--diff-filter=R',
    ],
    { cwd: repo, env, input: [...additions].join('\n') + '\n' },
  );
  // `sha NUL` per commit, then `R<score> NUL old NUL new NUL` per rename; read by position.
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i += 1) {
    if (!/^R\d*$/.test(fields[i]!)) continue;
    const history = histories.get(fields[i + 2]!);
    if (history) history.arrived = true;
    i += 2;
  }
}

/** The judged commits `shas` names that `classes` lacks, read with one `git log --no-walk`. */
export async function classifyMissing(
  repo: string,
  shas: Iterable<string>,
  classes: Map<string, CommitClass>,
  classify: Classify,
  env: Env,
): Promise<void> {
  const missing = [...new Set(shas)].filter((sha) => !classes.has(sha));
  if (missing.length === 0) return;
  for await (const record of readHistory({ repo, revs: missing, walk: false, env })) {
    classes.set(record.sha, classify(record));
  }
}

/** The commits of a file's whole history, across renames (`git log --follow`). */
export async function followFile(repo: string, commit: string, path: string, env: Env) {
  const output = await git(['log', '--follow', '--format=%H', commit, '--', path], {
    cwd: repo,
    env,
  });
  return output.split('\n').filter(Boolean);
}

/** A UserError when any of the commits is one a shallow clone cut the parents of. */
export async function assertComplete(repo: string, shas: Iterable<string>, env: Env) {
  const cut = await shallowBoundary(repo, env);
  if (cut.size === 0) return;
  for (const sha of shas) {
    if (cut.has(sha))
      throw new UserError(
        `cannot tell: the clone is shallow and lines come from ${sha}, whose parents were not ` +
          'fetched (fetch more history: git fetch --unshallow, or fetch-depth: 0)',
      );
  }
}
