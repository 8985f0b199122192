/**
 * Ledger entries lapse once their file is back to its committed content in the work tree the
 * agent edited: `git status` lists nothing for it (index and work tree equal HEAD, not untracked,
 * not ignored). A file that still differs from HEAD keeps its entries, whatever wrote the
 * difference: only `trailguard ledger drop` removes those, and it logs who did and why.
 */
import type { LedgerEntry } from '../core/types.js';
import type { RepoFacts } from '../git/discover.js';
import { lapseRestored, readLedger } from './ledger.js';

/** Paths per git status call: a command line stays far below the system's limit. */
const CHUNK = 500;

/** Of `paths`, those git status shows in any way (staged, unstaged, untracked, ignored). */
async function changedAmong(repo: RepoFacts, paths: string[]): Promise<Set<string>> {
  const changed = new Set<string>();
  for (let start = 0; start < paths.length; start += CHUNK) {
    for (const path of await statusOf(repo, paths.slice(start, start + CHUNK))) changed.add(path);
  }
  return changed;
}

async function statusOf(repo: RepoFacts, paths: string[]): Promise<string[]> {
  // Loaded here, not with the hook: child_process and its streams cost every hook ~2.5 ms.
  const { git } = await import('../git/exec.js');
  const output = await git(
    [
      // Run in the background after a commit: never take the index lock a user's next git needs.
      '--no-optional-locks',
      '--literal-pathspecs',
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=all',
      '--ignored=matching',
      '--no-renames',
      '--',
      ...paths,
    ],
    { cwd: repo.top, env: repo.env },
  );
  return output
    .split('\0')
    .filter(Boolean)
    .map((record) => record.slice(3));
}

/** Drops this work tree's entries whose files are back to HEAD's content; returns them. */
export async function lapseRestoredEntries(repo: RepoFacts): Promise<LedgerEntry[]> {
  const paths = [
    ...new Set(
      readLedger(repo.commonDir)
        .filter((entry) => entry.worktree === repo.top)
        .map((entry) => entry.path),
    ),
  ];
  if (paths.length === 0) return [];
  const changed = await changedAmong(repo, paths);
  return lapseRestored(
    repo.commonDir,
    repo.top,
    new Set(paths.filter((path) => !changed.has(path))),
  );
}
