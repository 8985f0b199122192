/**
 * Finding the policy that applies and its text, without reading it: the file --config names, the
 * work tree's, or one committed at a revision (CI reads the base branch); none means the
 * embedded default. This module loads no YAML parser, schema or glob compiler: `compiledPolicy`
 * loads them (read.ts) only when there is a file to read.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { discoverRepoSync } from '../git/discover.js';
import * as exec from '../git/exec.js';
import { compiledDefault } from './embedded.js';
import { POLICY_FILES } from './load.js';
import type { CompiledPolicy } from './types.js';

/** A policy file's text and where it was read (`path`, or `rev:path` for a revision). */
export interface PolicyText {
  text: string;
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

/** How an `extends` is fetched: the environment (GitHub API URL, token) and a token. */
export interface ExtendsOptions {
  env: NodeJS.ProcessEnv;
  token?: string;
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

function readFromDisk(fullPath: string, shownAs: string): PolicyText {
  const stat = statSync(fullPath, { throwIfNoEntry: false });
  if (!stat) throw new UserError(`config file not found: ${shownAs}`);
  if (!stat.isFile()) throw new UserError(`config file is not a regular file: ${shownAs}`);
  try {
    return { text: readFileSync(fullPath, 'utf8'), source: shownAs };
  } catch (error) {
    throw new UserError(`cannot read config file ${shownAs}: ${(error as Error).message}`);
  }
}

function readAtRev(repoDir: string, rev: string, path: string, env: NodeJS.ProcessEnv): PolicyText {
  const source = `${rev}:${path}`;
  return { text: exec.gitSync(['cat-file', 'blob', source], { cwd: repoDir, env }), source };
}

/**
 * The work tree's policy file, or undefined for the embedded default: the root is known, so no
 * `git rev-parse` is started.
 */
export function workTreePolicyText(top: string): PolicyText | undefined {
  const path = findOnDisk(top);
  return path === undefined ? undefined : readFromDisk(resolve(top, path), path);
}

/**
 * The file `path` (relative to the top of the tree) as committed at `rev`, or undefined when
 * `rev` has no file there. Like the policy files, it must be a regular file.
 */
export function policyFileTextAt(
  repoDir: string,
  rev: string,
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): PolicyText | undefined {
  const found = findAtRev(repoDir, rev, env, [path]);
  return found === undefined ? undefined : readAtRev(repoDir, rev, found, env);
}

/**
 * The policy file for a repository, or undefined for the embedded default: `configPath` when
 * given (a file on disk, relative to `repoDir`; `rev` does not apply to it), else
 * `.github/trailguard.yml`, else `.trailguard.yml` at the root of the work tree or, with `rev`, as
 * committed at that revision. Errors (a missing --config file, a git failure) are UserErrors.
 */
export function policyText(
  options: PolicyLocation & { configPath?: string },
): PolicyText | undefined {
  const { repoDir, rev, configPath, env = process.env } = options;
  if (configPath !== undefined) return readFromDisk(resolve(repoDir, configPath), configPath);
  if (rev === undefined) return workTreePolicyText(workTreeRoot(repoDir, env));
  const path = findAtRev(repoDir, rev, env);
  return path === undefined ? undefined : readAtRev(repoDir, rev, path, env);
}

/**
 * The policy `found` says, compiled; undefined gives the embedded default as the build compiled
 * it. With `extendsFrom`, an `extends` is fetched and merged (CI and the CLI; the local hooks do
 * not fetch). Throws a UserError on an invalid file.
 */
export async function compiledPolicy(
  found: PolicyText | undefined,
  extendsFrom?: ExtendsOptions,
): Promise<CompiledPolicy> {
  if (found === undefined) return compiledDefault;
  return (await import('./read.js')).compileText(found, extendsFrom);
}
