import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ACTION_REF, workflowYaml } from '../src/install/workflow.js';
import {
  FULL_NAME,
  payload,
  publishPull,
  runAction,
  useFakeGitHub,
} from './support/action-runner.js';
import { ROOT } from './support/repo.js';

/**
 * A new user's first run: the README's workflow as written (its permissions decide what the
 * token may do), a policy naming the team's own AI tool, and two versions of one PR.
 */
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = /\n## GitHub Action\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
const workflowText = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
}

const { github, createRepo } = useFakeGitHub();

test("the README's workflow is the one `trailguard init --workflow` writes", () => {
  expect(workflowText).toBe(workflowYaml());
});

test('the workflow runs on every event a required check needs, with read-only permissions', () => {
  const workflow = parse(workflowText) as Workflow;
  expect(Object.keys(workflow.on)).toEqual(
    expect.arrayContaining(['pull_request', 'merge_group', 'pull_request_review', 'push']),
  );
  expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
});

test('a new user: an outside-AI eval commit fails with a summary a maintainer understands; an internal tool plus an approval passes', async () => {
  const workflow = parse(workflowText) as Workflow;
  const steps = Object.values(workflow.jobs)[0]!.steps;
  const step = steps.find((s) => s.uses === ACTION_REF)!;
  const inputs = Object.fromEntries(
    Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]),
  );
  // The token the workflow's permissions give: reads contents and pull requests, writes nothing.
  const token = 'ghs_readme_workflow';
  github.addToken(token, {
    repos: [FULL_NAME],
    write: workflow.permissions['pull-requests'] === 'write',
  });

  const repo = createRepo();
  repo.dev.commit('Initial commit\n', {
    'README.md': '# octo-repo\n',
    '.github/workflows/trailguard.yml': workflowText,
    '.github/trailguard.yml':
      'version: 1\ntools:\n  internal: [metacode]\n  extra:\n    - id: metacode\n',
  });
  repo.push('HEAD:refs/heads/main');

  const openAndRun = async (
    number: number,
    branch: string,
    message: string,
    approvedBy?: string,
  ) => {
    repo.dev.git('checkout', '-q', '-B', branch, 'main');
    repo.dev.commit(message, { 'evals/task.jsonl': '{"prompt": "2+2", "answer": "4"}\n' });
    const pr = publishPull(github, repo, number, branch, {
      author: 'new-user',
      reviews: (headSha) =>
        approvedBy
          ? [
              {
                user: { login: approvedBy },
                state: 'APPROVED',
                commitId: headSha,
                submittedAt: '2026-11-02T10:00:00Z',
              },
            ]
          : [],
    });
    return runAction({
      workspace: repo.checkout(pr.mergeSha), // actions/checkout's default: depth 1
      event: 'pull_request',
      apiUrl: github.url,
      token,
      sha: pr.mergeSha,
      ref: `refs/pull/${number}/merge`,
      inputs,
      payload: payload('pull_request.opened', {
        number,
        pull_request: pr.fields,
      }),
    });
  };

  const claude = await openAndRun(
    1,
    'claude-evals',
    'Add an eval task\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
  );
  expect(claude.code).toBe(1);
  const summary = claude.summary;
  // The verdict first, then the commit, the file, the tool, the rule, why, and how to fix it.
  expect(summary.indexOf('❌ FAILED')).toBeLessThan(summary.indexOf('| commit |'));
  for (const text of [
    'evals/task.jsonl',
    'claude-code',
    'external-ai',
    'missing-review',
    'forbids outside AI tools',
    'Co-Authored-By: Claude',
    'Fix:',
    'Reviewed-by',
  ]) {
    expect(summary).toContain(text);
  }
  expect(claude.errors[0]?.properties.file).toBe('evals/task.jsonl');
  expect(claude.stdout).toContain('pull request comment not posted'); // read-only permissions

  // The internal tool is recognised (a review is still due: a missing signal is never proof)…
  const message = 'Add an eval task\n\nAssisted-by: metacode\n';
  const unreviewed = await openAndRun(2, 'metacode-evals', message);
  expect(unreviewed.report?.violations.map((v) => [v.rule, v.tools])).toEqual([
    ['missing-review', ['metacode']],
  ]);
  // …and with a maintainer's approval the same change passes.
  const internal = await openAndRun(3, 'metacode-evals', message, 'maintainer');
  expect(internal.code).toBe(0);
  expect(internal.summary).toContain('✅ OK — 1 commit checked, no policy violations.');
});
