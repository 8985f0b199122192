/**
 * What the git hooks do at commit time (called by `trailguard hook <name>` from the shims).
 *
 * prepare-commit-msg does the work, once per commit: it runs even with --no-verify, sees the
 * message of -m/-F/-c/--amend, and its exit status can refuse the commit. A message without content
 * gets no trailer unless git opens the editor on it (git aborts it, or commits it empty with
 * --allow-empty-message, as without us); in the editor the trailers go below an empty first line,
 * as `git commit -s` puts its sign-off, and commit-msg empties the message if nothing was written
 * above them, so git aborts as usual (editor-trailers.ts). commit-msg also normalises tool
 * signatures typed or pasted in the editor. The ledger entries of what earlier commits committed
 * are settled by the next run (src/state/ledger-settle.ts); post-commit, opt-in, does it at once.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCatalog, type Catalog } from '../core/catalog.js';
import { detectCommit, detectEnv } from '../core/detect.js';
import { canonicalModel, providerOfModel } from '../core/models.js';
import { mayCarrySignature } from '../core/may-carry-signature.js';
import { formatTrailers } from '../core/trailers.js';
import type { FileChange, LedgerEntry, Signal } from '../core/types.js';
import type { RepoFacts } from '../git/discover.js';
import { catalogFor } from '../policy/evaluate.js';
import { judge, touchedGroups, type ToolSeen } from '../policy/judge.js';
import type { PolicyOrProblem } from '../policy/load.js';
import { describeCommitFindings, policySourceText } from '../report/policy.js';
import { ledgerPath, ledgerSignals, pendingFor } from '../state/ledger.js';
import { claimEntries, settleLedger } from '../state/ledger-settle.js';
import { saveMessage } from '../state/saved-message.js';
import {
  commitFacts,
  headCommit,
  stagedChanges,
  touchedPaths,
  type CommitFacts,
} from './context.js';
import { hasContent, readMessage } from './message.js';
import { escapeHatch } from './escape.js';
import { amendedTrailers, markAssisted } from './amend.js';
import {
  hasAssistedBy,
  trailersToAdd,
  withCarried,
  withTrailers,
  withTrailersBelowSubject,
} from './record.js';
import {
  emptyUnwrittenMessage,
  noteEditorTrailers,
  undoUnwrittenCommit,
} from './editor-trailers.js';

export interface HookIO {
  stderr: (text: string) => void;
}

/** git's names for where the message came from (prepare-commit-msg's second argument). */
export type MessageSource = '' | 'message' | 'template' | 'merge' | 'squash' | 'commit';

/**
 * Whether the commit replays earlier work with its message (merge, squash, cherry-pick, revert,
 * rebase): prepare-commit-msg's source, the reflog action git sets, or the sequencer's state
 * (it writes MERGE_MSG for every pick and revert it commits itself).
 */
export function isReplay(ctx: RepoFacts, source: string): boolean {
  if (source === 'merge' || source === 'squash') return true;
  if (/^(rebase|cherry-pick|revert|merge|pull)\b/.test(ctx.env.GIT_REFLOG_ACTION ?? ''))
    return true;
  return ['CHERRY_PICK_HEAD', 'REVERT_HEAD', 'MERGE_HEAD', 'MERGE_MSG'].some((file) =>
    existsSync(join(ctx.gitDir, file)),
  );
}

interface Gathered {
  local: PolicyOrProblem;
  /** The policy's catalog (the built-in one when the policy cannot be read). */
  catalog: Catalog;
  facts: CommitFacts;
  changes: FileChange[];
  /** Signals from outside the message: the agent environment and the agent ledger. */
  outside: Signal[];
  /** The ledger entries of the staged files (counted unless the commit is a replay). */
  pending: LedgerEntry[];
}

/** What a hook needs from its caller: how to read the policy, and the staged changes if known. */
export interface HookDeps {
  loadPolicy: (repo: RepoFacts) => Promise<PolicyOrProblem>;
  staged?: Promise<FileChange[]>;
}

/**
 * `ledger`: whether the agent ledger counts (not for a replay: it carries someone's earlier work,
 * so only an agent making this commit counts); `editor`: whether git opens the editor.
 */
