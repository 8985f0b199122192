/**
 * Hooks written as files into a hooks directory git reads directly (`.git/hooks`, or a
 * core.hooksPath outside the work tree). A hook that is already there is never overwritten: it
 * moves to `<hook>.pre-trailguard` and our shim runs it first; uninstall moves it back.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { InstallRun } from './run.js';
import type { Change, HookName } from '../state/install-record.js';
import { isOurShim, writeShim } from './shim-file.js';

export const CHAINED_SUFFIX = '.pre-trailguard';

export function installHookFiles(run: InstallRun, dir: string, hooks: readonly HookName[]): void {
  mkdirSync(dir, { recursive: true });
  for (const hook of hooks) {
    const path = join(dir, hook);
    const earlier = run.previous('hook-file', path);
    if (isOurShim(path)) {
      writeShim(path);
      run.keep(earlier ?? { kind: 'hook-file', path });
      continue;
    }
    let chained: string | undefined;
    if (existsSync(path)) {
      chained = path + CHAINED_SUFFIX;
      if (existsSync(chained)) {
        throw new UserError(
          `${path} is not trailguard's, and ${chained} already exists; move one of them away and run install again`,
        );
      }
      renameSync(path, chained);
      run.notes.push(`${path}: kept the existing hook as ${chained}; trailguard runs it first`);
    }
    writeShim(path);
    run.record({ kind: 'hook-file', path, ...(chained ? { chained } : {}) }, path);
  }
}

/** Removes our hook file and puts back the hook it chained to. */
export function removeHookFile(
  change: Extract<Change, { kind: 'hook-file' }>,
  notes: string[],
): void {
  if (isOurShim(change.path)) rmSync(change.path);
  else if (existsSync(change.path)) {
    notes.push(`${change.path} is no longer trailguard's; left as it is`);
    return;
  }
  if (change.chained && existsSync(change.chained)) renameSync(change.chained, change.path);
}
