/**
 * `git commit --amend -m …` (or `-F`) replaces the message, and with it the amended commit's
 * `Assisted-by:` trailers, though the commit still holds that work: they are carried over.
 *
 * prepare-commit-msg is not told it is an amend (its source is just "message"), but git exports
 * the author to the hook, and an amend keeps HEAD's author and author date; where the git
 * process's command line can be read (Linux), it must also say --amend, so a new commit made in
 * the same second as HEAD is never taken for one. The shim sends such a commit to node only
 * while HEAD carries our trailers (the assisted-head mark below), so a commit without AI still
 * starts no node.
 */
import { readFileSync } from 'node:fs';
import { parseTrailers } from '../core/trailers.js';
import type { Trailer } from '../core/types.js';
import type { RepoFacts } from '../git/discover.js';
import { removeAssistedMark, writeAssistedMark } from '../state/assisted-head.js';
import { hookGit } from './context.js';

/** false when the git process's arguments can be read and do not amend; true otherwise. */
function mayAmend(env: NodeJS.ProcessEnv): boolean {
  const pid = env.TRAILGUARD_GIT_PID;
  if (!pid || !/^\d+$/.test(pid)) return true;
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return true;
  }
  return args.some((arg) => /^--am(e(nd?)?)?$/.test(arg));
}

/** The amended commit's Assisted-by trailers, when this commit amends it; else none. */
export async function amendedTrailers(ctx: RepoFacts): Promise<Trailer[]> {
  const { env } = ctx;
  // The command line first: on Linux it settles most commits without starting git.
  if (!mayAmend(env)) return [];
  const shown = await hookGit(ctx, [
    'log',
    '-1',
    '--no-show-signature',
    '--date=raw',
    '--format=%an%x00%ae%x00%ad%x00%B',
    'HEAD',
  ]).catch(() => '');
  const [name, email, date, message] = shown.split('\0');
  const sameAuthor =
    message !== undefined &&
    name === env.GIT_AUTHOR_NAME &&
    email === env.GIT_AUTHOR_EMAIL &&
    date === env.GIT_AUTHOR_DATE?.replace(/^@/, '');
  if (!sameAuthor) return [];
  return parseTrailers(message, { divider: false }).filter(
    (trailer) => trailer.key.toLowerCase() === 'assisted-by',
  );
}

/** Keeps the mark in step with the commit being prepared: set when it carries our trailers. */
export function markAssisted(ctx: RepoFacts, assisted: boolean): void {
  if (assisted) writeAssistedMark(ctx.gitDir);
  else removeAssistedMark(ctx.gitDir);
}
