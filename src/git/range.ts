import { UserError } from '../core/errors.js';
import { gitMaybe } from './exec.js';
import { resolveCommit, upstream } from './repo.js';

export interface ResolveRangeOptions {
  /** Any directory inside the repository. */
  repo: string;
  /** What the user typed after `trailguard check`; none means the default range. */
  spec?: string;
  /** The whole history of spec (a revision, default HEAD), root commit included. */
  fromRoot?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface ResolvedRange {
  /** For readHistory. */
  revs: string[];
  /** One line for people: the range, and why it is the range when the user gave none. */
  description: string;
  /**
   * The range's base: the revision whose committed policy CI would judge it by, as it reads the
   * base branch's (null: the range starts at a root commit, so no earlier policy exists).
   * Absent for --from-root and R^@.
   */
  base?: string | null;
}

/**
 * Where the default branch is looked for, in order, when HEAD's branch has no upstream: what
 * origin's HEAD names, then any other remote's HEAD, then the branch `init.defaultBranch` names
 * (origin's, then local), then main and master (origin's, then local).
 */
function defaultBranchRefs(configured: string | undefined, remoteHeads: string[]): string[] {
  const names = [...new Set([configured, 'main', 'master'].filter((name) => name))] as string[];
  return [
    'refs/remotes/origin/HEAD',
    ...remoteHeads.filter((ref) => ref !== 'refs/remotes/origin/HEAD'),
    ...names.flatMap((name) => [`refs/remotes/origin/${name}`, `refs/heads/${name}`]),
  ];
}
/** git's one-argument range notations: R^! (R alone), R^@ (R's parents), R^- / R^-N. */
const RANGE_SUFFIX = /\^(!|@|-\d*)$/;

function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|remotes)\//, '');
}

/** Validates every revision, naming the first (in order) that names no commit. */
async function resolveAll(repo: string, revs: string[], env: NodeJS.ProcessEnv) {
  const results = await Promise.allSettled(revs.map((rev) => resolveCommit(repo, rev, env)));
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return results.map((result) => (result as PromiseFulfilledResult<string>).value);
}

/**
 * The commits `trailguard check [spec]` judges.
 * - A spec with `..` or `...` (`A..B`, `A...B`, `A..`, `..B`) or with git's suffixes `R^!`,
 *   `R^@`, `R^-` goes to git as written (`R^!` is how to check one commit).
 * - Any other spec is a base: `R` means `R..HEAD`, the commits on HEAD that R lacks, as
 *   `git rebase R` reads it. (Reading `R` as "R and all its history" would judge a whole
 *   history on a typo of a range; reading it as "R alone" would silently skip the rest of a branch.)
 * - No spec: `@{upstream}..HEAD` (what a push would send), else the default branch `..HEAD`
 *   (a remote's HEAD, init.defaultBranch, main, master: defaultBranchRefs). On the default
 *   branch itself with no upstream that range is empty, and the description says so.
 * - `fromRoot`: spec is one revision (default HEAD) and the range is its whole history, root
 *   commit included (`A..B` can never include the root: A's own history is left out).
 * Every revision is checked first: one that names no commit is a UserError naming it.
 */
export async function resolveRange(options: ResolveRangeOptions): Promise<ResolvedRange> {
  const { repo, spec } = options;
  const env = options.env ?? process.env;
  if (options.fromRoot) return wholeHistory(repo, spec ?? 'HEAD', env);
  if (spec === undefined) return defaultRange(repo, env);
  if (spec.trim() === '') throw new UserError('empty range: name one, e.g. main..HEAD');
  const dots = spec.indexOf('..');
  if (dots !== -1) {
    const right = spec.slice(dots + (spec[dots + 2] === '.' ? 3 : 2));
    const base = spec.slice(0, dots) || 'HEAD';
    await resolveAll(repo, [base, right || 'HEAD'], env);
    return { revs: [spec], description: spec, base };
  }
  const suffix = RANGE_SUFFIX.exec(spec);
  if (suffix) {
    const tip = spec.slice(0, suffix.index);
    await resolveAll(repo, [tip], env);
    return { revs: [spec], description: spec, base: await parentBase(repo, tip, suffix[1]!, env) };
  }
  const [base, head] = await resolveAll(repo, [spec, 'HEAD'], env);
  const range = `${spec}..HEAD`;
  const description =
    base === head
      ? `${range} (empty: ${spec} is HEAD; to check that one commit: ${spec}^!)`
      : range;
  return { revs: [range], description, base: spec };
}

