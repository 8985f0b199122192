import { execFile, execFileSync } from 'node:child_process';
import { UserError } from '../errors.js';

/**
 * git through child_process, inheriting the whole environment: inside a hook git sets
 * GIT_INDEX_FILE, GIT_DIR and friends, and a call that dropped them would read the wrong index.
 */
export interface GitOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
}

const MAX_BUFFER = 1024 * 1024 * 1024;

function failure(args: string[], error: unknown): UserError {
  const stderr = (error as { stderr?: string | Buffer }).stderr?.toString().trim();
  return new UserError(`git ${args.join(' ')} failed: ${stderr || (error as Error).message}`);
}

export function gitSync(args: string[], options: GitOptions): string {
  try {
    return execFileSync('git', args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      input: options.input,
      encoding: 'utf8',
      maxBuffer: MAX_BUFFER,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw failure(args, error);
  }
}

export function git(args: string[], options: GitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        encoding: 'utf8',
        maxBuffer: MAX_BUFFER,
      },
      (error, stdout) => (error ? reject(failure(args, error)) : resolve(stdout)),
    );
    // git may exit before reading its input (most commands never do): that EPIPE is no error,
    // the exit status says how the command went. Unhandled, it would crash the process.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

/** Like git(), but a non-zero exit gives null instead of an error (for questions such as "is this a ref?"). */
export async function gitMaybe(args: string[], options: GitOptions): Promise<string | null> {
  try {
    return await git(args, options);
  } catch {
    return null;
  }
}
