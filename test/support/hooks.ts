import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliInProcess } from './cli-in-process.js';
import { CLI, TempRepo, type RunResult } from './repo.js';

/** What a Claude Code shell exports, the simplest agent signal a hook sees. */
export const CLAUDE = { CLAUDECODE: '1' };

/** Runs a command to completion (hooks need a synchronous git); a spawn failure gives code -1. */
export function spawnRun(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  input?: string,
): RunResult {
  const result = spawnSync(command, args, { cwd, env, input, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The real git in the repository (or `cwd` inside it), with extra environment variables. */
export const gitRun = (
  repo: TempRepo,
  args: string[],
  env: Record<string, string> = {},
  cwd = repo.dir,
): RunResult => spawnRun('git', args, cwd, { ...repo.env, ...env });

/** The built CLI in the repository. */
export const cliRun = (repo: TempRepo, args: string[], env: Record<string, string> = {}) =>
  spawnRun(process.execPath, [CLI, ...args], repo.dir, { ...repo.env, ...env });

/** `trailguard install` that must succeed; returns its stdout. */
export function installOk(repo: TempRepo, ...args: string[]): string {
  const result = cliRun(repo, ['install', ...args]);
  if (result.code !== 0) throw new Error(`install failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * `trailguard install` that must succeed, run in this process (runCliInProcess): it writes what
 * installOk's process writes (install.test runs that), without a node start, for tests whose
 * subject is what the installed hooks do. Returns its stdout.
 */
export async function installInProcess(repo: TempRepo, ...args: string[]): Promise<string> {
  const result = await runCliInProcess(['install', ...args], { cwd: repo.dir, env: repo.env });
  if (result.code !== 0) throw new Error(`install failed: ${result.stderr}`);
  return result.stdout;
}

/** `install`'s arguments for the default hooks and the opt-in post-commit. */
export const WITH_POST_COMMIT = ['--hooks', 'prepare-commit-msg,commit-msg,post-commit'];

/** A repository with one commit of `files` and trailguard's hooks installed. */
export async function installedRepo(
  files: string[],
  installArgs: string[] = [],
): Promise<TempRepo> {
  const repo = new TempRepo();
  repo.commit('initial', files);
  await installInProcess(repo, ...installArgs);
  return repo;
}

/**
 * A copy of an installed repository (TempRepo.copyOf), with the hook paths install.json records
 * (the one file install writes that names the repository) moved to the copy, as install writes
 * them there.
 */
export function copyOfInstalled(template: TempRepo): TempRepo {
  const repo = new TempRepo({ copyOf: template });
  const record = join(repo.dir, '.git', 'trailguard', 'install.json');
  writeFileSync(record, readFileSync(record, 'utf8').replaceAll(template.dir, repo.dir));
  return repo;
}

/**
 * For the enclosing describe block: an installedRepo made before its tests (handed to `use`) and
 * removed after them, reset before each test as useRepo does.
 */
export function useInstalledRepo(
  files: string[],
  use: (repo: TempRepo) => void,
  installArgs: string[] = [],
): void {
  useRepo(async () => {
    const repo = await installedRepo(files, installArgs);
    use(repo);
    return repo;
  });
}

/**
 * For the enclosing describe block: the repository `make` returns, made before its tests and
 * removed after them. Before each test the repository is as `make` left it (HEAD, index, work
 * tree, and trailguard's state: what the tests add there, such as the ledger, goes), so no test
 * depends on what another did or on their order.
 */
export function useRepo(make: () => TempRepo | Promise<TempRepo>): void {
  let repo: TempRepo | undefined;
  let initial: { head: string; state: Set<string> } | undefined;
  const stateDir = (made: TempRepo) => join(made.dir, '.git', 'trailguard');
  beforeAll(async () => {
    repo = await make();
    initial = {
      head: repo.git('rev-parse', 'HEAD').trim(),
      state: new Set(readdirSync(stateDir(repo))),
    };
  });
  beforeEach(() => {
    if (!repo || !initial) return;
    repo.git('reset', '-q', '--hard', initial.head);
    repo.git('clean', '-q', '-fdx');
    for (const name of readdirSync(stateDir(repo))) {
      if (!initial.state.has(name)) rmSync(join(stateDir(repo), name), { recursive: true });
    }
  });
  afterAll(() => repo?.cleanup());
}

export const commitMessage = (repo: TempRepo, rev = 'HEAD') =>
  repo.git('log', '-1', '--format=%B', rev);

/** The Assisted-by lines of a commit's message. */
export const assistedBy = (repo: TempRepo, rev = 'HEAD') =>
  commitMessage(repo, rev)
    .split('\n')
    .filter((line) => line.startsWith('Assisted-by:'));
