import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchEnvironment } from '../src/action/deepen.js';
import { targetFor, type EventContext } from '../src/action/event.js';
import { readInputs } from '../src/action/inputs.js';
import { failureReport } from '../src/action/failure.js';
import { compilePolicy } from '../src/policy/compile.js';
import { catalogFor, evaluate } from '../src/policy/evaluate.js';
import { parsePolicy } from '../src/policy/parse.js';
import * as core from '@actions/core';
import { toPullReview } from '../src/action/reviews.js';
import {
  commentMarkdown,
  COMMENT_LIMIT,
  jobSummary,
  SUMMARY_LIMIT,
  type SummaryFacts,
} from '../src/report/summary.js';
import { formatExtendsRef, parseExtendsRef } from '../src/policy/extends.js';
import type { CommitRecord, Report, Violation } from '../src/core/types.js';
import { GitHubApi, GitHubApiError } from '../src/github/api.js';
import { annotationsFor, ERROR_ANNOTATIONS_SHOWN } from '../src/report/annotations.js';
import { payload } from './support/action-runner.js';
import { TempRepo } from './support/repo.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function event(
  name: string,
  fixture: string,
  overrides: Record<string, unknown> = {},
): EventContext {
  return { name, payload: payload(fixture, overrides), sha: B, ref: 'refs/heads/main' };
}

describe('event → what to check', () => {
  test('a pull request: the base branch as origin has it now (not the stale base.sha), the head sha, the author', () => {
    const target = targetFor(
      event('pull_request', 'pull_request.opened', {
        pull_request: {
          head: { sha: B, ref: 'feature' },
          base: { sha: A, ref: 'main' },
          commits: 7,
        },
      }),
      {},
    );
    expect(target.exclude).toEqual([{ source: { branch: 'main' } }]);
    expect(target.policy).toEqual([{ branch: 'main' }]);
    expect(target.head).toEqual({ source: { sha: B }, fallbackRef: 'refs/pull/12/head' });
    expect(target.pull).toEqual({ number: 12, author: 'mona', headSha: B });
    expect(target.expectedCommits).toBe(7);
    expect(target.branch).toBe('feature');
  });

  test('pull_request_target and pull_request_review read the same way (never the PR head for policy)', () => {
    for (const [name, fixture] of [
      ['pull_request_target', 'pull_request.opened'],
      ['pull_request_review', 'pull_request_review.submitted'],
    ]) {
      const target = targetFor(event(name!, fixture!), {});
      expect(target.policy).toEqual([{ branch: 'main' }]);
      expect(target.pull?.number).toBe(12);
    }
  });

  test('a push to the default branch: before..after, policy from before and nowhere else', () => {
    const target = targetFor(event('push', 'push', { before: A, after: B }), {});
    expect(target.exclude).toEqual([{ source: { sha: A }, optional: true }]);
    // Never the pushed commit's own policy: an unreadable `before` fails the run closed.
    expect(target.policy).toEqual([{ sha: A }]);
    // A push that merged a PR takes that PR's approvals (found through its merge commit).
    expect(target.linkedPull).toEqual({ mergeCommit: B });
  });

  test('a new branch (before all zeros): everything not on the default branch, default branch policy', () => {
    const target = targetFor(
      event('push', 'push', {
        ref: 'refs/heads/topic',
        before: '0'.repeat(40),
        after: B,
        created: true,
      }),
      {},
    );
    expect(target.exclude).toEqual([{ source: { branch: 'main' } }]);
    expect(target.policy).toEqual([{ branch: 'main' }]);
    expect(target.description).toContain('new branch');
  });

  test('a push creating the default branch: no earlier policy exists, so the embedded default', () => {
    const target = targetFor(
      event('push', 'push', { before: '0'.repeat(40), after: B, created: true }),
      {},
    );
    expect(target.exclude).toEqual([]);
    expect(target.policy).toEqual(['embedded-default']);
  });

  test('a force-push to a topic branch excludes both the old tip (when readable) and the default branch', () => {
    const target = targetFor(
      event('push', 'push', { ref: 'refs/heads/topic', before: A, after: B, forced: true }),
      {},
    );
    expect(target.exclude).toEqual([
      { source: { sha: A }, optional: true },
      { source: { branch: 'main' } },
    ]);
    expect(target.description).toContain('force-push');
  });

  test('a deleted branch or a tag push has nothing to check', () => {
    expect(
      targetFor(event('push', 'push', { after: '0'.repeat(40), deleted: true }), {}).skip,
    ).toMatch(/deleted/);
    expect(targetFor(event('push', 'push', { ref: 'refs/tags/v1' }), {}).skip).toMatch(
      /not a branch/,
    );
  });

  test('a merge group: base_sha..head_sha, and the PR it was queued for', () => {
    const target = targetFor(
      event('merge_group', 'merge_group.checks_requested', {
        merge_group: {
          base_sha: A,
          head_sha: B,
          head_ref: `refs/heads/gh-readonly-queue/main/pr-104-${A}`,
        },
      }),
      {},
    );
    expect(target.exclude).toEqual([{ source: { sha: A } }]);
    expect(target.head.source).toEqual({ sha: B });
    expect(target.policy).toEqual([{ sha: A }]);
    expect(target.linkedPull).toEqual({ number: 104 });
  });

  test('workflow_dispatch: the default branch..GITHUB_SHA, or the base/head inputs', () => {
    const plain = targetFor(event('workflow_dispatch', 'workflow_dispatch'), {});
    expect(plain.exclude).toEqual([{ source: { branch: 'main' } }]);
    expect(plain.head.source).toEqual({ rev: B });
    const given = targetFor(event('workflow_dispatch', 'workflow_dispatch'), {
      base: 'v1.0',
      head: 'topic',
    });
    expect(given.exclude).toEqual([{ source: { rev: 'v1.0' } }]);
    expect(given.policy).toEqual([{ rev: 'v1.0' }]);
    expect(given.head.source).toEqual({ rev: 'topic' });
  });

  test('an unsupported event without a base input is a one-line error listing the supported ones', () => {
    expect(() => targetFor(event('schedule', 'workflow_dispatch'), {})).toThrow(
      /unsupported event "schedule".*pull_request.*merge_group/,
    );
  });

  test('a payload missing what the event needs says which field', () => {
    expect(() => targetFor({ name: 'pull_request', payload: {} }, {})).toThrow(
      /pull_request\.number/,
    );
    expect(() => targetFor({ name: 'merge_group', payload: { merge_group: {} } }, {})).toThrow(
      /merge_group\.base_sha/,
    );
  });
});

