/**
 * What the git hooks do at commit time (called by `trailguard hook <name>` from the shims).
 *
 * prepare-commit-msg does the work once per commit: it runs even with --no-verify, sees the
 * message of -m/-F/-c/--amend, and its exit status can refuse the commit. When git will open the
 * editor on an empty message it writes the trailers as a comment line instead, so an untouched
 * message still aborts the commit; commit-msg turns that line into trailers once the message
 * has text, and normalises tool signatures typed in the editor.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectCommit, detectEnv } from '../core/detect.js';
import { formatTrailers } from '../core/trailers.js';
import type { FileChange, Signal, Trailer } from '../core/types.js';
import { clearCommitted, ledgerSignals, pendingFor } from '../agents/ledger.js';
import {
  commitFacts,
  committedPaths,
  stagedChanges,
  touchedPaths,
  type CommitFacts,
  type HookContext,
} from './context.js';
import {
  describeViolations,
  hasContent,
  loadLocalPolicy,
  localViolations,
  readMessage,
  saveMessage,
  type LocalPolicy,
} from './local-policy.js';
import { trailersToAdd, withTrailers } from './record.js';

export interface HookIO {
  stderr: (text: string) => void;
}

/** git's names for where the message came from (prepare-commit-msg's second argument). */
export type MessageSource = '' | 'message' | 'template' | 'merge' | 'squash' | 'commit';

/** Commits that carry an existing message (merge, squash, cherry-pick, revert, rebase). */
export function replayKind(ctx: HookContext, source: string): string | undefined {
  if (source === 'merge' || source === 'squash') return source;
  const action = ctx.env.GIT_REFLOG_ACTION ?? '';
  const named = /^(rebase|cherry-pick|revert|merge|pull)\b/.exec(action);
  if (named) return named[1];
  for (const [file, kind] of [
    ['CHERRY_PICK_HEAD', 'cherry-pick'],
    ['REVERT_HEAD', 'revert'],
    ['MERGE_HEAD', 'merge'],
    // The sequencer writes MERGE_MSG for every pick and revert it commits itself.
    ['MERGE_MSG', 'cherry-pick'],
  ] as const) {
    if (existsSync(join(ctx.gitDir, file))) return kind;
  }
  return undefined;
}

/** The line prepare-commit-msg leaves in an empty editor message; commit-msg reads it back. */
const PENDING = ' trailguard: will add ';
const PENDING_TAIL = ' (delete this line to leave it out)';

function pendingLines(trailers: readonly Trailer[], commentChar: string): string {
  return trailers
    .map((t) => `${commentChar}${PENDING}${t.key}: ${t.value}${PENDING_TAIL}\n`)
    .join('');
}

function readPending(message: string, commentChar: string): Trailer[] {
  const prefix = `${commentChar}${PENDING}`;
  return message.split('\n').flatMap((line) => {
    if (!line.startsWith(prefix) || !line.endsWith(PENDING_TAIL)) return [];
    const text = line.slice(prefix.length, -PENDING_TAIL.length);
    const colon = text.indexOf(': ');
    return colon > 0 ? [{ key: text.slice(0, colon), value: text.slice(colon + 2) }] : [];
  });
}

interface Gathered {
  local: LocalPolicy;
  facts: CommitFacts;
  changes: FileChange[];
  /** Signals from outside the message: the agent environment and the agent ledger. */
  outside: Signal[];
}

async function gather(ctx: HookContext, replay: string | undefined): Promise<Gathered> {
  const [local, facts, changes] = await Promise.all([
    loadLocalPolicy(ctx),
    commitFacts(ctx),
    stagedChanges(ctx),
  ]);
  const env = detectEnv(ctx.env, local.catalog);
  // A replayed commit carries someone's earlier work: only an agent making this commit counts.
  const ledger = replay ? [] : ledgerSignals(pendingFor(ctx.commonDir, touchedPaths(changes)));
  return { local, facts, changes, outside: [...env, ...ledger] };
}

/** The tools' own signatures in the message, AI identities and agent branches. */
function commitSignals(message: string, g: Gathered): Signal[] {
  const { author, committer, branch } = g.facts;
  return detectCommit({ message, author, committer, branch }, g.local.catalog);
}

