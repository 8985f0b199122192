/**
 * A policy applied to commits: per commit, the AI signals (core/detect) and the review sign-offs
 * found, then the judge's findings as the report's violations. `trailguard check`, `explain`,
 * pre-push and the Action all judge through here.
 */
import { agentEnvNames, createCatalog, type Catalog } from '../core/catalog.js';
import { detectCommit, isAiOrBotIdentity } from '../core/detect.js';
import { parseTrailers } from '../core/trailers.js';
import type {
  CommitRecord,
  Identity,
  PullFacts,
  Report,
  Signal,
  Violation,
} from '../core/types.js';
import {
  findingMessage,
  judge,
  standingOf,
  touchedGroups,
  type GroupTouched,
  type ToolStanding,
} from './judge.js';
import type { CompiledPolicy } from './types.js';

/** The catalog a policy's tools make: the built-in tools, tools.extra, and which are internal. */
export function catalogFor(policy: Pick<CompiledPolicy, 'tools'>): Catalog {
  return createCatalog(policy.tools);
}

/**
 * The agent variables the policy's tools.extra adds to the catalog's: what the git hook shims
 * must look for besides their generated list (hook.env's TG_EXTRA_ENV).
 */
export function extraAgentEnv(policy: Pick<CompiledPolicy, 'tools'>): string[] {
  const builtin = new Set(agentEnvNames(createCatalog()));
  return agentEnvNames(catalogFor(policy)).filter((name) => !builtin.has(name));
}

export interface EvaluateOptions {
  policy: CompiledPolicy;
  catalog: Catalog;
  /** Review facts of the pull request the commits belong to (the Action has them; the CLI does not). */
  pull?: PullFacts;
  now: Date;
  /** Signals that live outside the commit itself (e.g. the agent ledger at commit time). */
  extraSignals?: (commit: CommitRecord) => Signal[];
}

export type { ToolStanding };

export interface ToolFinding {
  tool: string;
  standing: ToolStanding;
  /** Whose models wrote the tool's output, where its signals tell (see Signal.provider). */
  providers: string[];
  signals: Signal[];
}

export type GroupFinding = GroupTouched;

export interface ReviewFinding {
  reviewed: boolean;
  /** Each sign-off considered and whether it counted, e.g. "Reviewed-by: Bo <bo@x> — counts". */
  notes: string[];
}

/** Everything the engine saw in one commit and how the policy judged it (`trailguard explain`). */
export interface CommitVerdict {
  sha: string;
  tools: ToolFinding[];
  groups: GroupFinding[];
  exemption?: string;
  review: ReviewFinding;
  violations: Violation[];
}

function parseIdentity(value: string): Identity {
  const match = /^(.*?)\s*<([^<>]*)>\s*$/.exec(value);
  return match
    ? { name: match[1].trim(), email: match[2].trim() }
    : { name: value.trim(), email: '' };
}

/** The providers and models a violation's tools ran, when their signals tell (omitted when none). */
function modelsOf(tools: ToolFinding[]): Pick<Violation, 'providers' | 'models'> {
  const signals = tools.flatMap((t) => t.signals);
  const providers = [...new Set(signals.flatMap((s) => (s.provider ? [s.provider] : [])))];
  const models = [...new Set(signals.flatMap((s) => (s.model ? [s.model] : [])))];
  return {
    ...(providers.length ? { providers } : {}),
    ...(models.length ? { models } : {}),
  };
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** GitHub's noreply addresses carry the login: `123+login@users.noreply.github.com`. */
function loginOfEmail(email: string): string | undefined {
  return /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email)?.[1];
}

function onAllowlist(
  allowlist: string[],
  identity: { name?: string; email?: string; login?: string },
): boolean {
  if (allowlist.length === 0) return true;
  const login = identity.login ?? (identity.email ? loginOfEmail(identity.email) : undefined);
  return allowlist.some((entry) =>
    entry.includes('@')
      ? !!identity.email && sameText(entry, identity.email)
      : !!login && sameText(entry, login),
  );
}

