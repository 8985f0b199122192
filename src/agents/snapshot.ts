/**
 * Shell commands do not say which files they write. Before one runs, the dirty files of the work
 * tree are fingerprinted (`git status` plus each file's mtime in ns, size and inode); after it
 * ran, the files that are dirty and new or different since then are the ones it touched.
 * Snapshots live under the git common dir, one file per agent session and tool call.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitSync } from '../git/exec.js';
import { stateDir } from './ledger.js';
import type { RepoLocation } from './locate.js';

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
function dirtyFiles(repo: RepoLocation, env: NodeJS.ProcessEnv): Fingerprints {
  const status = gitSync(
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'],
    { cwd: repo.topLevel, env },
  );
  const files: Fingerprints = {};
  for (const record of status.split('\0')) {
    if (record.length < 4) continue;
    const path = record.slice(3);
    files[path] = fingerprint(join(repo.topLevel, path));
  }
  return files;
}

function snapshotsDir(repo: RepoLocation): string {
  return join(stateDir(repo.commonDir), 'snapshots');
}

function snapshotFile(repo: RepoLocation, key: string): string {
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
export function takeSnapshot(repo: RepoLocation, key: string, env: NodeJS.ProcessEnv): void {
  const dir = snapshotsDir(repo);
  mkdirSync(dir, { recursive: true });
  pruneAbandoned(dir);
  const snapshot = { topLevel: repo.topLevel, files: dirtyFiles(repo, env) };
  writeFileSync(snapshotFile(repo, key), JSON.stringify(snapshot));
}

/**
 * The paths (repository-relative) that are dirty now and were clean or different at the
 * snapshot; undefined when there is no snapshot for `key`. The snapshot is consumed.
 */
export function changedSinceSnapshot(
  repo: RepoLocation,
  key: string,
  env: NodeJS.ProcessEnv,
): string[] | undefined {
  const file = snapshotFile(repo, key);
  let before: Fingerprints;
  try {
    before = (JSON.parse(readFileSync(file, 'utf8')) as { files: Fingerprints }).files;
  } catch {
    return undefined;
  }
  rmSync(file, { force: true });
  const now = dirtyFiles(repo, env);
  return Object.keys(now).filter((path) => before[path] !== now[path]);
}
