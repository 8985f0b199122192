/**
 * Hook managers whose hooks are shell files in the repository: husky 9 (`.husky/<hook>`, run by
 * the wrappers in `.husky/_`) and a core.hooksPath directory inside the work tree. Our entry is
 * two lines appended to the file, the same for every clone, so the file can stay committed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { addEntryLines } from './entry.js';
import type { InstallRun } from './run.js';
import type { HookName } from '../state/install-record.js';

export function installEntryLines(run: InstallRun, dir: string, hooks: readonly HookName[]): void {
  for (const hook of hooks) {
    run.edit(join(dir, hook), 'sh-lines', (text) => addEntryLines(text, hook), 0o755);
  }
}

/**
 * husky 9 sets core.hooksPath to `<dir>/_`; before its first `npm install` (the `prepare`
 * script) only the `.husky` directory says the repository uses it.
 */
export function huskyDir(top: string, hooksPath: string | undefined): string | undefined {
  if (hooksPath && /(^|\/)_\/?$/.test(hooksPath)) {
    const dir = dirname(resolve(top, hooksPath.replace(/\/$/, '')));
    if (existsSync(join(dir, '_', 'h')) || existsSync(join(dir, '_', 'husky.sh'))) return dir;
  }
  // An empty .husky (what uninstalling our entries may leave) is no sign of husky.
  const dir = join(top, '.husky');
  return !hooksPath && existsSync(dir) && readdirSync(dir).length > 0 ? dir : undefined;
}
