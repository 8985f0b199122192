import { basename } from 'node:path';
import { catalogFor } from '../policy/evaluate.js';
import type { CompiledPolicy } from '../policy/types.js';
import { gitMaybe } from '../git/exec.js';
import { readHistory } from '../git/history.js';
import { createAggregator } from './aggregate.js';
import { readHead } from './head.js';
import type { ScanReport } from './types.js';

export interface ScanInput {
  /** The repository's top level. */
  repo: string;
  /** Arguments for git log naming the commits. */
  revs: string[];
  /** What the report says the range is. */
  range: string;
  policy: CompiledPolicy;
  /** Where the policy came from (a file, or the embedded default). */
  policySource: string;
  /** The repository's name in the report; default: from origin's URL, else the directory. */
  repository?: string;
  now?: Date;
  env?: NodeJS.ProcessEnv;
  /** Called every PROGRESS_EVERY commits with the count so far. */
  onProgress?: (commits: number) => void;
  /** Then, for the HEAD part, after each file traced: the count so far and the total. */
  onHeadProgress?: (traced: number, toTrace: number) => void;
  /** Also report what this revision holds, line by line (the HEAD engine, `head`). */
  headRev?: string;
}

const PROGRESS_EVERY = 2_000;

/** `owner/name` from a remote URL (https, ssh or scp-like), else undefined. */
export function nameFromUrl(url: string): string | undefined {
  const match = /[/:]([^/:\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url.trim());
  if (!match || /^(?:file:|\/|\.)/.test(url.trim())) return undefined;
  return `${match[1]}/${match[2]}`;
}

export async function repositoryName(repo: string, env: NodeJS.ProcessEnv): Promise<string> {
  const url = await gitMaybe(['remote', 'get-url', 'origin'], { cwd: repo, env });
  return (url && nameFromUrl(url)) || basename(repo);
}

/** The audit over history: one streaming git process, one reducer, bounded memory. */
export async function runScan(input: ScanInput): Promise<ScanReport> {
  const env = input.env ?? process.env;
  const repository = input.repository ?? (await repositoryName(input.repo, env));
  const aggregator = createAggregator({
    policy: input.policy,
    catalog: catalogFor(input.policy),
    now: input.now ?? new Date(),
  });
  let commits = 0;
  for await (const commit of readHistory({ repo: input.repo, revs: input.revs, env })) {
    aggregator.add(commit, repository);
    commits += 1;
    if (input.onProgress && commits % PROGRESS_EVERY === 0) input.onProgress(commits);
  }
  const report = aggregator.report({ repository, range: input.range, policy: input.policySource });
  if (input.headRev === undefined) return report;
  const head = await readHead({
    repo: input.repo,
    rev: input.headRev,
    policy: input.policy,
    env,
    now: input.now,
    onProgress: input.onHeadProgress,
  });
  return { ...report, head };
}
