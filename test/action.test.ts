import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  FULL_NAME,
  GitHubRepo,
  payload,
  publishPull,
  runAction,
  useFakeGitHub,
  type ActionRun,
  type RunActionOptions,
} from './support/action-runner.js';
import { runActionInProcess } from './support/action-in-process.js';
import { fastImport, type ImportChange, type ImportCommit } from './support/big-repo.js';
import type { ReviewSpec } from './support/github-server.js';
import { runCli } from './support/repo.js';
import { tempDir } from './support/temp.js';

/**
 * End to end: the committed bundle (action/index.js) runs as a child process with a runner-like
 * environment, on real repositories whose `origin` is a local bare repository, its GitHub API
 * calls answered by a loopback server shaped like GitHub's REST API. Each real flow (pass, fail,
 * each event kind, fail-closed) runs the bundle so (`bundle: true`); its variations call the
 * same run() in this process, with the same environment and the same loopback server
 * (test/action-dist.test.ts holds the bundle to a fresh build of those sources).
 */
const { github, createRepo } = useFakeGitHub();
const JOB_TOKEN = 'ghs_job_token';
const FORK_TOKEN = 'ghs_fork_read_only';
let nextPull = 100;

/** The committed bundle as a process when `bundle`, else action/main's run() in this process. */
function runStep(options: RunActionOptions, bundle = false): Promise<ActionRun> {
  return bundle ? runAction(options) : runActionInProcess(options);
}

const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>';
const POLICY = `version: 1
protected:
  - name: evals
    paths: ["evals/**"]
`;

beforeAll(() => {
  github.addToken(JOB_TOKEN, { repos: [FULL_NAME], write: true });
  github.addToken(FORK_TOKEN, { repos: [FULL_NAME], write: false });
});

/** A repository on "GitHub" whose main branch holds a README (and the policy, when given). */
function newRepo(policy: string | undefined = POLICY): GitHubRepo {
  if (policy === POLICY) {
    // Most tests start from the same history: made once, each test gets its own copy.
    template ??= initialRepo(POLICY);
    return createRepo(template);
  }
  return initialRepo(policy);
}
let template: GitHubRepo | undefined;

function initialRepo(policy: string | undefined): GitHubRepo {
  const repo = createRepo();
  repo.dev.commit('Initial commit\n', {
    'README.md': '# octo-repo\n',
    ...(policy !== undefined && { '.github/trailguard.yml': policy }),
  });
  repo.push('HEAD:refs/heads/main');
  return repo;
}

function branch(repo: GitHubRepo, name: string, from = 'main'): void {
  repo.dev.git('checkout', '-q', '-B', name, from);
}

interface PullRun {
  run: ActionRun;
  number: number;
  headSha: string;
  baseSha: string;
  workspace: string;
}

/** Opens a PR from `head` (as GitHub would) and runs the Action on its event. */
async function runPull(
  repo: GitHubRepo,
  head: string,
  options: {
    author?: string;
    reviews?: (headSha: string) => ReviewSpec[];
    token?: string;
    depth?: number;
    event?: 'pull_request' | 'pull_request_target' | 'pull_request_review';
    inputs?: Record<string, string>;
    fork?: boolean;
    bundle?: boolean;
  } = {},
): Promise<PullRun> {
  const number = nextPull++;
  const { headSha, baseSha, mergeSha, fields } = publishPull(github, repo, number, head, options);
  const event = options.event ?? 'pull_request';
  // pull_request_target runs on the base branch: the PR's code is never checked out.
  const target = event === 'pull_request_target';
  const workspace = repo.checkout(target ? baseSha : mergeSha, {
    depth: options.depth,
    ref: target ? 'refs/remotes/origin/main' : `refs/remotes/pull/${number}/merge`,
  });
  const commits = Number(repo.dev.git('rev-list', '--count', `origin/main..${head}`).trim());
  const fixture =
    event === 'pull_request_review' ? 'pull_request_review.submitted' : 'pull_request.opened';
  const run = await runStep(
    {
      workspace,
      event,
      apiUrl: github.url,
      token: options.token ?? JOB_TOKEN,
      sha: target ? baseSha : mergeSha,
      ref: target ? 'refs/heads/main' : `refs/pull/${number}/merge`,
      inputs: options.inputs,
      payload: payload(fixture, {
        number,
        pull_request: {
          ...fields,
          head: { ...fields.head, repo: { fork: options.fork ?? false } },
          commits,
        },
      }),
    },
    options.bundle,
  );
  return { run, number, headSha, baseSha, workspace };
}

