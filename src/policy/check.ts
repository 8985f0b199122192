import type { Catalog } from '../core/catalog.js';
import type { CommitRecord, PullFacts, Report } from '../core/types.js';
import { UserError } from '../core/errors.js';
import { readHistory } from '../git/history.js';
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
}

/**
 * The one engine entry both `trailguard check` and the Action call: read the commits with one
 * streaming git process and judge each as it arrives.
 */
export async function runCheck(input: CheckInput): Promise<Report> {
  const evaluator = evaluatorFor(input);
  for await (const commit of readHistory({ repo: input.repo, revs: input.revs, env: input.env })) {
    evaluator.add(withBranch(commit, input.branch));
  }
  return evaluator.report();
}

export async function explain(input: Omit<CheckInput, 'revs'> & { commit: string }): Promise<{
  commit: CommitRecord;
  verdict: CommitVerdict;
  catalog: Catalog;
}> {
  const catalog = catalogFor(input.policy);
  const evaluator = evaluatorFor(input, catalog);
  for await (const commit of readHistory({
    repo: input.repo,
    revs: [`${input.commit}^!`],
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
