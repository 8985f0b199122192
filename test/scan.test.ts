import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAggregator } from '../src/audit/aggregate.js';
import { periodOf, rollUp, emptyBucket } from '../src/audit/timeline.js';
import type { PathStats, ScanReport } from '../src/audit/types.js';
import { createCatalog } from '../src/core/catalog.js';
import { defaultPolicy } from '../src/policy/embedded.js';
import { parsePolicy } from '../src/policy/parse.js';
import { compiled } from './support/policy.js';
import { readHistory } from '../src/git/history.js';
import { runCliInProcess } from './support/cli-in-process.js';
import { TempRepo, runCli } from './support/repo.js';

const CLAUDE = 'Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>';
const AIDER = 'Co-authored-by: aider (gpt-4o) <noreply@aider.chat>';
const REVIEW = 'Reviewed-by: Bo Reviewer <bo@example.com>';
const POLICY = `version: 1
protected:
  - name: evals
    paths: ['**/evals/**']
  - name: training-data
    paths: ['data/train/**']
tools:
  internal: [aider]
`;

const at = (day: string) => ({ GIT_AUTHOR_DATE: `${day}T12:00:00Z` });

/**
 * A small history whose counts are known by construction: the root commit carries Claude and
 * touches evals, so a scan that skipped the root would miss it.
 */
function buildRepo(name: string, extraEval: string): TempRepo {
  const repo = new TempRepo();
  repo.commit(
    `Root: first eval\n\n${CLAUDE}\n`,
    { '.trailguard.yml': POLICY, 'evals/a.jsonl': '1\n', [`README-${name}.md`]: 'r\n' },
    at('2026-01-05'),
  );
  repo.commit(`Tokenizer\n`, { 'src/tok.py': 't\n' }, at('2026-01-20'));
  repo.commit(
    `Training data\n\n${AIDER}\n${REVIEW}\n`,
    { 'data/train/part1.jsonl': 'x\n', 'src/tok.py': 't2\n' },
    at('2026-02-02'),
  );
  repo.commit(
    `Nested eval, reviewed\n\n${CLAUDE}\n${REVIEW}\n`,
    { [`lib/${extraEval}/evals/b.jsonl`]: 'b\n' },
    at('2026-02-03'),
  );
  repo.commit(`Human eval fix, unreviewed\n`, { 'evals/a.jsonl': '2\n' }, at('2026-03-01'));
  return repo;
}

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

/** The verbs in this process, for the variations of the scan the built CLI ran below. */
const cliIn = (repo: TempRepo, ...args: string[]) =>
  runCliInProcess(args, { cwd: repo.dir, env: repo.env });

/** buildRepo('one', 'deep') and its JSON report by the built CLI as a process, made once. */
let repo: TempRepo;
let reportJson: string;

