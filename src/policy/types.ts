/**
 * The shapes of the policy: what a file says (`PolicyLayer`), the effective policy with every
 * default applied (`Policy`), and the compiled form every consumer judges with
 * (`CompiledPolicy`: plain JSON data, so it is also what the cache on disk holds).
 *
 * The YAML keys are spelled as DESIGN.md spells them (kebab-case); these shapes use camelCase
 * (`require-review` → `requireReview`, `dismiss-stale` → `dismissStale`,
 * `on-violation` → `onViolation`).
 */
import type { ExtraTool } from '../core/types.js';
import { UserError } from '../core/errors.js';
import type { GlobSet } from './match.js';

export type Forbid = 'external' | 'any-ai' | 'none';
export type UnknownTools = 'external' | 'ignore';
export type OnViolation = 'warn' | 'block';

export interface ProtectedGroup {
  name: string;
  /** Globs relative to the repository root; a glob also covers everything under a directory it matches. */
  paths: string[];
  forbid: Forbid;
  requireReview: boolean;
}

export interface ToolsPolicy {
  internal: string[];
  /** Model providers whose output counts as internal, whichever tool ran the model. */
  providers: string[];
  unknown: UnknownTools;
  extra: ExtraTool[];
}

export interface ReviewPolicy {
  trailers: string[];
  approvals: boolean;
  reviewers: string[];
  dismissStale: boolean;
}

export interface LocalSettings {
  onViolation: OnViolation;
}

/** Exactly one of `commit` (a lowercase hex prefix) and `path` (a glob) is set. */
export interface Exemption {
  commit?: string;
  path?: string;
  reason: string;
  /** YYYY-MM-DD: the last day (UTC) the exemption applies. */
  expires?: string;
  /**
   * Set by mergePolicies on a repository's exemptions: the org's protected globs, which a
   * repository exemption cannot clear.
   */
  notFor?: string[];
}

/** The effective policy, every default applied. */
export interface Policy {
  version: 1;
  extends?: string;
  protected: ProtectedGroup[];
  tools: ToolsPolicy;
  review: ReviewPolicy;
  local: LocalSettings;
  exemptions: Exemption[];
}

/**
 * What one file says, before defaults: an absent key is `undefined`. mergePolicies needs this to
 * tell "the repository left dismiss-stale alone" from "the repository set it to the default".
 * A full `Policy` is also a valid layer.
 */
export interface PolicyLayer {
  version: 1;
  extends?: string;
  protected?: (Pick<ProtectedGroup, 'name' | 'paths'> & Partial<ProtectedGroup>)[];
  tools?: Partial<ToolsPolicy>;
  review?: Partial<ReviewPolicy>;
  local?: Partial<LocalSettings>;
  exemptions?: Exemption[];
}

export interface CompiledGroup extends ProtectedGroup {
  matcher: GlobSet;
}

export interface CompiledExemption extends Omit<Exemption, 'notFor'> {
  /** The path glob's matcher (path exemptions). */
  matcher?: GlobSet;
  /** The org's protected paths, which this (repository) exemption cannot clear. */
  notFor?: GlobSet;
}

/**
 * The one form of the policy the CLI, the Action, the git hooks and the agent guard judge with:
 * plain data (globs compiled to regular-expression sources and literal tables), so it can be
 * written to the cache and read back without the YAML parser, the schema or the glob compiler.
 */
export interface CompiledPolicy {
  /** The file read (`path`, `rev:path`, with `(extends …)`), or "embedded default". */
  source: string;
  extends?: string;
  groups: CompiledGroup[];
  tools: ToolsPolicy;
  review: ReviewPolicy;
  onViolation: OnViolation;
  exemptions: CompiledExemption[];
  /**
   * The provider of each built-in tool's own models (the catalog's), for judging a tool seen
   * without its signals (the agent guard) under `tools.providers`; only when that list is set.
   */
  toolProviders?: Record<string, string>;
}

/** An invalid policy file; the message is one line, `file:line:col: key.path: problem`. */
export class PolicyError extends UserError {
  override name = 'PolicyError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly keyPath: string,
    readonly problem: string,
    /** The file's further problems, each on a line of its own after this one's. */
    readonly more: readonly PolicyError[] = [],
  ) {
    super(
      [`${file}:${line}:${column}: ${keyPath ? `${keyPath}: ` : ''}${problem}`]
        .concat(more.map((other) => other.message))
        .join('\n'),
    );
  }
}
