/**
 * The agent ledger: which files each AI agent edited since they were last committed, as JSON
 * lines of `LedgerEntry` in `$(git rev-parse --git-common-dir)/trailguard/ledger.jsonl`, shared
 * by every worktree of the repository.
 *
 * Writers (agent hooks) and rewriters (settling after commits, `ledger drop`) take a lock file for
 * the few microseconds their write lasts, so an append that races a rewrite is never lost. Each append is one `write(2)` of whole lines on an O_APPEND descriptor, so a reader
 * that takes no lock sees whole lines; a torn or garbage line (a crash, a hand edit) is skipped.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import type { LedgerEntry, Signal } from '../core/types.js';
import { sharedStateDir, sharedStatePath } from './paths.js';
import { warnUnreadable } from './unreadable.js';

const LOCK_WAIT_MS = 3000;
/** A lock older than this was left by a killed process: no holder keeps it for more than a few ms. */
const LOCK_STALE_MS = 10_000;

export const ledgerPath = (commonDir: string) => sharedStatePath(commonDir, 'ledger');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** unlinkSync, not rmSync: rmSync loads a recursive-delete module every hook would pay for. */
export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false;
  }
}

/**
 * Runs `action` holding the ledger lock. A hook must never hang: after LOCK_WAIT_MS the action
 * runs anyway (`locked` false), which can only lose an entry if a rewrite runs at that instant.
 */
function withLock<T>(commonDir: string, action: (locked: boolean) => T): T {
  const lock = sharedStatePath(commonDir, 'ledgerLock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  let locked = false;
  while (!locked) {
    try {
      closeSync(openSync(lock, 'wx'));
      locked = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) removeFile(lock);
      else if (Date.now() > deadline) break;
      else sleep(1 + Math.random() * 3);
    }
  }
  try {
    return action(locked);
  } finally {
    if (locked) removeFile(lock);
  }
}

function serialize(entry: LedgerEntry): string {
  const { tool, model, session, path, time, worktree } = entry;
  return `${JSON.stringify({ tool, model, session, path, time, worktree })}\n`;
}

/** Appends entries as whole lines in one write. */
export function appendLedger(commonDir: string, entries: readonly LedgerEntry[]): void {
  if (entries.length === 0) return;
  mkdirSync(sharedStateDir(commonDir), { recursive: true });
  const lines = entries.map(serialize).join('');
  withLock(commonDir, () => appendFileSync(ledgerPath(commonDir), lines));
}

function parseLine(line: string): LedgerEntry | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return undefined;
    const { tool, model, session, path, time, worktree } = value as Record<string, unknown>;
    if (typeof tool !== 'string' || typeof path !== 'string' || typeof time !== 'string') {
      return undefined;
    }
    return {
      tool,
      path,
      time,
      ...(typeof model === 'string' ? { model } : {}),
      ...(typeof session === 'string' ? { session } : {}),
      ...(typeof worktree === 'string' ? { worktree } : {}),
    };
  } catch {
    return undefined;
  }
}

function readText(commonDir: string): string {
  const file = ledgerPath(commonDir);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      warnUnreadable(file, error, 'move it away to start a new ledger');
    }
    return '';
  }
}

/** Every readable entry, oldest first; torn or garbage lines are skipped. */
export function readLedger(commonDir: string): LedgerEntry[] {
  return readText(commonDir)
    .split('\n')
    .map(parseLine)
    .filter((entry): entry is LedgerEntry => entry !== undefined);
}

const entryKey = (entry: LedgerEntry) => `${entry.tool}\0${entry.model ?? ''}\0${entry.path}`;

/**
 * The entries for the staged paths (repository-relative, forward slashes): each agent that edited
 * a staged file since it was last committed, once per tool, model and path (latest edit kept).
 */
export function pendingFor(commonDir: string, stagedPaths: Iterable<string>): LedgerEntry[] {
  const staged = new Set(stagedPaths);
  const latest = new Map<string, LedgerEntry>();
  for (const entry of readLedger(commonDir)) {
    if (staged.has(entry.path)) latest.set(entryKey(entry), entry);
  }
  return [...latest.values()];
}

/**
 * Rewrites the ledger without the entries `drop` picks, through a temporary file and a rename,
 * under the lock; returns the entries dropped. Without the lock an append could land between the
 * read and the rename, so nothing is dropped then (the next run does it).
 */
