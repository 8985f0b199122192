import { hookContext } from '../commit/context.js';
import { commitMsg, postCommit, prepareCommitMsg } from '../commit/hooks.js';
import { UserError } from '../errors.js';
import { EXIT, type CliIO, type Verb } from './io.js';

const help = `usage: trailguard hook <prepare-commit-msg|commit-msg|post-commit|pre-push> [git's hook arguments]

Called by the git hook shims that \`trailguard install\` sets up; not meant to be typed.
Exit 0 lets git go on; exit 1 refuses the commit or push (local.on-violation: block).
Any internal error only warns: a local hook never loses a commit.
`;

async function dispatch(name: string, args: string[], io: CliIO): Promise<number> {
  const ctx = hookContext(io.cwd, io.env);
  switch (name) {
    case 'prepare-commit-msg':
      return prepareCommitMsg(ctx, args, io);
    case 'commit-msg':
      return commitMsg(ctx, args, io);
    case 'post-commit':
      return postCommit(ctx);
    case 'pre-push': {
      // The full check engine loads only here, never on a commit.
      const { prePush } = await import('../commit/pre-push.js');
      return prePush(ctx, args, await io.readStdin(), io);
    }
    default:
      throw new UserError(
        `hook: unknown hook "${name}" (expected prepare-commit-msg, commit-msg, post-commit or pre-push)`,
      );
  }
}

export const run: Verb = async (args, io) => {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(help);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    return await dispatch(name, rest, io);
  } catch (error) {
    if (error instanceof UserError && error.message.startsWith('hook: unknown hook')) throw error;
    const detail = io.env.TRAILGUARD_DEBUG
      ? ((error as Error).stack ?? String(error))
      : (error as Error).message;
    io.stderr(`trailguard: ${name} hook failed: ${detail}; git goes on without it\n`);
    return EXIT.ok;
  }
};
