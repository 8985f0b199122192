import { afterAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { FULL_NAME, runAction } from './support/action-runner.js';
import { TempRepo } from './support/repo.js';

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