describe('inputs', () => {
  /** Inputs as the runner passes them (INPUT_<NAME>), read through the real core.getInput. */
  function inputsFrom(values: Record<string, string>): ReturnType<typeof readInputs> {
    const saved = { ...process.env };
    try {
      for (const [name, value] of Object.entries(values)) process.env[`INPUT_${name}`] = value;
      return readInputs((name) => core.getInput(name));
    } finally {
      process.env = saved;
    }
  }

  test('read with core.getInput; mode, comment and attest are validated', () => {
    expect(inputsFrom({ MODE: ' report ', CONFIG: 'policy.yml', COMMENT: 'false' })).toEqual({
      config: 'policy.yml',
      token: undefined,
      mode: 'report',
      base: undefined,
      head: undefined,
      comment: false,
      attest: false,
    });
    expect(inputsFrom({}).mode).toBe('enforce');
    expect(inputsFrom({ ATTEST: 'true' }).attest).toBe(true);
    expect(() => inputsFrom({ ATTEST: 'yes' })).toThrow(
      'input attest must be one of true, false (got "yes")',
    );
    expect(() => inputsFrom({ MODE: 'warn' })).toThrow(
      'input mode must be one of enforce, report, audit (got "warn")',
    );
  });

  test("a bad mode input is the failed step's one line", () => {
    let error: unknown;
    try {
      inputsFrom({ MODE: 'warn' });
    } catch (thrown) {
      error = thrown;
    }
    expect(failureReport(error)).toEqual({
      line: 'trailguard: input mode must be one of enforce, report, audit (got "warn")',
    });
  });

  test('an unexpanded `${{ github.token }}` (outside a runner) is no token', () => {
    expect(inputsFrom({ TOKEN: '${{ github.token }}' }).token).toBeUndefined();
    expect(inputsFrom({ TOKEN: 'ghs_x' }).token).toBe('ghs_x');
  });
});

