import { runAgentHook } from '../agents/hook.js';
import type { Verb } from './io.js';

const USAGE = 'usage: trailguard agent-hook <agent> [--event NAME] (the payload on stdin)';

/** `<agent> [--event NAME]`, read by hand: util.parseArgs is a module every edit would load. */
function parse(args: string[]): { agent: string; event?: string } | string {
  let agent: string | undefined;
  let event: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--event' && i + 1 < args.length) event = args[++i];
    else if (arg.startsWith('--event=')) event = arg.slice('--event='.length);
    else if (arg.startsWith('-')) return `unknown option '${arg}'`;
    else if (agent === undefined) agent = arg;
    else return `unexpected argument '${arg}'`;
  }
  return agent === undefined ? 'which agent?' : { agent, event };
}

/**
 * `trailguard agent-hook <agent> [--event NAME]`, run by an agent's hook config with the
 * agent's JSON payload on stdin. Never exits 2 except to refuse an edit (exit 2 is the refusal
 * in several agents' protocols): every usage problem is one stderr line and exit 0.
 */
export const run: Verb = async (args, io) => {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`trailguard agent-hook: ${parsed}; nothing checked or recorded (${USAGE})\n`);
    return 0;
  }
  let stdin: string;
  try {
    stdin = await io.readStdin();
  } catch (error) {
    io.stderr(
      `trailguard agent-hook: cannot read the payload on stdin (${(error as Error).message}); nothing checked or recorded\n`,
    );
    return 0;
  }
  const reply = await runAgentHook({ ...parsed, stdin, cwd: io.cwd, env: io.env });
  if (reply.stdout) io.stdout(reply.stdout);
  if (reply.stderr) io.stderr(reply.stderr);
  return reply.code;
};
