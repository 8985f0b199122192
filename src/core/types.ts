/** Shapes shared by the pure core and its adapters. No I/O lives here. */

export interface Identity {
  name: string;
  email: string;
}

/** One path a commit changed; a rename or copy also names the path it came from. */
export interface FileChange {
  /** git's status letter: A, M, D, R, C, T (merges: the combined status, e.g. "MM"). */
  status: string;
  path: string;
  oldPath?: string;
}

/** A commit as the history reader yields it. */
export interface CommitRecord {
  sha: string;
  parents: string[];
  author: Identity;
  /** The author date, in seconds since the epoch (the history reader sets it). */
  authorTime?: number;
  committer: Identity;
  /** The raw message (%B), byte for byte as git stores it, decoded as UTF-8. */
  message: string;
  files: FileChange[];
  /** The branch the commit was made on, when known (agent branch prefixes are a signal). */
  branch?: string;
  /** The commit's git-ai authorship note (`refs/notes/ai`), when it has one. */
  aiNote?: string;
}

export interface Trailer {
  /** The key as written (case kept). */
  key: string;
  /** The value, unfolded and trimmed, as `git interpret-trailers --parse` prints it. */
  value: string;
}

export type SignalKind =
  | 'env' // an agent environment variable at commit time
  | 'trailer' // an attribution trailer (ours or the tool's own), wherever it stands in the message
  | 'footer' // a tool's message footer such as "Generated with [Claude Code]"
  | 'identity' // the author or committer is the tool's bot identity
  | 'branch' // the commit's branch uses the tool's prefix
  | 'ledger' // the agent ledger says the tool edited a staged file
  | 'note'; // another tool's record (a git-ai authorship note) attributes lines to the tool

export interface Signal {
  /** A catalog tool id, or "unknown" for an AI claim that maps to no known tool. */
  tool: string;
  kind: SignalKind;
  /** What was seen, quoted so a human can find it (e.g. the trailer line). */
  evidence: string;
  /** The model, by its canonical id (see core/models.ts). */
  model?: string;
  /** Whose model wrote it (`anthropic`, `openai`, …): the model's provider, else the tool's own. */
  provider?: string;
}

export type Rule = 'external-ai' | 'missing-review';

export interface Violation {
  sha: string;
  rule: Rule;
  group: string;
  paths: string[];
  tools: string[];
  /** Whose models the tools ran (`anthropic`, …), where the signals tell. */
  providers?: string[];
  /** The models, by canonical id, where the signals name them. */
  models?: string[];
  message: string;
}

export interface Report {
  ok: boolean;
  commits: number;
  violations: Violation[];
}

/** An approving (or other) PR review, as the Action reads it from the API. */
export interface PullReview {
  login: string;
  isBot: boolean;
  state: string; // APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING
  commitId: string;
  submittedAt: string;
}

/** Facts about review that only a pull request has; the CLI has none. */
export interface PullFacts {
  author: string;
  headSha: string;
  reviews: PullReview[];
}

/** An organisation's own tool, declared in the policy's `tools.extra`. */
export interface ExtraTool {
  id: string;
  name?: string;
  env?: string[];
  emails?: string[];
  branches?: string[];
  trailers?: string[];
}

/** One file an agent edited, as the agent ledger records it (see src/state/ledger.ts). */
export interface LedgerEntry {
  tool: string;
  model?: string;
  session?: string;
  /** Repository-relative, forward slashes. */
  path: string;
  /** ISO 8601. */
  time: string;
  /** The top of the work tree the agent edited in: where the entry can lapse (ledger.ts). */
  worktree?: string;
}
