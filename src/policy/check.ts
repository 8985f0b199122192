import type { Catalog } from '../core/catalog.js';
import type { CommitRecord, PullFacts, Report } from '../core/types.js';
import { UserError } from '../core/errors.js';
import { readHistory } from '../git/history.js';
import { resolveCommit } from '../git/repo.js';
import { catalogFor, createEvaluator, type CommitVerdict } from './evaluate.js';
import type { CompiledPolicy } from './types.js';

export interface CheckInput {
  repo: string;
  /** Arguments for git log naming the commits, e.g. ["base..head"]. */
  revs: string[];
  policy: CompiledPolicy;
  pull?: PullFacts;
  /** The branch the commits were made on (a PR's head ref); agent branch prefixes are a signal. */
  branch?: string;
  now?: Date;
  env?: NodeJS.ProcessEnv;
  /** Called every PROGRESS_EVERY commits with the count so far. */
  onProgress?: (commits: number) => void;
}

const PROGRESS_EVERY = 1_000;

/**
 * The one engine entry both `trailguard check` and the Action call: read the commits with one
 * streaming git process and judge each as it arrives.
 */
export async function runCheck(input: CheckInput): Promise<Report> {
  const evaluator = evaluatorFor(input);
  let commits = 0;
  for await (const commit of readHistory({ repo: input.repo, revs: input.revs, env: input.env })) {
    evaluator.add(withBranch(commit, input.branch));
    commits += 1;
    if (input.onProgress && commits % PROGRESS_EVERY === 0) input.onProgress(commits);
  }
  return evaluator.report();
}

export async function explain(
  input: Omit<CheckInput, 'revs' | 'onProgress'> & { commit: string },
): Promise<{
  commit: CommitRecord;
  verdict: CommitVerdict;
  catalog: Catalog;
}> {
  const catalog = catalogFor(input.policy);
  const evaluator = evaluatorFor(input, catalog);
  // Resolved first, so a bad name is reported as the user wrote it, not as git log's `X^!`.
  const sha = await resolveCommit(input.repo, input.commit, input.env ?? process.env);
  for await (const commit of readHistory({
    repo: input.repo,
    revs: [`${sha}^!`],
    env: input.env,
  })) {
    const record = withBranch(commit, input.branch);
    return { commit: record, verdict: evaluator.explain(record), catalog };
  }
  throw new UserError(`explain: no commit found for ${input.commit}`);
}

function evaluatorFor(input: Omit<CheckInput, 'revs'>, catalog = catalogFor(input.policy)) {
  return createEvaluator({
    policy: input.policy,
    catalog,
    pull: input.pull,
    now: input.now ?? new Date(),
  });
}

function withBranch(commit: CommitRecord, branch: string | undefined): CommitRecord {
  return branch && !commit.branch ? { ...commit, branch } : commit;
}
