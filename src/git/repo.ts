import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { git, gitMaybe } from './exec.js';

/**
 * Facts about a repository's history and refs, one short git call each (where the repository is:
 * discover.ts). Every function takes the directory to run in (any directory inside the work tree,
 * or a git dir) and the caller's environment, so GIT_DIR and friends set by a hook are honoured.
 * Outside a repository each throws UserError("not a git repository: DIR").
 */
type Env = NodeJS.ProcessEnv;

/** Drops the one newline git ends its answer with (a path may itself end in spaces). */
function line(output: string): string {
  return output.endsWith('\n') ? output.slice(0, -1) : output;
}

/** Called after a git call failed: turns "not a repository" into its own clear error. */
export async function assertRepository(cwd: string, env: Env): Promise<void> {
  if (!existsSync(cwd)) throw new UserError(`no such directory: ${cwd}`);
  if ((await gitMaybe(['rev-parse', '--git-dir'], { cwd, env })) === null) {
    throw new UserError(`not a git repository: ${cwd}`);
  }
}

async function ask(cwd: string, args: string[], env: Env): Promise<string> {
  try {
    return line(await git(args, { cwd, env }));
  } catch (error) {
    await assertRepository(cwd, env);
    throw error;
  }
}

/** Like ask(), but a non-zero exit inside a repository gives null (git's "no" or "not found"). */
async function askMaybe(cwd: string, args: string[], env: Env): Promise<string | null> {
  const output = await gitMaybe(args, { cwd, env });
  if (output === null) await assertRepository(cwd, env);
  return output === null ? null : line(output);
}

export async function isShallow(cwd: string, env: Env): Promise<boolean> {
  return (await ask(cwd, ['rev-parse', '--is-shallow-repository'], env)) === 'true';
}

/** The object name a revision names, or null when it names nothing. */
export function revParse(cwd: string, rev: string, env: Env): Promise<string | null> {
  return askMaybe(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', rev], env);
}

/**
 * The commits of a shallow clone whose parents were not fetched (git shows them as roots), or an
 * empty set when the clone is complete. Reading past one of them means reading a cut history.
 * Outside a repository the set is empty too: the caller's next git call says what is wrong.
 */
export async function shallowBoundary(cwd: string, env: Env): Promise<Set<string>> {
  const answer = await gitMaybe(['rev-parse', '--is-shallow-repository', '--git-path', 'shallow'], {
    cwd,
    env,
  });
  const [shallow, file] = (answer ?? '').split('\n');
  if (shallow !== 'true' || !file) return new Set();
  const text = await readFile(resolve(cwd, file), 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}

/** The commit a revision names; a UserError naming the revision when there is none. */
export async function resolveCommit(cwd: string, rev: string, env: Env): Promise<string> {
  const sha = await revParse(cwd, `${rev}^{commit}`, env);
  if (sha !== null) return sha;
  const hint = (await isShallow(cwd, env))
    ? ' (this clone is shallow: fetch more history, e.g. git fetch --unshallow)'
    : '';
  if (rev === 'HEAD') throw new UserError(`HEAD does not name a commit yet${hint}`);
  throw new UserError(`not a commit in this repository: '${rev}'${hint}`);
}

/** The best common ancestor of two commits, or null when their histories are unrelated. */
export async function mergeBase(
  cwd: string,
  a: string,
  b: string,
  env: Env,
): Promise<string | null> {
  const base = await askMaybe(cwd, ['merge-base', '--end-of-options', a, b], env);
  if (base === null) await Promise.all([resolveCommit(cwd, a, env), resolveCommit(cwd, b, env)]);
  return base;
}

export async function isAncestor(
  cwd: string,
  ancestor: string,
  descendant: string,
  env: Env,
): Promise<boolean> {
  const args = ['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant];
  if ((await askMaybe(cwd, args, env)) !== null) return true;
  await Promise.all([resolveCommit(cwd, ancestor, env), resolveCommit(cwd, descendant, env)]);
  return false;
}

/**
 * The content of a file at a revision (path relative to the top of the tree), or null when the
 * revision has no file there. A revision that names no commit is a UserError.
 */
export async function readBlob(
  cwd: string,
  rev: string,
  path: string,
  env: Env,
): Promise<string | null> {
  const content = await gitMaybe(['cat-file', 'blob', '--end-of-options', `${rev}:${path}`], {
    cwd,
    env,
  });
  if (content === null) await resolveCommit(cwd, rev, env);
  return content;
}

/** The branch HEAD is on (also when it has no commits yet), or null when HEAD is detached. */
export function currentBranch(cwd: string, env: Env): Promise<string | null> {
  return askMaybe(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD'], env);
}

/** The full ref name of the branch HEAD's branch tracks (refs/remotes/origin/x), or null. */
export async function upstream(cwd: string, env: Env): Promise<string | null> {
  const ref = await askMaybe(cwd, ['rev-parse', '--symbolic-full-name', '@{upstream}'], env);
  return ref || null;
}
