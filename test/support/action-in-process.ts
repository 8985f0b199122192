/**
 * The Action's run() (action/main.ts, what the bundle runs) called in this process with the same
 * runner environment runAction gives the bundle: for the variations of a flow (inputs, faults,
 * wording) once a test has run that flow through the committed bundle as a process. Each call
 * costs no node start-up and no bundle load.
 *
 * @actions/core works on the process itself, so each call lends it the process for the run and
 * takes it back after: process.env is the step's environment (plus the build-time constants the
 * bundle has compiled in), stdout and stderr are captured, and process.exitCode (setFailed's) is
 * read as the exit code and restored.
 */
import * as core from '@actions/core';
import { run } from '../../action/main.js';
import { runnerStep, stepResult, type ActionRun, type RunActionOptions } from './action-runner.js';

/** What scripts/build.mjs defines in the bundle, read from process.env by sources under test. */
const BUILD_CONSTANTS = ['TRAILGUARD_VERSION', 'TRAILGUARD_REPOSITORY'];

export async function runActionInProcess(
  options: Omit<RunActionOptions, 'bundle'>,
): Promise<ActionRun> {
  const step = runnerStep(options);
  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  const { stdout, stderr } = process;
  const writes = { stdout: stdout.write, stderr: stderr.write };
  const captured = { stdout: '', stderr: '' };
  const capture = (name: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      captured[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof stdout.write;

  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, step.env);
  for (const name of BUILD_CONSTANTS) process.env[name] = savedEnv[name];
  // core.summary keeps the first GITHUB_STEP_SUMMARY it reads; a runner process reads its own.
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  process.exitCode = undefined;
  stdout.write = capture('stdout');
  stderr.write = capture('stderr');
  let code: number;
  try {
    await run();
    code = Number(process.exitCode ?? 0);
  } finally {
    stdout.write = writes.stdout;
    stderr.write = writes.stderr;
    process.exitCode = savedExitCode;
    for (const name of Object.keys(process.env)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  }
  return stepResult(step, { code, ...captured });
}
