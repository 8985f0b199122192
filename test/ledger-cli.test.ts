/**
 * A way out of an agent-ledger entry that never erases provenance (issue 9, item 3): an entry
 * lapses once its file is back to its committed content in the work tree the agent edited;
 * `trailguard ledger` lists entries; `ledger drop PATH… --reason` drops them and logs the drop.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentHook, ledgerLines } from './support/agent-payloads.js';
import { runCliInProcess } from './support/cli-in-process.js';
import { cliRun, gitRun, useInstalledRepo } from './support/hooks.js';
import { tempDir, type TempRepo } from './support/repo.js';

const BLOCK_EVALS =
  'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\nlocal:\n  on-violation: block\n';

/** Claude Code's PostToolUse for a Write of `path` (relative to `top`), as the agent sends it. */
const postWrite = (top: string, path: string) =>
  JSON.stringify({
    session_id: 'sess',
    cwd: top,
    hook_event_name: 'PostToolUse',
    tool_name: 'Write',
    tool_input: { file_path: join(top, path), content: 'agent\n' },
  });

async function agentWrites(repo: TempRepo, path: string, top = repo.dir): Promise<void> {
  writeFileSync(join(top, path), 'agent\n');
  const result = await agentHook(repo, 'claude', postWrite(top, path));
  expect(result).toMatchObject({ code: 0, stderr: '' });
}

/**
 * The CLI's verb in this process, for the variations of `trailguard ledger` once a test has run
 * it as a process.
 */
const cliInProcess = (repo: TempRepo, args: string[], env: Record<string, string> = {}) =>
  runCliInProcess(args, { cwd: repo.dir, env: { ...repo.env, ...env } });

const dropLog = (repo: TempRepo) => join(repo.dir, '.git', 'trailguard', 'ledger-drops.jsonl');

