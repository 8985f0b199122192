/**
 * `trailguard agent-hook` for the agent configs (dist/agent-hook-main.cjs, run by src/entries/hook.ts):
 * the verb in one small CommonJS file, without the ESM module graph of dist/cli.js, whose start-up
 * alone cost most of an agent hook call. The guard's slow path (the policy parser and schema) is
 * dist/policy-refresh.cjs (scripts/bundles.mjs), required only when the policy cache is stale.
 */
import { readFileSync } from 'node:fs';
import { run } from '../cli/agent-hook.js';
import { writeDirect } from './direct-write.js';

export async function runLeanAgentHook(args: string[]): Promise<void> {
  process.exitCode = await run(args, {
    stdout: (text) => writeDirect(1, text),
    stderr: (text) => writeDirect(2, text),
    readStdin: async () => readFileSync(0, 'utf8'),
    cwd: process.cwd(),
    env: process.env,
  });
}
