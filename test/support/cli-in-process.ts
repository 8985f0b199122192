/**
 * The CLI's verbs run in this process (src/cli/main.ts, what dist/cli.js runs), against the real
 * git: for the variations of a flow (flags, formats, errors) once a test has run that flow through
 * the built bundle as a process. Each call costs no node start-up and no bundle load.
 */
import { main } from '../../src/cli/main.js';
import type { RunResult } from './process.js';

export async function runCliInProcess(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => options.input ?? '',
    cwd: options.cwd,
    env: options.env,
  });
  return { code, stdout, stderr };
}
