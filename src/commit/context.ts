/**
 * Where a hook runs: git starts hooks at the top of the work tree with GIT_INDEX_FILE and friends
 * set, and the shim passes the git dirs it already found (TRAILGUARD_GIT_DIR/COMMON_DIR), so the
 * common case costs no git process. Every git call here goes through src/git/exec.ts, which keeps
 * the hook's environment (a `git commit <paths>` stages into a temporary index).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileChange, Identity } from '../core/types.js';
import { git, gitSync } from '../git/exec.js';

export interface HookContext {
  /** The top of the work tree. */
  top: string;
  /** This worktree's git dir (absolute). */
  gitDir: string;
  /** The git dir shared by all worktrees, where the agent ledger lives (absolute). */
  commonDir: string;
  env: NodeJS.ProcessEnv;
}

export function hookContext(cwd: string, env: NodeJS.ProcessEnv): HookContext {
  const { TRAILGUARD_GIT_DIR: gitDir, TRAILGUARD_COMMON_DIR: commonDir } = env;
  if (gitDir && commonDir && existsSync(resolve(cwd, gitDir))) {
    return { top: cwd, gitDir: resolve(cwd, gitDir), commonDir: resolve(cwd, commonDir), env };
  }
  const [top, absoluteGitDir, common] = gitSync(
    ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir'],
    { cwd, env },
  )
    .trim()
    .split('\n');
  return { top, gitDir: absoluteGitDir, commonDir: resolve(cwd, common), env };
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

/** Identities and comment character from one `git var -l`; the branch from HEAD itself. */
export async function commitFacts(ctx: HookContext): Promise<CommitFacts> {
  const vars = new Map<string, string>();
  for (const line of (await git(['var', '-l'], { cwd: ctx.top, env: ctx.env })).split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) vars.set(line.slice(0, eq), line.slice(eq + 1));
  }
  const comment = vars.get('core.commentchar') ?? vars.get('core.commentstring');
  let branch: string | undefined;
  try {
    const head = readFileSync(join(ctx.gitDir, 'HEAD'), 'utf8').trim();
    if (head.startsWith('ref: refs/heads/')) branch = head.slice('ref: refs/heads/'.length);
  } catch {
    branch = undefined;
  }
  return {
    author: parseIdent(vars.get('GIT_AUTHOR_IDENT')),
    committer: parseIdent(vars.get('GIT_COMMITTER_IDENT')),
    commentChar: comment && comment !== 'auto' ? comment : '#',
    branch,
  };
}

/** What the commit being made changes: the index (maybe a temporary one) against HEAD. */
export async function stagedChanges(ctx: HookContext): Promise<FileChange[]> {
  const output = await git(
    [
      '-c',
      'core.quotePath=false',
      'diff',
      '--cached',
      '--name-status',
      '-z',
      '-M',
      '--no-ext-diff',
    ],
    { cwd: ctx.top, env: ctx.env },
  );
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

/** Files of the commit just made, against its first parent (all of it for a root commit). */
export async function committedPaths(ctx: HookContext): Promise<string[]> {
  const output = await git(
    [
      '-c',
      'core.quotePath=false',
      'log',
      '-1',
      '-m',
      '--first-parent',
      '--no-renames',
      '--format=',
      '--name-only',
      '-z',
      'HEAD',
    ],
    { cwd: ctx.top, env: ctx.env },
  );
  return output
    .split('\0')
    .map((path) => path.replace(/^\n+/, ''))
    .filter(Boolean);
}