describe('trailguard ledger', () => {
  let repo: TempRepo;
  useInstalledRepo([], (made) => {
    repo = made;
    made.commit('policy', { '.trailguard.yml': BLOCK_EVALS, 'evals/x.jsonl': 'orig\n' });
  });

  test('lists pending entries; an entry lapses once its file is restored (listing, or the next commit)', async () => {
    await agentWrites(repo, 'evals/x.jsonl');
    const listed = cliRun(repo, ['ledger']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ {2}evals\/x\.jsonl {2}claude-code \(1 edit, last /m);
    const json = await cliInProcess(repo, ['ledger', '--format', 'json']);
    expect(JSON.parse(json.stdout).pending).toEqual([
      expect.objectContaining({ path: 'evals/x.jsonl' }),
    ]);

    expect(gitRun(repo, ['restore', 'evals/x.jsonl']).code).toBe(0);
    const after = await cliInProcess(repo, ['ledger']);
    expect(after.stdout).toBe(
      'trailguard: lapsed: evals/x.jsonl is back to its committed content\n' +
        'trailguard: the agent ledger is empty: no agent edit waits to be committed\n',
    );
    expect(ledgerLines(repo)).toEqual([]);

    // Restored, then a commit of another file: its post-commit hook lapses the entry.
    await agentWrites(repo, 'evals/x.jsonl');
    expect(gitRun(repo, ['restore', 'evals/x.jsonl']).code).toBe(0);
    repo.write('notes.md', 'notes\n');
    expect(gitRun(repo, ['add', 'notes.md']).code).toBe(0);
    expect(gitRun(repo, ['commit', '-q', '-m', 'notes']).code).toBe(0);
    for (let waited = 0; ledgerLines(repo).length > 0 && waited < 10_000; waited += 50)
      await new Promise((done) => setTimeout(done, 50));
    expect(ledgerLines(repo)).toEqual([]);
  });

  test('a file still differing from HEAD keeps its entry: only a logged drop with a reason clears it', async () => {
    await agentWrites(repo, 'evals/x.jsonl');
    expect(gitRun(repo, ['restore', 'evals/x.jsonl']).code).toBe(0);
    repo.write('evals/x.jsonl', 'written by hand\n');
    expect(gitRun(repo, ['add', '-A']).code).toBe(0);

    const refused = gitRun(repo, ['commit', '-q', '-m', 'Hand-written task']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'agent-ledger entries (logged): trailguard ledger drop evals/x.jsonl --reason "…"',
    );
    expect(refused.stderr).not.toContain('unset the variable');
    expect((await cliInProcess(repo, ['ledger'])).stdout).toContain('evals/x.jsonl  claude-code');

    const noReason = await cliInProcess(repo, ['ledger', 'drop', 'evals/x.jsonl']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/^trailguard: ledger drop: --reason TEXT is required/);
    const unknown = await cliInProcess(repo, ['ledger', 'drop', 'evals/y.jsonl', '--reason', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no ledger entry for evals/y.jsonl; nothing was dropped');
    const nobody = await cliInProcess(repo, ['ledger', 'drop', 'evals/x.jsonl', '--reason', 'x'], {
      GIT_COMMITTER_NAME: '',
    });
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('a drop is logged with who made it, and git has no identity');
    expect(existsSync(dropLog(repo))).toBe(false);

    const dropped = cliRun(repo, [
      'ledger',
      'drop',
      'evals/x.jsonl',
      '--reason',
      'rewritten by hand',
    ]);
    expect(dropped.code).toBe(0);
    expect(dropped.stdout).toBe(
      'trailguard: dropped 1 entry: evals/x.jsonl (claude-code); logged in .git/trailguard/ledger-drops.jsonl\n',
    );
    const [logged, ...more] = readFileSync(dropLog(repo), 'utf8').trim().split('\n');
    expect(more).toEqual([]);
    const record = JSON.parse(logged!);
    expect(record).toMatchObject({
      by: { name: 'Ada Human', email: 'ada@example.com' },
      reason: 'rewritten by hand',
      entries: [
        { tool: 'claude-code', path: 'evals/x.jsonl', session: 'sess', worktree: repo.dir },
      ],
    });
    expect(Number.isNaN(Date.parse(record.time))).toBe(false);

    expect(gitRun(repo, ['commit', '-q', '-m', 'Hand-written task']).code).toBe(0);
    expect(repo.git('log', '-1', '--format=%B')).toBe('Hand-written task\n\n');
  });

  test("another worktree's entry does not lapse where the file is clean", async () => {
    const parent = tempDir('tg-wt-');
    const linked = join(parent, 'linked');
    expect(gitRun(repo, ['worktree', 'add', '-q', '-b', 'side', linked]).code).toBe(0);
    try {
      await agentWrites(repo, 'evals/x.jsonl', linked);
      expect((await cliInProcess(repo, ['ledger'])).stdout).toContain('evals/x.jsonl  claude-code');
      expect(ledgerLines(repo)).toEqual([expect.objectContaining({ worktree: linked })]);
    } finally {
      gitRun(repo, ['worktree', 'remove', '--force', linked]);
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('one model id, from a transcript and from a trailer (issue 9, item 8)', () => {
  let repo: TempRepo;
  useInstalledRepo([], (made) => {
    repo = made;
    made.commit('initial', { 'README.md': 'r\n' });
  });

  test('the hook writes the canonical id, and scan counts both commits under it', async () => {
    const transcript = join(repo.home, 'transcript.jsonl');
    writeFileSync(
      transcript,
      '{"type":"assistant","message":{"model":"claude-opus-4-5-20251101","content":[]}}\n',
    );
    writeFileSync(join(repo.dir, 'agent.py'), 'agent\n');
    const recorded = await agentHook(
      repo,
      'claude',
      JSON.stringify({
        ...JSON.parse(postWrite(repo.dir, 'agent.py')),
        transcript_path: transcript,
      }),
    );
    expect(recorded).toMatchObject({ code: 0, stderr: '' });
    expect(gitRun(repo, ['add', 'agent.py']).code).toBe(0);
    expect(gitRun(repo, ['commit', '-q', '-m', 'From the transcript']).code).toBe(0);
    expect(repo.git('log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)')).toBe(
      'claude-code:claude-opus-4-5\n\n',
    );

    repo.write('typed.py', 'typed\n');
    expect(gitRun(repo, ['add', 'typed.py']).code).toBe(0);
    const typed = 'Typed trailer\n\nAssisted-by: claude-code:claude-opus-4-5\n';
    expect(gitRun(repo, ['commit', '-q', '-m', typed]).code).toBe(0);

    const scan = cliRun(repo, ['scan', '--format', 'json']);
    expect(scan.code).toBe(0);
    expect(JSON.parse(scan.stdout).tools['claude-code'].models).toEqual({ 'claude-opus-4-5': 2 });
  });
});
