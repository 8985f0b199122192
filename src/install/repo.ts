/**
 * Facts the installer and `doctor` need about a repository beyond where it is: where git looks
 * for hooks, who set core.hooksPath, the git version. Asked through src/git/exec.ts like every
 * git question.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { discoverRepo, type RepoFacts } from '../git/discover.js';
import { git, gitMaybe } from '../git/exec.js';

export type GitVersion = [number, number, number];

export interface InstallFacts extends RepoFacts {
  /** Where git runs hooks from now (`git rev-parse --git-path hooks`), absolute. */
  hooksDir: string;
  /** core.hooksPath and the config scope that sets it (local, global, system, worktree, command). */
  hooksPath?: { value: string; scope: string };
  gitVersion: GitVersion;
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

/**
 * Why git runs no hook file here, when core.hooksPath names something that is not a directory
 * (`/dev/null` is the usual way to turn hooks off), and the way back; else undefined.
 */
export function hooksTurnedOff(facts: InstallFacts): { what: string; fix: string } | undefined {
  const { hooksPath } = facts;
  if (!hooksPath || !existsSync(facts.hooksDir) || statSync(facts.hooksDir).isDirectory()) {
    return undefined;
  }
  const scope = ['global', 'system', 'worktree'].includes(hooksPath.scope)
    ? ` --${hooksPath.scope}`
    : '';
  return {
    what: `core.hooksPath is ${hooksPath.value} (${hooksPath.scope} config), not a directory, so git runs no hooks here`,
    fix: `git config${scope} --unset core.hooksPath, then trailguard install`,
  };
}
