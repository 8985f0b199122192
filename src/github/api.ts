import type { GitHub } from '@actions/github/lib/utils';
import { UserError } from '../core/errors.js';

/**
 * The few GitHub REST calls trailguard makes, through @actions/github's Octokit: the maintained
 * client for Actions, and its requests go through the runner's HTTPS_PROXY/NO_PROXY
 * (@actions/http-client), which node's global fetch ignores.
 */
export interface GitHubApiOptions {
  /** e.g. https://api.github.com, or GITHUB_API_URL on GitHub Enterprise Server. */
  baseUrl: string;
  token?: string;
  /** How long one request may take before it fails (default 30 s): a hung server must not hang CI. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export interface ApiResponse<T> {
  status: number;
  data: T;
}

/** A non-2xx answer: the status and GitHub's own message, for a one-line log or error. */
export class GitHubApiError extends UserError {
  override name = 'GitHubApiError';
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly apiMessage: string,
  ) {
    super(`GitHub API ${method} ${path} answered ${status}${apiMessage ? `: ${apiMessage}` : ''}`);
  }
}

type Octokit = InstanceType<typeof GitHub>;

const API_VERSION = '2022-11-28';
const PAGE_SIZE = 100;
/** A runaway "next" chain (a broken proxy, a server bug) must end; 1000 pages is 100,000 items. */
const MAX_PAGES = 1000;

export class GitHubApi {
  private readonly root: URL;
  private client: Promise<Octokit> | undefined;

  constructor(private readonly options: GitHubApiOptions) {
    this.root = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  }

  get hasToken(): boolean {
    return Boolean(this.options.token);
  }

  /** `path` is relative to the API root, e.g. `repos/o/r/pulls/1`; `body` is sent as JSON. */
  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const octokit = await this.octokit();
    try {
      const response = await octokit.request(
        `${method} /${path.replace(/^\//, '')}`,
        body === undefined ? {} : { data: body },
      );
      return { status: response.status, data: response.data as T };
    } catch (error) {
      throw apiError(error);
    }
  }

  /** Every item of a list endpoint, page by page (`Link: <…>; rel="next"`). */
  async paginate<T>(path: string): Promise<T[]> {
    const octokit = await this.octokit();
    const route = `GET /${path.replace(/^\//, '')}`;
    const items: T[] = [];
    let pages = 0;
    try {
      for await (const response of octokit.paginate.iterator<T>(route, { per_page: PAGE_SIZE })) {
        const { status, url, data } = response;
        if (!Array.isArray(data)) {
          throw new GitHubApiError(status, 'GET', shownPath(url), 'expected a list');
        }
        items.push(...data);
        if (++pages === MAX_PAGES) break;
      }
    } catch (error) {
      throw apiError(error);
    }
    return items;
  }

  /** Loaded on first use: `trailguard check` needs the client only for a policy that extends. */
  private octokit(): Promise<Octokit> {
    this.client ??= createOctokit(
      this.root,
      this.options.token,
      this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    return this.client;
  }
}

async function createOctokit(
  root: URL,
  token: string | undefined,
  timeoutMs: number,
): Promise<Octokit> {
  // One after the other: jest's module loader fails on two concurrent imports sharing a module.
  const { GitHub } = await import('@actions/github/lib/utils');
  const { getOctokit } = await import('@actions/github');
  const options = {
    baseUrl: root.href.replace(/\/$/, ''),
    userAgent: `trailguard/${process.env.TRAILGUARD_VERSION ?? 'dev'}`,
  };
  // getOctokit insists on a token; without one, the same client sends no authorization, which
  // GitHub allows for public repositories.
  const octokit = token ? getOctokit(token, options) : new GitHub(options);
  octokit.hook.before('request', (request) => {
    // Octokit follows any rel="next" link, and the token goes with every request: a link outside
    // the API root (a hostile or broken server, a proxy) is refused, and so is a redirect.
    const url = new URL(octokit.request.endpoint.parse(request).url);
    if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) {
      throw new UserError(
        `GitHub API: refusing to send a request outside ${root.href}: ${url.href}`,
      );
    }
    request.headers['x-github-api-version'] = API_VERSION;
    request.request = {
      ...request.request,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    };
  });
  return octokit;
}

/** `path?query` of a request URL, as the error names it. */
function shownPath(href: string): string {
  const url = new URL(href);
  return url.pathname + url.search;
}

/** Octokit's RequestError as our one-line error: GitHub's message, or why no answer came. */
function apiError(error: unknown): unknown {
  const failed = error as Error & {
    request?: { method: string; url: string };
    response?: { status: number; data: unknown };
  };
  if (!failed.request) return error;
  const { method, url } = failed.request;
  if (!failed.response) {
    const why = reason(failed);
    const timedOut = /due to timeout|TimeoutError/i.test(why) || failed.name === 'TimeoutError';
    return new UserError(
      `GitHub API ${method} ${shownPath(url)} failed: ${timedOut ? 'no answer in time (timed out)' : why}`,
    );
  }
  const { status, data } = failed.response;
  const message =
    data && typeof data === 'object' && 'message' in data
      ? String(data.message)
      : (typeof data === 'string' ? data : (JSON.stringify(data) ?? '')).slice(0, 200);
  return new GitHubApiError(status, method, shownPath(url), message.replace(/\s+/g, ' ').trim());
}

/** The innermost message: "fetch failed" says less than the "connect ECONNREFUSED …" under it. */
function reason(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner =
    typeof cause === 'object' && cause !== null && 'message' in cause ? reason(cause as Error) : '';
  return inner || error.message;
}

export interface RepoName {
  owner: string;
  repo: string;
}

/** `repos/{owner}/{repo}`, the prefix of every repository endpoint. */
export function repoPath({ owner, repo }: RepoName): string {
  return `repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

/** The API root: GITHUB_API_URL on a runner (GitHub Enterprise Server sets its own). */
export function apiUrlFrom(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_API_URL || 'https://api.github.com';
}

/** The client options for a run: the API root, the token, and TRAILGUARD_API_TIMEOUT (seconds). */
export function apiOptionsFrom(
  env: NodeJS.ProcessEnv,
  token: string | undefined,
): GitHubApiOptions {
  const seconds = Number(env.TRAILGUARD_API_TIMEOUT);
  return {
    baseUrl: apiUrlFrom(env),
    token,
    timeoutMs: seconds > 0 ? seconds * 1000 : undefined,
  };
}
