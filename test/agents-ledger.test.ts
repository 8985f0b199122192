import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { closeSync, mkdirSync, openSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appendLedger,
  clearEntries,
  ledgerPath,
  ledgerSignals,
  pendingFor,
  readLedger,
  summarizeLedger,
} from '../src/state/ledger.js';
import { sharedStateDir, sharedStatePath } from '../src/state/paths.js';
import type { LedgerEntry } from '../src/core/types.js';
import { agentHook, ledgerLines } from './support/agent-payloads.js';
import { TempRepo } from './support/repo.js';

let repo: TempRepo;
let commonDir: string;

beforeEach(() => {
  repo = new TempRepo();
  commonDir = repo.git('rev-parse', '--path-format=absolute', '--git-common-dir').trim();
});
afterEach(() => repo.cleanup());

const entry = (
  path: string,
  tool = 'claude-code',
  extra: Partial<LedgerEntry> = {},
): LedgerEntry => ({
  tool,
  path,
  time: '2026-11-20T10:00:00.000Z',
  ...extra,
});

/** A Claude Code PostToolUse on Write of one file, as the agent sends it. */
const postWrite = (path: string, session = 'sess') =>
  JSON.stringify({
    session_id: session,
    transcript_path: join(repo.home, 'none.jsonl'),
    cwd: repo.dir,
    permission_mode: 'acceptEdits',
    hook_event_name: 'PostToolUse',
    tool_name: 'Write',
    tool_input: { file_path: join(repo.dir, path), content: 'x\n' },
    tool_response: { type: 'create', filePath: join(repo.dir, path) },
    tool_use_id: `toolu_${path.replace(/\W/g, '_')}`,
  });

/** Clears every entry of `paths` (as settling does for the entries a commit carried). */
const clearPaths = (paths: string[]) =>
  clearEntries(
    commonDir,
    readLedger(commonDir).filter((entry) => paths.includes(entry.path)),
  ).length;

