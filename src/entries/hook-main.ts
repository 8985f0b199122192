/**
 * A commit's common path for the git hook shims (dist/hook-main.cjs, run by src/entries/hook.ts): the
 * policy from the guard's cache, the staged changes from the shim. It loads no policy parser,
 * schema, glob compiler, child_process or ESM module graph, which together cost about as much
 * again as starting node. Anything else (no current cache, pre-push) is left to the full CLI.
 */
import { hookRepo } from '../commit/context.js';
import { commitMsg, postCommit, prepareCommitMsg } from '../commit/hooks.js';
import { cachedPolicy } from '../policy/load.js';
import { runHook } from '../commit/run-hook.js';
import { writeDirect } from './direct-write.js';

/** Runs hook `name`; resolves to false when the full CLI has to do it. */
export async function runLeanHook(name: string, args: string[]): Promise<boolean> {
  const io = { stderr: (text: string) => writeDirect(2, text), env: process.env };
  if (name === 'post-commit') {
    process.exitCode = await runHook(name, io, async (hookIO) =>
      postCommit(await hookRepo(process.cwd(), io.env), args, hookIO),
    );
    return true;
  }
  if (name !== 'prepare-commit-msg' && name !== 'commit-msg') return false;
  let ctx: Awaited<ReturnType<typeof hookRepo>>;
  let policy: ReturnType<typeof cachedPolicy>;
  try {
    ctx = await hookRepo(process.cwd(), io.env);
    policy = cachedPolicy(ctx);
  } catch {
    return false; // the full CLI reports it, and lets the commit go on
  }
  if (!policy) return false;
  const deps = { loadPolicy: async () => ({ policy }) };
  process.exitCode = await runHook(name, io, (hookIO) =>
    name === 'commit-msg'
      ? commitMsg(ctx, args, hookIO, deps)
      : prepareCommitMsg(ctx, args, hookIO, deps),
  );
  return true;
}
