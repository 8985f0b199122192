import { beforeAll, expect, test } from '@jest/globals';
import {
  FULL_NAME,
  payload,
  runAction,
  useFakeGitHub,
  type ActionRun,
  type GitHubRepo,
} from './support/action-runner.js';

/**
 * A push to the default branch is never judged by a policy the push itself brings: the policy
 * comes from `before` (the branch as it was), from the embedded default when the push creates the
 * branch (no earlier policy exists), and when `before` cannot be read the run fails closed. Every
 * push below loosens the policy (`protected: []`) in the same push as an outside-AI eval commit.
 * A shape is one line in the table.
 */
const { github, createRepo } = useFakeGitHub();
const TOKEN = 'ghs_push';
const STRICT = 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n';
const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>';
const ZEROS = '0'.repeat(40);

beforeAll(() => {
  github.addToken(TOKEN, { repos: [FULL_NAME], write: false });
});

interface Pushed {
  repo: GitHubRepo;
  before: string;
  after: string;
}

type Shape = 'fast-forward' | 'force-push' | 'force-push, old tip kept' | 'new-branch';
const made = new Map<Shape, Pushed>();

/**
 * main with the strict policy; then `after`, pushed over it, loosening the policy itself. Made
 * once per shape: a run only reads it (from a workspace of its own).
 */
function loosenedBy(shape: Shape): Pushed {
  let pushed = made.get(shape);
  if (!pushed) made.set(shape, (pushed = push(shape)));
  return pushed;
}

function push(shape: Shape): Pushed {
  const repo = createRepo();
  let before = ZEROS;
  if (shape !== 'new-branch') {
    before = repo.dev.commit('Initial commit\n', { '.github/trailguard.yml': STRICT });
    repo.push('HEAD:refs/heads/main');
  }
  if (shape.startsWith('force-push')) {
    // The rewritten history shares nothing with the old one; the old tip becomes unreachable.
    repo.dev.git('checkout', '-q', '--orphan', 'rewritten');
    repo.dev.git('rm', '-rq', '--cached', '.');
  }
  repo.dev.commit('Relax the policy\n', {
    '.github/trailguard.yml': 'version: 1\nprotected: []\n',
  });
  const after = repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/pushed.jsonl': '{}\n' });
  repo.push('HEAD:refs/heads/main');
  if (shape === 'force-push') {
    // GitHub serves an unreachable commit by sha until it is garbage-collected: collect it.
    repo.origin.git('reflog', 'expire', '--expire=now', '--all');
    repo.origin.git('gc', '-q', '--prune=now');
  }
  return { repo, before, after };
}

async function runPush(pushed: Pushed, fields: Record<string, unknown>): Promise<ActionRun> {
  return runAction({
    workspace: pushed.repo.checkout(pushed.after, { ref: 'refs/remotes/origin/main' }),
    event: 'push',
    apiUrl: github.url,
    token: TOKEN,
    sha: pushed.after,
    ref: 'refs/heads/main',
    payload: payload('push', {
      ref: 'refs/heads/main',
      before: pushed.before,
      after: pushed.after,
      ...fields,
    }),
  });
}

type Expect = { fails: 'closed' } | { violations: string[]; policy: RegExp };

// prettier-ignore
const shapes: [string, () => Pushed, Record<string, unknown>, Expect][] = [
  ['fast-forward, before readable: the policy from before', () => loosenedBy('fast-forward'), {}, { violations: ['external-ai', 'missing-review'], policy: /Policy: [0-9a-f]{12}:\.github\/trailguard\.yml/, }],
  ['force-push, before still readable: the policy from before', () => loosenedBy('force-push, old tip kept'), { forced: true }, { violations: ['external-ai', 'missing-review'], policy: /Policy: [0-9a-f]{12}:\.github\/trailguard\.yml/, }],
  ['force-push, before unreadable: fails closed', () => loosenedBy('force-push'), { forced: true }, { fails: 'closed' }],
  ['force-push flag absent, before unreadable: fails closed', () => loosenedBy('force-push'), {}, { fails: 'closed' }],
  ['new default branch (created, before zeros): the embedded default', () => loosenedBy('new-branch'), { created: true, before: ZEROS }, { violations: ['external-ai', 'missing-review'], policy: /Policy: embedded default/ }],
  ['before zeros without the created flag: the embedded default', () => loosenedBy('new-branch'), { before: ZEROS }, { violations: ['external-ai', 'missing-review'], policy: /Policy: embedded default/ }],
];

test.each(shapes)('%s', async (_name, make, fields, expected) => {
  const pushed = make();
  const run = await runPush(pushed, fields);
  expect(run.code).toBe(1);
  expect(run.stdout).not.toContain('Policy: embedded default (the pushed');
  if ('fails' in expected) {
    expect(run.report).toBeUndefined();
    expect(run.errors).toHaveLength(1);
    const line = run.errors[0]!.message;
    expect(line).toContain(`cannot read commit ${pushed.before.slice(0, 12)}`);
    expect(line).toContain('the only policy this push did not write, so the check fails closed');
    expect(line).not.toContain('\n');
    return;
  }
  expect(run.report?.violations.map((v) => v.rule)).toEqual(expected.violations);
  expect(run.summary).toMatch(expected.policy);
  if (pushed.before === ZEROS) {
    expect(
      run.commands.some(
        (c) =>
          c.command === 'notice' &&
          /embedded default policy, never by a policy the push brings/.test(c.message),
      ),
    ).toBe(true);
  }
});