describe('reviews from the API', () => {
  test('a submitted review becomes PullFacts; pending, ghost-user reviews are dropped; bots are marked', () => {
    expect(
      toPullReview({
        user: { login: 'octocat', type: 'User' },
        state: 'APPROVED',
        commit_id: A,
        submitted_at: '2026-11-01T10:00:00Z',
      }),
    ).toEqual({
      login: 'octocat',
      isBot: false,
      state: 'APPROVED',
      commitId: A,
      submittedAt: '2026-11-01T10:00:00Z',
    });
    expect(
      toPullReview({
        user: { login: 'helper[bot]', type: 'Bot' },
        state: 'APPROVED',
        commit_id: A,
        submitted_at: 'x',
      })?.isBot,
    ).toBe(true);
    expect(toPullReview({ user: { login: 'octocat' }, state: 'PENDING', commit_id: A })).toBeNull();
    expect(
      toPullReview({ user: null, state: 'APPROVED', commit_id: A, submitted_at: 'x' }),
    ).toBeNull();
  });
});

describe('which approvals count: from the API review objects to the verdict', () => {
  const POLICY = 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n';
  const human = { name: 'Ada Human', email: 'ada@example.com' };
  const HEAD = 'c'.repeat(40);
  const FIRST = 'd'.repeat(40);

  const commit = (sha: string, message: string, path: string): CommitRecord => ({
    sha,
    parents: [],
    author: human,
    committer: human,
    message,
    files: [{ status: 'A', path }],
  });
  const review = (login: string, commitId = HEAD, extra: Record<string, unknown> = {}) => ({
    user: { login, type: 'User' },
    state: 'APPROVED',
    commit_id: commitId,
    submitted_at: '2026-11-02T10:00:00Z',
    ...extra,
  });
  /** The rules broken by the commits of a PR opened by mona with these reviews (GitHub's JSON). */
  function verdict(
    commits: CommitRecord[],
    reviews: Parameters<typeof toPullReview>[0][],
    yaml = POLICY,
  ): string[] {
    const policy = compilePolicy(parsePolicy(yaml, '.github/trailguard.yml'), 'test');
    const pull = {
      author: 'mona',
      headSha: HEAD,
      reviews: reviews.map(toPullReview).filter((r) => r !== null),
    };
    const report = evaluate(commits, {
      policy,
      catalog: catalogFor(policy),
      pull,
      now: new Date('2026-11-22T12:00:00Z'),
    });
    return report.violations.map((v) => `${v.rule} ${v.paths.join(',')}`);
  }
  const byHand = [commit(HEAD, 'Add eval task\n', 'evals/a.jsonl')];

  test("another human's approval on the head counts", () => {
    expect(verdict(byHand, [])).toEqual(['missing-review evals/a.jsonl']);
    expect(verdict(byHand, [review('octocat')])).toEqual([]);
  });

  test("the author's own approval does not count", () => {
    expect(verdict(byHand, [review('mona')])).toEqual(['missing-review evals/a.jsonl']);
  });

  test("a bot's approval does not count", () => {
    const bot = review('copilot-pull-request-reviewer[bot]', HEAD, {
      user: { login: 'copilot-pull-request-reviewer[bot]', type: 'Bot' },
    });
    expect(verdict(byHand, [bot])).toEqual(['missing-review evals/a.jsonl']);
  });

  test('a stale approval (on an earlier head) does not count; a later change request withdraws one', () => {
    const twoCommits = [
      commit(FIRST, 'Add eval task\n', 'evals/stale.jsonl'),
      commit(HEAD, 'Tweak eval task\n', 'evals/stale.jsonl'),
    ];
    expect(verdict(twoCommits, [review('octocat', FIRST)])).toEqual([
      'missing-review evals/stale.jsonl',
      'missing-review evals/stale.jsonl',
    ]);
    const withdrawn = [
      review('octocat'),
      review('octocat', HEAD, {
        state: 'CHANGES_REQUESTED',
        submitted_at: '2026-11-03T10:00:00Z',
      }),
    ];
    expect(verdict(byHand, withdrawn)).toEqual(['missing-review evals/a.jsonl']);
  });

  test('review.trailers: [] in the base policy: a Reviewed-by trailer no longer counts, an approving PR review does', () => {
    const strict = `${POLICY}review:\n  trailers: []\n`;
    const signed = [
      commit(
        HEAD,
        'Add eval task\n\nReviewed-by: Grace Hopper <grace@example.com>\n',
        'evals/r.jsonl',
      ),
    ];
    expect(verdict(signed, [])).toEqual([]);
    expect(verdict(signed, [], strict)).toEqual(['missing-review evals/r.jsonl']);
    expect(verdict(signed, [review('octocat')], strict)).toEqual([]);
  });
});

