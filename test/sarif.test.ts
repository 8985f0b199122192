import { afterAll, expect, test } from '@jest/globals';
import type { Log } from 'sarif';
import { runCli, TempRepo } from './support/repo.js';

/**
 * `check --format sarif`: SARIF 2.1.0 that GitHub code scanning accepts. The renderer is typed
 * with @types/sarif (the schema's shapes); here the fields the schema requires, and those code
 * scanning needs to place a finding, are checked on a real run.
 */
const repo = new TempRepo();
afterAll(() => repo.cleanup());

test('check --format sarif: one result per file of each violation, with the fields SARIF and code scanning require', async () => {
  repo.commit('Initial commit\n', { 'README.md': '# r\n' });
  repo.git('checkout', '-q', '-b', 'topic');
  const sha = repo.commit('Add eval tasks\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', {
    'evals/a.jsonl': '{}\n',
    'evals/b c.jsonl': '{}\n',
  });
  const run = await runCli(['check', 'main..HEAD', '--format', 'sarif'], {
    cwd: repo.dir,
    env: repo.env,
  });
  expect(run.code).toBe(1);
  const log = JSON.parse(run.stdout) as Log;
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [sarifRun] = log.runs;
  expect(sarifRun!.tool.driver.name).toBe('trailguard');
  const ruleIds = sarifRun!.tool.driver.rules!.map((rule) => rule.id);
  const results = sarifRun!.results!;
  // external-ai and missing-review, each on both files.
  expect(results).toHaveLength(4);
  for (const result of results) {
    expect(result.message.text).toContain(sha.slice(0, 12));
    expect(ruleIds[result.ruleIndex!]).toBe(result.ruleId);
    const location = result.locations![0]!.physicalLocation!;
    expect(['evals/a.jsonl', 'evals/b%20c.jsonl']).toContain(location.artifactLocation!.uri);
    expect(location.region!.startLine).toBeGreaterThanOrEqual(1);
    expect(Object.values(result.partialFingerprints!)[0]).toContain(sha);
  }
  expect(sarifRun!.properties).toMatchObject({ commits: 1, range: 'main..HEAD' });
});

test('a clean range is a SARIF log with no results (exit 0)', async () => {
  repo.git('checkout', '-q', '-b', 'clean', 'main');
  repo.commit('Docs\n', { 'docs/x.md': 'x\n' });
  const run = await runCli(['check', 'main..HEAD', '--format', 'sarif'], {
    cwd: repo.dir,
    env: repo.env,
  });
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as Log).runs[0]!.results).toEqual([]);
});
