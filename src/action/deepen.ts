import { UserError } from '../core/errors.js';
import { git, gitMaybe } from '../git/exec.js';
import { isShallow, revParse, shallowBoundary } from '../git/repo.js';
import type { CheckTarget, RevSource } from './event.js';
import { shortSha } from '../report/text.js';

/** The commits of a target, as local git names them. */
export interface FetchedRange {
  head: string;
  /** Commits whose history is not checked (the target's own history). */
  exclude: string[];
  /** The commit the policy is read from; null for the embedded default (no earlier policy exists). */
  policyRev: string | null;
  /** For git log: `^excluded… head`. */
  revs: string[];
}

export interface FetchOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

const FIX =
  'give actions/checkout `fetch-depth: 0` and the job `permissions: contents: read`, or set the base/head inputs to commits the checkout has';

/** Deepening steps of a shallow clone before fetching everything. */
const DEEPEN_STEPS = [100, 1000];
const FIRST_DEPTH = 50;

/**
 * Makes the target's commits readable in local git: asks origin for the current tips of the
 * branches involved, fetches missing commits, and deepens a shallow clone until the whole range
 * (and the excluded side down to where it meets it) is there. History comes from git, never from
 * the API, so a range has no 250-commit or 3000-file cap. If the range still cannot be read in
 * full, this throws: a check must not pass on history it did not see.
 */
export async function fetchRange(
  target: CheckTarget,
  options: FetchOptions,
): Promise<FetchedRange> {
  const fetcher = new Fetcher(options, target.expectedCommits);
  const head = await fetcher.commit(target.head.source, target.head.fallbackRef);
  const exclude: string[] = [];
  for (const { source, optional } of target.exclude) {
    const sha = optional ? await fetcher.commitMaybe(source) : await fetcher.commit(source);
    if (sha) exclude.push(sha);
    else
      options.log(`${describe(source)} is not readable (force-pushed away?): checking without it`);
  }
  let policyRev: string | null | undefined;
  for (const source of target.policy) {
    if (source === 'embedded-default') {
      policyRev = null;
      break;
    }
    policyRev = (await fetcher.commitMaybe(source)) ?? undefined;
    if (policyRev) break;
  }
  if (policyRev === undefined) {
    const sources = target.policy.map((s) => (s === 'embedded-default' ? s : describe(s)));
    fetcher.logLastError();
    throw new UserError(
      `cannot read ${sources.join(' or ')}, where the policy comes from: ${target.policyFix ?? FIX}`,
    );
  }
  await fetcher.complete(head, exclude);
  return {
    head,
    exclude,
    policyRev,
    revs: [...exclude.map((sha) => `^${sha}`), head],
  };
}

function describe(source: RevSource): string {
  if ('branch' in source) return `branch ${source.branch}`;
  if ('sha' in source) return `commit ${shortSha(source.sha)}`;
  return `revision ${source.rev}`;
}

class Fetcher {
  private shallow: boolean | undefined;
  /** git's words from the last failed fetch, for the error that follows. */
  private lastError: string | null = null;
  private readonly resolved = new Map<string, Promise<string | null>>();

  constructor(
    private readonly options: FetchOptions,
    private readonly expectedCommits: number | undefined,
  ) {}

  private async isShallow(): Promise<boolean> {
    this.shallow ??= await isShallow(this.options.cwd, this.options.env);
    return this.shallow;
  }

  /** A shallow clone fetches new tips this deep first (a PR's own size, when the event says). */
  private async depthArgs(): Promise<string[]> {
    if (!(await this.isShallow())) return [];
    return [`--depth=${Math.max(FIRST_DEPTH, (this.expectedCommits ?? 0) + 2)}`];
  }