describe('extends references', () => {
  test('owner/repo/path@ref, with nested paths and no ref', () => {
    expect(parseExtendsRef('my-org/.github/trailguard.yml@main')).toEqual({
      owner: 'my-org',
      repo: '.github',
      path: 'trailguard.yml',
      ref: 'main',
    });
    expect(parseExtendsRef('org/policies/ml/trailguard.yml')).toEqual({
      owner: 'org',
      repo: 'policies',
      path: 'ml/trailguard.yml',
    });
    expect(formatExtendsRef(parseExtendsRef('org/policies/ml/p.yml@v2'))).toBe(
      'org/policies/ml/p.yml@v2',
    );
  });

  test('anything else is a one-line error with an example', () => {
    for (const bad of [
      'trailguard.yml',
      'org/repo',
      'org/repo/../x.yml@main',
      'https://x/y/z.yml',
    ]) {
      expect(() => parseExtendsRef(bad)).toThrow(/expected owner\/repo\/path\/to\/file\.yml@ref/);
    }
  });
});

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Answer = { status: number; body: string; headers?: Record<string, string> };

/** A loopback HTTP server answering with `answer` and recording every request it gets. */
async function recordingServer(
  answer: (url: URL, base: string) => Answer,
): Promise<{ url: string; seen: Seen[]; close: () => void }> {
  const seen: Seen[] = [];
  let base = '';
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const { status, body, headers } = answer(new URL(request.url ?? '/', base), base);
      response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, seen, close: () => server.close() };
}

const json = (status: number, data: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body: JSON.stringify(data),
  headers,
});

