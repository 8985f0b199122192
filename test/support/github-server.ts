import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the GitHub REST endpoints trailguard calls, answering with the shapes
 * GitHub documents (docs.github.com/rest: pulls/reviews, pulls, repos/contents, issues/comments):
 * the fields, pagination by `per_page`/`page` with a `Link` header, and the error bodies
 * `{message, documentation_url, status}`. Tokens decide access like a GITHUB_TOKEN: read or
 * write, on some repositories; unknown tokens get 401, a repository the token cannot see 404,
 * a write with a read-only token 403.
 */

export interface UserSpec {
  login: string;
  type?: 'User' | 'Bot';
}

export interface ReviewSpec {
  user: UserSpec | null;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commitId: string | null;
  /** ISO time; absent for a PENDING review, as on GitHub. */
  submittedAt?: string;
  body?: string;
}

interface PullState {
  number: number;
  user: UserSpec;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  reviews: ReviewSpec[];
  /** Set once merged: the commit the merge made (GitHub's merge_commit_sha). */
  mergeCommit?: string;
}

interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: UserSpec;
  created_at: string;
  updated_at: string;
}

export interface TokenSpec {
  /** Repositories the token can read ("owner/repo"); "*" for every one. */
  repos: string[] | '*';
  write: boolean;
  /** The account the token acts as (comments are authored by it). */
  actor?: UserSpec;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  token?: string;
  status: number;
  body?: unknown;
}

const DOCS = 'https://docs.github.com/rest';
const ACTIONS_BOT: UserSpec = { login: 'github-actions[bot]', type: 'Bot' };

/**
 * A fault for requests whose path matches: an error status with GitHub's error body, an answer
 * that never comes (a hung server), or a connection closed without an answer.
 */
