/**
 * What `trailguard install` leaves in the clone, under `<git-common-dir>/trailguard/`:
 * - hooks/<name>: copies of the shim, which hook managers' entries fall back to;
 * - hook.env: what the shims read (the CLI and node found at install time, extra agent variables);
 * - install.json: every change made to the repository, so `uninstall` restores exactly what was
 *   there (original file contents are kept in backup/).
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateDir } from '../agents/ledger.js';

export const HOOK_NAMES = ['prepare-commit-msg', 'commit-msg', 'post-commit', 'pre-push'] as const;
export type HookName = (typeof HOOK_NAMES)[number];
/**
 * Every hook git runs costs a process, about as much as a no-op hook: two keep a commit without AI
 * within 1.3× of one no-op hook. commit-msg (signatures pasted in the editor) and pre-push
 * (`trailguard check` on every push) are opt-in.
 */
export const DEFAULT_HOOKS: readonly HookName[] = ['prepare-commit-msg', 'post-commit'];

/** The first line every installed copy of the shim starts with after its shebang. */
export const SHIM_MARKER = '# trailguard-hook:';

export type EditFormat = 'sh-lines' | 'lefthook' | 'simple-git-hooks';

export type Change =
  /** A hook file we wrote; `chained` is where the hook that was there before now lives. */
  | { kind: 'hook-file'; path: string; chained?: string }
  /**
   * A file we edited or created; `backup` holds the original (null: it did not exist), `written`
   * the hash of what we wrote, `format` how to take our entry out if someone edited it since.
   */
  | { kind: 'edit'; path: string; backup: string | null; written: string; format: EditFormat }
  /** A `hook.<name>.*` section of the repository's git config. */
  | { kind: 'git-config'; section: string };

export interface InstallRecord {
  version: 1;
  manager: string;
  hooks: HookName[];
  changes: Change[];
}

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

export function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class InstallState {
  readonly dir: string;
  constructor(commonDir: string) {
    this.dir = stateDir(commonDir);
  }

  get recordPath(): string {
    return join(this.dir, 'install.json');
  }

  read(): InstallRecord | undefined {
    try {
      return JSON.parse(readFileSync(this.recordPath, 'utf8')) as InstallRecord;
    } catch {
      return undefined;
    }
  }

  write(record: InstallRecord): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.recordPath, JSON.stringify(record, null, 2) + '\n');
  }

  /** Per-clone copies of the shim, one per hook, for managers' entries to fall back to. */
  hookCopy(hook: HookName): string {
    return join(this.dir, 'hooks', hook);
  }

  writeHookCopies(hooks: readonly HookName[]): void {
    for (const hook of hooks) writeShim(this.hookCopy(hook));
  }

  /** hook.env: sourced by the shims, so values are single-quoted for sh. */
  writeHookEnv(values: { cli: string; node: string; extraEnv: readonly string[] }): void {
    const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(
      join(this.dir, 'hook.env'),
      '# Written by `trailguard install`, read by the git hook shims.\n' +
        `TG_CLI=${quote(values.cli)}\n` +
        `TG_NODE=${quote(values.node)}\n` +
        `TG_EXTRA_ENV=${quote(values.extraEnv.join(' '))}\n`,
    );
  }

  /** Keeps the original of a file we are about to edit (once: a re-install keeps the first). */
  backup(path: string): string | null {
    if (!existsSync(path)) return null;
    const dir = join(this.dir, 'backup');
    mkdirSync(dir, { recursive: true });
    const copy = join(dir, hash(resolve(path)).slice(0, 16));
    copyFileSync(path, copy);
    return copy;
  }

  /** Everything but the agent ledger (which is the agents' data, not the installation's). */
  clear(): void {
    for (const name of [
      'hooks',
      'backup',
      'hook.env',
      'install.json',
      'hook-code-cache',
      'post-commit.log',
    ]) {
      rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }
}

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
