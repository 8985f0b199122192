import { afterAll, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FULL_NAME,
  payload,
  publishPull,
  runAction,
  type ActionRun,
  type GitHubRepo,
} from './support/action-runner.js';
import { useFakeGitHub } from './support/action-runner.js';
import { runActionInProcess } from './support/action-in-process.js';
import type { Fault } from './support/github-server.js';
import { tempDir } from './support/repo.js';

/**
 * Faults outside trailguard's control — files the runner points at that cannot be written, the
 * GitHub API failing, hanging or refusing — while the committed bundle runs a pull request. Each
 * gives ONE `::error::` line naming what failed, a failed step, and no stack trace (that only
 * with debug logging). A case is one line in a table below. The first case runs the bundle as a
 * process; the others call the same run() in this process (test/support/action-in-process.ts).
 */
const { github, createRepo } = useFakeGitHub();
const TOKEN = 'ghs_faults';
const ORG_POLICY = 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n';
const REPO_POLICY = 'version: 1\nextends: octo-org/.github/trailguard.yml@main\n';
const scratch = tempDir('tg-faults-');
let nextPull = 300;

beforeEach(() => {
  github.clearFaults();
  github.addToken(TOKEN, { repos: [FULL_NAME, 'octo-org/.github'], write: false });
  github.addFile('octo-org/.github', 'trailguard.yml', ORG_POLICY);
});

interface Setup {
  env?: Record<string, string>;
  fault?: [RegExp, Fault];
}

/**
 * A PR with one human commit outside protected paths (a clean pass without faults). Made once: a
 * run only reads it, and each run gets a workspace of its own.
 */
let cleanPull: { repo: GitHubRepo; number: number; mergeSha: string; fields: object } | undefined;
function openCleanPull(): NonNullable<typeof cleanPull> {
  if (cleanPull) return cleanPull;
  const repo = createRepo();
  repo.dev.commit('Initial commit\n', { '.github/trailguard.yml': REPO_POLICY });
  repo.push('HEAD:refs/heads/main');
  repo.dev.git('checkout', '-q', '-b', 'topic');
  repo.dev.commit('Docs\n', { 'docs/a.md': 'a\n' });
  const number = nextPull++;
  const { mergeSha, fields } = publishPull(github, repo, number, 'topic');
  return (cleanPull = { repo, number, mergeSha, fields });
}

async function runPull(setup: Setup = {}, bundle = false): Promise<ActionRun> {
  const { repo, number, mergeSha, fields } = openCleanPull();
  if (setup.fault) github.addFault(...setup.fault);
  return (bundle ? runAction : runActionInProcess)({
    workspace: repo.checkout(mergeSha),
    event: 'pull_request',
    apiUrl: github.url,
    token: TOKEN,
    payload: payload('pull_request.opened', { number, pull_request: fields }),
    env: setup.env,
  });
}

function oneErrorLine(run: ActionRun): string {
  expect(run.code).toBe(1);
  expect(run.errors).toHaveLength(1);
  const line = run.errors[0]!.message;
  expect(line).not.toContain('\n');
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  return line;
}

