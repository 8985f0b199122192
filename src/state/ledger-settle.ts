/**
 * How entries leave the agent ledger by themselves, never erasing provenance:
 * - **committed**: prepare-commit-msg leaves a claim naming the entries its commit carries as
 *   Assisted-by trailers and the HEAD it commits on. Once the work tree's HEAD reflog shows a
 *   commit made on that HEAD since, those entries are done. Whichever trailguard run comes next
 *   settles it (the next commit's hook, `ledger`, `status`, post-commit where installed): no hook
 *   of its own is needed, and an aborted commit settles nothing;
 * - **lapsed**: the file is back to its committed content in the work tree the agent edited:
 *   `git status` lists nothing for it (index and work tree equal HEAD, not untracked, not
 *   ignored). A file that still differs from HEAD keeps its entries, whatever wrote the
 *   difference: only `trailguard ledger drop` removes those, and it logs who did and why.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerEntry } from '../core/types.js';
import type { RepoFacts } from '../git/discover.js';
import { clearEntries, lapseRestored, readLedger, removeFile } from './ledger.js';
import { worktreeStateDir, worktreeStatePath } from './paths.js';

/** Paths per git status call: a command line stays far below the system's limit. */
const CHUNK = 500;

export interface LedgerClaim {
  /** HEAD when prepare-commit-msg ran ('' on an unborn branch). */
  head: string;
  /** The length of the work tree's HEAD reflog then: the commit's line comes after it. */
  reflogBytes: number;
  entries: LedgerEntry[];
}

const reflogPath = (gitDir: string) => join(gitDir, 'logs', 'HEAD');

/** prepare-commit-msg: the entries its commit carries (none: any earlier claim goes). */
export function claimEntries(gitDir: string, head: string, entries: LedgerEntry[]): void {
  const file = worktreeStatePath(gitDir, 'ledgerClaim');
  if (entries.length === 0) {
    removeFile(file);
    return;
  }
  mkdirSync(worktreeStateDir(gitDir), { recursive: true });
  let reflogBytes = 0;
  try {
    reflogBytes = statSync(reflogPath(gitDir)).size;
  } catch {
    // No reflog yet (an unborn branch): the commit's line is its first.
  }
  const claim: LedgerClaim = { head, reflogBytes, entries };
  writeFileSync(file, `${JSON.stringify(claim)}\n`);
}

function readClaim(gitDir: string): LedgerClaim | undefined {
  try {
    const claim = JSON.parse(
      readFileSync(worktreeStatePath(gitDir, 'ledgerClaim'), 'utf8'),
    ) as Partial<LedgerClaim>;
    return typeof claim.head === 'string' &&
      typeof claim.reflogBytes === 'number' &&
      Array.isArray(claim.entries)
      ? (claim as LedgerClaim)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the lines the work tree's HEAD reflog gained since the claim
 * (`<old> <new> <ident> <epoch> <tz>\t<action>: <subject>`) have a `git commit` (plain, amend,
 * initial, merge) made on the claim's HEAD. Read by position, not time: git writes the committer's
 * date there, which a script may have set to any time. A reflog shorter than at the claim was
 * expired or rewritten since: all of it is read.
 */
function madeSince(gitDir: string, claim: LedgerClaim): boolean {
  let reflog: Buffer;
  try {
    reflog = readFileSync(reflogPath(gitDir));
  } catch {
    return false;
  }
  const added = reflog.length >= claim.reflogBytes ? reflog.subarray(claim.reflogBytes) : reflog;
  return added
    .toString('utf8')
    .split('\n')
    .some((line) => {
      const match = /^([0-9a-f]+) [0-9a-f]+ [^\t]*\t(.*)$/.exec(line);
      if (!match) return false;
      const onHead = claim.head === '' ? /^0+$/.test(match[1]!) : match[1] === claim.head;
      return onHead && /^commit( \((amend|initial|merge)\))?:/.test(match[2]!);
    });
}

/** Of `paths`, those git status shows in any way (staged, unstaged, untracked, ignored). */
async function changedAmong(repo: RepoFacts, paths: string[]): Promise<Set<string>> {
  // Loaded here, not with the hook: child_process and its streams cost every hook ~2.5 ms.
  const { git } = await import('../git/exec.js');
  const changed = new Set<string>();
  for (let start = 0; start < paths.length; start += CHUNK) {
    const output = await git(
      [
        // Possibly run in the background after a commit: never take the index lock a user's
        // next git needs.
        '--no-optional-locks',
        '--literal-pathspecs',
        'status',
        '--porcelain=v1',
        '-z',
        '--untracked-files=all',
        '--ignored=matching',
        '--no-renames',
        '--',
        ...paths.slice(start, start + CHUNK),
      ],
      { cwd: repo.top, env: repo.env },
    );
    for (const record of output.split('\0')) if (record) changed.add(record.slice(3));
  }
  return changed;
}

export interface Settled {
  /** Entries a commit made since carries. */
  committed: LedgerEntry[];
  /** Entries of this work tree whose file is back to HEAD's content. */
  lapsed: LedgerEntry[];
}

/** Settles the ledger for the work tree `repo`: drops what was committed, then what lapsed. */
export async function settleLedger(repo: RepoFacts): Promise<Settled> {
  const claim = readClaim(repo.gitDir);
  let committed: LedgerEntry[] = [];
  if (claim && madeSince(repo.gitDir, claim)) {
    committed = clearEntries(repo.commonDir, claim.entries);
    removeFile(worktreeStatePath(repo.gitDir, 'ledgerClaim'));
  }
  const paths = [
    ...new Set(
      readLedger(repo.commonDir)
        .filter((entry) => entry.worktree === repo.top)
        .map((entry) => entry.path),
    ),
  ];
  if (paths.length === 0) return { committed, lapsed: [] };
  const changed = await changedAmong(repo, paths);
  const lapsed = lapseRestored(
    repo.commonDir,
    repo.top,
    new Set(paths.filter((path) => !changed.has(path))),
  );
  return { committed, lapsed };
}
