import { parseArgs } from 'node:util';
import { runAgentHook } from '../agents/hook.js';
import type { Verb } from './io.js';

/**
 * `trailguard agent-hook <agent> [--event NAME]`, run by an agent's hook config with the
 * agent's JSON payload on stdin. Never exits 2 except to refuse an edit (exit 2 is the refusal
 * in several agents' protocols): every usage problem is one stderr line and exit 0.
 */
export const run: Verb = async (args, io) => {
  let agent: string | undefined;
  let event: string | undefined;
  try {
    const { positionals, values } = parseArgs({
      args,
      options: { event: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    [agent] = positionals;
    event = values.event;
  } catch (error) {
    io.stderr(`trailguard agent-hook: ${(error as Error).message}; nothing checked or recorded\n`);
    return 0;
  }
  if (agent === undefined) {
    io.stderr(
      'trailguard agent-hook: which agent? usage: trailguard agent-hook <agent> (payload on stdin)\n',
    );
    return 0;
  }
  const reply = await runAgentHook({
    agent,
    event,
    stdin: await io.readStdin(),
    cwd: io.cwd,
    env: io.env,
  });
  if (reply.stdout) io.stdout(reply.stdout);
  if (reply.stderr) io.stderr(reply.stderr);
  return reply.code;
};
