import { afterAll, expect, test } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCliInProcess } from './support/cli-in-process.js';
import { cleanEnv, ROOT, runCli, tempDir } from './support/repo.js';

/** The CLI's habits: help with one line per verb, --version/-v, --help everywhere, usage on a bad flag. */
const home = tempDir('tg-cli-habits-');
afterAll(() => rmSync(home, { recursive: true, force: true }));
/** The built CLI as a process: every verb it loads answers --help. */
const cli = (...args: string[]) => runCli(args, { cwd: home, env: cleanEnv(home) });
/** The same arguments read by main() in this process (the parsing only: no verb runs). */
const cliInProcess = (...args: string[]) =>
  runCliInProcess(args, { cwd: home, env: cleanEnv(home) });
const VERBS = [
  'init',
  'check',
  'explain',
  'scan',
  'verify',
  'attest',
  'verify-attestation',
  'status',
  'ledger',
  'doctor',
  'install',
  'uninstall',
  'trailers',
  'schema',
];

test('top-level help: one line per verb, internal verbs hidden', async () => {
  const help = await cli('--help');
  expect(help.code).toBe(0);
  const lines = help.stdout.split('\n').filter((line) => /^ {2}\S/.test(line));
  expect(lines.map((line) => line.trim().split(/\s+/)[0])).toEqual(VERBS);
  for (const line of lines) expect(line.trim().split(/\s{2,}/)).toHaveLength(2);
  expect(help.stdout).not.toMatch(/^\s+(hook|agent-hook)\b/m);
});

test('-v, --version and version print the package version', async () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  expect((await cli('-v')).stdout).toBe(`${version}\n`);
  for (const flag of ['-v', '--version', 'version']) {
    expect((await cliInProcess(flag)).stdout).toBe(`${version}\n`);
  }
});

// agent-hook answers everything on stderr with exit 0: an agent's hook must never fail the agent.
test.each([...VERBS, 'hook'])('%s --help prints its usage, exit 0', async (verb) => {
  const result = await cli(verb, '--help');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(new RegExp(`^usage: trailguard ${verb}\\b`));
});

test.each(VERBS)('%s --no-such-flag: one line with the usage line, exit 2', async (verb) => {
  const result = await cliInProcess(verb, '--no-such-flag');
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain(`usage: trailguard ${verb}`);
});