const approval = (login: string, commitId: string, type: 'User' | 'Bot' = 'User'): ReviewSpec => ({
  user: { login, type },
  state: 'APPROVED',
  commitId,
  submittedAt: '2026-11-02T10:00:00Z',
});

function rules(run: ActionRun): string[] {
  return (run.report?.violations ?? []).map(
    (v) => `${String(v.rule)} ${(v.paths as string[]).join(',')}`,
  );
}

describe('pull requests', () => {
  test('a clean PR passes: exit 0, ok outputs, a summary saying so, no comment', async () => {
    const repo = newRepo();
    branch(repo, 'docs');
    repo.dev.commit('Document the loader\n', { 'docs/loader.md': 'How the loader works.\n' });
    const { run, number, baseSha, headSha } = await runPull(repo, 'docs', { bundle: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ ok: 'true', violations: '0' });
    expect(run.report).toEqual({
      ok: true,
      commits: 1,
      range: `${baseSha}..${headSha}`,
      policy: `${baseSha}:.github/trailguard.yml`,
      violations: [],
    });
    expect(run.summary).toContain('✅ OK — 1 commit checked, no policy violations.');
    expect(run.errors).toEqual([]);
    expect(github.commentsOn(FULL_NAME, number)).toEqual([]);
  });

  test('an outside-AI commit in a protected path fails, per commit and file, with the fix; one sticky comment', async () => {
    const repo = newRepo();
    branch(repo, 'claude-evals');
    repo.dev.commit('Refactor the loader\n', { 'src/loader.ts': 'export {};\n' });
    const bad = repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, {
      'evals/task.jsonl': '{"q": 1}\n',
    });
    const { run, number } = await runPull(repo, 'claude-evals', { bundle: true });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ ok: 'false', violations: '2' });
    expect(run.report?.commits).toBe(2);
    expect(run.report?.violations.map((v) => [v.sha, v.rule, v.paths, v.tools])).toEqual([
      [bad, 'external-ai', ['evals/task.jsonl'], ['claude-code']],
      [bad, 'missing-review', ['evals/task.jsonl'], ['claude-code']],
    ]);
    // The summary a maintainer reads: verdict, then the commit, file, tool, rule and the fix.
    expect(run.summary).toContain('❌ FAILED — 2 violations in 1 of 2 commits.');
    const row = run.summary.split('\n').find((line) => line.includes('| external-ai |'))!;
    expect(row).toContain(bad.slice(0, 12));
    expect(row).toContain('evals/task.jsonl');
    expect(row).toContain('claude-code');
    expect(row).toContain('Fix:');
    // One annotation on the file; setFailed's message last.
    expect(run.errors.map((e) => e.properties.file ?? e.message)).toEqual([
      'evals/task.jsonl',
      'trailguard: FAILED — 2 violations in 1 of 2 commits.',
    ]);
    const comments = github.commentsOn(FULL_NAME, number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- trailguard-report -->');
    expect(comments[0]!.body).toContain('| external-ai |');

    // A second run on the same PR updates that comment instead of adding one.
    const again = await runActionInProcess({
      workspace: repo.checkout(repo.sha('claude-evals')),
      event: 'pull_request',
      apiUrl: github.url,
      token: JOB_TOKEN,
      payload: payload('pull_request.opened', {
        number,
        pull_request: {
          number,
          head: { sha: repo.sha('claude-evals'), ref: 'claude-evals' },
          base: { ref: 'main' },
        },
      }),
    });
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/pull request comment: (updated|unchanged)/);
    expect(github.commentsOn(FULL_NAME, number)).toHaveLength(1);
  });

  test('a human commit in a protected path without review fails missing-review; an approval on the head passes, read from every page of reviews', async () => {
    const repo = newRepo();
    branch(repo, 'human-evals');
    repo.dev.commit('Add eval task by hand\n', { 'evals/hand.jsonl': '{}\n' });
    const missing = await runPull(repo, 'human-evals');
    expect(missing.run.code).toBe(1);
    expect(rules(missing.run)).toEqual(['missing-review evals/hand.jsonl']);
    expect(missing.run.summary).toContain('missing-review');

    const approved = await runPull(repo, 'human-evals', {
      // More reviews than one API page: 150 comments first, the one approval on the second page.
      reviews: (head) => [
        ...Array.from({ length: 150 }, (_, i): ReviewSpec => ({
          user: { login: `commenter${i}` },
          state: 'COMMENTED',
          commitId: head,
          submittedAt: '2026-11-02T09:00:00Z',
        })),
        approval('octocat', head),
      ],
    });
    expect(approved.run.stdout).toContain('read 151 review(s)');
    expect(approved.run.code).toBe(0);
    expect(approved.run.report?.ok).toBe(true);
  });

  test('a Reviewed-by trailer from someone else counts without any PR review', async () => {
    const repo = newRepo();
    branch(repo, 'signed');
    repo.dev.commit('Add eval task\n\nReviewed-by: Grace Hopper <grace@example.com>\n', {
      'evals/r.jsonl': '{}\n',
    });
    const { run } = await runPull(repo, 'signed');
    expect(run.code).toBe(0);
  });

  test("approvals that do not count (the author's own, a bot's, a stale one, one withdrawn by a later change request): missing-review stands", async () => {
    // Each kind alone is judged in-process (test/action-units.test.ts); here all four arrive
    // through the API on one PR, so any one of them counting would pass it.
    const repo = newRepo();
    branch(repo, 'not-approved');
    const first = repo.dev.commit('Add eval task\n', { 'evals/stale.jsonl': '{}\n' });
    repo.dev.commit('Tweak eval task\n', { 'evals/stale.jsonl': '{"v": 2}\n' });
    const { run } = await runPull(repo, 'not-approved', {
      author: 'mona',
      reviews: (head) => [
        approval('mona', head),
        approval('copilot-pull-request-reviewer[bot]', head, 'Bot'),
        approval('octocat', first),
        approval('hubot', head),
        {
          user: { login: 'hubot' },
          state: 'CHANGES_REQUESTED',
          commitId: head,
          submittedAt: '2026-11-03T10:00:00Z',
        },
      ],
    });
    expect(run.stdout).toContain('read 5 review(s)');
    expect(run.code).toBe(1);
    expect(rules(run)).toEqual([
      'missing-review evals/stale.jsonl',
      'missing-review evals/stale.jsonl',
    ]);
  });

  test('a rename out of a protected path is judged on the path it left', async () => {
    const repo = newRepo();
    repo.dev.commit('Add eval set\n\nReviewed-by: Grace Hopper <grace@example.com>\n', {
      'evals/golden.jsonl': 'line one of the golden set\nline two\nline three\n',
      'src/index.ts': 'export {};\n',
    });
    repo.push('HEAD:refs/heads/main');
    branch(repo, 'move-out');
    repo.dev.git('mv', 'evals/golden.jsonl', 'src/golden.jsonl');
    const moved = repo.dev.commit(`Move the golden set\n\n${CLAUDE}\n`);
    const { run } = await runPull(repo, 'move-out');
    expect(run.code).toBe(1);
    expect(run.report?.violations[0]).toMatchObject({
      sha: moved,
      rule: 'external-ai',
      paths: ['evals/golden.jsonl'],
    });
  });

  test('a PR that edits the policy is judged by the base branch policy and told the edit applies after merge', async () => {
    const repo = newRepo();
    branch(repo, 'loosen');
    repo.dev.commit('Protect nothing\n', {
      '.github/trailguard.yml': 'version: 1\nprotected: []\n',
    });
    repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/sneaky.jsonl': '{}\n' });
    const { run, baseSha } = await runPull(repo, 'loosen');
    expect(run.code).toBe(1);
    expect(rules(run)).toContain('external-ai evals/sneaky.jsonl');
    const notice = run.commands.find((c) => c.command === 'notice');
    expect(notice?.properties.file).toBe('.github/trailguard.yml');
    expect(notice?.message).toContain('the edit applies to later changes once it has landed');
    expect(run.summary).toContain('This change edits .github/trailguard.yml');
    // The policy read is the base branch's, at its current tip.
    expect(run.summary).toContain(`Policy: ${baseSha.slice(0, 12)}:.github/trailguard.yml.`);
  });

  test('the config input names a policy file, read at the base like the default one', async () => {
    const repo = newRepo(undefined);
    repo.dev.commit('Add a policy\n', {
      'policies/trailguard.yml':
        'version: 1\nprotected:\n  - name: secret\n    paths: ["src/secret/**"]\n',
    });
    repo.push('HEAD:refs/heads/main');
    branch(repo, 'configured');
    repo.dev.commit(`Add secret sauce\n\n${CLAUDE}\n`, { 'src/secret/sauce.ts': 'export {};\n' });
    const { run } = await runPull(repo, 'configured', {
      inputs: { config: 'policies/trailguard.yml' },
    });
    expect(run.code).toBe(1);
    expect(rules(run)).toEqual([
      'external-ai src/secret/sauce.ts',
      'missing-review src/secret/sauce.ts',
    ]);
    const missing = await runPull(repo, 'configured', { inputs: { config: 'policies/nope.yml' } });
    expect(missing.run.errors.at(-1)?.message).toMatch(
      /^trailguard: config input: policies\/nope\.yml does not exist at [0-9a-f]{40}$/,
    );
  });

  test('a fork PR with a read-only token: reviews are read, the comment is skipped with a log line', async () => {
    const repo = newRepo();
    branch(repo, 'fork-feature');
    repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/fork.jsonl': '{}\n' });
    const { run, number } = await runPull(repo, 'fork-feature', {
      token: FORK_TOKEN,
      fork: true,
      reviews: (head) => [approval('octocat', head)],
    });
    expect(run.code).toBe(1);
    // The approval counted (reviews are readable); the outside-AI finding stands.
    expect(rules(run)).toEqual(['external-ai evals/fork.jsonl']);
    expect(run.stdout).toContain('pull request comment not posted');
    expect(run.stdout).toContain('403');
    expect(github.commentsOn(FULL_NAME, number)).toEqual([]);
    expect(run.errors.at(-1)?.message).toBe('trailguard: FAILED — 1 violation in 1 of 1 commit.');
  });

  test('without pull-requests: read, unreadable reviews count as none and the summary says why', async () => {
    const repo = newRepo();
    branch(repo, 'no-perms');
    repo.dev.commit('Add eval task\n', { 'evals/np.jsonl': '{}\n' });
    github.addToken('ghs_other_repo', { repos: ['octo-org/elsewhere'], write: false });
    const { run } = await runPull(repo, 'no-perms', {
      token: 'ghs_other_repo',
      reviews: (head) => [approval('octocat', head)],
    });
    expect(run.code).toBe(1);
    expect(rules(run)).toEqual(['missing-review evals/np.jsonl']);
    expect(run.summary).toContain('Pull request reviews could not be read');
    expect(run.commands.some((c) => c.command === 'warning')).toBe(true);
  });

  test('pull_request_target reads the PR commits as git objects only: the work tree stays on the base', async () => {
    const repo = newRepo();
    branch(repo, 'target');
    repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/target.jsonl': '{}\n' });
    const { run, workspace, baseSha } = await runPull(repo, 'target', {
      event: 'pull_request_target',
      bundle: true,
    });
    expect(run.code).toBe(1);
    expect(rules(run)).toContain('external-ai evals/target.jsonl');
    expect(existsSync(join(workspace, 'evals', 'target.jsonl'))).toBe(false);
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: workspace, encoding: 'utf8' }).trim();
    expect(git('rev-parse', 'HEAD')).toBe(baseSha);
    expect(git('status', '--porcelain')).toBe('');
  });

  test('pull_request_review re-runs the check when an approval arrives', async () => {
    const repo = newRepo();
    branch(repo, 'reviewed-later');
    repo.dev.commit('Add eval task\n', { 'evals/later.jsonl': '{}\n' });
    const { run } = await runPull(repo, 'reviewed-later', {
      event: 'pull_request_review',
      reviews: (head) => [approval('octocat', head)],
      bundle: true,
    });
    expect(run.code).toBe(0);
  });

  test('report mode reports violations without failing the job', async () => {
    const repo = newRepo();
    branch(repo, 'report-only');
    repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/r.jsonl': '{}\n' });
    const { run } = await runPull(repo, 'report-only', { inputs: { mode: 'report' } });
    expect(run.code).toBe(0);
    expect(run.outputs.ok).toBe('false');
    expect(run.summary).toContain('Report mode');
    expect(
      run.commands.some((c) => c.command === 'warning' && c.message.includes('report mode')),
    ).toBe(true);
  });

  test('a broken base policy fails the step with one line', async () => {
    const repo = newRepo('version: 1\nprotected: [oops\n');
    branch(repo, 'whatever');
    repo.dev.commit('Docs\n', { 'docs/a.md': 'a\n' });
    const broken = await runPull(repo, 'whatever');
    expect(broken.run.code).toBe(1);
    expect(broken.run.errors.at(-1)?.message).toMatch(
      /^trailguard: .*\.github\/trailguard\.yml:\d+:\d+: /,
    );
    expect(broken.run.errors.at(-1)?.message).not.toContain('\n    at ');
  });
  test('a workspace without a checkout is a one-line error saying to add actions/checkout', async () => {
    const run = await runActionInProcess({
      workspace: tempDir('tg-empty-'),
      event: 'pull_request',
      apiUrl: github.url,
      token: JOB_TOKEN,
      payload: payload('pull_request.opened'),
    });
    expect(run.code).toBe(1);
    expect(run.errors.at(-1)?.message).toMatch(
      /is not a git repository: run actions\/checkout before trailguard$/,
    );
  });
});