beforeAll(async () => {
  repo = buildRepo('one', 'deep');
  repos.push(repo);
  const result = await runCli(['scan', '--format', 'json', '--name', 'acme/one'], {
    cwd: repo.dir,
    env: repo.env,
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  reportJson = result.stdout;
});

async function commitsOf(repo: TempRepo) {
  const commits = [];
  for await (const commit of readHistory({ repo: repo.dir, revs: ['HEAD'], env: repo.env })) {
    commits.push(commit);
  }
  return commits;
}

const byKey = (report: ScanReport) =>
  Object.fromEntries(report.paths.map((p) => [`${p.group ?? '-'} ${p.path}`, p]));
const counts = (
  p: Pick<PathStats, 'commits' | 'ai' | 'external' | 'internal' | 'unknown' | 'reviewed'>,
) => [p.commits, p.ai, p.external, p.internal, p.unknown, p.reviewed];

describe('trailguard scan on a real repository', () => {
  let report: ScanReport;

  beforeAll(() => {
    report = JSON.parse(reportJson);
  });

  test('counts per tool, provider and model; the root commit included; no signal is unknown', () => {
    expect(report.commits).toBe(5);
    expect(report.range).toBe('HEAD (its whole history, root commit included)');
    expect(report.policy).toBe('.trailguard.yml');
    expect(report.repositories).toEqual(['acme/one']);
    expect(counts(report.totals)).toEqual([5, 3, 2, 1, 2, 2]);
    expect(report.tools['claude-code']).toEqual({
      commits: 2,
      name: 'Claude Code',
      provider: 'Anthropic',
      standing: 'external',
      models: { 'claude-opus-4-5': 2 },
    });
    expect(report.tools.aider).toMatchObject({ commits: 1, standing: 'internal' });
    // Providers are whose models wrote the commits: aider (made by Aider) ran gpt-4o, OpenAI's.
    expect(report.providers).toEqual({ anthropic: 2, openai: 1 });
  });

  test('counts per protected group and per directory (top levels and group directories)', () => {
    const groups = Object.fromEntries(report.groups.map((g) => [g.group, g]));
    expect(counts(groups.evals!)).toEqual([3, 2, 2, 0, 1, 1]);
    expect(groups.evals!.tools).toEqual({ 'claude-code': 2 });
    expect(counts(groups['training-data']!)).toEqual([1, 1, 0, 1, 0, 1]);
    const paths = byKey(report);
    expect(Object.keys(paths).sort()).toEqual(
      [
        '- .',
        '- data',
        '- evals',
        '- lib',
        '- src',
        'evals evals',
        'evals lib/deep/evals',
        'training-data data/train',
      ].sort(),
    );
    expect(counts(paths['- .']!)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(counts(paths['- src']!)).toEqual([2, 1, 0, 1, 1, 1]);
    expect(counts(paths['evals evals']!)).toEqual([2, 1, 1, 0, 1, 0]);
    expect(counts(paths['evals lib/deep/evals']!)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(paths['evals evals']!.findings.map((f) => [f.date, f.tools, f.external])).toEqual([
      ['2026-01-05', ['claude-code'], true],
    ]);
  });

  test('the timeline: per week for a short history, weeks cut at month ends', () => {
    expect(report.unit).toBe('week');
    expect(report.timeline.map((p) => [p.start, p.end, p.commits, p.ai])).toEqual([
      ['2026-01-05', '2026-01-11', 1, 1],
      ['2026-01-19', '2026-01-25', 1, 0],
      ['2026-02-02', '2026-02-08', 2, 2],
      ['2026-03-01', '2026-03-01', 1, 0],
    ]);
    expect(report.timeline[2]!.groups).toEqual({
      evals: { commits: 1, ai: 1, external: 1, internal: 0, unknown: 0, reviewed: 1 },
      'training-data': { commits: 1, ai: 1, external: 0, internal: 1, unknown: 0, reviewed: 1 },
    });
  });

  test('a range leaves the root out unless asked; --from-root REV reads REV whole', async () => {
    const cli = (...args: string[]) => cliIn(repo, ...args);
    const recent = JSON.parse((await cli('scan', 'HEAD~2', '--format', 'json')).stdout);
    expect(recent.commits).toBe(2);
    const older = JSON.parse(
      (await cli('scan', '--from-root', 'HEAD~3', '--format', 'json')).stdout,
    );
    expect(older.commits).toBe(2);
    expect(older.tools['claude-code'].commits).toBe(1);
  });

  test('text, Markdown and CSV carry the same counts', async () => {
    const cli = (format: string) => cliIn(repo, 'scan', '--format', format, '--name', 'acme/one');
    const text = (await cli('text')).stdout;
    expect(text).toMatch(/^claude-code\s+Anthropic\s+external\s+2\s+claude-opus-4-5 \(2\)$/m);
    expect(text).toMatch(/^evals\s+3\s+2\s+2\s+1\s+1$/m);
    const markdown = (await cli('markdown')).stdout;
    expect(markdown).toContain('| evals | 3 | 2 | 2 | 1 | 1 | 67% |');
    const csv = (await cli('csv')).stdout.split('\r\n');
    expect(csv[0]).toBe(
      'kind,repository,path,group,start,end,commits,ai,external,internal,unknown,reviewed,tools',
    );
    expect(csv).toContain('directory,acme/one,lib/deep/evals,evals,,,1,1,1,0,0,1,claude-code=1');
  });

  test('HTML: one self-contained file, written with --output', async () => {
    const result = await cliIn(repo, 'scan', '--format', 'html', '--output', 'audit.html');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/wrote audit\.html \(html, 5 commits\)/);
    const html = readFileSync(join(repo.dir, 'audit.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/@import|url\(/i);
    const references = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)].map(
      (m) => m[1],
    );
    expect(references.length).toBeGreaterThan(0);
    expect(references.every((ref) => ref!.startsWith('#'))).toBe(true);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(4);
    for (const anchor of references) expect(html).toContain(`id="${anchor!.slice(1)}"`);
  });
});

describe('scan --merge', () => {
  test("two repositories' JSON merged equal one aggregation over both histories", async () => {
    const one = repo;
    const two = buildRepo('two', 'other');
    repos.push(two);
    // A later commit stretches the combined span past half a year: weeks become months.
    two.commit(`Late\n\n${CLAUDE}\n`, { 'evals/late.jsonl': 'l\n' }, at('2026-09-15'));
    const files = [join(one.home, 'one.json'), join(two.home, 'two.json')];
    const { writeFileSync } = await import('node:fs');
    writeFileSync(files[0]!, reportJson);
    writeFileSync(
      files[1]!,
      (await cliIn(two, 'scan', '--format', 'json', '--name', 'acme/two')).stdout,
    );
    const merged = await runCli(['scan', '--merge', ...files, '--format', 'json'], {
      cwd: one.dir,
      env: one.env,
    });
    expect(merged.code).toBe(0);
    const report: ScanReport = JSON.parse(merged.stdout);

    const policy = parsePolicy(POLICY, '.trailguard.yml');
    const aggregator = createAggregator({
      policy: compiled(policy),
      catalog: createCatalog(policy.tools),
      now: new Date(),
    });
    for (const commit of await commitsOf(one)) aggregator.add(commit, 'acme/one');
    for (const commit of await commitsOf(two)) aggregator.add(commit, 'acme/two');
    const both = aggregator.report({ repository: '', range: report.range, policy: report.policy });

    // "Equal": every count (totals, tools, providers, groups, directories with their findings,
    // the timeline) and the span; range and policy are the inputs' own descriptions. What each
    // HEAD holds adds up: its line counts are the sums of the two repositories'.
    const { head, ...history } = report;
    expect(history).toEqual(both);
    const heads = files.map((file) => (JSON.parse(readFileSync(file, 'utf8')) as ScanReport).head!);
    const lines = (h: NonNullable<ScanReport['head']>) => h.groups.reduce((n, g) => n + g.lines, 0);
    expect(lines(heads[0]!)).toBeGreaterThan(0);
    expect(lines(heads[1]!)).toBeGreaterThan(0);
    expect(lines(head!)).toBe(lines(heads[0]!) + lines(heads[1]!));
    expect(head!.files).toBe(heads[0]!.files + heads[1]!.files);
    expect(report.unit).toBe('month');
    expect(report.commits).toBe(11);
    expect(report.paths.filter((p) => p.path === 'evals' && p.group === 'evals')).toHaveLength(2);

    // A merged report merges again to itself (the org workflow renders it in several formats).
    const mergedFile = join(one.home, 'merged.json');
    writeFileSync(mergedFile, merged.stdout);
    const again = await cliIn(one, 'scan', '--merge', mergedFile, '--format', 'json');
    expect(JSON.parse(again.stdout)).toEqual(report);
  });

  test('a repository given twice, and a file that is no report, are clear errors', async () => {
    const file = join(repo.home, 'x.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, reportJson);
    const twice = await cliIn(repo, 'scan', '--merge', file, file);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/appears in two reports/);
    writeFileSync(file, '{"ok": true}');
    const wrong = await cliIn(repo, 'scan', '--merge', file);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/is not a trailguard scan report/);
  });
});

describe('scan --history-only', () => {
  test('the same history counts as a full scan, without what HEAD holds', async () => {
    const { head, ...history } = JSON.parse(reportJson) as ScanReport;
    expect(head!.files).toBeGreaterThan(0);
    const result = await cliIn(
      repo,
      'scan',
      '--format',
      'json',
      '--name',
      'acme/one',
      '--history-only',
    );
    expect(result.code).toBe(0);
    const historyOnly = JSON.parse(result.stdout) as ScanReport;
    expect(historyOnly.head).toBeUndefined();
    expect(historyOnly).toEqual(history);
  });
});

describe('audit reducer (in-process)', () => {
  test('weeks lie inside months, so weekly counts add up to monthly counts', () => {
    expect(periodOf('2026-03-01', 'week')).toEqual({ start: '2026-03-01', end: '2026-03-01' });
    expect(periodOf('2026-02-27', 'week')).toEqual({ start: '2026-02-23', end: '2026-02-28' });
    expect(periodOf('2026-12-31', 'month')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    const days = ['2026-01-30', '2026-02-01', '2026-02-02', '2026-02-28', '2026-03-01'];
    const buckets = days.map((day): [string, ReturnType<typeof emptyBucket>] => {
      const bucket = emptyBucket();
      bucket.tally.commits = 1;
      return [day, bucket];
    });
    const weeks = rollUp(buckets, 'week');
    const monthsFromWeeks = rollUp(
      weeks.map((week): [string, ReturnType<typeof emptyBucket>] => {
        const bucket = emptyBucket();
        bucket.tally.commits = week.commits;
        return [week.start, bucket];
      }),
      'month',
    );
    expect(monthsFromWeeks).toEqual(rollUp(buckets, 'month'));
  });

  test('an ignored unknown tool is no AI; bots are AI; an exempt commit still counts', () => {
    const policy = {
      ...defaultPolicy,
      tools: { ...defaultPolicy.tools, unknown: 'ignore' as const },
      exemptions: [{ commit: 'bbbb', reason: 'regenerated' }],
    };
    const aggregator = createAggregator({
      policy: compiled(policy),
      catalog: createCatalog(policy.tools),
      now: new Date(),
    });
    const base = {
      parents: [],
      author: { name: 'Ada', email: 'ada@example.com' },
      committer: { name: 'Ada', email: 'ada@example.com' },
      authorTime: Date.parse('2026-05-01T00:00:00Z') / 1000,
    };
    aggregator.add(
      {
        ...base,
        sha: 'a'.repeat(40),
        message: 'x\n\nAssisted-by: some-new-ai\n',
        files: [{ status: 'A', path: 'evals/x' }],
      },
      'r',
    );
    aggregator.add(
      {
        ...base,
        sha: 'b'.repeat(40),
        author: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' },
        message: 'y\n',
        files: [{ status: 'M', path: 'evals/x' }],
      },
      'r',
    );
    const report = aggregator.report({ repository: 'r', range: 'r', policy: 'p' });
    expect(report.tools.unknown?.standing).toBe('ignored');
    expect(report.tools.copilot?.commits).toBe(1);
    expect(counts(report.totals)).toEqual([2, 1, 1, 0, 1, 0]);
    expect(counts(report.groups.find((g) => g.group === 'evals')!)).toEqual([2, 1, 1, 0, 1, 0]);
  });
});
