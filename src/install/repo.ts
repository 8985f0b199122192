/**
 * Facts the installer and `doctor` need about a repository beyond where it is: where git looks
 * for hooks, who set core.hooksPath, the git version. Asked through src/git/exec.ts like every
 * git question; the config sections install writes go through simple-git's config API (`git`),
 * off the commit's hot path, with the caller's GIT_* variables allowed (simple-git 4 strips them
 * otherwise).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { discoverRepo, type RepoFacts } from '../git/discover.js';
import { git, gitMaybe } from '../git/exec.js';

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

export interface InstallFacts extends RepoFacts {
  /** Where git runs hooks from now (`git rev-parse --git-path hooks`), absolute. */
  hooksDir: string;
  /** core.hooksPath and the config scope that sets it (local, global, system, worktree, command). */
  hooksPath?: { value: string; scope: string };
  gitVersion: GitVersion;
  /** simple-git at the top of the work tree, for config edits. */
  git: SimpleGit;
}

/** `git version 2.39.5 (Apple Git-154)` → [2, 39, 5]. */
function parseVersion(text: string): GitVersion {
  const [major = 0, minor = 0, patch = 0] = (/(\d+)\.(\d+)(?:\.(\d+))?/.exec(text) ?? [])
    .slice(1)
    .map((part) => Number(part) || 0);
  return [major, minor, patch];
}

export async function installFacts(repoDir: string, env: NodeJS.ProcessEnv): Promise<InstallFacts> {
  const repo = await discoverRepo(repoDir, env);
  const options = { cwd: repo.top, env };
  const [hooksDir, version, hooksPath] = await Promise.all([
    git(['rev-parse', '--git-path', 'hooks'], options),
    git(['version'], options),
    gitMaybe(['config', '--show-scope', '--get', 'core.hooksPath'], options),
  ]);
  const [scope, value] = (hooksPath ?? '').trim().split('\t');
  return {
    ...repo,
    hooksDir: resolve(repo.top, hooksDir.trim()),
    ...(value ? { hooksPath: { value, scope } } : {}),
    gitVersion: parseVersion(version),
    git: gitClient(repo.top, env),
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
