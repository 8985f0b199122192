import { describe, expect, test } from '@jest/globals';
import { runCli, cleanEnv } from './support/repo.js';
import { tempDir } from './support/temp.js';

describe('trailguard CLI entry', () => {
  const home = tempDir();
  const env = cleanEnv(home);

  test('--help lists the commands and exits 0', async () => {
    const result = await runCli(['--help'], { cwd: home, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: trailguard <command>');
    expect(result.stdout).toContain('check');
  });

  test('an unknown command is a usage error (exit 2) naming the command', async () => {
    const result = await runCli(['frobnicate'], { cwd: home, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});