/** Judges the commit; returns the hook's exit status (1 refuses the commit). */
function applyPolicy(
  ctx: HookContext,
  g: Gathered,
  message: string,
  messageFile: string,
  io: HookIO,
): number {
  if (g.local.problem) {
    io.stderr(
      `trailguard: ${g.local.problem}; the commit goes on without the local policy check\n`,
    );
    return 0;
  }
  const signals = [...g.outside, ...commitSignals(message, g)];
  const { violations, evidence } = localViolations(g.local, touchedPaths(g.changes), signals);
  if (violations.length === 0) return 0;
  io.stderr(describeViolations(violations, evidence));
  if (g.local.rules.onViolation !== 'block') {
    io.stderr(
      `trailguard: warning only (local.on-violation: warn in ${g.local.source}); CI will judge this commit too\n`,
    );
    return 0;
  }
  const typed = hasContent(message, g.facts.commentChar);
  const saved = typed ? saveMessage(ctx.gitDir, messageFile) : undefined;
  io.stderr(
    `trailguard: commit refused (local.on-violation: block in ${g.local.source}).` +
      (saved
        ? ` Your message is saved in ${saved}; once fixed, reuse it with: git commit -F '${saved}'\n`
        : ' No message was written yet, so nothing is lost.\n'),
  );
  return 1;
}

export async function prepareCommitMsg(
  ctx: HookContext,
  args: string[],
  io: HookIO,
): Promise<number> {
  const [file, rawSource] = args;
  const source = (rawSource ?? ctx.env.PRE_COMMIT_COMMIT_MSG_SOURCE ?? '') as MessageSource;
  const replay = replayKind(ctx, source);
  const g = await gather(ctx, replay);
  if (replay && g.outside.length === 0) return 0;
  const message = readMessage(file);
  // A branch prefix alone is not recorded (trailersToAdd skips it), but the policy counts it.
  const fromMessage = replay ? [] : commitSignals(message, g);
  const add = trailersToAdd(message, [...g.outside, ...fromMessage], g.facts.commentChar);
  // git opens the editor on these; an untouched message must still abort the commit.
  const editorOnEmpty = source === '' || source === 'template';
  const next = editorOnEmpty
    ? addPending(message, add, g.facts.commentChar)
    : withTrailers(message, add, g.facts.commentChar);
  if (next !== message) writeFileSync(file, next);
  // Judged on the message as given: the tools behind our trailers are in the signals already.
  return replay ? 0 : applyPolicy(ctx, g, message, file, io);
}

function addPending(message: string, add: readonly Trailer[], commentChar: string): string {
  if (add.length === 0) return message;
  const lines = pendingLines(add, commentChar);
  // Below git's own instructions, so the first line stays free for the subject.
  return message.endsWith('\n') || message === '' ? message + lines : `${message}\n${lines}`;
}

export async function commitMsg(ctx: HookContext, args: string[], io: HookIO): Promise<number> {
  const [file] = args;
  const message = readMessage(file);
  const g: Gathered = await gather(ctx, 'after prepare-commit-msg');
  const { commentChar } = g.facts;
  if (!hasContent(message, commentChar)) return 0;
  const pending = readPending(message, commentChar);
  const fromSignatures = trailersToAdd(message, commitSignals(message, g), commentChar);
  const pendingValues = new Set(pending.map((t) => t.value));
  const add = [...pending, ...fromSignatures.filter((t) => !pendingValues.has(t.value))];
  const next = withTrailers(message, add, commentChar);
  if (next !== message) writeFileSync(file, next);
  // prepare-commit-msg judged the pending tools already; only tools first seen here are new.
  if (fromSignatures.length === 0) return 0;
  return applyPolicy(ctx, { ...g, outside: [] }, message, file, io);
}

/** After the commit exists: the ledger entries of the files it committed are done. */
export async function postCommit(ctx: HookContext): Promise<number> {
  clearCommitted(ctx.commonDir, await committedPaths(ctx));
  return 0;
}

/** For `status`: the trailers a commit made now would get, without a message. */
export async function trailersForNow(ctx: HookContext): Promise<{
  local: LocalPolicy;
  changes: FileChange[];
  signals: Signal[];
  trailers: string;
}> {
  const g = await gather(ctx, replayKind(ctx, ''));
  const add = trailersToAdd('', g.outside, g.facts.commentChar);
  return { local: g.local, changes: g.changes, signals: g.outside, trailers: formatTrailers(add) };
}