async function gather(
  ctx: RepoFacts,
  { ledger, editor }: { ledger: boolean; editor: boolean },
  deps: HookDeps,
): Promise<Gathered> {
  const [local, facts, changes] = await Promise.all([
    deps.loadPolicy(ctx),
    commitFacts(ctx, editor),
    deps.staged ?? stagedChanges(ctx),
    // Entries earlier commits took care of go first (there is no post-commit hook by default).
    ledger && existsSync(ledgerPath(ctx.commonDir)) ? settleLedger(ctx) : undefined,
  ]);
  const catalog = local.policy ? catalogFor(local.policy) : createCatalog();
  const env = detectEnv(ctx.env, catalog);
  const pending = ledger ? pendingFor(ctx.commonDir, touchedPaths(changes)) : [];
  const edits = ledgerSignals(pending).map(canonicalModelOf);
  return { local, catalog, facts, changes, outside: [...env, ...edits], pending };
}

/**
 * An agent's model as the trailer names it, the one id a trailer, a signature or scan gives it
 * (a transcript's claude-opus-4-5-20251101 is claude-opus-4-5). The ledger keeps what the agent
 * reported; the agent hook's bundle stays without the catalog.
 */
function canonicalModelOf(signal: Signal): Signal {
  const model = signal.model && canonicalModel(signal.model)?.id;
  return model ? { ...signal, model } : signal;
}

/**
 * The tools' own signatures in the message, AI identities and agent branches. A message with none
 * of the texts the shim looks for is not read line by line (as the shim would not have started
 * node for it).
 */
function commitSignals(message: string, g: Gathered): Signal[] {
  const { author, committer, branch } = g.facts;
  const text = mayCarrySignature(message) ? message : '';
  return detectCommit({ message: text, author, committer, branch }, g.catalog);
}

/** The tools among the signals, each with its evidence in the order seen and whose models they ran. */
function toolsSeen(signals: readonly Signal[]): ToolSeen[] {
  const byTool = new Map<string, { evidence: string[]; providers: Set<string> }>();
  for (const signal of signals) {
    let seen = byTool.get(signal.tool);
    if (!seen) byTool.set(signal.tool, (seen = { evidence: [], providers: new Set() }));
    seen.evidence.push(signal.evidence);
    // A ledger entry names the model only.
    const provider = signal.provider ?? (signal.model && providerOfModel(signal.model));
    if (provider) seen.providers.add(provider);
  }
  return [...byTool].map(([tool, { evidence, providers }]) => ({
    tool,
    evidence,
    providers: [...providers],
  }));
}

/** Judges the commit; returns the hook's exit status (1 refuses the commit). */
function applyPolicy(
  ctx: RepoFacts,
  g: Gathered,
  fromMessage: readonly Signal[],
  message: string,
  messageFile: string,
  io: HookIO,
): number {
  const { policy, problem } = g.local;
  if (!policy) {
    io.stderr(`trailguard: ${problem}; the commit goes on without the local policy check\n`);
    return 0;
  }
  const seen = toolsSeen([...g.outside, ...fromMessage]);
  const touched = touchedGroups(policy, { paths: touchedPaths(g.changes) }, new Date());
  // Before the commit exists no review can: only the tool rule is judged here.
  const findings = judge(policy, touched, seen);
  if (findings.length === 0) return 0;
  io.stderr(describeCommitFindings(findings, seen));
  const source = policySourceText(policy.source);
  if (policy.onViolation !== 'block') {
    io.stderr(
      `trailguard: warning only (local.on-violation: warn in ${source}); CI will judge this commit too\n`,
    );
    return 0;
  }
  const allowed = escapeHatch(ctx.env);
  if (allowed) {
    io.stderr(
      `trailguard: ${allowed}: the commit goes on despite local.on-violation: block in ${source}; ` +
        'its Assisted-by trailers are written, so CI judges it\n',
    );
    return 0;
  }
  const typed = hasContent(message, g.facts.commentChar);
  const saved = typed ? saveMessage(ctx.gitDir, messageFile) : undefined;
  io.stderr(
    `trailguard: commit refused (local.on-violation: block in ${source}).` +
      (saved
        ? ` Your message is saved in ${saved}; once fixed, reuse it with: git commit -F '${saved}'\n`
        : ' No message was written yet, so nothing is lost.\n') +
      'trailguard: to commit anyway, with its trailers for CI to judge: TRAILGUARD_ALLOW=1 git commit …\n',
  );
  return 1;
}

