/**
 * How a git hook's work runs, shared by `trailguard hook` and the shims' lean entry (src/entries/hook-main.ts):
 * any error only warns (a local hook never loses a commit), exit 1 is kept for a policy block, and
 * the process leaves at once when nothing was printed (setting up stdout costs a few ms).
 */
export interface HookRunIO {
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export async function runHook(
  name: string,
  io: HookRunIO,
  work: (io: HookRunIO) => Promise<number>,
): Promise<number> {
  let wrote = false;
  const counted: HookRunIO = { ...io, stderr: (text) => ((wrote = true), io.stderr(text)) };
  let code: number;
  try {
    code = await work(counted);
  } catch (error) {
    const detail = io.env.TRAILGUARD_DEBUG
      ? ((error as Error).stack ?? String(error))
      : (error as Error).message;
    counted.stderr(`trailguard: ${name} hook failed: ${detail}; git goes on without it\n`);
    code = 0;
  }
  if (!wrote) process.exit(code);
  return code;
}