describe('GitHub API client', () => {
  beforeAll(() => {
    // @actions/github picks its proxy from these once, when it loads: the servers here are loopback.
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) {
      delete process.env[name];
    }
  });

  test('pages of 100 to the last, with the token, the API version and our user agent', async () => {
    const items = Array.from({ length: 250 }, (_, id) => ({ id }));
    const server = await recordingServer((url, base) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page'));
      const next = `${base}${url.pathname}?per_page=${perPage}&page=${page + 1}`;
      const last = page * perPage >= items.length;
      return json(
        200,
        items.slice((page - 1) * perPage, page * perPage),
        last ? {} : { link: `<${next}>; rel="next"` },
      );
    });
    try {
      const api = new GitHubApi({ baseUrl: server.url, token: 'ghs_secret' });
      expect(api.hasToken).toBe(true);
      const got = await api.paginate<{ id: number }>('repos/o/r/pulls/1/reviews');
      expect(got.map((item) => item.id)).toEqual(items.map((item) => item.id));
      expect(server.seen.map((request) => request.url)).toEqual([
        '/repos/o/r/pulls/1/reviews?per_page=100',
        '/repos/o/r/pulls/1/reviews?per_page=100&page=2',
        '/repos/o/r/pulls/1/reviews?per_page=100&page=3',
      ]);
      for (const { headers } of server.seen) {
        expect(headers.authorization).toBe('token ghs_secret');
        expect(headers['x-github-api-version']).toBe('2022-11-28');
        expect(headers['user-agent']).toMatch(/^trailguard\/\S+ /);
      }
    } finally {
      server.close();
    }
  });

  test('without a token, requests go unauthenticated; a body is sent as JSON', async () => {
    const server = await recordingServer(() => json(201, { id: 7 }));
    try {
      const api = new GitHubApi({ baseUrl: `${server.url}/api/v3/` });
      expect(api.hasToken).toBe(false);
      const { status, data } = await api.request<{ id: number }>(
        'POST',
        'repos/o/r/issues/1/comments',
        { body: 'hello' },
      );
      expect({ status, data }).toEqual({ status: 201, data: { id: 7 } });
      expect(server.seen).toHaveLength(1);
      expect(server.seen[0]).toMatchObject({
        method: 'POST',
        url: '/api/v3/repos/o/r/issues/1/comments',
        body: '{"body":"hello"}',
      });
      expect(server.seen[0]!.headers.authorization).toBeUndefined();
    } finally {
      server.close();
    }
  });

  test("an error answer is one line: method, path, status and GitHub's message", async () => {
    const server = await recordingServer((url) =>
      url.pathname.endsWith('/gateway')
        ? {
            status: 502,
            body: '<html>\n<h1>Bad gateway</h1>\n</html>\n',
            headers: { 'content-type': 'text/html' },
          }
        : json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }),
    );
    try {
      const api = new GitHubApi({ baseUrl: server.url, token: 't' });
      const missing = await api
        .request('GET', 'repos/o/r/contents/a%20b.yml?ref=main')
        .catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(GitHubApiError);
      expect(missing).toMatchObject({
        status: 404,
        method: 'GET',
        path: '/repos/o/r/contents/a%20b.yml?ref=main',
        apiMessage: 'Not Found',
        message: 'GitHub API GET /repos/o/r/contents/a%20b.yml?ref=main answered 404: Not Found',
      });
      await expect(api.paginate('repos/o/r/gateway')).rejects.toThrow(
        /^GitHub API GET \/repos\/o\/r\/gateway\?per_page=100 answered 502: <html> <h1>Bad gateway<\/h1> <\/html>$/,
      );
    } finally {
      server.close();
    }
    const gone = await recordingServer(() => json(200, {}));
    gone.close();
    await expect(
      new GitHubApi({ baseUrl: gone.url }).request('GET', 'repos/o/r/pulls/1'),
    ).rejects.toThrow(/^GitHub API GET \/repos\/o\/r\/pulls\/1 failed: connect ECONNREFUSED /);
  });

  test('the token never leaves the API root: a next link or a redirect elsewhere is refused', async () => {
    const elsewhere = await recordingServer(() => json(200, [{ id: 2 }]));
    const server = await recordingServer((url) => {
      if (url.pathname.endsWith('/moved')) {
        return { status: 302, body: '', headers: { location: `${elsewhere.url}/x` } };
      }
      const next = url.pathname.endsWith('/outside-path')
        ? `${url.origin}/other/x?page=2`
        : `${elsewhere.url}/api/x?page=2`;
      return json(200, [{ id: 1 }], { link: `<${next}>; rel="next"` });
    });
    try {
      const api = new GitHubApi({ baseUrl: `${server.url}/api`, token: 'ghs_secret' });
      await expect(api.paginate('repos/o/r/pulls')).rejects.toThrow(
        `GitHub API: refusing to send a request outside ${server.url}/api/: ${elsewhere.url}/api/x?page=2`,
      );
      await expect(api.paginate('repos/o/r/outside-path')).rejects.toThrow(/refusing/);
      await expect(api.request('GET', 'repos/o/r/moved')).rejects.toThrow(
        /^GitHub API GET \/api\/repos\/o\/r\/moved failed: unexpected redirect$/,
      );
      expect(server.seen).toHaveLength(3);
      expect(elsewhere.seen).toEqual([]);
    } finally {
      server.close();
      elsewhere.close();
    }
  });
});

function violation(
  sha: string,
  paths: string[],
  rule: Violation['rule'] = 'external-ai',
): Violation {
  return { sha, rule, group: 'evals', paths, tools: ['claude-code'], message: `${rule} because` };
}

