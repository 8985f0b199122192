import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import {
  FULL_NAME,
  payload,
  publishPull,
  runAction,
  useFakeGitHub,
  type ActionRun,
  type GitHubRepo,
} from './support/action-runner.js';

/**
 * The Action's API calls honour the runner's proxy variables, as its git fetches do. A proxy
 * never sees loopback traffic (@actions/http-client bypasses localhost and 127.*), so the API
 * root here is a name only the test's proxy resolves: to the loopback stand-in for GitHub.
 */
const API_HOST = 'api.ghes.test';
const TOKEN = 'ghs_job_token';
const { github, createRepo } = useFakeGitHub();
/** What the proxy was asked to reach: CONNECT targets, and any absolute-form request. */
const proxied: string[] = [];
let proxy: Server;
let proxyUrl = '';
let apiUrl = '';
let nextPull = 1;

beforeAll(async () => {
  const fake = new URL(github.url);
  github.addToken(TOKEN, { repos: [FULL_NAME], write: true });
  apiUrl = `http://${API_HOST}:${fake.port}`;
  proxy = createServer((request, response) => {
    proxied.push(`${request.method} ${request.url}`);
    response.writeHead(501).end();
  });
  proxy.on('connect', (request, client) => {
    proxied.push(`CONNECT ${request.url}`);
    if (request.url !== `${API_HOST}:${fake.port}`) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(Number(fake.port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
});

let repo: GitHubRepo | undefined;
function evalsBranch(): GitHubRepo {
  const made = createRepo();
  made.dev.commit('Initial commit\n', {
    '.github/trailguard.yml': 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n',
  });
  made.push('HEAD:refs/heads/main');
  made.dev.git('checkout', '-q', '-b', 'evals');
  made.dev.commit('Add eval task\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', {
    'evals/task.jsonl': '{}\n',
  });
  return made;
}

/** A PR adding an outside-AI file to a protected path: the run reads reviews and comments. */
async function runPullWith(
  env: Record<string, string>,
): Promise<{ run: ActionRun; number: number }> {
  // The history is made once; each run opens a PR of its own from it.
  repo ??= evalsBranch();
  const number = nextPull++;
  const { mergeSha, fields } = publishPull(github, repo, number, 'evals');
  const run = await runAction({
    workspace: repo.checkout(mergeSha, { ref: `refs/remotes/pull/${number}/merge` }),
    event: 'pull_request',
    apiUrl,
    token: TOKEN,
    sha: mergeSha,
    ref: `refs/pull/${number}/merge`,
    env,
    payload: payload('pull_request.opened', {
      number,
      pull_request: { ...fields, commits: 1 },
    }),
  });
  return { run, number };
}

describe('API calls behind a proxy', () => {
  test('HTTP_PROXY carries them: reviews are read and the comment posted through it', async () => {
    proxied.length = 0;
    const { run, number } = await runPullWith({ HTTP_PROXY: proxyUrl });
    expect(run.stdout).toContain(`read 0 review(s) of pull request #${number}`);
    expect(run.stdout).toContain('pull request comment: created');
    expect(run.code).toBe(1);
    expect(proxied.length).toBeGreaterThan(0);
    expect(new Set(proxied)).toEqual(new Set([`CONNECT ${new URL(apiUrl).host}`]));
    const calls = github.requests.filter((r) => r.path.includes(`/${number}/`));
    expect(calls.map((r) => [r.method, r.path, r.token, r.status])).toEqual([
      ['GET', `/repos/${FULL_NAME}/pulls/${number}/reviews`, TOKEN, 200],
      ['GET', `/repos/${FULL_NAME}/issues/${number}/comments`, TOKEN, 200],
      ['POST', `/repos/${FULL_NAME}/issues/${number}/comments`, TOKEN, 201],
    ]);
    expect(github.commentsOn(FULL_NAME, number)).toHaveLength(1);
  });

  test('NO_PROXY naming the API host sends them direct, past the proxy', async () => {
    proxied.length = 0;
    const { run } = await runPullWith({ HTTP_PROXY: proxyUrl, NO_PROXY: `.ghes.test` });
    // Direct means a DNS lookup of a name that exists only behind the proxy: a one-line failure.
    expect(run.stdout).toMatch(
      /Pull request reviews could not be read \(GitHub API GET \/repos\/octo-org\/octo-repo\/pulls\/\d+\/reviews\?per_page=100 failed: getaddrinfo \w+ api\.ghes\.test\)/,
    );
    expect(run.code).toBe(1);
    expect(proxied).toEqual([]);
  });
});
