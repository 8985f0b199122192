/**
 * Where a hook runs: git starts hooks at the top of the work tree with GIT_INDEX_FILE and friends
 * set. The shim passes what it already knows (the git dirs in TRAILGUARD_GIT_DIR/COMMON_DIR, the
 * staged changes on stdin), so the common case starts no git process from node and never loads
 * node's child_process (together about a third of node's own start-up). Every git call that is
 * still needed goes through src/git/exec.ts, which keeps the hook's environment (a
 * `git commit <paths>` stages into a temporary index).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileChange, Identity } from '../core/types.js';
import { discoverRepo, type RepoFacts } from '../git/discover.js';
import { headFromFiles } from '../git/head-file.js';

/** src/git/exec.ts, loaded only when a git process is really needed. */
const exec = () => import('../git/exec.js');

/** git at the top of the work tree, in the hook's environment. */
export async function hookGit(repo: RepoFacts, args: string[]): Promise<string> {
  return (await exec()).git(args, { cwd: repo.top, env: repo.env });
}

/** HEAD's commit ('' on an unborn branch): from the ref files where they answer, else from git. */
export async function headCommit(ctx: RepoFacts): Promise<string> {
  return (
    headFromFiles(ctx.gitDir, ctx.commonDir) ??
    (await hookGit(ctx, ['rev-parse', '-q', '--verify', 'HEAD']).catch(() => '')).trim()
  );
}

/** The hook's repository: as the shim names it (git runs hooks at the top), else discovered. */
export async function hookRepo(cwd: string, env: NodeJS.ProcessEnv): Promise<RepoFacts> {
  const { TRAILGUARD_GIT_DIR: gitDir, TRAILGUARD_COMMON_DIR: commonDir } = env;
  if (gitDir && commonDir && existsSync(resolve(cwd, gitDir))) {
    return { top: cwd, gitDir: resolve(cwd, gitDir), commonDir: resolve(cwd, commonDir), env };
  }
  return discoverRepo(cwd, env);
}

export interface CommitFacts {
  author: Identity;
  committer: Identity;
  /** `core.commentChar` (git's default `#`; `auto` is treated as `#`). */
  commentChar: string;
  branch?: string;
}

function parseIdent(value: string | undefined): Identity {
  const match = /^(.*?)\s*<([^<>]*)>/.exec(value ?? '');
  return match ? { name: match[1], email: match[2] } : { name: '', email: '' };
}

function identityFromEnv(
  env: NodeJS.ProcessEnv,
  role: 'AUTHOR' | 'COMMITTER',
): Identity | undefined {
  const email = env[`GIT_${role}_EMAIL`];
  return email === undefined ? undefined : { name: env[`GIT_${role}_NAME`] ?? '', email };
}

/**
 * Identities, comment character and branch. git exports the author to commit hooks, so the common
 * case starts no git process; `git var -l` fills in what is missing. The comment character matters
 * only where git will open the editor (`needCommentChar`); elsewhere git's default `#` is assumed.
 */
export async function commitFacts(ctx: RepoFacts, needCommentChar: boolean): Promise<CommitFacts> {
  const author = identityFromEnv(ctx.env, 'AUTHOR');
  const vars = new Map<string, string>();
  if (!author || needCommentChar) {
    const output = await hookGit(ctx, ['var', '-l']);
    for (const line of output.split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) vars.set(line.slice(0, eq), line.slice(eq + 1));
    }
  }
  const comment = vars.get('core.commentchar') ?? vars.get('core.commentstring');
  let branch: string | undefined;
  try {
    const head = readFileSync(join(ctx.gitDir, 'HEAD'), 'utf8').trim();
    if (head.startsWith('ref: refs/heads/')) branch = head.slice('ref: refs/heads/'.length);
  } catch {
    branch = undefined;
  }
  const resolvedAuthor = author ?? parseIdent(vars.get('GIT_AUTHOR_IDENT'));
  return {
    author: resolvedAuthor,
    committer:
      identityFromEnv(ctx.env, 'COMMITTER') ??
      (vars.has('GIT_COMMITTER_IDENT')
        ? parseIdent(vars.get('GIT_COMMITTER_IDENT'))
        : resolvedAuthor),
    commentChar: comment && comment !== 'auto' ? comment : '#',
    branch,
  };
}

/** The arguments the shim runs git with too, when it passes the staged changes on stdin. */
export const STAGED_DIFF = [
  'diff',
  '--cached',
  '--name-status',
  '-z',
  '-M',
  '--no-ext-diff',
  '--no-relative',
];

/**
 * What the commit being made changes: the index (maybe a temporary one) against HEAD, as
 * `git diff --cached --name-status -z` gives it; read from stdin when the shim ran it
 * (TRAILGUARD_STAGED=stdin), else asked of git.
 */
export async function stagedChanges(ctx: RepoFacts): Promise<FileChange[]> {
  const output =
    ctx.env.TRAILGUARD_STAGED === 'stdin'
      ? readFileSync(0, 'utf8')
      : await hookGit(ctx, STAGED_DIFF);
  const fields = output.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i + 1 < fields.length && fields[i] !== '';) {
    const status = fields[i];
    if (/^[RC]/.test(status)) {
      changes.push({ status: status[0], oldPath: fields[i + 1], path: fields[i + 2] });
      i += 3;
    } else {
      changes.push({ status, path: fields[i + 1] });
      i += 2;
    }
  }
  return changes;
}

/** Paths a change touches (both sides of a rename). */
export function touchedPaths(changes: readonly FileChange[]): string[] {
  return [...new Set(changes.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path])))];
}
