import { repoPath, type GitHubApi, type RepoName } from '../github/api.js';

/** Marks our one comment on a PR, so each run finds and updates it instead of adding another. */
export const COMMENT_MARKER = '<!-- trailguard-report -->';

interface ApiComment {
  id: number;
  body?: string | null;
  user: { login: string; type?: string } | null;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'not needed';

/**
 * The sticky PR comment: one per PR, found by its marker and edited in place. A passing run only
 * updates a comment that an earlier failing run left (so a fixed PR says so) and adds none.
 * Errors (a fork PR's read-only token answers 403) are the caller's to log.
 */
export async function upsertPullComment(
  api: GitHubApi,
  name: RepoName,
  number: number,
  report: { ok: boolean; markdown: string },
): Promise<CommentOutcome> {
  const body = `${COMMENT_MARKER}\n${report.markdown}`;
  const comments = await api.paginate<ApiComment>(`${repoPath(name)}/issues/${number}/comments`);
  const ours = comments.filter((comment) => comment.body?.includes(COMMENT_MARKER));
  // Prefer the one a bot (the workflow's token) wrote: anyone can paste the marker into a comment.
  const existing = ours.find((comment) => comment.user?.type === 'Bot') ?? ours[0];
  if (existing) {
    if (existing.body === body) return 'unchanged';
    await api.request('PATCH', `${repoPath(name)}/issues/comments/${existing.id}`, { body });
    return 'updated';
  }
  if (report.ok) return 'not needed';
  await api.request('POST', `${repoPath(name)}/issues/${number}/comments`, { body });
  return 'created';
}
