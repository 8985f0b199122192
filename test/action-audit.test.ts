import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ACTION_REF } from '../src/install/workflow.js';
import { FULL_NAME, runAction } from './support/action-runner.js';
import { ROOT, TempRepo } from './support/repo.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    {
      steps?: Step[];
      uses?: string;
      needs?: string;
      with?: Record<string, unknown>;
      secrets?: Record<string, unknown>;
    }
  >;
}

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

function history(): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  repo.commit('Root\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', {
    'evals/a.jsonl': '1\n',
  });
  repo.commit('Tokenizer\n', { 'src/tok.py': 't\n' });
  return repo;
}

const audit = (workspace: string) =>
  runAction({
    workspace,
    event: 'schedule',
    payload: { schedule: '0 6 * * 1' },
    apiUrl: 'http://127.0.0.1:9',
    token: '',
    inputs: { mode: 'audit' },
  });

test('mode audit: the JSON and HTML reports as files, the Markdown as the job summary', async () => {
  const repo = history();
  const run = await audit(repo.dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
  expect(report.repositories).toEqual([FULL_NAME]);
  expect(report.commits).toBe(2);
  expect(report.tools['claude-code'].commits).toBe(1);
  expect(report.groups.find((g: { group: string }) => g.group === 'evals').external).toBe(1);
  expect(readFileSync(run.outputs.html!, 'utf8')).toMatch(/^<!doctype html>/);
  expect(run.summary).toContain(`## trailguard audit — ${FULL_NAME}`);
  expect(run.summary).toMatch(/\| evals \| 1 \| 1 \| 1 \| 0 \| 0 \| 100% \|/);
});

test('mode audit on a shallow checkout fails, naming fetch-depth: 0', async () => {
  const origin = history();
  const clone = new TempRepo();
  repos.push(clone);
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, `${clone.dir}/w`], {
    env: clone.env,
  });
  const run = await audit(`${clone.dir}/w`);
  expect(run.code).not.toBe(0);
  expect(run.errors.map((e) => e.message).join('\n')).toMatch(
    /shallow: give actions\/checkout fetch-depth: 0/,
  );
});

describe("the README's audit workflows", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section =
    /\n## Audit: what is already in the history\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const [single, caller] = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map(
    (m) => parse(m[1]!) as Workflow,
  );
  const reusable = parse(
    readFileSync(join(ROOT, '.github', 'workflows', 'org-audit.yml'), 'utf8'),
  ) as Workflow;

  test('the scheduled audit checks out the whole history and uploads both reports', () => {
    const steps = single!.jobs.audit!.steps!;
    expect(steps[0]!.with).toMatchObject({ 'fetch-depth': 0 });
    expect(steps[1]).toMatchObject({ uses: ACTION_REF, with: { mode: 'audit' } });
    expect(String(steps[2]!.with!.path)).toContain('steps.audit.outputs.html');
    expect(Object.keys(single!.on)).toEqual(['schedule', 'workflow_dispatch']);
  });

  test('the org audit calls the shipped reusable workflow with what it declares', () => {
    const job = caller!.jobs.audit!;
    const [repository, tag] = ACTION_REF.split('@');
    expect(job.uses).toBe(`${repository}/.github/workflows/org-audit.yml@${tag}`);
    const call = reusable.on.workflow_call as {
      inputs: Record<string, { required?: boolean }>;
      secrets: Record<string, unknown>;
    };
    expect(Object.keys(job.with!).every((name) => name in call.inputs)).toBe(true);
    expect(Object.keys(job.secrets!)).toEqual(Object.keys(call.secrets));
    const scan = reusable.jobs.scan!.steps!.find((step) => step.uses === ACTION_REF);
    expect(scan?.with).toMatchObject({ mode: 'audit' });
    expect(reusable.jobs.combine!.needs).toBe('scan');
    const merge = reusable.jobs.combine!.steps!.map((step) => step.run ?? '').join('\n');
    expect(merge).toMatch(/scan --merge audits\/\*\/trailguard-audit\.json --format json/);
  });
});