function dropWhere(
  commonDir: string,
  drop: (entry: LedgerEntry) => boolean,
  beforeRewrite?: (dropped: LedgerEntry[]) => void,
): LedgerEntry[] {
  return withLock(commonDir, (locked) => {
    const entries = readLedger(commonDir);
    const dropped = entries.filter(drop);
    if (dropped.length === 0 || !locked) return [];
    beforeRewrite?.(dropped);
    const temporary = `${ledgerPath(commonDir)}.${process.pid}.tmp`;
    writeFileSync(
      temporary,
      entries
        .filter((entry) => !drop(entry))
        .map(serialize)
        .join(''),
    );
    renameSync(temporary, ledgerPath(commonDir));
    return dropped;
  });
}

/** Drops the entries `settled` names (equal in every field); returns those dropped. */
export function clearEntries(commonDir: string, settled: readonly LedgerEntry[]): LedgerEntry[] {
  const keys = new Set(settled.map(serialize));
  if (keys.size === 0) return [];
  return dropWhere(commonDir, (entry) => keys.has(serialize(entry)));
}

/**
 * Entries lapse where the file is back to its committed content: `clean` lists the paths of the
 * work tree `top` whose index and work-tree copies equal HEAD's (nothing of an agent's edit is
 * left to commit). Only entries recorded in that work tree lapse: another worktree's file may
 * still hold the edit. Returns the entries that lapsed.
 */
export function lapseRestored(
  commonDir: string,
  top: string,
  clean: ReadonlySet<string>,
): LedgerEntry[] {
  if (clean.size === 0) return [];
  return dropWhere(commonDir, (entry) => entry.worktree === top && clean.has(entry.path));
}

/** What `trailguard ledger drop` logs: who dropped which entries, when and why. */
export interface LedgerDrop {
  time: string;
  by: { name: string; email: string };
  reason: string;
  entries: LedgerEntry[];
}

/**
 * Drops every entry of `paths`, logging the drop (with the entries) before the ledger is
 * rewritten: a crash in between leaves a logged drop undone, never an unlogged one. Returns the
 * entries dropped (none while another process holds the lock past its wait).
 */
export function dropEntries(
  commonDir: string,
  paths: ReadonlySet<string>,
  record: Omit<LedgerDrop, 'entries'>,
): LedgerEntry[] {
  return dropWhere(
    commonDir,
    (entry) => paths.has(entry.path),
    (entries) =>
      appendFileSync(
        sharedStatePath(commonDir, 'ledgerDrops'),
        `${JSON.stringify({ ...record, entries } satisfies LedgerDrop)}\n`,
      ),
  );
}

/** How a ledger signal's evidence begins (the commit hook's fix text looks for it). */
export const LEDGER_EVIDENCE = 'agent ledger: ';

/** One `ledger` signal per tool and model, naming the files (the commit hooks' detection input). */
export function ledgerSignals(entries: readonly LedgerEntry[]): Signal[] {
  const byTool = new Map<string, { tool: string; model?: string; paths: Set<string> }>();
  for (const { tool, model, path } of entries) {
    const key = `${tool}\0${model ?? ''}`;
    const group = byTool.get(key) ?? { tool, model, paths: new Set<string>() };
    group.paths.add(path);
    byTool.set(key, group);
  }
  return [...byTool.values()].map(({ tool, model, paths }) => {
    const files = [...paths].sort();
    const shown =
      files.length > 3
        ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`
        : files.join(', ');
    return {
      tool,
      kind: 'ledger',
      evidence: `${LEDGER_EVIDENCE}${tool} edited ${shown}`,
      ...(model ? { model } : {}),
    };
  });
}

export interface LedgerFileSummary {
  path: string;
  tools: { tool: string; models: string[]; edits: number; last: string }[];
}

/** Pending entries per file and tool, for `trailguard status`. Files sorted by path. */
export function summarizeLedger(entries: readonly LedgerEntry[]): LedgerFileSummary[] {
  const files = new Map<string, Map<string, LedgerFileSummary['tools'][number]>>();
  for (const { path, tool, model, time } of entries) {
    const tools = files.get(path) ?? new Map();
    files.set(path, tools);
    const summary = tools.get(tool) ?? { tool, models: [], edits: 0, last: time };
    tools.set(tool, summary);
    summary.edits += 1;
    if (model && !summary.models.includes(model)) summary.models.push(model);
    if (time > summary.last) summary.last = time;
  }
  return [...files]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, tools]) => ({ path, tools: [...tools.values()] }));
}
