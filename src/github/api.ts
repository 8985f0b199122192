import { UserError } from '../errors.js';

/**
 * The few GitHub REST calls trailguard makes, over the global fetch (node >= 18) rather than
 * @octokit: its request stack pulls packages that declare node >= 22, and we need four endpoints.
 */
export interface GitHubApiOptions {
  /** e.g. https://api.github.com, or GITHUB_API_URL on GitHub Enterprise Server. */
  baseUrl: string;
  token?: string;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
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

const API_VERSION = '2022-11-28';
const PAGE_SIZE = 100;
/** A runaway "next" chain (a broken proxy, a server bug) must end; 1000 pages is 100,000 items. */
const MAX_PAGES = 1000;

export class GitHubApi {
  private readonly baseUrl: URL;

  constructor(private readonly options: GitHubApiOptions) {
    this.baseUrl = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  }

  get hasToken(): boolean {
    return Boolean(this.options.token);
  }

  /** `path` is relative to the API root, e.g. `repos/o/r/pulls/1/reviews?per_page=100`. */
  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>(method, new URL(path.replace(/^\//, ''), this.baseUrl), body);
  }

  /** Every item of a list endpoint, following the `Link: <…>; rel="next"` header page by page. */
  async paginate<T>(path: string): Promise<T[]> {
    const first = new URL(path.replace(/^\//, ''), this.baseUrl);
    if (!first.searchParams.has('per_page')) first.searchParams.set('per_page', String(PAGE_SIZE));
    const items: T[] = [];
    let next: URL | undefined = first;
    for (let page = 0; next && page < MAX_PAGES; page += 1) {
      const response: ApiResponse<T[]> = await this.send<T[]>('GET', next);
      if (!Array.isArray(response.data)) {
        throw new GitHubApiError(response.status, 'GET', next.pathname, 'expected a list');
      }
      items.push(...response.data);
      next = nextPage(response.headers.get('link'), this.baseUrl);
    }
    return items;
  }

  private async send<T>(method: string, url: URL, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': API_VERSION,
      'user-agent': `trailguard/${process.env.TRAILGUARD_VERSION ?? 'dev'}`,
    };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const shownPath = url.pathname + url.search;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
      });
    } catch (error) {
      const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new UserError(`GitHub API ${method} ${shownPath} failed: ${cause}`);
    }
    const text = await response.text();
    let data: unknown = text;
    try {
      data = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON (a proxy's HTML error page): keep the text for the message.
    }
    if (!response.ok) {
      const message =
        data && typeof data === 'object' && 'message' in data
          ? String((data as { message: unknown }).message)
          : text.slice(0, 200);
      throw new GitHubApiError(response.status, method, shownPath, message);
    }
    return { status: response.status, data: data as T, headers: response.headers };
  }
}

/**
 * The rel="next" URL of a Link header. A URL outside the API root is refused rather than
 * followed: it would receive the token.
 */
export function nextPage(link: string | null, baseUrl: URL): URL | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (!match) continue;
    const url = new URL(match[1]!, baseUrl);
    if (url.origin !== baseUrl.origin || !url.pathname.startsWith(baseUrl.pathname)) {
      throw new UserError(
        `GitHub API: refusing to follow a next-page link outside ${baseUrl.href}`,
      );
    }
    return url;
  }
  return undefined;
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
