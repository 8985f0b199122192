/**
 * Pull requests the PR API cannot serve (250 commits, 3000 files), imported in one fast-import
 * stream and run through the Action from a depth-1 checkout: test/action-scale.test.ts asserts
 * what the Action reports, bench/action-scale.mjs prints how long it took.
 */
import { fastImport, type ImportCommit } from './big-repo.js';
import { FakeGitHub } from './github-server.js';
import { FULL_NAME, GitHubRepo, payload, publishPull, runAction } from './action-runner.js';

export const SCALE_TOKEN = 'ghs_scale';
const human = { name: 'Ada Human', email: 'ada@example.com' };
const POLICY = 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n';
const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>';

/** main (one commit holding the policy) and `branch` made of `commits`, imported in one stream. */
export async function importedPull(
  github: FakeGitHub,
  repo: GitHubRepo,
  number: number,
  branch: string,
  commits: Iterable<ImportCommit>,
  count: number,
  checkout: { sparse?: string[] } = {},
) {
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
  const workspace = repo.checkout(pull.mergeSha, {
    ref: `refs/remotes/pull/${number}/merge`,
    ...checkout,
  });
  const started = Date.now();
  const run = await runAction({
    workspace,
    event: 'pull_request',
    apiUrl: github.url,
    token: SCALE_TOKEN,
    sha: pull.mergeSha,
    payload: payload('pull_request.opened', {
      number,
      // GitHub's payload says how many commits the PR has; the first fetch is sized by it.
      pull_request: { ...pull.fields, commits: count },
    }),
  });
  return { run, seconds: (Date.now() - started) / 1000 };
}

/** Branch `big`: one outside-AI commit to evals/ first, then `count - 1` human commits. */
export function* longPull(count: number): Generator<ImportCommit> {
  yield {
    ref: 'refs/heads/big',
    from: 1,
    author: human,
    time: 1_700_000_100,
    message: `Add eval task\n\n${CLAUDE}\n`,
    changes: [{ op: 'M', path: 'evals/first.jsonl', content: '{}\n' }],
  };
  for (let i = 1; i < count; i++) {
    yield {
      ref: 'refs/heads/big',
      author: human,
      time: 1_700_000_100 + i,
      message: `Change ${i}\n`,
      changes: [{ op: 'M', path: `src/f${i % 50}.ts`, content: `export const v = ${i};\n` }],
    };
  }
}

/** Branch `wide`: one outside-AI commit adding `files` under evals/. */
export function widePull(files: readonly string[]): ImportCommit {
  return {
    ref: 'refs/heads/wide',
    from: 1,
    author: human,
    time: 1_700_000_100,
    message: `Import eval set\n\n${CLAUDE}\n`,
    changes: files.map((path) => ({ op: 'M', path, content: `{"id": "${path}"}\n` })),
  };
}

export const evalSet = (count: number) =>
  Array.from({ length: count }, (_, i) => `evals/set/${String(i).padStart(5, '0')}.jsonl`);

export { FULL_NAME };