export function createEvaluator(options: EvaluateOptions) {
  const { policy, catalog, pull, now } = options;
  const reviewKeys = policy.review.trailers.map((key) => key.toLowerCase());
  // Review keys are letters, digits and "-" (the schema's rule): a message holding none of them,
  // in any case, has no trailer with one, so most commits skip the trailer parse.
  const mayHoldReviewKey =
    reviewKeys.length > 0 ? new RegExp(reviewKeys.join('|'), 'i') : undefined;
  const approval = pull && policy.review.approvals ? approvingReviewer(pull, policy) : undefined;
  const violations: Violation[] = [];
  // One string per distinct message: a long history repeats a few messages tens of thousands of times.
  const messages = new Map<string, string>();
  const shared = (message: string) => {
    const known = messages.get(message);
    if (known !== undefined) return known;
    messages.set(message, message);
    return message;
  };
  let commits = 0;

  function toolsOf(commit: CommitRecord): ToolFinding[] {
    const signals = [...detectCommit(commit, catalog), ...(options.extraSignals?.(commit) ?? [])];
    const byTool = new Map<string, Signal[]>();
    for (const signal of signals) {
      const list = byTool.get(signal.tool);
      if (list) list.push(signal);
      else byTool.set(signal.tool, [signal]);
    }
    return [...byTool].map(([tool, toolSignals]) => {
      const providers = [...new Set(toolSignals.flatMap((s) => (s.provider ? [s.provider] : [])))];
      return {
        tool,
        standing: standingOf(policy, { tool, providers }),
        providers,
        signals: toolSignals,
      };
    });
  }

  function reviewOf(commit: CommitRecord): ReviewFinding {
    const notes: string[] = [];
    let reviewed = false;
    // Strict in what clears: only a real trailer, read the way `git log` reads it.
    const trailers = mayHoldReviewKey?.test(commit.message)
      ? parseTrailers(commit.message, { divider: false })
      : [];
    for (const trailer of trailers) {
      if (!reviewKeys.includes(trailer.key.toLowerCase())) continue;
      const reviewer = parseIdentity(trailer.value);
      const line = `${trailer.key}: ${trailer.value}`;
      const isAuthor = [commit.author, commit.committer].some(
        (person) =>
          (reviewer.email !== '' && sameText(reviewer.email, person.email)) ||
          sameText(reviewer.name, person.name),
      );
      if (reviewer.email === '') notes.push(`${line} — ignored: no <email>`);
      else if (isAuthor)
        notes.push(`${line} — ignored: the author or committer cannot review their own commit`);
      else if (isAiOrBotIdentity(reviewer, catalog))
        notes.push(`${line} — ignored: an AI or bot identity`);
      else if (!onAllowlist(policy.review.reviewers, reviewer))
        notes.push(`${line} — ignored: not on review.reviewers`);
      else {
        notes.push(`${line} — counts`);
        reviewed = true;
      }
    }
    if (approval) {
      notes.push(`approving pull request review by @${approval} — counts`);
      reviewed = true;
    }
    return { reviewed, notes };
  }

  /** Both sides of a rename count. */
  function pathsOf(commit: CommitRecord): Set<string> {
    return new Set(
      commit.files.flatMap((file) => (file.oldPath ? [file.oldPath, file.path] : [file.path])),
    );
  }

  /**
   * `complete: false` skips detection and review (most of a commit's cost) where no protected
   * path is judged: they cannot change the violations, and long histories are mostly such commits.
   */
  function judgeCommit(commit: CommitRecord, complete: boolean): CommitVerdict {
    const touched = touchedGroups(policy, { sha: commit.sha, paths: pathsOf(commit) }, now);
    const judged = complete || touched.groups.some((group) => group.paths.length > 0);
    const tools = judged ? toolsOf(commit) : [];
    const review = judged ? reviewOf(commit) : { reviewed: false, notes: [] };
    const verdict: CommitVerdict = {
      sha: commit.sha,
      tools,
      groups: touched.groups,
      review,
      violations: [],
    };
    if (touched.exemption !== undefined) {
      verdict.exemption = touched.exemption;
      return verdict;
    }
    const seen = tools.map(({ tool, providers, signals }) => ({
      tool,
      providers,
      evidence: signals.map((signal) => signal.evidence),
    }));
    verdict.violations = judge(policy, touched, seen, review.reviewed).map(
      (finding): Violation => ({
        sha: commit.sha,
        rule: finding.rule,
        group: finding.group,
        paths: finding.paths,
        tools: finding.tools,
        ...modelsOf(tools.filter((t) => finding.tools.includes(t.tool))),
        message: shared(findingMessage(finding)),
      }),
    );
    return verdict;
  }

  return {
    /** Judges one commit and keeps only its violations, so memory stays bounded over long histories. */
    add(commit: CommitRecord): void {
      commits += 1;
      violations.push(...judgeCommit(commit, false).violations);
    },
    /** Everything seen in one commit, and the verdict (`trailguard explain`). */
    explain(commit: CommitRecord): CommitVerdict {
      return judgeCommit(commit, true);
    },
    report(): Report {
      return { ok: violations.length === 0, commits, violations };
    },
  };
}

/**
 * The login of a human, other than the PR author, whose latest review approves the PR (on the
 * current head when dismiss-stale is on), or undefined.
 */
export function approvingReviewer(
  pull: PullFacts,
  policy: Pick<CompiledPolicy, 'review'>,
): string | undefined {
  const latest = new Map<string, PullFacts['reviews'][number]>();
  const ordered = [...pull.reviews].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  for (const review of ordered) {
    // COMMENTED reviews do not withdraw an earlier approval or change request (as on GitHub).
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    latest.set(review.login.toLowerCase(), review);
  }
  for (const review of latest.values()) {
    if (review.state !== 'APPROVED' || review.isBot) continue;
    if (sameText(review.login, pull.author)) continue;
    if (policy.review.dismissStale && review.commitId !== pull.headSha) continue;
    if (!onAllowlist(policy.review.reviewers, { login: review.login })) continue;
    return review.login;
  }
  return undefined;
}

export function evaluate(commits: Iterable<CommitRecord>, options: EvaluateOptions): Report {
  const evaluator = createEvaluator(options);
  for (const commit of commits) evaluator.add(commit);
  return evaluator.report();
}

export function explainCommit(commit: CommitRecord, options: EvaluateOptions): CommitVerdict {
  return createEvaluator(options).explain(commit);
}
