/**
 * git not on PATH (issue 10): every verb that needs git says so in one line that names the fix,
 * never "not a git repository" and never a stack trace. Verbs fail with exit 2; hooks only warn
 * (exit 0: a local hook never refuses a commit because it could not look). Add a verb in one line.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverRepo } from '../src/git/discover.js';
import { git, gitMaybe, gitSync } from '../src/git/exec.js';
import { readHistory } from '../src/git/history.js';
import { appendLedger } from '../src/state/ledger.js';
import { spawnRun } from './support/hooks.js';
import { CLI, TempRepo, tempDir } from './support/repo.js';

const CLAUDE_SHELL = JSON.stringify({
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'make' },
  session_id: 's1',
});

/** The verb's arguments, the exit status it must end with, and its stdin. */
const verbs: [string[], number, string][] = [
  [['check'], 2, ''],
  [['check', 'HEAD~1..HEAD'], 2, ''],
  [['explain', 'HEAD'], 2, ''],
  [['status'], 2, ''],
  [['doctor'], 2, ''],
  [['install'], 2, ''],
  [['uninstall'], 2, ''],
  [['init', '--hooks'], 2, ''],
  [['hook', 'prepare-commit-msg', 'MSG', 'message'], 0, ''],
  [['hook', 'commit-msg', 'MSG'], 0, ''],
  [['hook', 'post-commit'], 0, ''],
  [['agent-hook', 'claude'], 0, CLAUDE_SHELL],
];

describe('git not on PATH', () => {
  let repo: TempRepo;
  let emptyPath: string;
  beforeAll(() => {
    repo = new TempRepo();
    repo.commit('one\n', { 'a.txt': 'a\n' });
    repo.commit('two\n', { 'b.txt': 'b\n' });
    writeFileSync(
      join(repo.dir, 'MSG'),
      'Subject\n\nCo-authored-by: Claude <noreply@anthropic.com>\n',
    );
    // An agent edit waiting in the ledger: the hooks have git work to do (settling it).
    appendLedger(join(repo.dir, '.git'), [
      { tool: 'claude-code', path: 'a.txt', time: new Date().toISOString(), worktree: repo.dir },
    ]);
    emptyPath = tempDir('tg-no-git-');
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(emptyPath, { recursive: true, force: true });
  });

  test.each(verbs)('trailguard %j', (args, code, stdin) => {
    const env = { ...repo.env, PATH: emptyPath, CLAUDECODE: '1' };
    const input = stdin.replace('"session_id"', `"cwd":${JSON.stringify(repo.dir)},"session_id"`);
    const result = spawnRun(process.execPath, [CLI, ...args], repo.dir, env, input);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        `git was not found on PATH (${emptyPath}): install git or add its directory to PATH`,
      ),
    ]);
    expect(result.stderr).not.toMatch(/not a git repository|\n\s+at /);
    expect(result.code).toBe(code);
  });

  test('in-process: every way of running git says the same, and a missing directory is named', async () => {
    const env = { ...repo.env, PATH: emptyPath };
    const expected = `git was not found on PATH (${emptyPath}): install git or add its directory to PATH`;
    const options = { cwd: repo.dir, env };
    expect(() => gitSync(['status'], options)).toThrow(expected);
    await expect(git(['status'], options)).rejects.toThrow(expected);
    await expect(gitMaybe(['status'], options)).rejects.toThrow(expected);
    const history = readHistory({ repo: repo.dir, revs: ['HEAD'], env });
    await expect(history.next()).rejects.toThrow(expected);
    // Discovery reads .git without git; outside a work tree it asks git, and so says why.
    await expect(discoverRepo(emptyPath, env)).rejects.toThrow(expected);
    const missing = join(repo.dir, 'no-such-dir');
    await expect(git(['status'], { cwd: missing, env: repo.env })).rejects.toThrow(
      `no such directory: ${missing}`,
    );
  });
});
