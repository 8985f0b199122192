import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { RepoName } from '../github/api.js';
import type { ActionInputs } from './inputs.js';
import { shortSha } from '../report/text.js';

/**
 * A commit to read from local git. `branch` is fetched fresh from origin (a payload's sha can be
 * stale: a PR's base moves on); `sha` is used as given and fetched by sha when missing; `rev` is
 * whatever a user typed (a branch, a tag, a sha).
 */
export type RevSource = { branch: string } | { sha: string } | { rev: string };

export interface PullTarget {
  number: number;
  author: string;
  headSha: string;
}

/** What one run checks, from the event alone; range.ts turns it into commits in local git. */
export interface CheckTarget {
  event: string;
  /** For the log and the summary, e.g. "pull request #12 (feature → main)". */
  description: string;
  /** The newest commit to check; every commit reachable from it and from no `exclude` is checked. */
  head: { source: RevSource; fallbackRef?: string };
  /**
   * Commits already on the target (checked when they got there). `optional` ones are dropped when
   * unreadable (a force-pushed-away `before`), which only widens the range.
   */
  exclude: Array<{ source: RevSource; optional?: boolean }>;
  /**
   * Where the policy comes from: the first readable source. Never a commit the checked commits
   * wrote (a push could loosen its own check): `embedded-default` where no earlier policy exists
   * (a push that creates the default branch); when none is readable the run fails closed.
   */
  policy: Array<RevSource | 'embedded-default'>;
  /** Why the policy sources matter, for the one-line error when none of them is readable. */
  policyFix?: string;
  pull?: PullTarget;
  /**
   * The PR whose reviews count when the event is not a PR's own: a merge-queue run names the PR
   * it was queued for; a push may be a PR's merge, found by its merge commit.
   */
  linkedPull?: { number: number } | { mergeCommit: string };
  /** The branch the commits were made on (agent branch prefixes are a signal). */
  branch?: string;
  /** What the payload says the range holds, to size the first deepening of a shallow clone. */
  expectedCommits?: number;
  /** Set when there is nothing to check (a deleted branch). */
  skip?: string;
}

export const ZERO_SHA = /^0+$/;

type Json = Record<string, unknown>;

function field(payload: Json, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    value = value && typeof value === 'object' ? (value as Json)[key] : undefined;
  }
  return value;
}

function text(payload: Json, path: string, event: string): string {
  const value = field(payload, path);
  if (typeof value === 'string' && value !== '') return value;
  throw new UserError(`the ${event} event payload has no ${path}`);
}