describe('shallow checkouts', () => {
  /**
   * main with history; a feature branch that merged main midway; main moved on after. Made once:
   * the tests only read it (each opens a PR of its own).
   */
  let diverged: Promise<{ repo: GitHubRepo; bad: string }> | undefined;
  function divergedRepo(): Promise<{ repo: GitHubRepo; bad: string }> {
    diverged ??= makeDivergedRepo();
    return diverged;
  }
  /** Its 50 commits in one git fast-import stream, not two git processes each. */
  async function makeDivergedRepo(): Promise<{ repo: GitHubRepo; bad: string }> {
    const repo = createRepo();
    const commits: ImportCommit[] = [];
    const commit = (branchName: string, message: string, files: Record<string, string>) => {
      const changes = Object.entries(files).map(([path, content]): ImportChange => ({
        op: 'M',
        path,
        content,
      }));
      const mark = commits.length + 1;
      const author = { name: 'Ada Human', email: 'ada@example.com' };
      commits.push({
        ref: `refs/heads/${branchName}`,
        mark,
        author,
        time: 1_700_000_000 + mark,
        message,
        changes,
      });
      return commits.at(-1)!;
    };
    commit('main', 'Initial commit\n', {
      'README.md': '# octo-repo\n',
      '.github/trailguard.yml': POLICY,
    });
    const mainFiles = Array.from({ length: 30 }, (_, i) => [`src/m${i}.ts`, `${i}\n`] as const);
    for (const [i, [path, content]] of mainFiles.entries())
      commit('main', `main ${i}\n`, { [path]: content });
    const mainTip = commits.length;
    // long-lived starts at main~10 ("main 19"), then merges main's tip ("main 29").
    commit('long-lived', `Add eval task\n\n${CLAUDE}\n`, { 'evals/deep.jsonl': '{}\n' }).from =
      mainTip - 10;
    for (let i = 0; i < 4; i++)
      commit('long-lived', `feature ${i}\n`, { [`src/f${i}.ts`]: `${i}\n` });
    commit(
      'long-lived',
      "Merge branch 'main' into long-lived\n",
      Object.fromEntries(mainFiles.slice(20)),
    ).merge = [mainTip];
    commit('long-lived', 'feature after merge\n', { 'src/after.ts': 'x\n' });
    for (let i = 0; i < 12; i++)
      commit('main', `main later ${i}\n`, { [`src/l${i}.ts`]: `${i}\n` });
    await fastImport(repo.dev.dir, repo.dev.env, commits);
    repo.push('main:refs/heads/main');
    // long-lived's first-parent chain: after, merge, feature 3..0, then the eval commit.
    return { repo, bad: repo.sha('long-lived~6') };
  }

  test('a depth-1 checkout is deepened until the whole range is read; same report as a full clone', async () => {
    const { repo, bad } = await divergedRepo();
    const shallow = await runPull(repo, 'long-lived', { depth: 1 });
    const full = await runPull(repo, 'long-lived', { depth: 0 });
    const expected = Number(repo.dev.git('rev-list', '--count', 'main..long-lived').trim());
    expect(expected).toBe(7);
    expect(shallow.run.report).toEqual(full.run.report);
    expect(shallow.run.report?.commits).toBe(expected);
    expect(shallow.run.report?.violations[0]?.sha).toBe(bad);
    expect(shallow.run.stdout).toContain('git fetch --no-tags');
  });

  test('when more history cannot be fetched, the run fails closed and names fetch-depth: 0', async () => {
    const { repo } = await divergedRepo();
    const number = nextPull++;
    const { headSha, mergeSha } = repo.openPull(number, 'long-lived');
    const workspace = repo.checkout(mergeSha, { depth: 1 });
    execFileSync('git', ['remote', 'set-url', 'origin', 'file:///nonexistent/origin.git'], {
      cwd: workspace,
    });
    const run = await runAction({
      workspace,
      event: 'pull_request',
      apiUrl: github.url,
      token: JOB_TOKEN,
      payload: payload('pull_request.opened', {
        number,
        pull_request: { number, head: { sha: headSha, ref: 'long-lived' }, base: { ref: 'main' } },
      }),
    });
    expect(run.code).toBe(1);
    expect(run.report).toBeUndefined();
    expect(run.errors.at(-1)?.message).toContain('fetch-depth: 0');
  });
});

