import { copyFileSync, mkdirSync } from 'node:fs';
import { worktreeStateDir, worktreeStatePath } from './paths.js';

/**
 * Keeps a copy of a refused commit's message under the git dir, byte for byte, so nothing the
 * developer wrote is lost; returns where, for `git commit -F`.
 */
export function saveMessage(gitDir: string, messageFile: string): string {
  mkdirSync(worktreeStateDir(gitDir), { recursive: true });
  const saved = worktreeStatePath(gitDir, 'savedMessage');
  copyFileSync(messageFile, saved);
  return saved;
}
