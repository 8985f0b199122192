import { beforeAll, expect, test } from '@jest/globals';
import { FULL_NAME, useFakeGitHub } from './support/action-runner.js';
import { SCALE_TOKEN, evalSet, importedPull, longPull, widePull } from './support/scale-pulls.js';

/**
 * Sizes the PR API cannot serve (250 commits, 3000 files): the Action reads history from git, so
 * a 5,000-commit PR and a 20,000-file commit are read whole from a depth-1 checkout. How long that
 * takes is bench/action-scale.mjs's figure.
 */
const { github, createRepo } = useFakeGitHub();

beforeAll(() => {
  github.addToken(SCALE_TOKEN, { repos: [FULL_NAME], write: true });
});

test('a 5,000-commit PR from a depth-1 checkout: every commit read, the deepest one caught', async () => {
  const repo = createRepo();
  const { run } = await importedPull(github, repo, 500, 'big', longPull(5000), 5000);
  expect(run.code).toBe(1);
  expect(run.report?.commits).toBe(5000);
  const first = repo.dev.git('rev-list', '--reverse', 'main..big').split('\n')[0];
  expect(run.report?.violations.map((v) => [v.sha, v.rule])).toEqual([
    [first, 'external-ai'],
    [first, 'missing-review'],
  ]);
});

test('a 20,000-file commit: every path in the JSON report, annotations within GitHub’s limit', async () => {
  // In folders of 100 (git fast-import looks a name up entry by entry, so 20,000 in one folder
  // cost it seconds; the Action reads the same 20,000 paths either way).
  const files = evalSet(20_000).map((path, i) =>
    path.replace('evals/set/', `evals/set/${String(Math.floor(i / 100)).padStart(3, '0')}/`),
  );
  // The Action reads git, never the work tree: a sparse checkout (actions/checkout's
  // `sparse-checkout: .github`) spares writing and removing the 20,000 files.
  const { run } = await importedPull(github, createRepo(), 501, 'wide', [widePull(files)], 1, {
    sparse: ['.github'],
  });
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