describe('pushes, merge queues, manual runs', () => {
  async function runPush(
    repo: GitHubRepo,
    fields: Record<string, unknown>,
    bundle = false,
  ): Promise<ActionRun> {
    const after = fields.after as string;
    return runStep(
      {
        workspace: repo.checkout(after, {
          ref: `refs/remotes/origin/${String(fields.ref).replace('refs/heads/', '')}`,
        }),
        event: 'push',
        apiUrl: github.url,
        token: JOB_TOKEN,
        sha: after,
        ref: fields.ref as string,
        payload: payload('push', fields),
      },
      bundle,
    );
  }

  test('a new branch (before all zeros) checks only the commits not on the default branch', async () => {
    // main already holds an outside-AI eval commit from before the policy; it is not the push's.
    const repo = newRepo();
    const mainTip = repo.dev.commit(`Old eval import\n\n${CLAUDE}\n`, {
      'evals/old.jsonl': '{}\n',
    });
    repo.push('HEAD:refs/heads/main');
    branch(repo, 'topic');
    const human = repo.dev.commit('Add a parser\n', { 'src/parser.ts': 'export {};\n' });
    repo.push('topic:refs/heads/topic');
    const run = await runPush(
      repo,
      {
        ref: 'refs/heads/topic',
        before: '0'.repeat(40),
        after: human,
        created: true,
        forced: false,
      },
      true,
    );
    expect(run.code).toBe(0);
    expect(run.report).toEqual({
      ok: true,
      commits: 1,
      range: `${mainTip}..${human}`,
      policy: `${mainTip}:.github/trailguard.yml`,
      violations: [],
    });

    const bad = repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/topic.jsonl': '{}\n' });
    repo.push('topic:refs/heads/topic');
    const next = await runPush(repo, {
      ref: 'refs/heads/topic',
      before: human,
      after: bad,
      created: false,
    });
    expect(next.code).toBe(1);
    expect(next.report?.commits).toBe(1);
    expect(next.report?.violations[0]?.sha).toBe(bad);
  });

  test('a force-push checks the rewritten commits, whether or not the old tip is still readable', async () => {
    const repo = newRepo();
    branch(repo, 'rewrite');
    repo.dev.commit('Add eval task\n\nReviewed-by: Grace Hopper <grace@example.com>\n', {
      'evals/x.jsonl': '{}\n',
    });
    const old = repo.dev.commit('More\n', { 'src/y.ts': '1\n' });
    repo.push('rewrite:refs/heads/rewrite');
    repo.dev.git('reset', '-q', '--hard', 'main');
    repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/x.jsonl': '{}\n' });
    const rewritten = repo.dev.commit('More\n', { 'src/y.ts': '1\n' });
    repo.push('rewrite:refs/heads/rewrite');
    const run = await runPush(repo, {
      ref: 'refs/heads/rewrite',
      before: old,
      after: rewritten,
      forced: true,
    });
    expect(run.code).toBe(1);
    expect(run.report?.commits).toBe(2);
    expect(rules(run)).toEqual(['external-ai evals/x.jsonl', 'missing-review evals/x.jsonl']);
  });

  test('a push to the default branch checks before..after under the policy from before', async () => {
    const repo = newRepo();
    const before = repo.sha('HEAD');
    repo.dev.commit('Unprotect evals\n', {
      '.github/trailguard.yml': 'version: 1\nprotected: []\n',
    });
    const after = repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/direct.jsonl': '{}\n' });
    repo.push('HEAD:refs/heads/main');
    const run = await runPush(repo, { ref: 'refs/heads/main', before, after });
    expect(run.code).toBe(1);
    expect(run.report?.commits).toBe(2);
    expect(rules(run)).toContain('external-ai evals/direct.jsonl');
  });

  test("a push that merges an approved PR counts that PR's approval; a direct push does not", async () => {
    const repo = newRepo();
    const before = repo.sha('HEAD');
    branch(repo, 'approved-pr');
    repo.dev.commit('Add eval task\n', { 'evals/merged.jsonl': '{}\n' });
    const number = nextPull++;
    const { headSha, baseSha } = repo.openPull(number, 'approved-pr');
    branch(repo, 'main', 'main');
    repo.dev.git('merge', '-q', '--no-ff', '-m', `Merge pull request #${number}`, 'approved-pr');
    const merge = repo.sha('HEAD');
    repo.push('HEAD:refs/heads/main');
    github.addPull(FULL_NAME, {
      number,
      user: { login: 'mona' },
      head: { sha: headSha, ref: 'approved-pr' },
      base: { sha: baseSha, ref: 'main' },
      reviews: [approval('octocat', headSha)],
      mergeCommit: merge,
    });
    const merged = await runPush(repo, { ref: 'refs/heads/main', before, after: merge });
    expect(merged.code).toBe(0);
    expect(merged.report?.commits).toBe(2);
    expect(merged.stdout).toContain(`read 1 review(s) of pull request #${number}`);

    const direct = repo.dev.commit('Add eval task directly\n', { 'evals/direct.jsonl': '{}\n' });
    repo.push('HEAD:refs/heads/main');
    const pushed = await runPush(repo, { ref: 'refs/heads/main', before: merge, after: direct });
    expect(pushed.code).toBe(1);
    expect(pushed.stdout).toContain('no merged pull request ends at this push');
    expect(rules(pushed)).toEqual(['missing-review evals/direct.jsonl']);
  });

  test('a merge group checks base_sha..head_sha with the queued PR’s approvals', async () => {
    const repo = newRepo();
    branch(repo, 'queued');
    const work = repo.dev.commit('Add eval task\n', { 'evals/queued.jsonl': '{}\n' });
    const number = nextPull++;
    const { headSha, baseSha } = repo.openPull(number, 'queued');
    // The queue builds a merge of the PR onto main's tip on a gh-readonly-queue branch.
    branch(repo, 'queue', 'main');
    repo.dev.git(
      'merge',
      '-q',
      '--no-ff',
      '-m',
      `Merge pull request #${number} from octo-org/queued`,
      'queued',
    );
    const groupSha = repo.sha('HEAD');
    const headRef = `refs/heads/gh-readonly-queue/main/pr-${number}-${baseSha}`;
    repo.push(`HEAD:${headRef}`);
    const runGroup = (reviews: ReviewSpec[], bundle = false) => {
      github.addPull(FULL_NAME, {
        number,
        user: { login: 'mona' },
        head: { sha: headSha, ref: 'queued' },
        base: { sha: baseSha, ref: 'main' },
        reviews,
      });
      return runStep(
        {
          workspace: repo.checkout(groupSha, { ref: `refs/remotes/origin/${headRef.slice(11)}` }),
          event: 'merge_group',
          apiUrl: github.url,
          token: JOB_TOKEN,
          sha: groupSha,
          ref: headRef,
          payload: payload('merge_group.checks_requested', {
            merge_group: {
              base_sha: baseSha,
              head_sha: groupSha,
              head_ref: headRef,
              base_ref: 'refs/heads/main',
            },
          }),
        },
        bundle,
      );
    };
    const unapproved = await runGroup([], true);
    expect(unapproved.code).toBe(1);
    expect(unapproved.report?.commits).toBe(2); // the PR's commit and the queue's merge
    expect(unapproved.report?.violations.map((v) => v.sha)).toEqual([work]);
    const approved = await runGroup([approval('octocat', headSha)]);
    expect(approved.code).toBe(0);
    expect(github.requests.some((r) => r.path === `/repos/${FULL_NAME}/pulls/${number}`)).toBe(
      true,
    );
  });

  test('workflow_dispatch checks the default branch..HEAD, or the base/head inputs', async () => {
    const repo = newRepo();
    branch(repo, 'manual');
    const first = repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/m.jsonl': '{}\n' });
    const second = repo.dev.commit('Docs\n', { 'docs/m.md': 'm\n' });
    repo.push('manual:refs/heads/manual');
    const dispatch = (inputs: Record<string, string> = {}, bundle = false) =>
      runStep(
        {
          workspace: repo.checkout(second, { ref: 'refs/remotes/origin/manual' }),
          event: 'workflow_dispatch',
          apiUrl: github.url,
          token: JOB_TOKEN,
          sha: second,
          ref: 'refs/heads/manual',
          inputs,
          payload: payload('workflow_dispatch', { ref: 'refs/heads/manual' }),
        },
        bundle,
      );
    const whole = await dispatch({}, true);
    expect(whole.code).toBe(1);
    expect(whole.report?.commits).toBe(2);
    const onlyLast = await dispatch({ base: first, head: second });
    expect(onlyLast.code).toBe(0);
    expect(onlyLast.report).toEqual({
      ok: true,
      commits: 1,
      range: `${first}..${second}`,
      policy: `${first}:.github/trailguard.yml`,
      violations: [],
    });
    const hostile = await dispatch({ base: '--upload-pack=touch /tmp/pwned' });
    expect(hostile.errors.at(-1)?.message).toBe(
      'trailguard: not a revision: "--upload-pack=touch /tmp/pwned"',
    );
  });
});

