/**
 * A damaged install record (issue 10) is reported as damaged and rebuilt from what is on disk,
 * never read as "not installed": doctor says so and names the fix, install repairs it, uninstall
 * still puts back every hook and file as it was, and uninstalling again is no error. Add a damage
 * or a way of installing in one line.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedStatePath } from '../src/state/paths.js';
import { runCliInProcess } from './support/cli-in-process.js';
import { cliRun } from './support/hooks.js';
import { TempRepo, type RunResult } from './support/repo.js';

/** The verbs in this process; the built CLI runs as a process where a test says so. */
const cliIn = (repo: TempRepo, args: string[]) =>
  runCliInProcess(args, { cwd: repo.dir, env: repo.env });
const cliProcess = async (repo: TempRepo, args: string[]) => cliRun(repo, args);

const damages: Record<string, (file: string) => void> = {
  'cut in half': (file) => writeFileSync(file, readFileSync(file).subarray(0, 40)),
  empty: (file) => writeFileSync(file, ''),
  'binary garbage': (file) => writeFileSync(file, Buffer.from([0, 0xff, 0x7b, 0x22, 0x0a])),
  'JSON that is no record': (file) => writeFileSync(file, '{"version": 1, "hooks": 7}\n'),
  'a directory in its place': (file) => {
    rmSync(file);
    mkdirSync(join(file, 'inside'), { recursive: true });
  },
};

/** A user's own hook, which install chains to and uninstall must put back byte for byte. */
const OWN_HOOK = '#!/bin/sh\n# my own hook\necho mine >> "$(git rev-parse --git-dir)/mine.log"\n';

/** Ways of installing: what the repository had before, and the install arguments. */
const setups: Record<string, { before: (repo: TempRepo) => string; args: string[] }> = {
  'hook files (an existing hook chained)': {
    before: (repo) => {
      const hook = join(repo.dir, '.git', 'hooks', 'prepare-commit-msg');
      writeFileSync(hook, OWN_HOOK, { mode: 0o755 });
      return hook;
    },
    args: ['--manager', 'hooks-dir'],
  },
  'lines in a core.hooksPath directory of the work tree': {
    before: (repo) => {
      repo.write('.githooks/prepare-commit-msg', OWN_HOOK);
      repo.git('config', 'core.hooksPath', '.githooks');
      return join(repo.dir, '.githooks', 'prepare-commit-msg');
    },
    args: [],
  },
  'git config sections': {
    before: (repo) => {
      repo.git('config', 'hook.other.command', 'true');
      return join(repo.dir, '.git', 'config');
    },
    args: ['--manager', 'git-config'],
  },
};

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));

/** A repository set up one way and installed; returns it with the file install changed. */
async function installed(setup: (typeof setups)[string]) {
  const repo = new TempRepo();
  repos.push(repo);
  repo.commit('initial', ['README.md']);
  const file = setup.before(repo);
  const original = readFileSync(file, 'utf8');
  const install = await cliIn(repo, ['install', ...setup.args]);
  if (install.code !== 0) throw new Error(`install failed: ${install.stderr}`);
  return { repo, file, original, record: sharedStatePath(join(repo.dir, '.git'), 'installRecord') };
}

/**
 * Uninstall (run by `uninstall`) puts the file back as it was, and a second uninstall is no
 * error.
 */
async function expectCleanUninstall(
  repo: TempRepo,
  file: string,
  original: string,
  damaged: boolean,
  uninstall: (repo: TempRepo, args: string[]) => Promise<RunResult> = cliIn,
) {
  const first = await uninstall(repo, ['uninstall']);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('hooks uninstalled');
  if (damaged) expect(first.stdout).toMatch(/install\.json was damaged .*from the hooks on disk/);
  const after = readFileSync(file, 'utf8');
  expect(after.replace(/\[hook "other"\]\n\tcommand = true\n/, '')).toBe(
    original.replace(/\[hook "other"\]\n\tcommand = true\n/, ''),
  );
  expect(after).not.toContain('trailguard');
  const again = await cliIn(repo, ['uninstall']);
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('not installed');
}

describe.each(Object.entries(damages))('install.json %s', (_how, damage) => {
  test('doctor reports the damage and its fix; uninstall still restores everything', async () => {
    const { repo, file, original, record } = await installed(
      setups['hook files (an existing hook chained)'],
    );
    damage(record);
    const doctor = await cliIn(repo, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/problem .*install\.json was damaged/);
    expect(doctor.stdout).toContain('fix: trailguard install (rebuilds the record');
    expect(doctor.stdout).not.toContain('not installed');
    await expectCleanUninstall(repo, file, original, true);
    expect(existsSync(`${file}.pre-trailguard`)).toBe(false);
  });
});

describe.each(Object.entries(setups))(
  'installed as %s, then install.json cut short',
  (_way, setup) => {
    test('install repairs the record (doctor is content again) and uninstall restores the file', async () => {
      const { repo, file, original, record } = await installed(setup);
      damages['cut in half'](record);
      // The built CLI as a process: the repair end to end.
      const install = await cliProcess(repo, ['install', ...setup.args]);
      expect(install.code).toBe(0);
      expect(install.stdout).toMatch(
        /install\.json was damaged .*rebuilt it from the hooks on disk/,
      );
      expect((await cliIn(repo, ['doctor'])).stdout).not.toMatch(/damaged|not installed/);
      await expectCleanUninstall(repo, file, original, false);
    });

    test('uninstall straight away restores the file', async () => {
      const { repo, file, original, record } = await installed(setup);
      damages['cut in half'](record);
      // The built CLI as a process: uninstall from a damaged record end to end.
      await expectCleanUninstall(repo, file, original, true, cliProcess);
    });
  },
);
