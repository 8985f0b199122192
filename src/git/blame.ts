import { availableParallelism } from 'node:os';
import { git } from './exec.js';

/**
 * How blame follows lines. `-M`: a line moved or copied within the file keeps the commit that
 * wrote it (a human reordering an AI commit's lines does not launder them); whole-file renames
 * are followed as git always does. `-C` (lines moved from other files in the same commit) and
 * `-C -C` (whole-file copies) are left out: measured on git.git's t/, `-M` costs what plain
 * blame does while `-C -C` costs about 3x, and the commit that moved content between files is
 * itself gated by `check` (its review is required). See bench/blame.mjs.
 */
export const BLAME_FLAGS = ['-M'];

/** Lines of a file at a commit, by the commit that wrote each (`git blame --incremental`). */
export interface Blame {
  lines: number;
  byCommit: Map<string, number>;
}

const GROUP = /^([0-9a-f]{40,64}) \d+ \d+ (\d+)$/;

/**
 * `git blame --incremental`: one header line `sha source-line result-line count` per group of
 * lines (commit details follow only the first time a commit appears, then a `filename` line).
 * It carries what the counts need and not the lines themselves, unlike --porcelain.
 */
export function parseIncrementalBlame(output: string): Blame {
  const byCommit = new Map<string, number>();
  let lines = 0;
  for (const line of output.split('\n')) {
    const match = GROUP.exec(line);
    if (!match) continue;
    const count = Number(match[2]);
    byCommit.set(match[1]!, (byCommit.get(match[1]!) ?? 0) + count);
    lines += count;
  }
  return { lines, byCommit };
}

export async function blameFile(
  repo: string,
  commit: string,
  path: string,
  env: NodeJS.ProcessEnv,
): Promise<Blame> {
  const output = await git(
    ['blame', '--incremental', '--root', ...BLAME_FLAGS, commit, '--', path],
    { cwd: repo, env },
  );
  return parseIncrementalBlame(output);
}

/** One git process per core: blame is CPU-bound in git itself. */
export const blameConcurrency = (): number => availableParallelism();

/** Runs `work` over the items with at most `concurrency` in flight; results keep the order. */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