export async function prepareCommitMsg(
  ctx: RepoFacts,
  args: string[],
  io: HookIO,
  deps: HookDeps,
): Promise<number> {
  const [file, rawSource] = args;
  const source = (rawSource ?? ctx.env.PRE_COMMIT_COMMIT_MSG_SOURCE ?? '') as MessageSource;
  const replay = isReplay(ctx, source);
  // git sets GIT_EDITOR=: for the hooks of a commit that opens no editor; an editor's template may
  // use a custom comment character.
  const editor = ctx.env.GIT_EDITOR !== ':';
  const g = await gather(ctx, { ledger: !replay, editor }, deps);
  if (replay && g.outside.length === 0) return 0;
  const bytes = readMessage(file);
  const message = bytes.toString('utf8');
  // A branch prefix alone is not recorded (trailersToAdd skips it), but the policy counts it.
  const fromMessage = replay ? [] : commitSignals(message, g);
  const { commentChar } = g.facts;
  const carried = source === 'message' && !replay ? await amendedTrailers(ctx) : [];
  const add = withCarried(
    message,
    trailersToAdd(message, [...g.outside, ...fromMessage], commentChar),
    carried,
    commentChar,
  );
  markAssisted(ctx, add.length > 0 || hasAssistedBy(message, commentChar));
  if (!replay) await claimLedgerEntries(ctx, g.pending);
  if (add.length > 0 && hasContent(message, commentChar)) {
    writeFileSync(file, withTrailers(bytes, add, commentChar));
  } else if (add.length > 0 && editor) {
    // commit-msg (or, with --no-verify, post-commit) sees to it that nothing is committed if
    // nothing gets written above them.
    writeFileSync(file, withTrailersBelowSubject(bytes, add));
    await noteEditorTrailers(ctx, add, commentChar);
  }
  // Without content and without the editor the message stays as it is: git aborts the commit (or,
  // with --allow-empty-message, makes it with an empty message) as it would without us.
  // Judged on the message as given: the tools behind our trailers are in the signals already.
  return replay ? 0 : applyPolicy(ctx, g, fromMessage, message, file, io);
}

/** Leaves the claim by which the next run knows this commit's ledger entries are done. */
async function claimLedgerEntries(ctx: RepoFacts, pending: LedgerEntry[]): Promise<void> {
  const head = pending.length > 0 ? await headCommit(ctx) : '';
  claimEntries(ctx.gitDir, head, pending);
}

export async function commitMsg(
  ctx: RepoFacts,
  args: string[],
  io: HookIO,
  deps: HookDeps,
): Promise<number> {
  const [file] = args;
  const bytes = readMessage(file);
  const message = bytes.toString('utf8');
  if (emptyUnwrittenMessage(ctx.gitDir, file, message)) return 0;
  // No ledger here: prepare-commit-msg recorded it; only what the editor added is new.
  const g = await gather(ctx, { ledger: false, editor: true }, deps);
  const { commentChar } = g.facts;
  if (!hasContent(message, commentChar)) return 0;
  const fromMessage = commitSignals(message, g);
  const add = trailersToAdd(message, fromMessage, commentChar);
  if (add.length === 0) return 0;
  writeFileSync(file, withTrailers(bytes, add, commentChar));
  return applyPolicy(ctx, { ...g, outside: [] }, fromMessage, message, file, io);
}

/**
 * After the commit exists (post-commit, where installed): a commit of nothing but the trailers
 * added in the editor is undone; otherwise the ledger is settled at once instead of at the next
 * trailguard run. `--ledger-only` (the shim's detached run, which must not take the note of a
 * commit being made meanwhile) skips the first.
 */
export async function postCommit(ctx: RepoFacts, args: string[], io: HookIO): Promise<number> {
  if (!args.includes('--ledger-only') && (await undoUnwrittenCommit(ctx, io))) return 0;
  await settleLedger(ctx);
  return 0;
}

/** For `status`: the trailers a commit made now would get, without a message. */
export async function trailersForNow(
  ctx: RepoFacts,
  deps: HookDeps,
): Promise<{
  local: PolicyOrProblem;
  catalog: Catalog;
  changes: FileChange[];
  signals: Signal[];
  trailers: string;
}> {
  const g = await gather(ctx, { ledger: !isReplay(ctx, ''), editor: false }, deps);
  const add = trailersToAdd('', g.outside, g.facts.commentChar);
  return {
    local: g.local,
    catalog: g.catalog,
    changes: g.changes,
    signals: g.outside,
    trailers: formatTrailers(add),
  };
}