describe('concurrent agent hooks', () => {
  test('100 parallel agent-hook processes: every line lands whole, none is lost', async () => {
    const paths = Array.from({ length: 100 }, (_, i) => `src/module-${i}/file-${i}.ts`);
    const results = await Promise.all(
      paths.map((path) => agentHook(repo, 'claude', postWrite(path))),
    );
    expect(results.every((result) => result.code === 0 && result.stderr === '')).toBe(true);
    const text = readFileSync(ledgerPath(commonDir), 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe(''); // ends with a newline
    expect(lines).toHaveLength(100);
    const parsed = lines.map((line) => JSON.parse(line) as LedgerEntry); // throws on a torn line
    expect(parsed.map((line) => line.path).sort()).toEqual([...paths].sort());
  });

  test('appends racing the rewrite after a commit are never lost', async () => {
    const paths = Array.from({ length: 40 }, (_, i) => `agent/file-${i}.ts`);
    const appenders = Promise.all(paths.map((path) => agentHook(repo, 'claude', postWrite(path))));
    let done = false;
    void appenders.then(() => (done = true));
    let rewrites = 0;
    while (!done) {
      // A commit of other files: their entries appear, then settling clears them.
      appendLedger(commonDir, [entry(`committed/${rewrites}.ts`)]);
      rewrites += clearPaths([`committed/${rewrites}.ts`]);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(rewrites).toBeGreaterThan(0);
    const remaining = ledgerLines(repo).map((line) => line.path as string);
    expect(remaining.filter((path) => path.startsWith('committed/'))).toEqual([]);
    expect(remaining.sort()).toEqual([...paths].sort());
  });
});

describe('the ledger API the commit hooks use', () => {
  test('torn and garbage lines are skipped by readers and dropped by the rewrite', () => {
    mkdirSync(sharedStateDir(commonDir), { recursive: true });
    writeFileSync(
      ledgerPath(commonDir),
      `${JSON.stringify(entry('a.ts'))}\nnot json at all\n{"tool":"codex"}\n${JSON.stringify(
        entry('b.ts', 'codex'),
      )}\n{"tool":"claude-code","path":"c.t`,
    );
    expect(readLedger(commonDir)).toEqual([entry('a.ts'), entry('b.ts', 'codex')]);
    expect(clearPaths(['a.ts'])).toBe(1);
    expect(readFileSync(ledgerPath(commonDir), 'utf8')).toBe(
      `${JSON.stringify(entry('b.ts', 'codex'))}\n`,
    );
  });

  test('pendingFor: staged files only, once per tool, model and path, latest edit kept', () => {
    appendLedger(commonDir, [
      entry('src/a.ts', 'claude-code', {
        model: 'claude-opus-4-5',
        time: '2026-11-20T10:00:00.000Z',
      }),
      entry('src/a.ts', 'claude-code', {
        model: 'claude-opus-4-5',
        time: '2026-11-20T11:00:00.000Z',
      }),
      entry('src/a.ts', 'codex', { model: 'gpt-5-codex' }),
      entry('src/unstaged.ts', 'cursor'),
    ]);
    const pending = pendingFor(commonDir, ['src/a.ts', 'src/b.ts']);
    expect(pending).toEqual([
      entry('src/a.ts', 'claude-code', {
        model: 'claude-opus-4-5',
        time: '2026-11-20T11:00:00.000Z',
      }),
      entry('src/a.ts', 'codex', { model: 'gpt-5-codex' }),
    ]);
    // Reading is not consuming: a commit that is aborted after this loses nothing.
    expect(pendingFor(commonDir, ['src/a.ts'])).toEqual(pending);
    expect(ledgerSignals(pending)).toEqual([
      {
        tool: 'claude-code',
        kind: 'ledger',
        evidence: 'agent ledger: claude-code edited src/a.ts',
        model: 'claude-opus-4-5',
      },
      {
        tool: 'codex',
        kind: 'ledger',
        evidence: 'agent ledger: codex edited src/a.ts',
        model: 'gpt-5-codex',
      },
    ]);
  });

  test('clearing keeps the entries of files that were not committed; an empty ledger is empty', () => {
    appendLedger(commonDir, [entry('a.ts'), entry('b.ts'), entry('a.ts', 'codex')]);
    expect(clearPaths(['a.ts'])).toBe(2);
    expect(readLedger(commonDir)).toEqual([entry('b.ts')]);
    expect(clearPaths(['nothing.ts'])).toBe(0);
    expect(clearPaths(['b.ts'])).toBe(1);
    // The hook shims' fast path tests `[ -s ledger ]`.
    expect(readFileSync(ledgerPath(commonDir), 'utf8')).toBe('');
  });

  test('clearEntries drops exactly the entries named: a later edit of the same file stays', () => {
    const carried = entry('a.ts', 'claude-code', { worktree: repo.dir });
    const later = entry('a.ts', 'claude-code', {
      worktree: repo.dir,
      time: '2026-11-20T10:00:01.000Z',
    });
    appendLedger(commonDir, [carried, later]);
    expect(clearEntries(commonDir, [carried])).toEqual([carried]);
    expect(readLedger(commonDir)).toEqual([later]);
    expect(clearEntries(commonDir, [carried])).toEqual([]);
  });

  test('summarizeLedger: per file and tool, for `trailguard status`', () => {
    const summary = summarizeLedger([
      entry('src/b.ts', 'codex', { model: 'gpt-5-codex', time: '2026-11-20T09:00:00.000Z' }),
      entry('src/a.ts', 'claude-code', {
        model: 'claude-opus-4-5',
        time: '2026-11-20T10:00:00.000Z',
      }),
      entry('src/a.ts', 'claude-code', {
        model: 'claude-sonnet-4-5',
        time: '2026-11-20T12:00:00.000Z',
      }),
      entry('src/a.ts', 'cursor', { time: '2026-11-20T11:00:00.000Z' }),
    ]);
    expect(summary).toEqual([
      {
        path: 'src/a.ts',
        tools: [
          {
            tool: 'claude-code',
            models: ['claude-opus-4-5', 'claude-sonnet-4-5'],
            edits: 2,
            last: '2026-11-20T12:00:00.000Z',
          },
          { tool: 'cursor', models: [], edits: 1, last: '2026-11-20T11:00:00.000Z' },
        ],
      },
      {
        path: 'src/b.ts',
        tools: [
          { tool: 'codex', models: ['gpt-5-codex'], edits: 1, last: '2026-11-20T09:00:00.000Z' },
        ],
      },
    ]);
  });

  test('a lock left by a killed process does not stop appends', () => {
    mkdirSync(sharedStateDir(commonDir), { recursive: true });
    const lock = sharedStatePath(commonDir, 'ledgerLock');
    closeSync(openSync(lock, 'w'));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, anHourAgo, anHourAgo);
    appendLedger(commonDir, [entry('a.ts')]);
    expect(readLedger(commonDir)).toEqual([entry('a.ts')]);
  });
});
