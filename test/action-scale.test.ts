import { beforeAll, expect, test } from '@jest/globals';
import { fastImport, type ImportCommit } from './support/big-repo.js';
import {
  FULL_NAME,
  payload,
  publishPull,
  runAction,
  useFakeGitHub,
} from './support/action-runner.js';

/**
 * Sizes the PR API cannot serve (250 commits, 3000 files): the Action reads history from git, so
 * a 5,000-commit PR and a 20,000-file commit are read whole from a depth-1 checkout.
 */
const { github, createRepo } = useFakeGitHub();
const TOKEN = 'ghs_scale';
const human = { name: 'Ada Human', email: 'ada@example.com' };
const POLICY = 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n';

beforeAll(() => {
  github.addToken(TOKEN, { repos: [FULL_NAME], write: true });
});

/** main (one commit holding the policy) and `branch` made of `commits`, imported in one stream. */
async function importedPull(
  number: number,
  branch: string,
  commits: Iterable<ImportCommit>,
  count: number,
) {
  const repo = createRepo();
  const root: ImportCommit = {
    ref: 'refs/heads/main',
    mark: 1,
    author: human,
    time: 1_700_000_000,
    message: 'Initial commit\n',
    changes: [
      { op: 'M', path: 'README.md', content: '# octo-repo\n' },
      { op: 'M', path: '.github/trailguard.yml', content: POLICY },
    ],
  };
  await fastImport(repo.dev.dir, repo.dev.env, [root, ...commits]);
  repo.push('main:refs/heads/main');
  const pull = publishPull(github, repo, number, branch);
  const workspace = repo.checkout(pull.mergeSha, { ref: `refs/remotes/pull/${number}/merge` });
  const started = Date.now();
  const run = await runAction({
    workspace,
    event: 'pull_request',
    apiUrl: github.url,
    token: TOKEN,
    sha: pull.mergeSha,
    payload: payload('pull_request.opened', {
      number,
      // GitHub's payload says how many commits the PR has; the first fetch is sized by it.
      pull_request: { ...pull.fields, commits: count },
    }),
  });
  return { repo, run, seconds: (Date.now() - started) / 1000 };
}

test('a 5,000-commit PR from a depth-1 checkout: every commit read, the deepest one caught', async () => {
  function* commits(): Generator<ImportCommit> {
    yield {
      ref: 'refs/heads/big',
      from: 1,
      author: human,
      time: 1_700_000_100,
      message: 'Add eval task\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
      changes: [{ op: 'M', path: 'evals/first.jsonl', content: '{}\n' }],
    };
    for (let i = 1; i < 5000; i++) {
      yield {
        ref: 'refs/heads/big',
        author: human,
        time: 1_700_000_100 + i,
        message: `Change ${i}\n`,
        changes: [{ op: 'M', path: `src/f${i % 50}.ts`, content: `export const v = ${i};\n` }],
      };
    }
  }
  const { repo, run, seconds } = await importedPull(500, 'big', commits(), 5000);
  const fetches = run.stdout.split('\n').filter((line) => line.startsWith('git fetch'));
  console.log(
    `5,000-commit PR, depth-1 checkout: the Action took ${seconds.toFixed(1)} s\n${fetches.join('\n')}`,
  );
  expect(run.code).toBe(1);
  expect(run.report?.commits).toBe(5000);
  const first = repo.dev.git('rev-list', '--reverse', 'main..big').split('\n')[0];
  expect(run.report?.violations.map((v) => [v.sha, v.rule])).toEqual([
    [first, 'external-ai'],
    [first, 'missing-review'],
  ]);
});

test('a 20,000-file commit: every path in the JSON report, annotations within GitHub’s limit', async () => {
  const files = Array.from(
    { length: 20_000 },
    (_, i) => `evals/set/${String(i).padStart(5, '0')}.jsonl`,
  );
  const wide: ImportCommit = {
    ref: 'refs/heads/wide',
    from: 1,
    author: human,
    time: 1_700_000_100,
    message: 'Import eval set\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
    changes: files.map((path) => ({ op: 'M', path, content: `{"id": "${path}"}\n` })),
  };
  const { run, seconds } = await importedPull(501, 'wide', [wide], 1);
  console.log(`20,000-file commit: the Action took ${seconds.toFixed(1)} s`);
  expect(run.code).toBe(1);
  expect(run.report?.commits).toBe(1);
  const paths = run.report!.violations[0]!.paths as string[];
  expect(paths).toHaveLength(20_000);
  expect(new Set(paths)).toEqual(new Set(files));
  // 8 files + "N more" + setFailed's message: GitHub shows 10 error annotations per step.
  expect(run.errors).toHaveLength(10);
  expect(run.errors[8]!.message).toContain('19992 more protected files');
  expect(run.summary).toContain('and 19995 more');
  expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
});