describe('central policy (extends)', () => {
  const ORG_POLICY = `version: 1
protected:
  - name: evals
    paths: ["evals/**"]
tools:
  internal: [metacode]
  extra:
    - id: metacode
      trailers: ["Assisted-by: metacode"]
`;
  const REPO_POLICY = `version: 1
extends: octo-org/.github/trailguard.yml@main
protected:
  - name: holdout
    paths: ["data/holdout/**"]
`;

  test('the org policy is read through the API and tightened by the repository; the log shows the result', async () => {
    github.addFile('octo-org/.github', 'trailguard.yml', ORG_POLICY);
    github.addToken('ghs_app_token', { repos: [FULL_NAME, 'octo-org/.github'], write: true });
    const repo = newRepo(REPO_POLICY);
    branch(repo, 'org');
    repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/org.jsonl': '{}\n' });
    repo.dev.commit(`Add holdout\n\n${CLAUDE}\n`, { 'data/holdout/h.jsonl': '{}\n' });
    const { run } = await runPull(repo, 'org', { token: 'ghs_app_token' });
    expect(run.code).toBe(1);
    expect(rules(run)).toEqual([
      'external-ai data/holdout/h.jsonl',
      'missing-review data/holdout/h.jsonl',
      'external-ai evals/org.jsonl',
      'missing-review evals/org.jsonl',
    ]);
    expect(run.stdout).toContain(
      'trailguard policy v1 (extends octo-org/.github/trailguard.yml@main)',
    );
    expect(run.stdout).toContain('  holdout: data/holdout/**');
    expect(run.stdout).toContain('tools: internal metacode');
    const read = github.requests.find(
      (r) => r.path === '/repos/octo-org/.github/contents/trailguard.yml',
    );
    expect(read).toMatchObject({ query: { ref: 'main' }, token: 'ghs_app_token', status: 200 });
  });

  test('an org policy the token cannot read fails the step and says what token is needed', async () => {
    github.addFile('octo-org/.github', 'trailguard.yml', ORG_POLICY);
    const repo = newRepo(REPO_POLICY);
    branch(repo, 'org-denied');
    repo.dev.commit('Docs\n', { 'docs/x.md': 'x\n' });
    const { run } = await runPull(repo, 'org-denied');
    expect(run.code).toBe(1);
    expect(run.errors.at(-1)?.message).toMatch(
      /^trailguard: extends: cannot read octo-org\/\.github\/trailguard\.yml@main \(HTTP 404: Not Found\).*token with read access/,
    );
  });
});

describe('same verdict as the CLI', () => {
  test('trailguard check --format json and the Action report are identical on the same range', async () => {
    const repo = newRepo();
    branch(repo, 'mixed');
    repo.dev.commit(`Add eval task\n\n${CLAUDE}\n`, { 'evals/a.jsonl': '{}\n' });
    repo.dev.commit('Add eval by hand\n', { 'evals/b.jsonl': '{}\n' });
    repo.dev.commit('Assisted-by: someone\n\nCode\n', { 'src/c.ts': 'c\n' });
    repo.dev.git('mv', 'evals/a.jsonl', 'src/a.jsonl');
    repo.dev.commit('Move it\n\nAssisted-by: aider\n');
    const { run, headSha, baseSha } = await runPull(repo, 'mixed');
    expect(run.code).toBe(1);
    const cli = await runCli(['check', '--format', 'json', `${baseSha}..${headSha}`], {
      cwd: repo.dev.dir,
      env: repo.dev.env,
    });
    expect(cli.code).toBe(1);
    expect(run.reportText).toBe(cli.stdout);
  });
});
