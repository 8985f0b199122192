/**
 * The entry a hook manager runs for one of our hooks, and the two lines it takes in a shell hook
 * file (husky's `.husky/<hook>`, a tracked core.hooksPath directory). The entry is the same for
 * every clone, so it can be committed: the shim of the repository's own trailguard dependency,
 * else the copy `trailguard install` put in this clone's git dir, else nothing (silently, for
 * teammates who do not use trailguard).
 */
import type { HookName } from '../state/install-record.js';
import { SHARED_STATE, STATE_DIR } from '../state/paths.js';

/** Where install keeps this clone's copies of the shim, relative to the git common dir. */
const HOOK_COPIES = `${STATE_DIR}/${SHARED_STATE.hookCopies}`;

export const ENTRY_MARKER =
  '# trailguard: records AI tools as Assisted-by trailers (`trailguard uninstall` removes these two lines)';

/** `args` is how the manager passes git's arguments: `"$@"` in a shell file, `{0}` in lefthook. */
export function hookCommand(hook: HookName, args: string): string {
  return (
    `trailguard_hook=node_modules/trailguard/hooks/${hook}; ` +
    `[ -f "$trailguard_hook" ] || trailguard_hook="$(git rev-parse --git-common-dir)/${HOOK_COPIES}/${hook}"; ` +
    `[ ! -f "$trailguard_hook" ] || sh "$trailguard_hook" ${args}`
  );
}

/** Whether a command (a manager's configured string) already runs our hook. */
export function runsOurHook(command: string): boolean {
  return command.includes('trailguard_hook=');
}

/** The shell file with our two lines appended (unchanged when they are there already). */
export function addEntryLines(text: string, hook: HookName): string {
  const entry = `${ENTRY_MARKER}\n${hookCommand(hook, '"$@"')}\n`;
  if (text.includes(entry)) return text;
  const base = removeEntryLines(text);
  if (base === '') return `#!/bin/sh\n${entry}`;
  return `${base}${base.endsWith('\n') ? '' : '\n'}${entry}`;
}

/** The shell file without our two lines. */
export function removeEntryLines(text: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf(ENTRY_MARKER);
  if (at < 0) return text;
  lines.splice(at, runsOurHook(lines[at + 1] ?? '') ? 2 : 1);
  return lines.join('\n');
}