describe('annotations', () => {
  test('one per protected file, listing each commit that touched it', () => {
    const report: Report = {
      ok: false,
      commits: 2,
      violations: [
        violation(A, ['evals/a.jsonl']),
        violation(B, ['evals/a.jsonl'], 'missing-review'),
      ],
    };
    const [only, ...rest] = annotationsFor(report);
    expect(rest).toEqual([]);
    expect(only!.file).toBe('evals/a.jsonl');
    expect(only!.title).toBe('trailguard: external-ai, missing-review in protected "evals"');
    expect(only!.message).toContain('aaaaaaaaaaaa external-ai (claude-code): external-ai because');
    expect(only!.message).toContain('bbbbbbbbbbbb missing-review');
  });

  test('never more than GitHub shows per step; the last slot counts the rest', () => {
    const paths = Array.from({ length: 25 }, (_, i) => `evals/${i}.jsonl`);
    const annotations = annotationsFor({
      ok: false,
      commits: 1,
      violations: [violation(A, paths)],
    });
    expect(annotations).toHaveLength(ERROR_ANNOTATIONS_SHOWN);
    expect(annotations.at(-1)).toEqual({
      title: 'trailguard: more files',
      message: expect.stringContaining('16 more protected files') as unknown as string,
    });
  });

  test('a file touched by many commits lists five and counts the rest', () => {
    const violations = Array.from({ length: 8 }, (_, i) =>
      violation(String(i).repeat(40), ['evals/x']),
    );
    const [annotation] = annotationsFor({ ok: false, commits: 8, violations });
    expect(annotation!.message.split('\n')).toHaveLength(6);
    expect(annotation!.message).toContain('…and 3 more findings on this file.');
  });
});

describe('the PR comment and the job summary', () => {
  test('fit GitHub’s limits however large the report', () => {
    const violations = Array.from({ length: 400 }, (_, i) =>
      violation(i.toString(16).padStart(40, '0'), [`evals/${'x'.repeat(200)}-${i}`]),
    );
    const facts: SummaryFacts = {
      report: { ok: false, commits: 400, violations },
      description: 'pull request #1',
      range: 'x',
      policySource: 'p',
      mode: 'enforce',
      notes: [],
      effectivePolicy: 'policy '.repeat(20_000),
      approvalsCount: true,
    };
    const text = commentMarkdown(facts, 'https://github.com/o/r/actions/runs/1');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text).toContain(
      'the full report is in the job summary (https://github.com/o/r/actions/runs/1)',
    );
    const summary = jobSummary({ ...facts, effectivePolicy: 'ü'.repeat(SUMMARY_LIMIT) });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary).toContain('the JSON report (the `report` output) has every finding');
  });
});

describe('git fetch authentication', () => {
  test('the token reaches the GitHub server as git sends it, through the environment only', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers.authorization);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const repo = new TempRepo();
    try {
      repo.git('remote', 'add', 'origin', `${serverUrl}/octo-org/octo-repo.git`);
      const env = await fetchEnvironment({
        cwd: repo.dir,
        env: repo.env,
        token: 'ghs_secret',
        serverUrl,
      });
      expect(env.GIT_TERMINAL_PROMPT).toBe('0');
      await new Promise<void>((resolve) =>
        execFile('git', ['ls-remote', 'origin'], { cwd: repo.dir, env }, () => resolve()),
      );
      const expected = `basic ${Buffer.from('x-access-token:ghs_secret').toString('base64')}`;
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((header) => header === expected)).toBe(true);
      expect(repo.git('config', '--list')).not.toContain('ghs_secret');
    } finally {
      server.close();
      repo.cleanup();
    }
  });

  test('no header for another host, nor when actions/checkout kept its credentials', async () => {
    const repo = new TempRepo();
    try {
      const serverUrl = 'https://github.com';
      repo.git('remote', 'add', 'origin', 'https://example.com/octo-org/octo-repo.git');
      const elsewhere = await fetchEnvironment({
        cwd: repo.dir,
        env: repo.env,
        token: 't',
        serverUrl,
      });
      expect(elsewhere.GIT_CONFIG_COUNT).toBeUndefined();
      repo.git('remote', 'set-url', 'origin', 'https://github.com/octo-org/octo-repo');
      const added = await fetchEnvironment({
        cwd: repo.dir,
        env: {
          ...repo.env,
          GIT_CONFIG_COUNT: '1',
          GIT_CONFIG_KEY_0: 'core.x',
          GIT_CONFIG_VALUE_0: 'y',
        },
        token: 't',
        serverUrl,
      });
      expect(added).toMatchObject({
        GIT_CONFIG_COUNT: '2',
        GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
      });
      repo.git('config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic kept');
      const kept = await fetchEnvironment({ cwd: repo.dir, env: repo.env, token: 't', serverUrl });
      expect(kept.GIT_CONFIG_COUNT).toBeUndefined();
    } finally {
      repo.cleanup();
    }
  });
});