export type Fault = { status: number; message?: string } | 'hang' | 'reset';

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: { path: RegExp; fault: Fault }[] = [];
  private readonly hung = new Set<ServerResponse>();
  private readonly pulls = new Map<string, PullState>();
  private readonly files = new Map<string, string>();
  private readonly comments: (StoredComment & { repo: string })[] = [];
  private readonly tokens = new Map<string, TokenSpec>();
  private readonly publicRepos = new Set<string>();
  private server: Server | undefined;
  private nextId = 1000;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: Error) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: error.message, status: '500' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Every later request whose path matches `path` gets `fault` instead of an answer. */
  addFault(path: RegExp, fault: Fault): this {
    this.faults.push({ path, fault });
    return this;
  }

  clearFaults(): this {
    this.faults.length = 0;
    return this;
  }

  async stop(): Promise<void> {
    for (const response of this.hung) response.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  addToken(token: string, spec: TokenSpec): this {
    this.tokens.set(token, spec);
    return this;
  }

  /** A public repository is readable without a token and with any token. */
  makePublic(repo: string): this {
    this.publicRepos.add(repo);
    return this;
  }

  addPull(repo: string, pull: Omit<PullState, 'reviews'> & { reviews?: ReviewSpec[] }): this {
    this.pulls.set(`${repo}#${pull.number}`, { reviews: [], ...pull });
    return this;
  }

  addReview(repo: string, number: number, review: ReviewSpec): this {
    this.pull(repo, number).reviews.push(review);
    return this;
  }

  addFile(repo: string, path: string, content: string, ref = 'main'): this {
    this.files.set(`${repo}:${ref}:${path}`, content);
    return this;
  }

  addComment(repo: string, issue: number, body: string, user: UserSpec): this {
    const now = new Date().toISOString();
    this.comments.push({
      id: this.nextId++,
      repo,
      issue,
      body,
      user,
      created_at: now,
      updated_at: now,
    });
    return this;
  }

  commentsOn(repo: string, issue: number): StoredComment[] {
    return this.comments.filter((comment) => comment.repo === repo && comment.issue === issue);
  }

  private pull(repo: string, number: number): PullState {
    const pull = this.pulls.get(`${repo}#${number}`);
    if (!pull) throw new Error(`no pull request ${repo}#${number} in the fake`);
    return pull;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const token = /^(?:Bearer|token)\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as unknown) : undefined;
    const reply = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        token,
        status,
        body,
      });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(data));
    };
    const fail = (status: number, message: string, doc = DOCS) =>
      reply(status, { message, documentation_url: doc, status: String(status) });

    const fault = this.faults.find((f) => f.path.test(url.pathname))?.fault;
    if (fault === 'hang') return void this.hung.add(response);
    if (fault === 'reset') return void response.destroy();
    if (fault) return fail(fault.status, fault.message ?? 'Server Error');

    const match = /^\/repos\/([^/]+)\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!match) return fail(404, 'Not Found');
    const repo = `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}`;
    const rest = match[3]!;
    const grant = token === undefined ? undefined : this.tokens.get(token);
    if (token !== undefined && !grant) return fail(401, 'Bad credentials');
    const canRead =
      this.publicRepos.has(repo) ||
      (grant !== undefined && (grant.repos === '*' || grant.repos.includes(repo)));
    if (!canRead) return fail(404, 'Not Found');
    const writing = method !== 'GET';
    if (writing && !(grant?.write && (grant.repos === '*' || grant.repos.includes(repo)))) {
      return fail(403, 'Resource not accessible by integration');
    }

    let found: RegExpExecArray | null;
    if (method === 'GET' && (found = /^pulls\/(\d+)\/reviews$/.exec(rest))) {
      const pull = this.pulls.get(`${repo}#${found[1]}`);
      if (!pull) return fail(404, 'Not Found');
      const items = pull.reviews.map((review, index) =>
        reviewJson(this.url, repo, pull.number, review, index + 1),
      );
      return this.page(url, items, reply);
    }
    if (method === 'GET' && (found = /^pulls\/(\d+)$/.exec(rest))) {
      const pull = this.pulls.get(`${repo}#${found[1]}`);
      if (!pull) return fail(404, 'Not Found');
      return reply(200, pullJson(this.url, repo, pull));
    }
    if (method === 'GET' && (found = /^commits\/([0-9a-f]{40})\/pulls$/.exec(rest))) {
      const sha = found[1];
      const items = [...this.pulls.entries()]
        .filter(
          ([key, pull]) =>
            key.startsWith(`${repo}#`) && (pull.mergeCommit === sha || pull.head.sha === sha),
        )
        .map(([, pull]) => pullJson(this.url, repo, pull));
      return this.page(url, items, reply);
    }
    if ((found = /^issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(found[1]);
      if (method === 'GET') {
        const items = this.commentsOn(repo, issue).map((comment) =>
          commentJson(this.url, repo, comment),
        );
        return this.page(url, items, reply);
      }
      if (method === 'POST') {
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== 'string' || text === '') return fail(422, 'Validation Failed');
        if (text.length > 65536)
          return fail(422, 'Validation Failed: body is too long (maximum is 65536 characters)');
        this.addComment(repo, issue, text, grant?.actor ?? ACTIONS_BOT);
        return reply(201, commentJson(this.url, repo, this.comments.at(-1)!));
      }
    }
    if (method === 'PATCH' && (found = /^issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = this.comments.find((c) => c.repo === repo && c.id === Number(found![1]));
      if (!comment) return fail(404, 'Not Found');
      const text = (body as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string' || text === '') return fail(422, 'Validation Failed');
      comment.body = text;
      comment.updated_at = new Date().toISOString();
      return reply(200, commentJson(this.url, repo, comment));
    }
    if (method === 'GET' && (found = /^contents\/(.+)$/.exec(rest))) {
      const path = found[1]!.split('/').map(decodeURIComponent).join('/');
      const ref = url.searchParams.get('ref') ?? 'main';
      const content = this.files.get(`${repo}:${ref}:${path}`);
      if (content === undefined)
        return fail(404, 'Not Found', `${DOCS}/repos/contents#get-repository-content`);
      return reply(200, contentJson(this.url, repo, path, ref, content));
    }
    return fail(404, 'Not Found');
  }

  /** GitHub's pagination: `per_page` (default 30, at most 100), `page`, and a Link header. */
  private page(
    url: URL,
    items: unknown[],
    reply: (status: number, data: unknown, headers?: Record<string, string>) => void,
  ): void {
    const perPage = Math.min(
      Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1),
      100,
    );
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number, rel: string) => {
      const target = new URL(url.href);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(n));
      return `<${target.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    reply(
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length ? { link: links.join(', ') } : {},
    );
  }
}

function userJson(base: string, user: UserSpec, id: number) {
  const login = user.login;
  return {
    login,
    id,
    node_id: Buffer.from(`04:User${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${base}/users/${login}`,
    html_url: `https://github.com/${login}`,
    followers_url: `${base}/users/${login}/followers`,
    following_url: `${base}/users/${login}/following{/other_user}`,
    gists_url: `${base}/users/${login}/gists{/gist_id}`,
    starred_url: `${base}/users/${login}/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/users/${login}/subscriptions`,
    organizations_url: `${base}/users/${login}/orgs`,
    repos_url: `${base}/users/${login}/repos`,
    events_url: `${base}/users/${login}/events{/privacy}`,
    received_events_url: `${base}/users/${login}/received_events`,
    type: user.type ?? 'User',
    site_admin: false,
  };
}

