/**
 * What `trailguard install` leaves in the clone, under `<git-common-dir>/trailguard/`: the
 * install record (every change made, so `uninstall` restores exactly what was there), originals
 * of edited files, per-clone copies of the shim and hook.env for the shims. A record that cannot
 * be read is reported as damaged, never as "not installed": install then rebuilds it from what
 * is on disk (src/install/recover.ts), so nothing uninstall must restore is forgotten.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hookEnvText } from './hook-env.js';
import { INSTALL_STATE, replaceFile, sharedStateDir, sharedStatePath } from './paths.js';

export const HOOK_NAMES = ['prepare-commit-msg', 'commit-msg', 'post-commit', 'pre-push'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

export const EDIT_FORMATS = ['sh-lines', 'lefthook', 'simple-git-hooks'] as const;
export type EditFormat = (typeof EDIT_FORMATS)[number];

export type Change =
  /** A hook file we wrote; `chained` is where the hook that was there before now lives. */
  | { kind: 'hook-file'; path: string; chained?: string }
  /**
   * A file we edited or created; `backup` holds the original (null: it did not exist), `written`
   * the hash of what we wrote ('' when not known), `format` how to take our entry out if it
   * changed since.
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

export type RecordRead =
  | { state: 'missing' }
  | { state: 'ok'; record: InstallRecord }
  | { state: 'damaged'; problem: string };

export function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isChange(value: unknown): value is Change {
  const change = value as Record<string, unknown> | null;
  switch (change?.kind) {
    case 'hook-file':
      return isString(change.path) && (change.chained === undefined || isString(change.chained));
    case 'edit':
      return (
        isString(change.path) &&
        (change.backup === null || isString(change.backup)) &&
        isString(change.written) &&
        EDIT_FORMATS.includes(change.format as EditFormat)
      );
    case 'git-config':
      return isString(change.section);
    default:
      return false;
  }
}

function isRecord(value: unknown): value is InstallRecord {
  const record = value as Partial<InstallRecord> | null;
  return (
    record?.version === 1 &&
    isString(record.manager) &&
    Array.isArray(record.hooks) &&
    record.hooks.every((hook) => HOOK_NAMES.includes(hook)) &&
    Array.isArray(record.changes) &&
    record.changes.every(isChange)
  );
}

export class InstallState {
  readonly dir: string;
  readonly recordPath: string;
  readonly hookEnvPath: string;
  private readonly backupDir: string;
  private readonly hookCopies: string;

  constructor(private readonly commonDir: string) {
    this.dir = sharedStateDir(commonDir);
    this.recordPath = sharedStatePath(commonDir, 'installRecord');
    this.hookEnvPath = sharedStatePath(commonDir, 'hookEnv');
    this.backupDir = sharedStatePath(commonDir, 'backups');
    this.hookCopies = sharedStatePath(commonDir, 'hookCopies');
  }

  /** The record; "damaged" for one that exists but cannot be read or is not a record. */
  read(): RecordRead {
    let text: string;
    try {
      text = readFileSync(this.recordPath, 'utf8');
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      if (code === 'ENOENT') return { state: 'missing' };
      return { state: 'damaged', problem: code ?? message };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { state: 'damaged', problem: 'not valid JSON: cut short or overwritten' };
    }
    return isRecord(value)
      ? { state: 'ok', record: value }
      : { state: 'damaged', problem: 'not an install record' };
  }

  /** Written whole or not at all (a temporary file renamed over the record). */
  write(record: InstallRecord): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.recordPath}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(record, null, 2) + '\n');
    replaceFile(temporary, this.recordPath);
  }

  /** Per-clone copies of the shim, one per hook, for managers' entries to fall back to. */
  hookCopy(hook: HookName): string {
    return join(this.hookCopies, hook);
  }

  /** hook.env, read line by line by the shims (never sourced): state/hook-env.ts. */
  writeHookEnv(values: { cli: string; node: string; extraEnv: readonly string[] }): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.hookEnvPath}.${process.pid}.tmp`;
    writeFileSync(temporary, hookEnvText(values));
    replaceFile(temporary, this.hookEnvPath);
  }

  /** Where the original of `path` is kept (whether or not it is there). */
  backupPath(path: string): string {
    return join(this.backupDir, hash(resolve(path)).slice(0, 16));
  }

  /** Keeps the original of a file we are about to edit; null when there is none. */
  backup(path: string): string | null {
    if (!existsSync(path)) return null;
    mkdirSync(this.backupDir, { recursive: true });
    const copy = this.backupPath(path);
    copyFileSync(path, copy);
    return copy;
  }

  /** Everything but the agents' data (ledger, snapshots) and the policy cache. */
  clear(): void {
    for (const name of INSTALL_STATE) {
      rmSync(sharedStatePath(this.commonDir, name), { recursive: true, force: true });
    }
  }
}
