/**
 * What the git hook shims and the agent hook configs run: dist/hook.cjs, which runs lean
 * CommonJS code instead of the ESM module graph of dist/cli.js.
 *
 * Git hooks: dist/hook-main.cjs, through V8's code cache, kept per clone in
 * the state table's `codeCache` (the shim names the common dir), so a commit does
 * not compile that code again (node 20 has no compile cache for modules). V8 rejects a cache made
 * by another node or for other code; it is then made anew when the process exits. Whatever the
 * lean code leaves (pre-push, a policy not cached yet) goes to the full CLI, `dist/cli.js hook …`,
 * imported into this same process.
 *
 * `agent-hook <agent>`: dist/agent-hook-main.cjs, the whole verb. It is small enough to need no
 * code cache, and an agent's call names no git dir to keep one in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { replaceFile, sharedStatePath } from '../state/paths.js';

const here = dirname(process.argv[1]);
const [name, ...args] = process.argv.slice(2);
const agentHook = name === 'agent-hook';

/** The exports of `file` (a CommonJS bundle), compiled with the code cache `cacheFile`, if any. */
function loadLean<Exports>(file: string, cacheFile: string | undefined): Exports {
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
  });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // At exit the cache also holds the functions this run compiled.
    process.on('exit', () => {
      try {
        writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
        replaceFile(`${cacheFile}.${process.pid}`, cacheFile);
      } catch {
        // No cache this time; the next call tries again.
      }
    });
  }
  const exports = {};
  const module = { exports };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const require = Module.createRequire(file);
  run.call(exports, exports, require, module, file, here);
  return module.exports as Exports;
}

async function main(): Promise<void> {
  if (agentHook) {
    const lean = loadLean<{ runLeanAgentHook: (args: string[]) => Promise<void> }>(
      join(here, 'agent-hook-main.cjs'),
      undefined,
    );
    await lean.runLeanAgentHook(args);
    return;
  }
  const common = process.env.TRAILGUARD_COMMON_DIR;
  const lean = loadLean<{ runLeanHook: (name: string, args: string[]) => Promise<boolean> }>(
    join(here, 'hook-main.cjs'),
    common ? sharedStatePath(common, 'codeCache') : undefined,
  );
  if (await lean.runLeanHook(name, args)) return;
  process.argv.splice(2, 0, 'hook');
  await import(pathToFileURL(join(here, 'cli.js')).href);
}

main().catch((error: unknown) => {
  // Exit 1 would refuse the commit, exit 2 the edit; an internal error must do neither.
  const message = (error as Error).message;
  process.stderr.write(
    agentHook
      ? `trailguard agent-hook: ${message}; the edit was not checked or recorded\n`
      : `trailguard: ${name} hook failed: ${message}; git goes on without it\n`,
  );
  process.exitCode = 0;
});
