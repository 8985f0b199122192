import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli, runProcess } from './support/repo.js';
import { tempDir } from './support/temp.js';

describe('trailguard trailers', () => {
  const home = tempDir('tg-trailers-cli-');
  const env = cleanEnv(home);
  const run = (args: string[], input?: string) =>
    runCli(['trailers', ...args], { cwd: home, env, input });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const message =
    'Fix the parser\n\nThe body.\n\nAssisted-by: claude-code:claude-opus-4-5\n' +
    'Co-Authored-By: Claude <noreply@anthropic.com>\n  (folded)\nRévisé: ✓ über\n' +
    'Signed-off-by: Ada Human <ada@example.com>\n# comment\n';

  test('prints the trailers of stdin exactly as git interpret-trailers --parse does', async () => {
    const result = await run([], message);
    const git = await runProcess('git', ['interpret-trailers', '--parse'], {
      cwd: home,
      env,
      input: message,
    });
    expect(result).toEqual({ code: 0, stdout: git.stdout, stderr: '' });
    expect(result.stdout).toBe(
      'Assisted-by: claude-code:claude-opus-4-5\nCo-Authored-By: Claude <noreply@anthropic.com> (folded)\n' +
        'Signed-off-by: Ada Human <ada@example.com>\n',
    );
  });

  test('reads FILE (relative to the working directory), or stdin for -', async () => {
    writeFileSync(join(home, 'MSG'), 'subj\n\nA: b\n');
    expect((await run(['MSG'])).stdout).toBe('A: b\n');
    expect((await run(['-'], 'subj\n\nC: d\n')).stdout).toBe('C: d\n');
  });

  test('--format json gives [{key, value}] with Unicode intact', async () => {
    const result = await run(['--format', 'json'], 'subj\n\nKey: über ✓\nSigned-off-by: A <a@x>\n');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { key: 'Key', value: 'über ✓' },
      { key: 'Signed-off-by', value: 'A <a@x>' },
    ]);
    expect((await run(['--format', 'json'], 'no trailers\n')).stdout).toBe('[]\n');
  });

  test('--no-divider reads the message as git log does', async () => {
    const divided = 'subj\n\nAssisted-by: Claude\n---\nmore text\n';
    expect((await run([], divided)).stdout).toBe('Assisted-by: Claude\n');
    expect((await run(['--no-divider'], divided)).stdout).toBe('');
  });

  test('an unreadable FILE is a usage error naming it', async () => {
    const missing = await run(['no-such-message.txt']);
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: 'trailguard: trailers: cannot read no-such-message.txt: no such file\n',
    });
    expect((await run([home])).stderr).toBe(
      `trailguard: trailers: cannot read ${home}: it is a directory\n`,
    );
    if (process.getuid?.() !== 0) {
      const locked = join(home, 'LOCKED');
      writeFileSync(locked, 'x');
      chmodSync(locked, 0);
      expect((await run(['LOCKED'])).stderr).toContain('cannot read LOCKED: permission denied');
    }
  });

  test('bad arguments are usage errors', async () => {
    expect(await run(['--format', 'yaml'], '')).toMatchObject({ code: 2, stdout: '' });
    expect((await run(['--format', 'yaml'], '')).stderr).toContain(
      '--format must be one of text, json',
    );
    expect((await run(['a', 'b'])).stderr).toContain('expected at most one FILE (got 2)');
    expect((await run(['--frobnicate'])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: trailguard trailers');
  });
});