/**
 * The base of `R^!` and `R^-N`: the parent they exclude (`R^`, `R^N`), or null for a root commit.
 * `R^@` (R's parents and all their history) has none.
 */
async function parentBase(
  repo: string,
  tip: string,
  suffix: string,
  env: NodeJS.ProcessEnv,
): Promise<string | null | undefined> {
  if (suffix === '@') return undefined;
  const parent = `${tip}^${suffix.slice(1) || '1'}`;
  const found = await gitMaybe(['rev-parse', '--verify', '--quiet', `${parent}^{commit}`], {
    cwd: repo,
    env,
  });
  return found === null ? null : parent;
}

async function wholeHistory(
  repo: string,
  tip: string,
  env: NodeJS.ProcessEnv,
): Promise<ResolvedRange> {
  if (tip.includes('..') || RANGE_SUFFIX.test(tip) || tip.trim() === '') {
    throw new UserError(
      `--from-root takes one revision, whose whole history is read (got "${tip}"): e.g. --from-root main`,
    );
  }
  await resolveAll(repo, [tip], env);
  return { revs: [tip], description: `${tip} (its whole history, root commit included)` };
}

async function defaultRange(repo: string, env: NodeJS.ProcessEnv): Promise<ResolvedRange> {
  const [[head], tracked, listed, configured] = await Promise.all([
    resolveAll(repo, ['HEAD'], env),
    upstream(repo, env),
    gitMaybe(
      [
        'for-each-ref',
        '--format=%(refname)%00%(objectname)%00%(symref)',
        'refs/remotes/*/HEAD',
        'refs/remotes/origin/',
        'refs/heads/',
      ],
      { cwd: repo, env },
    ),
    gitMaybe(['config', '--get', 'init.defaultBranch'], { cwd: repo, env }),
  ]);
  if (tracked) {
    return {
      revs: [`${tracked}..HEAD`],
      description: `${shortRef(tracked)}..HEAD (the commits HEAD's upstream lacks)`,
      base: shortRef(tracked),
    };
  }
  const found = new Map(
    (listed ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, sha, target] = line.split('\0') as [string, string, string];
        return [ref, { ref: target || ref, sha }] as const;
      }),
  );
  const remoteHeads = [...found.keys()].filter((ref) => /^refs\/remotes\/[^/]+\/HEAD$/.test(ref));
  const base = defaultBranchRefs(configured?.trim(), remoteHeads)
    .map((ref) => found.get(ref))
    .find(Boolean);
  if (!base) {
    const other = [...found.values()].find(
      ({ ref, sha }) => ref.startsWith('refs/heads/') && sha !== head,
    );
    const example = other ? `${shortRef(other.ref)}..HEAD` : 'HEAD~10..HEAD';
    const fetched = [...found.keys()].some((ref) => ref.startsWith('refs/remotes/origin/'));
    throw new UserError(
      'no range given, and HEAD has no upstream and no default branch was found ' +
        '(a remote HEAD, init.defaultBranch, main, master): name a range, ' +
        `e.g. ${example}${fetched ? ", or let git learn origin's: git remote set-head origin --auto" : ''}`,
    );
  }
  const name = shortRef(base.ref);
  const description =
    base.sha === head
      ? `${name}..HEAD (empty: HEAD is at the default branch ${name} and has no upstream; ` +
        'name a range to check, e.g. HEAD~10..HEAD)'
      : `${name}..HEAD (no upstream; the default branch ${name} is the base)`;
  return { revs: [`${base.ref}..HEAD`], description, base: name };
}
