/**
 * The hook shim as installed: where the package keeps it, which hooks are installed by default,
 * and how a copy of it is written and recognised. (What install records in the clone:
 * src/state/install-record.ts.)
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HookName } from '../state/install-record.js';

/**
 * Every hook git runs costs a process, about as much as a no-op hook, so a commit runs two.
 * commit-msg leaves at the shim's first lines unless git opened the editor (where it lets an
 * unwritten message abort as git would, and normalises signatures typed there). Opt-in:
 * post-commit (the ledger settled at once rather than at the next run, and the undo of a commit
 * quit unwritten in the editor with --no-verify, which skips commit-msg) and pre-push
 * (`trailguard check` on every push).
 */
export const DEFAULT_HOOKS: readonly HookName[] = ['prepare-commit-msg', 'commit-msg'];

/** The first line every installed copy of the shim starts with after its shebang. */
export const SHIM_MARKER = '# trailguard-hook:';

/** The installed package: the directory holding hooks/ and dist/ (works from src/ and dist/chunks/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'hooks', 'trailguard-hook.sh'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('trailguard: cannot find the package directory (hooks/)');
    dir = parent;
  }
  return dir;
}

export const shimSource = () => join(packageRoot(), 'hooks', 'trailguard-hook.sh');
export const packageCli = () => join(packageRoot(), 'dist', 'cli.js');

/** Writes a copy of the shim as an executable hook file. */
export function writeShim(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(shimSource(), path);
  chmodSync(path, 0o755);
}

export function isOurShim(path: string): boolean {
  try {
    return readFileSync(path, 'utf8').split('\n', 2)[1]?.startsWith(SHIM_MARKER) ?? false;
  } catch {
    return false;
  }
}