const missingDir = join(scratch, 'missing', 'dir');
const aDirectory = join(scratch, 'a-directory');
mkdirSync(aDirectory);
const ORG_FILE = /^\/repos\/octo-org\/\.github\/contents\//;
/** A git that fails one subcommand as a broken or killed git would (the rest is the real git). */
function gitFailing(subcommand: string): string {
  const bin = join(scratch, `git-failing-${subcommand}`);
  mkdirSync(bin);
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nfor a in "$@"; do [ "$a" = ${subcommand} ] && { echo "fatal: simulated failure of git ${subcommand}" >&2; echo "second line" >&2; exit 128; }; done\nexec ${realGit} "$@"\n`,
    { mode: 0o755 },
  );
  return `${bin}:${process.env.PATH}`;
}

// prettier-ignore
const cases: [string, Setup, RegExp][] = [
  ['GITHUB_OUTPUT in a missing directory', { env: { GITHUB_OUTPUT: join(missingDir, 'out') } }, /^trailguard: FAILED — writing the step outputs \(GITHUB_OUTPUT\).*missing\/dir\/out/],
  ['GITHUB_OUTPUT is a directory', { env: { GITHUB_OUTPUT: aDirectory } }, /writing the step outputs \(GITHUB_OUTPUT\).*EISDIR/],
  ['GITHUB_STEP_SUMMARY is a directory', { env: { GITHUB_STEP_SUMMARY: aDirectory } }, /writing the job summary \(GITHUB_STEP_SUMMARY\)/],
  ['RUNNER_TEMP missing', { env: { RUNNER_TEMP: missingDir } }, /writing the report file \(RUNNER_TEMP\).*ENOENT/],
  ['git not on PATH', { env: { PATH: join(scratch, 'no-git-here') } }, /git was not found on PATH/],
  ['git log fails', { env: { PATH: gitFailing('log') } }, /git .*log.* failed: fatal: simulated failure of git log/],
  ['git fetch fails', { env: { PATH: gitFailing('fetch') } }, /cannot read .*`fetch-depth: 0`/],
  ['org policy: API 500', { fault: [ORG_FILE, { status: 500 }] }, /extends: cannot read .*answered 500.*re-run when the GitHub API answers/],
  ['org policy: API 502', { fault: [ORG_FILE, { status: 502, message: 'Bad Gateway' }] }, /answered 502: Bad Gateway/],
  ['org policy: API 403', { fault: [ORG_FILE, { status: 403, message: 'Resource not accessible by integration' }] }, /HTTP 403.*token with read access/],
  ['org policy: connection reset', { fault: [ORG_FILE, 'reset'] }, /extends: cannot read .*failed: .*re-run/],
  ['org policy: API hangs', { fault: [ORG_FILE, 'hang'], env: { TRAILGUARD_API_TIMEOUT: '1' } }, /no answer in time \(timed out\)/],
];

describe('unexpected faults: one ::error:: line naming what failed, the step fails', () => {
  test.each(cases)('%s', async (name, setup, expected) => {
    const line = oneErrorLine(await runPull(setup, name === cases[0]![0]));
    expect(line).toMatch(/^trailguard: /);
    expect(line).toMatch(expected);
  });

  test('the stack trace only with debug logging (ACTIONS_STEP_DEBUG / RUNNER_DEBUG)', async () => {
    // Without debug logging the same run is the first case above: one line, no stack trace.
    const env = { GITHUB_OUTPUT: join(missingDir, 'out') };
    for (const debug of [{ ACTIONS_STEP_DEBUG: 'true' }, { RUNNER_DEBUG: '1' }] as Record<
      string,
      string
    >[]) {
      const loud = await runPull({ env: { ...env, ...debug } });
      expect(loud.code).toBe(1);
      expect(loud.errors).toHaveLength(1);
      expect(loud.stdout).toMatch(/\n\s+at .*:\d+:\d+/);
    }
  });

  test('reviews the API cannot give count as none (fail closed), with a warning saying why', async () => {
    const repo = createRepo();
    repo.dev.commit('Initial commit\n', { '.github/trailguard.yml': ORG_POLICY });
    repo.push('HEAD:refs/heads/main');
    repo.dev.git('checkout', '-q', '-b', 'eval');
    repo.dev.commit('Add eval task\n', { 'evals/a.jsonl': '{}\n' });
    const number = nextPull++;
    const pull = publishPull(github, repo, number, 'eval', {
      reviews: (sha) => [
        {
          user: { login: 'octocat' },
          state: 'APPROVED',
          commitId: sha,
          submittedAt: '2026-11-02T10:00:00Z',
        },
      ],
    });
    const faults: Fault[] = [{ status: 502 }, { status: 503 }, 'reset'];
    for (const fault of faults) {
      github.clearFaults().addFault(/\/reviews$/, fault);
      // The first fault through the committed bundle, the others in-process.
      const run = await (fault === faults[0] ? runAction : runActionInProcess)({
        workspace: repo.checkout(pull.mergeSha),
        event: 'pull_request',
        apiUrl: github.url,
        token: TOKEN,
        payload: payload('pull_request.opened', { number, pull_request: pull.fields }),
      });
      expect(run.code).toBe(1);
      expect(run.report?.violations.map((v) => v.rule)).toEqual(['missing-review']);
      const warning = run.commands.find((c) => c.command === 'warning')?.message ?? '';
      expect(warning).toContain('approvals do not count in this run; re-run the job');
    }
  });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