  private async fetch(args: string[], specs: string[]): Promise<string | null> {
    const command = ['fetch', '--no-tags', '--no-recurse-submodules', ...args, 'origin', ...specs];
    try {
      await git(command, { cwd: this.options.cwd, env: this.options.env });
      this.options.log(`git ${command.join(' ')}`);
      this.shallow = undefined;
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** git's own words for the last failed fetch go to the log; the error stays one line. */
  logLastError(): void {
    if (this.lastError) this.options.log(`git said: ${this.lastError}`);
  }

  async commit(source: RevSource, fallbackRef?: string): Promise<string> {
    const sha = await this.commitMaybe(source, fallbackRef);
    if (sha) return sha;
    this.logLastError();
    throw new UserError(
      `cannot read ${describe(source)} from this checkout or from origin (details in the log, group "Commit range"): ${FIX}`,
    );
  }

  /** The sha of a source, fetching it from origin when the checkout lacks it; null when unreadable. */
  commitMaybe(source: RevSource, fallbackRef?: string): Promise<string | null> {
    // The policy's source is usually one of the range's: ask origin once.
    const key = JSON.stringify(source);
    let answer = this.resolved.get(key);
    if (!answer) {
      answer = this.lookUp(source, fallbackRef);
      this.resolved.set(key, answer);
    }
    return answer;
  }

  private async lookUp(source: RevSource, fallbackRef?: string): Promise<string | null> {
    const { cwd, env } = this.options;
    const local = (rev: string) => revParse(cwd, `${rev}^{commit}`, env);
    if ('branch' in source) {
      // Always the branch as origin has it now; a local copy only when origin cannot be asked.
      const ref = `refs/heads/${source.branch}`;
      const answer = await gitMaybe(['ls-remote', 'origin', ref], { cwd, env });
      const tip = answer
        ?.split('\n')
        .find((line) => line.endsWith(`\t${ref}`))
        ?.split('\t')[0];
      if (!tip) {
        const copy = await local(`refs/remotes/origin/${source.branch}`);
        if (copy && answer === null) {
          this.options.log(
            `cannot ask origin for ${ref}; using the local refs/remotes/origin/${source.branch}`,
          );
          return copy;
        }
        this.lastError = answer === null ? 'git ls-remote origin failed' : `origin has no ${ref}`;
        return null;
      }
      if (!(await local(tip))) {
        this.lastError = await this.fetch(await this.depthArgs(), [
          `+${tip}:refs/remotes/origin/${source.branch}`,
        ]);
      }
      return local(tip);
    }
    const rev = 'sha' in source ? source.sha : source.rev;
    if (rev.startsWith('-')) throw new UserError(`not a revision: "${rev}"`);
    const present = await local(rev);
    if (present) return present;
    this.lastError = await this.fetch(await this.depthArgs(), [rev]);
    if (this.lastError === null) return 'sha' in source ? local(rev) : local('FETCH_HEAD');
    if (fallbackRef) {
      // A server that refuses an unadvertised sha still serves the PR's ref.
      this.lastError = await this.fetch(await this.depthArgs(), [
        `+${fallbackRef}:${fallbackRef.replace(/^refs\//, 'refs/remotes/origin/')}`,
      ]);
      const found = await local(rev);
      if (!found && this.lastError === null) {
        this.lastError = `origin has no ${rev}, and its ${fallbackRef} is another commit (pushed again since the event?)`;
      }
      return found;
    }
    return null;
  }

  /** Deepens a shallow clone until no commit git would read (or exclude) is a cut-off boundary. */
  async complete(head: string, exclude: string[]): Promise<void> {
    const tips = [head, ...exclude];
    for (const step of [...DEEPEN_STEPS, 0]) {
      if (!(await this.isShallow())) return;
      const cut = await this.cutCommits(head, exclude);
      if (cut === 0) return;
      this.options.log(
        `${cut} commit(s) of the range are cut off by the shallow clone; fetching more history`,
      );
      const error = await this.fetch(step ? [`--deepen=${step}`] : ['--unshallow'], tips);
      if (error) {
        this.lastError = error;
        this.logLastError();
        throw new UserError(
          `the checkout is shallow and fetching more history from origin failed (details in the log, group "Commit range"): ${FIX}`,
        );
      }
    }
    if ((await this.isShallow()) && (await this.cutCommits(head, exclude)) > 0) {
      throw new UserError(
        `cannot read the full commit range: origin's history is shallow too: ${FIX}`,
      );
    }
  }

  /**
   * How many boundary commits of a shallow clone lie in the range or on the excluded side short
   * of the range. A boundary inside the range hides commits that must be checked; one on the
   * excluded side hides where it meets the range, so already-merged commits would be checked.
   */
  private async cutCommits(head: string, exclude: string[]): Promise<number> {
    const { cwd, env } = this.options;
    const boundary = await shallowBoundary(cwd, env);
    if (boundary.size === 0) return 0;
    const sides = [[head, ...exclude.map((sha) => `^${sha}`)]];
    if (exclude.length > 0) sides.push([...exclude, `^${head}`]);
    let cut = 0;
    for (const revs of sides) {
      const listed = await git(['rev-list', '--end-of-options', ...revs], { cwd, env });
      for (const sha of listed.split('\n')) if (boundary.has(sha)) cut += 1;
    }
    return cut;
  }
}

/**
 * The environment for git fetches: never prompt, and authenticate to the GitHub server with the
 * token when actions/checkout did not keep credentials (`persist-credentials: false`). The header
 * goes through GIT_CONFIG_* variables, so the token is in no command line and no config file, and
 * only to the server's own URL.
 */
export async function fetchEnvironment(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  token?: string;
  serverUrl: string;
}): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...options.env, GIT_TERMINAL_PROMPT: '0' };
  if (!options.token) return env;
  const { cwd } = options;
  const origin = (await gitMaybe(['remote', 'get-url', 'origin'], { cwd, env }))?.trim() ?? '';
  const server = options.serverUrl.replace(/\/+$/, '');
  if (!origin.startsWith(`${server}/`)) return env;
  const kept = await gitMaybe(['config', '--get-regexp', '^http\\..*\\.extraheader$'], {
    cwd,
    env,
  });
  if (kept?.trim()) return env;
  const index = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  const basic = Buffer.from(`x-access-token:${options.token}`).toString('base64');
  return {
    ...env,
    GIT_CONFIG_COUNT: String(index + 1),
    [`GIT_CONFIG_KEY_${index}`]: `http.${server}/.extraheader`,
    [`GIT_CONFIG_VALUE_${index}`]: `AUTHORIZATION: basic ${basic}`,
  };
}
