/**
 * The whole flow: `trailguard init` sets up the git hooks and Claude Code's hook config; the
 * agent's edits go through the configured command into the ledger; a human commits later with
 * plain `git commit` (no agent in the environment); the commit carries the agent's trailer and
 * the next trailguard run (the next commit, `trailguard ledger`) clears its ledger entries, while
 * entries of files not committed stay.
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerLines, payload } from './support/agent-payloads.js';
import { CLI, ROOT, runCli, runProcess, TempRepo } from './support/repo.js';

let repo: TempRepo;

beforeEach(async () => {
  repo = new TempRepo();
  repo.commit('initial', { 'src/app.ts': 'export const answer = 41;\n' });
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(repo.dir, 'node_modules', 'trailguard'));
  symlinkSync(CLI, join(repo.dir, 'node_modules', '.bin', 'trailguard'));
  repo.write('.gitignore', 'node_modules/\n');
  mkdirSync(join(repo.home, 'transcripts'));
  writeFileSync(
    join(repo.home, 'transcripts', 'claude.jsonl'),
    '{"type":"assistant","message":{"model":"claude-opus-4-5-20251101","role":"assistant","content":[]}}\n',
  );
  const init = await runCli(['init', '--agents', 'claude', '--hooks'], {
    cwd: repo.dir,
    env: repo.env,
  });
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
});
afterEach(() => repo.cleanup());

/** Claude Code running its PostToolUse hook from .claude/settings.json after an edit. */
async function claudeEdits(fixture: string) {
  const settings = JSON.parse(readFileSync(join(repo.dir, '.claude', 'settings.json'), 'utf8'));
  const command = settings.hooks.PostToolUse[0].hooks[0].command as string;
  const result = await runProcess('sh', ['-c', command], {
    cwd: repo.dir,
    env: repo.env,
    input: payload(repo, 'claude', fixture),
  });
  expect(result).toMatchObject({ code: 0, stderr: '' });
}

/** The ledger once `trailguard ledger` (as any next run) has settled it. */
async function ledgerAfterListing() {
  const listed = await runCli(['ledger'], { cwd: repo.dir, env: repo.env });
  expect(listed.code).toBe(0);
  return ledgerLines(repo);
}

test('agent edits recorded, human git commit, trailer present, ledger cleared', async () => {
  repo.write('src/app.ts', 'export const answer = 42;\n');
  await claudeEdits('post-edit-src');
  await claudeEdits('post-multiedit');
  repo.write('src/lib/util.ts', 'export const util = 1;\n');
  expect(ledgerLines(repo).map((line) => line.path)).toEqual(['src/app.ts', 'src/lib/util.ts']);

  // The human commits only src/app.ts, from a plain terminal.
  repo.git('add', 'src/app.ts');
  repo.git('commit', '-q', '-m', 'Fix the answer');
  expect(repo.git('log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)').trim()).toBe(
    'claude-code:claude-opus-4-5', // the transcript's claude-opus-4-5-20251101, canonical
  );
  // The human's next commit, of files no agent touched, carries no trailer, and settles the
  // last one: the committed file's entries go, the others stay.
  repo.write('docs/notes.md', 'by hand\n');
  repo.git('add', 'docs/notes.md');
  repo.git('commit', '-q', '-m', 'Notes');
  expect(repo.git('log', '-1', '--format=%(trailers:key=Assisted-by)').trim()).toBe('');
  expect(ledgerLines(repo).map((line) => line.path)).toEqual(['src/lib/util.ts']);
});

test('an aborted commit loses nothing: the entry waits for the next commit', async () => {
  repo.write('src/app.ts', 'export const answer = 42;\n');
  await claudeEdits('post-edit-src');
  repo.git('add', 'src/app.ts');
  // The editor fails: git aborts the commit after prepare-commit-msg ran.
  const aborted = await runProcess('git', ['commit', '-q'], {
    cwd: repo.dir,
    env: { ...repo.env, GIT_EDITOR: 'false' },
  });
  expect(aborted.code).not.toBe(0);
  expect(ledgerLines(repo).map((line) => line.path)).toEqual(['src/app.ts']);

  repo.git('commit', '-q', '-m', 'Fix the answer');
  expect(repo.git('log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)').trim()).toBe(
    'claude-code:claude-opus-4-5', // the transcript's claude-opus-4-5-20251101, canonical
  );
  expect(await ledgerAfterListing()).toEqual([]);
});
