import type { CompiledPolicy } from '../policy/types.js';
import type { PullFacts, PullReview } from '../core/types.js';
import { GitHubApiError, repoPath, type GitHubApi, type RepoName } from '../github/api.js';
import type { CheckTarget, PullTarget } from './event.js';

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
  merge_commit_sha?: string | null;
  merged_at?: string | null;
}

const identity = (pull: ApiPull): PullTarget => ({
  number: pull.number,
  author: pull.user?.login ?? '',
  headSha: pull.head.sha,
});

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
  pull: PullTarget,
): Promise<PullFacts> {
  const raw = await api.paginate<ApiReview>(`${repoPath(name)}/pulls/${pull.number}/reviews`);
  return {
    author: pull.author,
    headSha: pull.headSha,
    reviews: raw.map(toPullReview).filter((review): review is PullReview => review !== null),
  };
}

/**
 * The pull request a run's reviews come from when the event is not the PR's own: a merge queue
 * names it by number; a push to a branch is a PR's merge when GitHub lists a merged PR whose merge
 * commit is the pushed head (a direct push has none, so only trailers count).
 */
export async function linkedPull(
  api: GitHubApi,
  name: RepoName,
  link: NonNullable<CheckTarget['linkedPull']>,
): Promise<PullTarget | undefined> {
  if ('number' in link) {
    const { data } = await api.request<ApiPull>('GET', `${repoPath(name)}/pulls/${link.number}`);
    return identity(data);
  }
  const pulls = await api.paginate<ApiPull>(`${repoPath(name)}/commits/${link.mergeCommit}/pulls`);
  const merged = pulls.find((pull) => pull.merged_at && pull.merge_commit_sha === link.mergeCommit);
  return merged && identity(merged);
}

/**
 * The review facts of the PR (or of the PR a merge-queue run or a push belongs to), when the
 * policy counts approvals. Unreadable reviews count as none (fail closed), with a note saying why.
 */
export async function reviewFacts(
  api: GitHubApi,
  name: RepoName,
  target: CheckTarget,
  policy: CompiledPolicy,
  {
    log,
    notes,
  }: { log: { info(line: string): void; warning(line: string): void }; notes: string[] },
): Promise<PullFacts | undefined> {
  if (!policy.review.approvals || (!target.pull && !target.linkedPull)) return undefined;
  try {
    const pull = target.pull ?? (await linkedPull(api, name, target.linkedPull!));
    if (!pull) {
      log.info('no merged pull request ends at this push: only review trailers count');
      return undefined;
    }
    const facts = await pullFacts(api, name, pull);
    log.info(`read ${facts.reviews.length} review(s) of pull request #${pull.number}`);
    return facts;
  } catch (error) {
    const status = error instanceof GitHubApiError ? error.status : undefined;
    const fix =
      status !== undefined && status >= 400 && status < 500
        ? 'give the job `pull-requests: read`'
        : 're-run the job once the GitHub API answers';
    const message = `Pull request reviews could not be read (${(error as Error).message}), so approvals do not count in this run; ${fix}.`;
    log.warning(message);
    notes.push(message);
    return undefined;
  }
}
