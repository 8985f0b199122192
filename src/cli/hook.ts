import { hookRepo, stagedChanges } from '../commit/context.js';
import { workTreePolicyOrProblem } from '../policy/load.js';
import { UserError } from '../core/errors.js';
import { runHook } from '../commit/run-hook.js';
import { EXIT, type CliIO, type Verb } from './io.js';

const HOOKS = ['prepare-commit-msg', 'commit-msg', 'post-commit', 'pre-push'];

const help = `usage: trailguard hook <prepare-commit-msg|commit-msg|post-commit|pre-push> [git's hook arguments]

Called by the git hook shims that \`trailguard install\` sets up; not meant to be typed.
Exit 0 lets git go on; exit 1 refuses the commit or push (local.on-violation: block).
Any internal error only warns: a local hook never loses a commit.
`;

async function dispatch(name: string, args: string[], io: CliIO): Promise<number> {
  const ctx = await hookRepo(io.cwd, io.env);
  switch (name) {
    case 'prepare-commit-msg': {
      // Started first: git works out the staged files while node loads the detection code.
      const staged = stagedChanges(ctx);
      // Awaited later: until then a failure must not count as unhandled (that would exit 1,
      // which refuses the commit).
      staged.catch(() => {});
      const { prepareCommitMsg } = await import('../commit/hooks.js');
      return prepareCommitMsg(ctx, args, io, { loadPolicy: workTreePolicyOrProblem, staged });
    }
    case 'commit-msg': {
      const { commitMsg } = await import('../commit/hooks.js');
      return commitMsg(ctx, args, io, { loadPolicy: workTreePolicyOrProblem });
    }
    case 'post-commit':
      return (await import('../commit/hooks.js')).postCommit(ctx, args, io);
    case 'pre-push': {
      // The full check engine loads only here, never on a commit.
      const { prePush } = await import('../commit/pre-push.js');
      return prePush(ctx, args, await io.readStdin(), io);
    }
    default:
      throw new UserError(`hook: unknown hook "${name}"`);
  }
}

export const run: Verb = async (args, io) => {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(help);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (!HOOKS.includes(name)) {
    throw new UserError(`hook: unknown hook "${name}" (expected ${HOOKS.join(', ')})`);
  }
  return runHook(name, io, (hookIO) => dispatch(name, rest, { ...io, ...hookIO }));
};
