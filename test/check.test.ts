import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCliInProcess } from './support/cli-in-process.js';
import { TempRepo, runCli } from './support/repo.js';

const CLAUDE = 'Add eval task\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';

describe('trailguard check and explain on a real repository', () => {
  let repo: TempRepo;
  let human: string;
  let agent: string;

  beforeAll(() => {
    repo = new TempRepo();
    repo.commit('Initial commit', ['README.md']);
    repo.git('switch', '-q', '-c', 'feature');
    human = repo.commit('Add tokenizer', ['src/tokenizer.py']);
    agent = repo.commit(CLAUDE, ['evals/task.jsonl']);
  });
  afterAll(() => repo.cleanup());

  /** The built CLI as a process, for a clean range, a failing one and explain. */
  const cli = (...args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env });
  /** The verbs in this process, for the variations of those runs. */
  const cliIn = (...args: string[]) => runCliInProcess(args, { cwd: repo.dir, env: repo.env });

  test('a clean range exits 0', async () => {
    const result = await cli('check', `${human}^!`);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('OK — 1 commit checked');
  });

  test('an outside agent in a protected path exits 1 with the reason, per commit and file', async () => {
    const result = await cli('check', 'main..HEAD');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(agent.slice(0, 12));
    expect(result.stdout).toContain('external-ai');
    expect(result.stdout).toContain('evals/task.jsonl');
    expect(result.stdout).toContain('claude-code');
  });

  test('--from-root judges the whole history, root commit included', async () => {
    const result = await cliIn('check', '--from-root', '--format', 'json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).commits).toBe(3);
    const upToHuman = await cliIn('check', '--from-root', human, '--format', 'json');
    expect(upToHuman.code).toBe(0);
    expect(JSON.parse(upToHuman.stdout).commits).toBe(2);
    const misuse = await cliIn('check', '--from-root', 'main..HEAD');
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toMatch(/--from-root takes one revision/);
  });

  test('the default range is the default branch..HEAD when there is no upstream', async () => {
    const result = await cliIn('check', '--format', 'json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, commits: 2 });
  });

  test('JSON output has the documented shape', async () => {
    const result = await cliIn('check', 'main..HEAD', '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['ok', 'commits', 'range', 'policy', 'violations']);
    expect(report).toMatchObject({ range: 'main..HEAD', policy: 'embedded default' });
    expect(report.violations.map((v: { rule: string }) => v.rule)).toEqual([
      'external-ai',
      'missing-review',
    ]);
    expect(Object.keys(report.violations[0])).toEqual([
      'sha',
      'rule',
      'group',
      'paths',
      'tools',
      'providers',
      'message',
    ]);
    expect(report.violations[0]).toMatchObject({
      sha: agent,
      group: 'evals',
      paths: ['evals/task.jsonl'],
      providers: ['anthropic'],
    });
  });

  test('Markdown output is a table a maintainer can read', async () => {
    const result = await cliIn('check', 'main..HEAD', '--format', 'markdown');
    expect(result.stdout).toMatch(/^### ❌ FAILED — 2 violations in 1 of 2 commits\./);
    expect(result.stdout).toContain(
      '| commit | rule | group | files | tools | why and how to fix |',
    );
  });

  test('explain lists every signal, the protected paths, the review and the verdict', async () => {
    const result = await cli('explain', agent);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('claude-code [external] trailer');
    expect(result.stdout).toContain('Co-Authored-By: Claude <noreply@anthropic.com>');
    expect(result.stdout).toContain('evals: evals/task.jsonl');
    expect(result.stdout).toContain('missing-review [evals]');
    const clean = await cliIn('explain', human, '--format', 'json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ sha: human, tools: [], violations: [] });
  });

  test('usage errors exit 2 with one line and no stack trace', async () => {
    for (const args of [
      ['check', 'no-such-branch..HEAD'],
      ['check', '--format', 'yaml'],
      ['check', '--bogus'],
      ['check', 'a..b', 'c..d'],
      ['explain'],
      ['explain', 'deadbeef'],
    ]) {
      const result = await cliIn(...args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^trailguard: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('outside a repository: exit 2 naming the directory', async () => {
    const result = await runCliInProcess(['check'], { cwd: repo.home, env: repo.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a git repository');
  });
});

describe('bad config files: one line with file:line:col, exit 2', () => {
  const cases: [string, string, RegExp][] = [
    [
      'malformed YAML',
      'version: 1\nprotected: [\n',
      /^trailguard: \.github\/trailguard\.yml:\d+:\d+: /,
    ],
    [
      'wrong type',
      'version: 1\nprotected:\n  - name: evals\n    paths: "evals/**"\n',
      /trailguard\.yml:4:12: protected\[0\]\.paths: /,
    ],
    ['unknown key', 'version: 1\nprotekted: []\n', /trailguard\.yml:2:1: .*protekted/],
    [
      'bad glob',
      'version: 1\nprotected:\n  - name: evals\n    paths: ["/abs/**"]\n',
      /trailguard\.yml:4:13: protected\[0\]\.paths\[0\]: /,
    ],
    ['empty file', '', /trailguard\.yml:1:1: /],
  ];
  test.each(cases)('%s', async (_name, content, expected) => {
    const repo = new TempRepo();
    try {
      repo.commit('Initial commit', { '.github/trailguard.yml': content });
      // --from-root has no base before it: the work tree's file is the one read.
      const result = await runCliInProcess(['check', '--from-root'], {
        cwd: repo.dir,
        env: repo.env,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(expected);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      repo.cleanup();
    }
  });
});

test('a merge that moves a protected file out is judged on the path it left', async () => {
  const repo = new TempRepo();
  try {
    repo.commit('Initial commit\n', { 'evals/set.jsonl': '{"q":1}\n', 'README.md': 'r\n' });
    repo.git('switch', '-q', '-c', 'side');
    repo.commit('side\n', { 'src/a.ts': 'a\n' });
    repo.git('switch', '-q', 'main');
    repo.commit('main\n', { 'src/b.ts': 'b\n' });
    repo.git('merge', '-q', '--no-edit', 'side');
    repo.git('mv', 'evals/set.jsonl', 'set.jsonl');
    repo.git('commit', '-q', '--amend', '-m', `Merge side\n\n${CLAUDE.split('\n\n')[1]}`);
    const result = await runCliInProcess(['check', 'HEAD^!', '--format', 'json'], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(result.code).toBe(1);
    const { violations } = JSON.parse(result.stdout);
    expect(violations.map((v: { rule: string; paths: string[] }) => [v.rule, v.paths])).toEqual([
      ['external-ai', ['evals/set.jsonl']],
      ['missing-review', ['evals/set.jsonl']],
    ]);
  } finally {
    repo.cleanup();
  }
});
