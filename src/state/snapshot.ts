/**
 * Shell commands do not say which files they write. Before one runs, the dirty files of the work
 * tree are fingerprinted (`git status` plus each file's mtime in ns, size and inode); after it
 * ran, the files that are dirty and new or different since then are the ones it touched.
 * Snapshots live under the git common dir, one file per agent session and tool call.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RepoFacts } from '../git/discover.js';
import { gitSync } from '../git/exec.js';
import { sharedStatePath } from './paths.js';

/** Snapshots whose after event never came (the command was refused or the agent died). */
const ABANDONED_MS = 24 * 60 * 60 * 1000;

type Fingerprints = Record<string, string>;

function fingerprint(file: string): string {
  try {
    const stat = lstatSync(file, { bigint: true });
    return `${stat.mtimeNs}:${stat.size}:${stat.ino}`;
  } catch {
    return 'missing';
  }
}

/** Every dirty path (tracked and changed, or untracked and not ignored) with its fingerprint. */
function dirtyFiles(repo: RepoFacts): Fingerprints {
  const status = gitSync(
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'],
    { cwd: repo.top, env: repo.env },
  );
  const files: Fingerprints = {};
  for (const record of status.split('\0')) {
    if (record.length < 4) continue;
    const path = record.slice(3);
    files[path] = fingerprint(join(repo.top, path));
  }
  return files;
}

function snapshotsDir(repo: RepoFacts): string {
  return sharedStatePath(repo.commonDir, 'snapshots');
}

function snapshotFile(repo: RepoFacts, key: string): string {
  return join(snapshotsDir(repo), `${key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 160)}.json`);
}

function pruneAbandoned(dir: string): void {
  const cutoff = Date.now() - ABANDONED_MS;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    try {
      if (lstatSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
    } catch {
      // Another hook removed it first.
    }
  }
}

/** Records the work tree's dirty files before a shell command runs. */
export function takeSnapshot(repo: RepoFacts, key: string): void {
  const dir = snapshotsDir(repo);
  mkdirSync(dir, { recursive: true });
  pruneAbandoned(dir);
  const snapshot = { topLevel: repo.top, files: dirtyFiles(repo) };
  writeFileSync(snapshotFile(repo, key), JSON.stringify(snapshot));
}

/**
 * The paths (repository-relative) that are dirty now and were clean or different at the
 * snapshot; undefined when there is no snapshot for `key`. The snapshot is consumed.
 */
export function changedSinceSnapshot(repo: RepoFacts, key: string): string[] | undefined {
  const file = snapshotFile(repo, key);
  let before: unknown;
  try {
    before = (JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown } | null)?.files;
  } catch {
    before = undefined;
  }
  rmSync(file, { recursive: true, force: true });
  if (typeof before !== 'object' || before === null) return undefined;
  const recorded = before as Fingerprints;
  const now = dirtyFiles(repo);
  return Object.keys(now).filter((path) => recorded[path] !== now[path]);
}
