/**
 * The one way trailguard runs git: to completion (git, gitSync, gitMaybe) or streaming
 * (gitStream). The caller's environment is required, never defaulted: inside a hook git sets
 * GIT_INDEX_FILE, GIT_DIR and friends, and a call that dropped them would read the wrong index.
 * A git that cannot be started is its own one-line error naming the fix, never "not a repository".
 */
import {
  execFile,
  execFileSync,
  spawn,
  type ChildProcessByStdio,
  type ExecFileException,
} from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { UserError } from '../core/errors.js';

export interface GitOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  input?: string;
}

/** git could not be started at all: not installed, not on PATH, or no such working directory. */
export class GitStartError extends UserError {}

const MAX_BUFFER = 1024 * 1024 * 1024;

/**
 * Why git could not even start, or undefined when it ran. Node reports a missing working
 * directory as ENOENT too, so the directory is checked before blaming git.
 */
export function startFailure(
  error: unknown,
  options: Omit<GitOptions, 'input'>,
): GitStartError | undefined {
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (code !== 'ENOENT' || !syscall?.startsWith('spawn')) return undefined;
  if (!existsSync(options.cwd)) return new GitStartError(`no such directory: ${options.cwd}`);
  return new GitStartError(
    `git was not found on PATH (${options.env.PATH ?? 'unset'}): install git or add its directory to PATH`,
  );
}

function failure(args: string[], error: unknown, options: GitOptions): UserError {
  const notStarted = startFailure(error, options);
  if (notStarted) return notStarted;
  const stderr = (error as { stderr?: string | Buffer }).stderr?.toString().trim();
  return new UserError(`git ${args.join(' ')} failed: ${stderr || (error as Error).message}`);
}

export function gitSync(args: string[], options: GitOptions): string {
  try {
    return execFileSync('git', args, {
      cwd: options.cwd,
      env: options.env,
      input: options.input,
      encoding: 'utf8',
      maxBuffer: MAX_BUFFER,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw failure(args, error, options);
  }
}

export function git(args: string[], options: GitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd: options.cwd, env: options.env, encoding: 'utf8', maxBuffer: MAX_BUFFER },
      (error: ExecFileException | null, stdout) =>
        error ? reject(failure(args, error, options)) : resolve(stdout),
    );
    // git may exit before reading its input (most commands never do): that EPIPE is no error,
    // the exit status says how the command went. Unhandled, it would crash the process.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

/**
 * Like git(), but a non-zero exit gives null instead of an error (for questions such as "is this
 * a ref?"). A git that cannot be started is still an error: "no" would be a wrong answer.
 */
export async function gitMaybe(args: string[], options: GitOptions): Promise<string | null> {
  try {
    return await git(args, options);
  } catch (error) {
    if (error instanceof GitStartError) throw error;
    return null;
  }
}

/** git with its stdout (and stderr) as streams, for output read as it arrives (`git log`). */
export function gitStream(
  args: string[],
  options: Omit<GitOptions, 'input'>,
): ChildProcessByStdio<null, Readable, Readable> {
  return spawn('git', args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
