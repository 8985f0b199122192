/**
 * A policy change reaches the git hooks without a reinstall (issue 9, item 4): tools.extra's
 * agent variables get into hook.env's TG_EXTRA_ENV once a commit (or any trailguard run) reads
 * the changed policy; a plain commit after that still starts no node; status and doctor report a
 * stale hook.env.
 */
import { expect, test } from '@jest/globals';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliRun, gitRun, installOk } from './support/hooks.js';
import { TempRepo } from './support/repo.js';

const METACODE =
  'version: 1\ntools:\n  extra:\n    - id: metacode\n      env: [METACODE_SESSION]\n';

test('tools.extra reaches the hooks without install; a stale hook.env is reported', () => {
  const repo = new TempRepo();
  try {
    repo.commit('initial', { '.trailguard.yml': 'version: 1\n' });
    installOk(repo);
    const hookEnv = join(repo.dir, '.git', 'trailguard', 'hook.env');
    expect(readFileSync(hookEnv, 'utf8')).toMatch(/^TG_EXTRA_ENV=$/m);

    // The policy lands the way a pull brings it: no hook of ours runs.
    repo.write('.trailguard.yml', METACODE);
    repo.git('add', '.trailguard.yml');
    repo.git('-c', `core.hooksPath=${join(repo.home, 'none')}`, 'commit', '-q', '-m', 'metacode');

    // A node that notes each use, so the test sees when the shim starts one.
    const used = join(repo.home, 'node-used');
    const node = join(repo.home, 'node');
    writeFileSync(node, `#!/bin/sh\n: > '${used}'\nexec '${process.execPath}' "$@"\n`);
    chmodSync(node, 0o755);
    const withNode = { TRAILGUARD_NODE: node };

    repo.write('a.txt', 'a\n');
    repo.git('add', 'a.txt');
    expect(
      gitRun(repo, ['commit', '-q', '-m', 'by metacode'], { ...withNode, METACODE_SESSION: 's1' })
        .code,
    ).toBe(0);
    expect(repo.git('log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)')).toBe(
      'metacode\n\n',
    );
    expect(readFileSync(hookEnv, 'utf8')).toMatch(/^TG_EXTRA_ENV=METACODE_SESSION$/m);

    // Once hook.env follows the policy, a plain commit is decided without node again (after the
    // one that follows an assisted commit, which node checks for an amend).
    repo.write('c.txt', 'c\n');
    repo.git('add', 'c.txt');
    expect(gitRun(repo, ['commit', '-q', '-m', 'after'], withNode).code).toBe(0);
    rmSync(used, { force: true });
    repo.write('b.txt', 'b\n');
    repo.git('add', 'b.txt');
    expect(gitRun(repo, ['commit', '-q', '-m', 'plain'], withNode).code).toBe(0);
    expect(existsSync(used)).toBe(false);
    expect(repo.git('log', '-1', '--format=%B')).toBe('plain\n\n');

    // A hook.env the policy cache does not see through: reported, and install mends it.
    writeFileSync(
      hookEnv,
      readFileSync(hookEnv, 'utf8').replace(/^TG_EXTRA_ENV=.*$/m, 'TG_EXTRA_ENV='),
    );
    const stale =
      'hook.env is stale: its TG_EXTRA_ENV lacks METACODE_SESSION (tools.extra), so a commit with only that set records nothing';
    const doctor = cliRun(repo, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`problem hook.env is stale`);
    expect(doctor.stdout).toContain(stale);
    expect(cliRun(repo, ['status']).stdout).toContain(`  ${stale} (fix: trailguard install)\n`);
    const json = JSON.parse(cliRun(repo, ['status', '--format', 'json']).stdout);
    expect(json.hooks.hookEnv).toEqual({ ok: false, what: stale, fix: 'trailguard install' });
    installOk(repo);
    expect(cliRun(repo, ['doctor']).code).toBe(0);
    expect(cliRun(repo, ['status']).stdout).toContain(
      '  hook.env follows the policy (tools.extra: METACODE_SESSION)\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('status says so when reading a changed policy brought hook.env up to date', () => {
  const repo = new TempRepo();
  try {
    repo.commit('initial', { '.trailguard.yml': 'version: 1\n' });
    installOk(repo);
    repo.write('.trailguard.yml', METACODE);
    const status = cliRun(repo, ['status']);
    expect(status.stdout).toContain(
      '  hook.env was stale (its TG_EXTRA_ENV lacks METACODE_SESSION (tools.extra), so a commit with only that set records nothing); reading the policy just brought it up to date\n',
    );
    expect(cliRun(repo, ['doctor']).code).toBe(0);
  } finally {
    repo.cleanup();
  }
});
