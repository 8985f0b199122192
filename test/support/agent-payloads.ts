import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runProcess, type runCli, type RunResult, type TempRepo } from './repo.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'agents');

/** The entry the agent hook configs run (`node …/dist/hook.cjs agent-hook <agent>`). */
export const HOOK_ENTRY = join(ROOT, 'dist', 'hook.cjs');

/** dist/hook.cjs as a real process: what an agent starts for each hook call. */
export const runHookEntry: typeof runCli = (args, options) =>
  runProcess(process.execPath, [HOOK_ENTRY, ...args], options);

/** A payload from test/fixtures/agents/<agent>/<name>.json, filled in for this repository. */
export function payload(repo: TempRepo, agent: string, name: string): string {
  const escape = (path: string) => JSON.stringify(path).slice(1, -1);
  return readFileSync(join(FIXTURES, agent, `${name}.json`), 'utf8')
    .replaceAll('{{repo}}', escape(repo.dir))
    .replaceAll('{{home}}', escape(repo.home));
}

/**
 * `agent-hook <agent> [args]` with the payload on stdin, run from the repository: by dist/hook.cjs
 * as a process, as the agent configs run it, or by `run` (runCli for the CLI verb
 * `trailguard agent-hook` as a process, runCliInProcess for it in this process).
 */
export function agentHook(
  repo: TempRepo,
  agent: string,
  input: string,
  args: string[] = [],
  run: typeof runCli = runHookEntry,
): Promise<RunResult> {
  return run(['agent-hook', agent, ...args], { cwd: repo.dir, env: repo.env, input });
}

/**
 * The ledger as JSON lines, from the .git directory of the repository's main checkout (the git
 * dir its worktrees share), read without a git process.
 */
export function ledgerLines(repo: TempRepo): Record<string, unknown>[] {
  let text: string;
  try {
    text = readFileSync(join(repo.dir, '.git', 'trailguard', 'ledger.jsonl'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
