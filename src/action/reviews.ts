import type { PullFacts, PullReview } from '../core/types.js';
import { repoPath, type GitHubApi, type RepoName } from '../github/api.js';

/** The fields of GitHub's "pull request review" object that the engine needs. */
interface ApiReview {
  user: { login: string; type?: string } | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string | null;
}

interface ApiPull {
  number: number;
  user: { login: string } | null;
  head: { sha: string };
}

/**
 * A review as the engine reads it. Reviews by deleted accounts (`user: null`) and pending ones
 * (not submitted) are dropped: neither is anyone's approval.
 */
export function toPullReview(review: ApiReview): PullReview | null {
  if (!review.user || !review.submitted_at || review.state === 'PENDING') return null;
  return {
    login: review.user.login,
    isBot: review.user.type === 'Bot' || review.user.login.endsWith('[bot]'),
    state: review.state,
    commitId: review.commit_id ?? '',
    submittedAt: review.submitted_at,
  };
}

/**
 * Every review of a pull request (all pages: a busy PR has more than one), as PullFacts for the
 * engine, which decides what counts (latest per reviewer, approved, on the head, not the author,
 * not a bot, allowlist). Reading reviews needs only `pull-requests: read`, which a fork PR's
 * read-only token has.
 */
export async function pullFacts(
  api: GitHubApi,
  name: RepoName,
  pull: { number: number; author: string; headSha: string },
): Promise<PullFacts> {
  const raw = await api.paginate<ApiReview>(`${repoPath(name)}/pulls/${pull.number}/reviews`);
  return {
    author: pull.author,
    headSha: pull.headSha,
    reviews: raw.map(toPullReview).filter((review): review is PullReview => review !== null),
  };
}

/** A pull request's author and current head (a merge-queue run knows only the PR's number). */
export async function pullSummary(
  api: GitHubApi,
  name: RepoName,
  number: number,
): Promise<{ number: number; author: string; headSha: string }> {
  const { data } = await api.request<ApiPull>('GET', `${repoPath(name)}/pulls/${number}`);
  return { number, author: data.user?.login ?? '', headSha: data.head.sha };
}