function optionalText(payload: Json, path: string): string | undefined {
  const value = field(payload, path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const branchOf = (ref: string) => ref.replace(/^refs\/heads\//, '');

export const PULL_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review'];
export const SUPPORTED_EVENTS = [...PULL_EVENTS, 'push', 'merge_group', 'workflow_dispatch'];

export interface EventContext {
  name: string;
  payload: Json;
  /** GITHUB_SHA: the commit the workflow runs on. */
  sha?: string;
  /** GITHUB_REF. */
  ref?: string;
}

/** The event (and the base/head inputs, which win) → what to check and which policy applies. */
export function targetFor(
  event: EventContext,
  inputs: Pick<ActionInputs, 'base' | 'head'>,
): CheckTarget {
  const target = fromEvent(event, inputs);
  if (inputs.base) {
    target.exclude = [{ source: { rev: inputs.base } }];
    target.policy = [{ rev: inputs.base }];
  }
  if (inputs.head) target.head = { source: { rev: inputs.head } };
  if (inputs.base || inputs.head) {
    target.description += ` (range from inputs: ${inputs.base ?? '…'}..${inputs.head ?? 'head'})`;
  }
  return target;
}

function fromEvent(event: EventContext, inputs: Pick<ActionInputs, 'base' | 'head'>): CheckTarget {
  const { name, payload } = event;
  const defaultBranch = optionalText(payload, 'repository.default_branch');
  if (PULL_EVENTS.includes(name)) {
    const number = Number(field(payload, 'pull_request.number'));
    if (!Number.isInteger(number))
      throw new UserError(`the ${name} event payload has no pull_request.number`);
    const baseBranch = text(payload, 'pull_request.base.ref', name);
    const headSha = text(payload, 'pull_request.head.sha', name);
    const headBranch = optionalText(payload, 'pull_request.head.ref');
    const commits = Number(field(payload, 'pull_request.commits'));
    return {
      event: name,
      description: `pull request #${number} (${headBranch ?? shortSha(headSha)} → ${baseBranch})`,
      head: { source: { sha: headSha }, fallbackRef: `refs/pull/${number}/head` },
      // The base branch as it is now, not the payload's base.sha, which is stale once main moves.
      exclude: [{ source: { branch: baseBranch } }],
      policy: [{ branch: baseBranch }],
      pull: { number, author: text(payload, 'pull_request.user.login', name), headSha },
      branch: headBranch,
      expectedCommits: Number.isInteger(commits) && commits > 0 ? commits : undefined,
    };
  }
  if (name === 'push') {
    const ref = text(payload, 'ref', name);
    const after = text(payload, 'after', name);
    const before = optionalText(payload, 'before');
    if (ZERO_SHA.test(after) || field(payload, 'deleted') === true) {
      return skipped(name, `push deleted ${ref}: nothing to check`);
    }
    if (!ref.startsWith('refs/heads/')) {
      return skipped(name, `push of ${ref} (not a branch): nothing to check`);
    }
    const branch = branchOf(ref);
    const newBranch = !before || ZERO_SHA.test(before) || field(payload, 'created') === true;
    const onDefault = !defaultBranch || branch === defaultBranch;
    const exclude: CheckTarget['exclude'] = [];
    // `before` excludes what the branch already had (readable even after a force-push, often).
    if (!newBranch) exclude.push({ source: { sha: before! }, optional: true });
    // A branch other than the default one is checked against the default branch too: a new or
    // rebased branch brings no commits already there, and every commit not there is checked.
    if (!onDefault) exclude.push({ source: { branch: defaultBranch! } });
    // The policy is one the push did not write: the default branch's (for another branch), the
    // branch's own before the push, or, where the push creates the default branch and so no
    // earlier policy exists, the embedded default.
    const policy: CheckTarget['policy'] = !onDefault
      ? [{ branch: defaultBranch! }]
      : newBranch
        ? ['embedded-default']
        : [{ sha: before! }];
    return {
      event: name,
      description: `push to ${branch}${newBranch ? ' (new branch)' : ''}${field(payload, 'forced') === true ? ' (force-push)' : ''}`,
      head: { source: { sha: after } },
      exclude,
      policy,
      policyFix:
        onDefault && !newBranch
          ? `it is the branch's tip before this push, the only policy this push did not write, so the check fails closed. Re-run the workflow (workflow_dispatch) with the base input set to a commit of ${branch} from before the push`
          : undefined,
      branch,
      linkedPull: { mergeCommit: after },
    };
  }
  if (name === 'merge_group') {
    const baseSha = text(payload, 'merge_group.base_sha', name);
    const headSha = text(payload, 'merge_group.head_sha', name);
    const headRef = text(payload, 'merge_group.head_ref', name);
    const baseRef = optionalText(payload, 'merge_group.base_ref') ?? '';
    const queued = /\/pr-(\d+)-[0-9a-f]+$/.exec(headRef);
    return {
      event: name,
      description: `merge queue group ${headRef.replace(/^refs\/heads\//, '')} → ${branchOf(baseRef)}`,
      head: { source: { sha: headSha } },
      exclude: [{ source: { sha: baseSha } }],
      policy: [{ sha: baseSha }],
      linkedPull: queued ? { number: Number(queued[1]) } : undefined,
    };
  }
  if (name === 'workflow_dispatch' || inputs.base) {
    const head = inputs.head ?? event.sha ?? 'HEAD';
    if (!inputs.base && !defaultBranch) {
      throw new UserError(
        `the ${name} event payload has no repository.default_branch; set the base input`,
      );
    }
    const base: RevSource = inputs.base ? { rev: inputs.base } : { branch: defaultBranch! };
    return {
      event: name,
      description: `${name} run: ${inputs.base ?? defaultBranch}..${shortSha(head)}`,
      head: { source: { rev: head } },
      exclude: [{ source: base }],
      policy: [base],
      branch: event.ref?.startsWith('refs/heads/') ? branchOf(event.ref) : undefined,
    };
  }
  throw new UserError(
    `unsupported event "${name}": run trailguard on ${SUPPORTED_EVENTS.join(', ')}, or set the base input`,
  );
}

function skipped(name: string, reason: string): CheckTarget {
  return {
    event: name,
    description: reason,
    head: { source: { rev: 'HEAD' } },
    exclude: [],
    policy: [],
    skip: reason,
  };
}

/** The run's event as the runner gives it: GITHUB_EVENT_NAME, the payload file, GITHUB_SHA, GITHUB_REF. */
export function readEvent(env: NodeJS.ProcessEnv): EventContext {
  const name = env.GITHUB_EVENT_NAME;
  if (!name)
    throw new UserError('GITHUB_EVENT_NAME is not set: run trailguard as a GitHub Action step');
  const path = env.GITHUB_EVENT_PATH;
  if (!path) {
    throw new UserError(
      'GITHUB_EVENT_PATH is not set: the runner sets it to the event payload file; outside a runner (local-action) set it to a payload JSON file',
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserError(`cannot read the event payload ${path}: ${(error as Error).message}`);
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new UserError(`the event payload ${path} is not a JSON object`);
  }
  return { name, payload: payload as Json, sha: env.GITHUB_SHA, ref: env.GITHUB_REF };
}

export function repoName(env: NodeJS.ProcessEnv, event: EventContext): RepoName {
  const full =
    env.GITHUB_REPOSITORY ??
    ((event.payload.repository as { full_name?: string } | undefined)?.full_name || '');
  const [owner, repo] = full.split('/');
  if (!owner || !repo) throw new UserError('GITHUB_REPOSITORY is not set (owner/repo)');
  return { owner, repo };
}
