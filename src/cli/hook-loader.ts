/**
 * What the git hook shims run: dist/hook.cjs. It runs the lean hook code (dist/hook-main.cjs)
 * through V8's code cache, kept per clone in `<git-common-dir>/trailguard/hook-code-cache`, so a
 * commit does not compile that code again (node 20 has no compile cache for modules). V8 rejects
 * a cache made by another node or for other code; it is then made anew when the process exits.
 * Whatever the lean code leaves (pre-push, a policy not cached yet) goes to the full CLI,
 * `dist/cli.js hook …`, imported into this same process.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

type Lean = (name: string, args: string[]) => Promise<boolean>;

const here = dirname(process.argv[1]);
const [name, ...args] = process.argv.slice(2);

function loadLean(): Lean {
  const file = join(here, 'hook-main.cjs');
  const common = process.env.TRAILGUARD_COMMON_DIR;
  const cacheFile = common ? join(common, 'trailguard', 'hook-code-cache') : undefined;
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
        renameSync(`${cacheFile}.${process.pid}`, cacheFile);
      } catch {
        // No cache this time; the next commit tries again.
      }
    });
  }
  const exports: { runLeanHook?: Lean } = {};
  const module = { exports };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const require = Module.createRequire(file);
  run.call(exports, exports, require, module, file, here);
  return (module.exports as { runLeanHook: Lean }).runLeanHook;
}

async function main(): Promise<void> {
  if (await loadLean()(name, args)) return;
  process.argv.splice(2, 0, 'hook');
  await import(pathToFileURL(join(here, 'cli.js')).href);
}

main().catch((error: unknown) => {
  // Exit 1 would refuse the commit; an internal error must not.
  process.stderr.write(
    `trailguard: ${name} hook failed: ${(error as Error).message}; git goes on without it\n`,
  );
  process.exitCode = 0;
});
