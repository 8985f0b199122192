/**
 * Facts the installer and `doctor` need about a repository: where git looks for hooks, who set
 * core.hooksPath, the git version, and which hook manager the repository uses. Off the commit's
 * hot path, so git is called through simple-git (with the caller's GIT_* variables allowed:
 * simple-git 4 strips them otherwise).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UserError } from '../errors.js';

/**
 * The caller's environment is the user's own (GIT_CONFIG_GLOBAL, GIT_EDITOR, … as their shell or
 * test set them) and every argument we pass is ours, so simple-git's guards against injected
 * variables are opened for exactly those variables.
 */
const ENVIRONMENT_GUARDS = {
  allowUnsafeConfigPaths: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeEditor: true,
  allowUnsafeExec: true,
  allowUnsafeDiffExternal: true,
  allowUnsafePager: true,
  allowUnsafeGitProxy: true,
  allowUnsafeTemplateDir: true,
  allowUnsafeSshCommand: true,
  allowUnsafeAskPass: true,
  allowUnsafeHooksPath: true,
};

export function gitClient(cwd: string, env: NodeJS.ProcessEnv): SimpleGit {
  const clean = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return simpleGit({
    baseDir: cwd,
    allowEnvironment: Object.keys(clean),
    unsafe: ENVIRONMENT_GUARDS,
  }).env(clean);
}

export type GitVersion = [number, number, number];

export interface RepoFacts {
  top: string;
  gitDir: string;
  commonDir: string;
  /** Where git runs hooks from now (`git rev-parse --git-path hooks`), absolute. */
  hooksDir: string;
  /** core.hooksPath and the config scope that sets it (local, global, system, worktree, command). */
  hooksPath?: { value: string; scope: string };
  gitVersion: GitVersion;
  env: NodeJS.ProcessEnv;
  git: SimpleGit;
}

export async function repoFacts(repoDir: string, env: NodeJS.ProcessEnv): Promise<RepoFacts> {
  const probe = gitClient(repoDir, env);
  let top: string;
  try {
    top = (await probe.revparse(['--show-toplevel'])).trim();
  } catch {
    throw new UserError(`not inside a git work tree: ${repoDir}`);
  }
  const git = gitClient(top, env);
  const [gitDir, commonDir, hooksDir] = (
    await git.raw(['rev-parse', '--absolute-git-dir', '--git-common-dir', '--git-path', 'hooks'])
  )
    .trim()
    .split('\n');
  const version = await git.version();
  let hooksPath: RepoFacts['hooksPath'];
  try {
    const [scope, value] = (await git.raw(['config', '--show-scope', '--get', 'core.hooksPath']))
      .trim()
      .split('\t');
    if (value) hooksPath = { value, scope };
  } catch {
    hooksPath = undefined;
  }
  return {
    top,
    gitDir,
    commonDir: resolve(top, commonDir),
    hooksDir: resolve(top, hooksDir),
    hooksPath,
    gitVersion: [version.major, version.minor, Number(version.patch) || 0],
    env,
    git,
  };
}

export function versionAtLeast(version: GitVersion, wanted: GitVersion): boolean {
  for (let i = 0; i < 3; i++) if (version[i] !== wanted[i]) return version[i] > wanted[i];
  return true;
}

/** Config hooks (`hook.<name>.command` / `.event`) arrived in git 2.54. */
export const CONFIG_HOOKS_SINCE: GitVersion = [2, 54, 0];

export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
