import { expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  FULL_NAME,
  payload,
  publishPull,
  runAction,
  useFakeGitHub,
  type ActionRun,
  type GitHubRepo,
  type OpenedPull,
} from './support/action-runner.js';

/**
 * Revisions the Action cannot read (a head origin does not have, a base branch that is gone, an
 * origin that cannot be reached): ONE short line naming the revision and what to do
 * (`fetch-depth: 0`, `contents: read`); git's own words go to the log, never into that line.
 * A case is one line in the table below.
 */
const { github, createRepo } = useFakeGitHub();
const TOKEN = 'ghs_unfetchable';
const GONE = 'f'.repeat(40);
let nextPull = 500;

interface Case {
  /** Overrides of the payload's pull_request fields. */
  pull?: Record<string, unknown>;
  /** actions/checkout's fetch-depth. */
  depth?: number;
  origin?: string;
}

/** A PR of three commits on a one-commit main. Made once: a run only reads it. */
let opened: { repo: GitHubRepo; number: number; pull: OpenedPull } | undefined;
function openPull(): NonNullable<typeof opened> {
  if (opened) return opened;
  github.addToken(TOKEN, { repos: [FULL_NAME], write: false });
  const repo = createRepo();
  repo.dev.commit('Initial commit\n', { 'README.md': '# r\n' });
  repo.push('HEAD:refs/heads/main');
  repo.dev.git('checkout', '-q', '-b', 'topic');
  for (let i = 0; i < 3; i++) repo.dev.commit(`Work ${i}\n`, { [`src/${i}.ts`]: `${i}\n` });
  const number = nextPull++;
  return (opened = { repo, number, pull: publishPull(github, repo, number, 'topic') });
}

async function runPull(options: Case): Promise<ActionRun> {
  const { repo, number, pull } = openPull();
  const workspace = repo.checkout(pull.mergeSha, { depth: options.depth ?? 1 });
  if (options.origin) {
    execFileSync('git', ['remote', 'set-url', 'origin', options.origin], { cwd: workspace });
  }
  return runAction({
    workspace,
    event: 'pull_request',
    apiUrl: github.url,
    token: TOKEN,
    payload: payload('pull_request.opened', {
      number,
      pull_request: { ...pull.fields, ...options.pull },
    }),
  });
}

// prettier-ignore
const cases: [string, Case, RegExp][] = [
  ['a head sha origin does not have', { pull: { head: { sha: GONE, ref: 'topic' } } }, /cannot read commit ffffffffffff/],
  ['a base branch origin no longer has', { pull: { base: { ref: 'gone', sha: GONE } } }, /cannot read branch gone/],
  ['an origin that cannot be reached', { origin: 'file:///nonexistent/origin.git' }, /cannot read (commit|branch) /],
  ['a shallow checkout that cannot be deepened', { depth: 2, origin: 'file:///nonexistent/origin.git' }, /cannot read (commit|branch) |shallow/],
];

test.each(cases)(
  '%s: one line naming the revision and the fix; git’s words in the log',
  async (_name, options, names) => {
    const run = await runPull(options);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    const line = run.errors[0]!.message;
    expect(line).toMatch(names);
    expect(line).toContain('`fetch-depth: 0`');
    expect(line).toContain('contents: read');
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(/fatal:|error:/);
    expect(line.length).toBeLessThan(300);
    expect(run.stdout).toMatch(/git said: .*(fatal|error|origin)/);
  },
);