const idOf = (text: string) =>
  parseInt(createHash('sha1').update(text).digest('hex').slice(0, 7), 16);

function reviewJson(base: string, repo: string, number: number, review: ReviewSpec, id: number) {
  const html = `https://github.com/${repo}/pull/${number}#pullrequestreview-${id}`;
  return {
    id,
    node_id: Buffer.from(`017:PullRequestReview${id}`).toString('base64'),
    user: review.user ? userJson(base, review.user, idOf(review.user.login)) : null,
    body: review.body ?? '',
    state: review.state,
    html_url: html,
    pull_request_url: `${base}/repos/${repo}/pulls/${number}`,
    author_association: 'MEMBER',
    _links: {
      html: { href: html },
      pull_request: { href: `${base}/repos/${repo}/pulls/${number}` },
    },
    ...(review.submittedAt !== undefined && { submitted_at: review.submittedAt }),
    commit_id: review.commitId,
  };
}

function pullJson(base: string, repo: string, pull: PullState) {
  const api = `${base}/repos/${repo}/pulls/${pull.number}`;
  const side = (s: { sha: string; ref: string }) => ({
    label: `${repo.split('/')[0]}:${s.ref}`,
    ref: s.ref,
    sha: s.sha,
    user: userJson(base, { login: repo.split('/')[0]! }, idOf(repo)),
    repo: {
      id: idOf(repo),
      full_name: repo,
      name: repo.split('/')[1],
      private: false,
      fork: false,
    },
  });
  return {
    url: api,
    id: idOf(`${repo}#${pull.number}`),
    node_id: Buffer.from(`011:PullRequest${pull.number}`).toString('base64'),
    html_url: `https://github.com/${repo}/pull/${pull.number}`,
    number: pull.number,
    state: pull.mergeCommit ? 'closed' : 'open',
    locked: false,
    title: `Pull request ${pull.number}`,
    user: userJson(base, pull.user, idOf(pull.user.login)),
    body: null,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    closed_at: pull.mergeCommit ? '2026-11-03T10:00:00Z' : null,
    merged_at: pull.mergeCommit ? '2026-11-03T10:00:00Z' : null,
    merge_commit_sha: pull.mergeCommit ?? null,
    draft: false,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    comments_url: `${base}/repos/${repo}/issues/${pull.number}/comments`,
    statuses_url: `${base}/repos/${repo}/statuses/${pull.head.sha}`,
    head: side(pull.head),
    base: side(pull.base),
    author_association: 'CONTRIBUTOR',
    merged: Boolean(pull.mergeCommit),
    mergeable: null,
    comments: 0,
    review_comments: 0,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

function commentJson(base: string, repo: string, comment: StoredComment) {
  return {
    id: comment.id,
    node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'),
    url: `${base}/repos/${repo}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(base, comment.user, idOf(comment.user.login)),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    issue_url: `${base}/repos/${repo}/issues/${comment.issue}`,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    performed_via_github_app: null,
  };
}

function contentJson(base: string, repo: string, path: string, ref: string, content: string) {
  const bytes = Buffer.from(content);
  const sha = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  const self = `${base}/repos/${repo}/contents/${path}?ref=${ref}`;
  const git = `${base}/repos/${repo}/git/blobs/${sha}`;
  const html = `https://github.com/${repo}/blob/${ref}/${path}`;
  return {
    type: 'file',
    encoding: 'base64',
    size: bytes.length,
    name: path.split('/').at(-1),
    path,
    // GitHub wraps the base64 at 60 characters.
    content: (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${repo}/${ref}/${path}`,
    _links: { self, git, html },
  };
}
