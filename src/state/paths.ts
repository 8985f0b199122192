/**
 * Every file trailguard keeps inside a repository's git directories, in one table. Node reads
 * the names from here; the hook shim's copies are generated from it at build time
 * (shim-paths.ts, scripts/build.mjs), and a test fails when the committed shim differs.
 *
 * Shared state lives in `<git-common-dir>/trailguard/` (one per clone, for every worktree);
 * what belongs to one worktree's HEAD, index or work tree lives in `<git-dir>/trailguard/`.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The directory trailguard owns inside a git directory. */
export const STATE_DIR = 'trailguard';

/** `<git-common-dir>/trailguard/…`: shared by all worktrees of a clone. */
export const SHARED_STATE = {
  /** The agent ledger: one JSON line per file an agent edited since it was last committed. */
  ledger: 'ledger.jsonl',
  /** `trailguard ledger drop`'s log: who dropped which entries, when and why (never rewritten). */
  ledgerDrops: 'ledger-drops.jsonl',
  /** Taken for the few microseconds a ledger write lasts. */
  ledgerLock: 'ledger.lock',
  /** Before-snapshots of a shell command's dirty files, one per agent call. */
  snapshots: 'snapshots',
  /** What the shims read: the CLI and node found at install time, extra agent variables. */
  hookEnv: 'hook.env',
  /** Every change `install` made, so `uninstall` restores exactly what was there. */
  installRecord: 'install.json',
  /** Originals of the files `install` edited. */
  backups: 'backup',
  /** Copies of the shim, one per hook, which hook managers' entries fall back to. */
  hookCopies: 'hooks',
  /** V8's code cache of the hooks' lean entry. */
  codeCache: 'hook-code-cache',
  /** Output of the detached post-commit run. */
  postCommitLog: 'post-commit.log',
} as const;

/** `<git-dir>/trailguard/…`: one per worktree. */
export const WORKTREE_STATE = {
  /** A refused commit's message, for `git commit -F`. */
  savedMessage: 'saved-commit-message',
  /** Left by prepare-commit-msg when it put trailers into a message still to be written. */
  editorNote: 'editor-trailers',
  /** Left by prepare-commit-msg when its commit carries Assisted-by trailers (an amend keeps them). */
  assistedHead: 'assisted-head',
  /** Left by prepare-commit-msg: the ledger entries its commit carries, settled once it is made. */
  ledgerClaim: 'ledger-claim.json',
  /** The compiled policy, keyed by the policy files' stat data. */
  policyCache: 'policy-cache.json',
} as const;

export type SharedStateName = keyof typeof SHARED_STATE;
export type WorktreeStateName = keyof typeof WORKTREE_STATE;

/** `<git-common-dir>/trailguard`. */
export function sharedStateDir(commonDir: string): string {
  return join(commonDir, STATE_DIR);
}

/** `<git-dir>/trailguard`. */
export function worktreeStateDir(gitDir: string): string {
  return join(gitDir, STATE_DIR);
}

export function sharedStatePath(commonDir: string, name: SharedStateName): string {
  return join(commonDir, STATE_DIR, SHARED_STATE[name]);
}

export function worktreeStatePath(gitDir: string, name: WorktreeStateName): string {
  return join(gitDir, STATE_DIR, WORKTREE_STATE[name]);
}

/** What install's state is made of: everything shared but the agents' own data. */
export const INSTALL_STATE: readonly SharedStateName[] = [
  'hookCopies',
  'backups',
  'hookEnv',
  'installRecord',
  'codeCache',
  'postCommitLog',
];

/**
 * Moves a freshly written `temporary` over a state file, whole. Whatever stands in the way (a
 * directory left where the file belongs) is ours to clear: state is never someone else's file.
 */
export function replaceFile(temporary: string, file: string): void {
  try {
    renameSync(temporary, file);
  } catch {
    rmSync(file, { recursive: true, force: true });
    renameSync(temporary, file);
  }
}
