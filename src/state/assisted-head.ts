/**
 * The assisted-head mark: left by prepare-commit-msg when the commit it prepared carries
 * Assisted-by trailers, so the shim sends a later `--amend -m` to node, which carries them over
 * (src/commit/amend.ts). Per worktree, since each has its own HEAD. Only ever a hint: a stale
 * mark costs one node start.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { worktreeStateDir, worktreeStatePath } from './paths.js';

/** Only its presence counts: one there already stays as it is (a stat, not a write, per commit). */
export function writeAssistedMark(gitDir: string): void {
  const mark = worktreeStatePath(gitDir, 'assistedHead');
  if (existsSync(mark)) return;
  mkdirSync(worktreeStateDir(gitDir), { recursive: true });
  writeFileSync(mark, '');
}

export function removeAssistedMark(gitDir: string): void {
  rmSync(worktreeStatePath(gitDir, 'assistedHead'), { recursive: true, force: true });
}
