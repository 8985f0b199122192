/**
 * `trailguard check A..B` judges a range by the policy committed at its base, as the Action reads
 * the base branch's: a branch that unprotects evals/ and adds an outside-AI eval file fails
 * locally as it fails in CI (issue 9, item 2).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TempRepo, runCli } from './support/repo.js';

const PROTECT_EVALS = 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n';
const PROTECT_DATA = 'version: 1\nprotected:\n  - name: data\n    paths: ["data/**"]\n';
const CLAUDE = 'Add eval task\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const EDIT_NOTE =
  'This change edits .github/trailguard.yml. It is judged by the policy already in force (main:.github/trailguard.yml); the edit applies to later changes once it has landed.';

describe('check reads the policy at the range base', () => {
  let repo: TempRepo;
  let root: string;
  beforeAll(() => {
    repo = new TempRepo();
    root = repo.commit('Initial commit', { '.github/trailguard.yml': PROTECT_EVALS });
    repo.git('switch', '-q', '-c', 'loosen');
    repo.commit('Protect data only', { '.github/trailguard.yml': PROTECT_DATA });
    repo.commit(CLAUDE, ['evals/task.jsonl']);
  });
  afterAll(() => repo.cleanup());
  const cli = (...args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env });

  test('a branch that unprotects evals/ fails as CI fails it, and is told its edit is not in force', async () => {
    const result = await cli('check', 'main..HEAD');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('evals/task.jsonl');
    expect(result.stderr).toContain(
      "trailguard: main..HEAD; policy read from main, the range's base, as CI reads it: main:.github/trailguard.yml\n",
    );
    expect(result.stderr).toContain(`trailguard: note: ${EDIT_NOTE}\n`);
  });

  test('R (R..HEAD) and A...B take their base from the left side; machine formats keep stdout clean', async () => {
    for (const spec of ['main', 'main...loosen']) {
      const result = await cli('check', spec, '--format', 'json');
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, commits: 2 });
      expect(result.stderr).toBe(`trailguard: note: ${EDIT_NOTE}\n`);
    }
  });

  test("R^! is judged by R^'s policy; a root commit, having none before it, by the embedded default", async () => {
    const one = await cli('check', 'HEAD^!');
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('policy read from HEAD^1');
    expect(one.stderr).toContain(':.github/trailguard.yml');
    const first = await cli('check', `${root}^!`);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(
      'policy: embedded default (the range starts at a root commit: no earlier policy)',
    );
  });

  test('without a range, or with --config, the work tree file judges', async () => {
    const defaultRange = await cli('check');
    expect(defaultRange.code).toBe(0);
    expect(defaultRange.stderr).toBe(
      'trailguard: main..HEAD (no upstream; the default branch main is the base); policy: .github/trailguard.yml\n' +
        "trailguard: note: This range edits .github/trailguard.yml and was judged by the work tree's copy; CI judges it by main's policy, as `trailguard check main..HEAD` does.\n",
    );
    const explicit = await cli('check', 'main..HEAD', '--config', '.github/trailguard.yml');
    expect(explicit.code).toBe(0);
    expect(explicit.stderr).toMatch(
      /^trailguard: main\.\.HEAD; policy: \S*\.github\/trailguard\.yml\n$/,
    );
  });
});
