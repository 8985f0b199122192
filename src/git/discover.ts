/**
 * Which repository a directory belongs to: the one place it is worked out. The file system is
 * read first, without starting git (an agent hook runs on every edit, a commit hook on every
 * commit, and node's child_process alone costs a noticeable part of a start). When the
 * environment points git elsewhere (GIT_DIR and friends), or a `.git` entry is odd, git itself is
 * asked; its module is loaded only then.
 */
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

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

/** git's own answer; undefined outside a work tree. A git that cannot start is an error. */
async function askGit(dir: string, env: NodeJS.ProcessEnv): Promise<RepoFacts | undefined> {
  const { GitStartError, gitSync } = await import('./exec.js');
  try {
    const [top, gitDir, commonDir] = gitSync(
      ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir'],
      { cwd: dir, env },
    )
      .split('\n')
      .filter(Boolean);
    return commonDir ? { top: realpathNearest(top), gitDir, commonDir, env } : undefined;
  } catch (error) {
    if (error instanceof GitStartError) throw error;
    return undefined;
  }
}

/**
 * The repository whose work tree holds `dir` (which need not exist yet), or undefined when there
 * is none. Throws only when git is needed and cannot be started.
 */
export async function locateRepo(
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<RepoFacts | undefined> {
  let current = realpathNearest(dir);
  while (!existsSync(current)) current = dirname(current);
  if (GIT_ENV_OVERRIDES.some((name) => env[name])) return askGit(current, env);
  for (;;) {
    const dotGit = join(current, '.git');
    if (existsSync(dotGit)) return fromDotGit(current, dotGit, env) ?? askGit(current, env);
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Like locateRepo(), for commands: a UserError naming the directory when it is in no work tree. */
export async function discoverRepo(dir: string, env: NodeJS.ProcessEnv): Promise<RepoFacts> {
  if (!existsSync(dir)) throw new UserError(`no such directory: ${dir}`);
  // Asking git on the way out says so when git itself is missing.
  const repo = (await locateRepo(dir, env)) ?? (await askGit(dir, env));
  if (!repo) throw new UserError(`not a git repository: ${dir}`);
  return repo;
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
