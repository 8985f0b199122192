/**
 * Where a file's repository is, found on the file system without starting git: an agent hook
 * runs on every edit and must cost little more than starting node. When the environment points
 * git elsewhere (GIT_DIR and friends), or a `.git` file is odd, git itself is asked; its module
 * (and node's child_process) is loaded only then.
 */
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface RepoLocation {
  /** The work tree's root, symlinks resolved. */
  topLevel: string;
  /** This worktree's git directory. */
  gitDir: string;
  /** The directory shared by all worktrees: the ledger lives here. */
  commonDir: string;
}

const GIT_ENV_OVERRIDES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR'];

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

function fromDotGit(topLevel: string, dotGit: string): RepoLocation | undefined {
  let gitDir = dotGit;
  if (!lstatSync(dotGit).isDirectory()) {
    const pointer = /^gitdir:\s*(.+)$/.exec(readLine(dotGit) ?? '');
    if (!pointer) return undefined;
    gitDir = resolve(topLevel, pointer[1]);
  }
  if (!existsSync(join(gitDir, 'HEAD'))) return undefined;
  const common = readLine(join(gitDir, 'commondir'));
  return { topLevel, gitDir, commonDir: common ? resolve(gitDir, common) : gitDir };
}

async function askGit(dir: string, env: NodeJS.ProcessEnv): Promise<RepoLocation | undefined> {
  const { gitSync } = await import('../git/exec.js');
  try {
    const [topLevel, gitDir, commonDir] = gitSync(
      ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir'],
      { cwd: dir, env },
    )
      .split('\n')
      .filter(Boolean);
    return commonDir ? { topLevel: realpathNearest(topLevel), gitDir, commonDir } : undefined;
  } catch {
    return undefined;
  }
}

/** The repository whose work tree holds `dir` (which need not exist yet), or undefined. */
export async function locateRepo(
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<RepoLocation | undefined> {
  let current = realpathNearest(dir);
  while (!existsSync(current)) current = dirname(current);
  if (GIT_ENV_OVERRIDES.some((name) => env[name])) return askGit(current, env);
  for (;;) {
    const dotGit = join(current, '.git');
    if (existsSync(dotGit)) return fromDotGit(current, dotGit) ?? askGit(current, env);
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * `path` (absolute, or relative to `cwd`) relative to the work tree root with forward slashes,
 * or undefined when it lies outside the work tree or inside the git directory.
 */
export function repoPath(path: string, cwd: string, repo: RepoLocation): string | undefined {
  const absolute = realpathNearest(resolve(cwd, path));
  const inside = relative(repo.topLevel, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  const normalized = inside.split(sep).join('/');
  return normalized === '.git' || normalized.startsWith('.git/') ? undefined : normalized;
}
