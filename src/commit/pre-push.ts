/**
 * The opt-in pre-push hook: `trailguard check` on the commits being pushed, before CI sees them.
 * git gives one line per ref on stdin: `<local ref> <local sha> <remote ref> <remote sha>`.
 * External AI output in protected paths refuses the push when `local.on-violation: block`;
 * a missing review only warns, since the review comes on the pull request after the push.
 */
import { runCheck } from '../policy/check.js';
import { renderText } from '../report/text.js';
import { escapeHatch } from './escape.js';
import { gitMaybe } from '../git/exec.js';
import type { RepoFacts } from '../git/discover.js';
import type { HookIO } from './hooks.js';
import { workTreePolicy } from '../policy/load.js';
import type { CompiledPolicy } from '../policy/types.js';
import { policySourceText } from '../report/policy.js';

const ZERO = /^0+$/;

/**
 * The revisions naming the commits a push sends for one ref, or undefined for a deletion: the
 * range from the remote's old tip when we have it, else (a new branch, or a tip we never fetched)
 * the local tip less every commit a remote-tracking ref of that remote already has (`^sha` forms:
 * the history reader takes revisions only, never options such as `--not`).
 */
async function outgoing(
  ctx: RepoFacts,
  remote: string,
  localSha: string,
  remoteSha: string,
): Promise<string[] | undefined> {
  if (ZERO.test(localSha)) return undefined;
  const options = { cwd: ctx.top, env: ctx.env };
  const known =
    !ZERO.test(remoteSha) &&
    (await gitMaybe(['cat-file', '-e', `${remoteSha}^{commit}`], options)) !== null;
  if (known) return [`${remoteSha}..${localSha}`];
  const tips = await gitMaybe(
    ['for-each-ref', '--format=%(objectname)', `refs/remotes/${remote}/`],
    options,
  );
  const excluded = new Set((tips ?? '').split('\n').filter(Boolean));
  return [localSha, ...[...excluded].map((sha) => `^${sha}`)];
}

export async function prePush(
  ctx: RepoFacts,
  args: string[],
  stdin: string,
  io: HookIO,
): Promise<number> {
  const remote = args[0] ?? ctx.env.PRE_COMMIT_REMOTE_NAME ?? 'origin';
  let policy: CompiledPolicy;
  try {
    policy = await workTreePolicy(ctx);
  } catch (error) {
    io.stderr(`trailguard: ${(error as Error).message}; the push goes on without a check\n`);
    return 0;
  }
  let blocked = false;
  let reported = false;
  // pre-commit runs pre-push hooks without git's stdin and names the range in its environment.
  const { PRE_COMMIT_FROM_REF: from, PRE_COMMIT_TO_REF: to } = ctx.env;
  const lines = stdin.trim() === '' && to ? [`- ${to} - ${from ?? '0'}`] : stdin.split('\n');
  for (const line of lines) {
    const [, localSha, , remoteSha] = line.trim().split(/\s+/);
    if (!localSha || !remoteSha) continue;
    const revs = await outgoing(ctx, remote, localSha, remoteSha);
    if (!revs) continue;
    const report = await runCheck({ repo: ctx.top, revs, policy, env: ctx.env });
    if (report.ok) continue;
    io.stderr(renderText(report));
    reported = true;
    blocked ||= report.violations.some((v) => v.rule === 'external-ai');
  }
  if (!blocked) {
    if (reported)
      io.stderr(
        'trailguard: only reviews are missing; the push goes on (an approving pull request review counts)\n',
      );
    return 0;
  }
  const source = policySourceText(policy.source);
  if (policy.onViolation !== 'block') {
    io.stderr(`trailguard: warning only (local.on-violation: warn in ${source})\n`);
    return 0;
  }
  const allowed = escapeHatch(ctx.env);
  if (allowed) {
    io.stderr(
      `trailguard: ${allowed}: the push goes on despite local.on-violation: block; CI judges it\n`,
    );
    return 0;
  }
  io.stderr(
    `trailguard: push refused (local.on-violation: block in ${source}); ` +
      'to push anyway (CI still judges it): TRAILGUARD_ALLOW=1 git push\n',
  );
  return 1;
}
