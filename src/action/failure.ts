import { UserError } from '../core/errors.js';

/**
 * A failure in one step of the Action's run, with what it was doing: the one `::error::` line
 * names the step, so "ENOENT: no such file or directory" becomes "writing the step outputs
 * (GITHUB_OUTPUT): ENOENT …".
 */
export class StepFailure extends Error {
  override name = 'StepFailure';
  constructor(
    readonly step: string,
    override readonly cause: unknown,
  ) {
    super(`${step}: ${messageOf(cause)}`);
  }
}

/** Runs one step of the Action; any error it throws comes out as a StepFailure naming the step. */
export async function during<T>(step: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StepFailure ? error : new StepFailure(step, error);
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // git's stderr and some system errors run to several lines: the first says what happened.
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? 'unknown error'
  );
}

/**
 * How a failed run is reported: one line for the `::error::` annotation, what else there is to
 * say for the log, and the stack trace for debug logging only. An error the user can act on
 * (UserError) already names the problem and the fix; anything else is unexpected, and the verdict
 * is still "failed": a check that did not run to the end passes nothing.
 */
export function failureReport(error: unknown): { line: string; details?: string; stack?: string } {
  const step = error instanceof StepFailure ? error.step : undefined;
  const cause = error instanceof StepFailure ? error.cause : error;
  if (cause instanceof UserError) {
    const [first = '', ...rest] = cause.message.split('\n').filter((line) => line.trim());
    return rest.length
      ? { line: `trailguard: ${first} (more in the log)`, details: rest.join('\n') }
      : { line: `trailguard: ${first}` };
  }
  const where = step ? `${step}: ` : '';
  return {
    line: `trailguard: FAILED — ${where}${messageOf(cause)} (unexpected; the check did not run to the end, so it fails. Re-run with debug logging for the stack trace.)`,
    stack: cause instanceof Error ? cause.stack : undefined,
  };
}
