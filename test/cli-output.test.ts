/**
 * The CLI's output habits on a real repository: colour only when asked for or on a terminal,
 * progress only on a terminal, every policy problem at once, and explain speaking the user's
 * revision, never the internal syntax it runs git with.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { progressLine } from '../src/cli/progress.js';
import type { CliIO } from '../src/cli/io.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliInProcess } from './support/cli-in-process.js';
import { runCli, TempRepo, tempDir } from './support/repo.js';

let repo: TempRepo;
const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>';

beforeAll(() => {
  repo = new TempRepo();
  repo.commit('initial', { 'README.md': 'hello\n' });
  repo.git('branch', 'base');
  repo.commit(`Add eval task\n\n${CLAUDE}`, { 'evals/task.jsonl': '{}\n' });
});
afterAll(() => repo.cleanup());

/** The built CLI as a process: what a pipe and the environment do to it. */
const cli = (env: Record<string, string>, ...args: string[]) =>
  runCli(args, { cwd: repo.dir, env: { ...repo.env, ...env } });
/** The verbs in this process (stdout and stderr no terminal, as for a process on pipes). */
const cliIn = (env: Record<string, string>, ...args: string[]) =>
  runCliInProcess(args, { cwd: repo.dir, env: { ...repo.env, ...env } });

describe('colour', () => {
  test('FORCE_COLOR=1 colours the report written to a pipe; NO_COLOR=1 and a plain pipe do not', async () => {
    const forced = await cli({ FORCE_COLOR: '1' }, 'check', 'base..HEAD');
    expect(forced.code).toBe(1);
    expect(forced.stdout.startsWith('\x1b[31mtrailguard: FAILED — 2 violations')).toBe(true);
    for (const env of [{ NO_COLOR: '1' }, {}] as Record<string, string>[]) {
      const plain = await cliIn(env, 'check', 'base..HEAD');
      expect(plain.stdout).toMatch(/^trailguard: FAILED — 2 violations/);
      expect(plain.stdout).not.toContain('\x1b[');
    }
    const json = await cliIn({ FORCE_COLOR: '1' }, 'check', 'base..HEAD', '--format', 'json');
    expect(json.stdout).not.toContain('\x1b[');
    const verify = await cliIn({ FORCE_COLOR: '1' }, 'verify');
    expect(verify.stdout).toContain('\x1b[31mFAIL — 1 tainted, 0 unreviewed');
    const doctor = await cliIn({ FORCE_COLOR: '1' }, 'doctor');
    expect(doctor.stdout).toContain('\x1b[31mproblem\x1b[39m');
    expect((await cliIn({ NO_COLOR: '1' }, 'doctor')).stdout).not.toContain('\x1b[');
  });
});

describe('progress', () => {
  test('nothing on stderr but the range line when stderr is no terminal', async () => {
    for (const [index, verb] of [['check', 'base..HEAD'], ['scan'], ['verify']].entries()) {
      const result = await (index === 0 ? cli : cliIn)({}, ...verb);
      expect(result.stderr).not.toContain('\r');
      expect(result.stderr).not.toContain('\x1b');
    }
  });

  test('on a terminal: one line updated in place, at most every 100 ms, cleared at the end', () => {
    const written: string[] = [];
    const io = (tty: boolean, env: NodeJS.ProcessEnv = {}): CliIO => ({
      stdout: () => undefined,
      stderr: (text) => void written.push(text),
      readStdin: async () => '',
      cwd: repo.dir,
      env,
      stderrIsTTY: tty,
    });
    expect(progressLine(io(false))).toBeUndefined();
    expect(progressLine(io(true, { CI: 'true' }))).toBeUndefined();
    let clock = 1_000;
    const progress = progressLine(io(true), () => clock)!;
    progress.update('1,000 commits…');
    clock += 50;
    progress.update('2,000 commits…');
    clock += 100;
    progress.update('3,000 commits…');
    progress.done();
    expect(written).toEqual(['\r\x1b[K1,000 commits…', '\r\x1b[K3,000 commits…', '\r\x1b[K']);
  });
});

describe('errors', () => {
  test('every policy problem at once, each on its own line, with did-you-mean for a tool id', async () => {
    const file = join(tempDir('tg-policy-'), 'policy.yml');
    writeFileSync(file, 'version: 1\ntools:\n  internal: [claude]\nlocal:\n  on-violation: nope\n');
    const result = await cliIn({}, 'check', 'base..HEAD', '--config', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `trailguard: ${file}:3:14: tools.internal[0]: unknown tool "claude" (neither built in nor declared in tools.extra); did you mean claude-code?\n` +
        `trailguard: ${file}:5:17: local.on-violation: expected one of warn, block (got "nope")\n`,
    );
  });

  test.each([
    ['nonexistent', "trailguard: not a commit in this repository: 'nonexistent'\n"],
    ['HEAD~5', "trailguard: not a commit in this repository: 'HEAD~5'\n"],
    ['HEAD^{tree}', "trailguard: not a commit in this repository: 'HEAD^{tree}'\n"],
    [
      'base..HEAD',
      'trailguard: explain: takes one commit, not a range ("base..HEAD"); `trailguard check base..HEAD` judges a range\n',
    ],
  ])('explain %s names the revision as written, no internal syntax', async (rev, message) => {
    const result = await cliIn({}, 'explain', rev);
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
    expect(result.stderr).not.toMatch(/\^!|end-of-options|\^\{commit\}/);
  });

  test('check --max takes a whole number', async () => {
    const result = await cliIn({}, 'check', 'base..HEAD', '--max', 'lots');
    expect(result.stderr).toBe(
      'trailguard: check: --max takes a whole number, 0 for all (got "lots")\n',
    );
    expect(result.code).toBe(2);
  });
});
