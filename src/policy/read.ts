/**
 * Reading a policy file from the work tree, from a revision (CI reads the base branch) or from
 * --config, with its source named; the embedded default when there is none.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { discoverRepoSync } from '../git/discover.js';
import * as exec from '../git/exec.js';
import { EMBEDDED_DEFAULT } from './default.js';
import { POLICY_FILES } from './load.js';
import { defaultPolicy, parsePolicyLayer, resolvePolicy } from './parse.js';
import type { Policy, PolicyLayer } from './types.js';

export interface LoadedPolicy {
  policy: Policy;
  /** What the file said, before defaults: what mergePolicies takes as the repository's side. */
  layer: PolicyLayer;
  /** The file read (`path`, or `rev:path` for a revision), or "embedded default". */
  source: string;
}

export interface PolicyLocation {
  /** A directory inside the repository (its work tree, or a bare repository with `rev`). */
  repoDir: string;
  /** Read the policy committed at this revision instead of the work tree (CI reads the base). */
  rev?: string;
  /** The caller's environment for git (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

const workTreeRoot = (repoDir: string, env: NodeJS.ProcessEnv) =>
  discoverRepoSync(repoDir, env, exec).top;

function findOnDisk(root: string): string | undefined {
  return POLICY_FILES.find((path) => statSync(resolve(root, path), { throwIfNoEntry: false }));
}

function findAtRev(
  repoDir: string,
  rev: string,
  env: NodeJS.ProcessEnv,
  candidates: readonly string[] = POLICY_FILES,
): string | undefined {
  if (rev === '' || rev.startsWith('-')) throw new UserError(`invalid revision "${rev}"`);
  const listing = exec.gitSync(['ls-tree', '-z', '--full-tree', rev, '--', ...candidates], {
    cwd: repoDir,
    env,
  });
  const modes = new Map(
    listing
      .split('\0')
      .filter(Boolean)
      .map((entry) => {
        const [meta, path] = entry.split('\t');
        return [path, meta.split(' ')[0]] as const;
      }),
  );
  const path = candidates.find((candidate) => modes.has(candidate));
  if (path !== undefined && !/^100(644|755)$/.test(modes.get(path)!))
    throw new UserError(`${rev}:${path} is not a regular file; the policy must be one`);
  return path;
}

/**
 * The repository-relative path of the policy file that applies, or undefined when there is none.
 * With `rev`, only a regular file committed at that revision counts.
 */
export function findPolicyFile({
  repoDir,
  rev,
  env = process.env,
}: PolicyLocation): string | undefined {
  return rev === undefined ? findOnDisk(workTreeRoot(repoDir, env)) : findAtRev(repoDir, rev, env);
}

function readFromDisk(fullPath: string, shownAs: string): string {
  const stat = statSync(fullPath, { throwIfNoEntry: false });
  if (!stat) throw new UserError(`config file not found: ${shownAs}`);
  if (!stat.isFile()) throw new UserError(`config file is not a regular file: ${shownAs}`);
  try {
    return readFileSync(fullPath, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read config file ${shownAs}: ${(error as Error).message}`);
  }
}

function loaded(text: string, source: string): LoadedPolicy {
  const layer = parsePolicyLayer(text, source);
  return { policy: resolvePolicy(layer), layer, source };
}

function loadAtRev(
  repoDir: string,
  rev: string,
  path: string,
  env: NodeJS.ProcessEnv,
): LoadedPolicy {
  const source = `${rev}:${path}`;
  return loaded(exec.gitSync(['cat-file', 'blob', source], { cwd: repoDir, env }), source);
}

/**
 * The work tree's policy file, else the embedded default: the root is known, so no
 * `git rev-parse` is started. Throws a UserError on an invalid file.
 */
export function readWorkTree(top: string): LoadedPolicy {
  const path = findOnDisk(top);
  return path === undefined ? embedded() : loaded(readFromDisk(resolve(top, path), path), path);
}

function embedded(): LoadedPolicy {
  return { policy: defaultPolicy, layer: defaultPolicy, source: EMBEDDED_DEFAULT };
}

/**
 * The policy in the file `path` (relative to the top of the tree) as committed at `rev`, or
 * undefined when `rev` has no file there. Like the policy files, it must be a regular file.
 */
export function loadPolicyFileAt(
  repoDir: string,
  rev: string,
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): LoadedPolicy | undefined {
  const found = findAtRev(repoDir, rev, env, [path]);
  return found === undefined ? undefined : loadAtRev(repoDir, rev, found, env);
}

/**
 * The policy for a repository: `configPath` when given (a file on disk, relative to `repoDir`;
 * `rev` does not apply to it), else `.github/trailguard.yml`, else `.trailguard.yml` at the root
 * of the work tree or, with `rev`, as committed at that revision; else the embedded default.
 * Errors (a missing --config file, a git failure, an invalid file) are UserErrors.
 */
export function loadPolicy(options: PolicyLocation & { configPath?: string }): LoadedPolicy {
  const { repoDir, rev, configPath, env = process.env } = options;
  if (configPath !== undefined)
    return loaded(readFromDisk(resolve(repoDir, configPath), configPath), configPath);
  if (rev === undefined) return readWorkTree(workTreeRoot(repoDir, env));
  const path = findAtRev(repoDir, rev, env);
  return path === undefined ? embedded() : loadAtRev(repoDir, rev, path, env);
}
