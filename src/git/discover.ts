/**
 * Which repository a directory belongs to: the one place it is worked out. The file system is
 * read first, without starting git (an agent hook runs on every edit, a commit hook on every
 * commit, and node's child_process alone costs a noticeable part of a start). When the
 * environment points git elsewhere (GIT_DIR and friends), or a `.git` entry is odd, git itself is
 * asked; its module is loaded only then.
 */
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../core/errors.js';

/** A repository as every part of trailguard sees it. */
export interface RepoFacts {
  /** The top of the work tree, symlinks resolved. */
  top: string;
  /** This worktree's git directory (absolute): HEAD, the index, per-worktree state. */
  gitDir: string;
  /** The git directory shared by all worktrees (absolute): refs, config, the agent ledger. */
  commonDir: string;
  /** The environment every git call for this repository runs with (the caller's, GIT_* kept). */
  env: NodeJS.ProcessEnv;
}

/** Variables that change where git looks: with any of them set, git itself is asked. */
const GIT_ENV_OVERRIDES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES'];

/** The path with symlinks resolved as far as it exists (a file about to be written may not). */
function realpathNearest(path: string): string {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      missing.push(basename(current));
      current = parent;
    }
  }
}

function readLine(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The repository a `.git` entry (a directory, or a file naming one) stands for. */
function fromDotGit(top: string, dotGit: string, env: NodeJS.ProcessEnv): RepoFacts | undefined {
  let gitDir = dotGit;
  if (!lstatSync(dotGit).isDirectory()) {
    const pointer = /^gitdir:\s*(.+)$/.exec(readLine(dotGit) ?? '');
    if (!pointer) return undefined;
    gitDir = resolve(top, pointer[1]);
  }
  if (!existsSync(join(gitDir, 'HEAD'))) return undefined;
  const common = readLine(join(gitDir, 'commondir'));
  return { top, gitDir, commonDir: common ? resolve(gitDir, common) : gitDir, env };
}

type Exec = typeof import('./exec.js');

/** git's own answer; undefined outside a work tree. A git that cannot start is an error. */
function askGit(exec: Exec, dir: string, env: NodeJS.ProcessEnv): RepoFacts | undefined {
  try {
    const [top, gitDir, commonDir] = exec
      .gitSync(
        ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir'],
        { cwd: dir, env },
      )
      .split('\n')
      .filter(Boolean);
    return commonDir ? { top: realpathNearest(top), gitDir, commonDir, env } : undefined;
  } catch (error) {
    if (error instanceof exec.GitStartError) throw error;
    return undefined;
  }
}

/**
 * Where the file system says the repository is: its facts, undefined when no `.git` is found
 * up to the root, or the directory git itself must be asked about.
 */
function walk(dir: string, env: NodeJS.ProcessEnv): RepoFacts | undefined | { ask: string } {
  let current = realpathNearest(dir);
  while (!existsSync(current)) current = dirname(current);
  if (GIT_ENV_OVERRIDES.some((name) => env[name])) return { ask: current };
  for (;;) {
    const dotGit = join(current, '.git');
    if (existsSync(dotGit)) return fromDotGit(current, dotGit, env) ?? { ask: current };
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * The repository whose work tree holds `dir` (which need not exist yet), or undefined when there
 * is none. Throws only when git is needed and cannot be started. src/git/exec.ts (and node's
 * child_process) is loaded only when git must be asked.
 */
export async function locateRepo(
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<RepoFacts | undefined> {
  const found = walk(dir, env);
  return found && 'ask' in found ? askGit(await import('./exec.js'), found.ask, env) : found;
}

function required(
  exec: Exec,
  dir: string,
  env: NodeJS.ProcessEnv,
  found: RepoFacts | undefined,
): RepoFacts {
  // Asking git on the way out says so when git itself is missing.
  const repo = found ?? askGit(exec, dir, env);
  if (!repo) throw new UserError(`not a git repository: ${dir}`);
  return repo;
}

/** Like locateRepo(), for commands: a UserError naming the directory when it is in no work tree. */
export async function discoverRepo(dir: string, env: NodeJS.ProcessEnv): Promise<RepoFacts> {
  if (!existsSync(dir)) throw new UserError(`no such directory: ${dir}`);
  const found = await locateRepo(dir, env);
  return found ?? required(await import('./exec.js'), dir, env, found);
}

/** discoverRepo() for synchronous callers, which have src/git/exec.ts loaded anyway. */
export function discoverRepoSync(dir: string, env: NodeJS.ProcessEnv, exec: Exec): RepoFacts {
  if (!existsSync(dir)) throw new UserError(`no such directory: ${dir}`);
  const found = walk(dir, env);
  return required(exec, dir, env, found && 'ask' in found ? askGit(exec, found.ask, env) : found);
}

/**
 * `path` (absolute, or relative to `cwd`) relative to the work tree's top with forward slashes,
 * or undefined when it lies outside the work tree or inside the git directory.
 */
export function repoPath(path: string, cwd: string, repo: RepoFacts): string | undefined {
  const absolute = realpathNearest(resolve(cwd, path));
  const inside = relative(repo.top, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  const normalized = inside.split(sep).join('/');
  return normalized === '.git' || normalized.startsWith('.git/') ? undefined : normalized;
}
