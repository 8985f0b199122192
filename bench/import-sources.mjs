// Imports TypeScript from src/ and test/support/ into a bench: bundled by esbuild as the product
// is built, written to a temporary file, imported, and the file removed.
//
//   const { detectCommit } = await importSources({ './src/core/detect.ts': ['detectCommit'] });
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Bundles `names` per module path (from the repository root; `'*'` exports all of a module) into
 * a file in a new temporary directory, for benches whose child processes import it too.
 */
export async function bundleSources(names) {
  const contents = Object.entries(names)
    .map(([path, list]) =>
      list === '*' ? `export * from '${path}';` : `export { ${list.join(', ')} } from '${path}';`,
    )
    .join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'tg-bench-lib-'));
  const file = join(dir, 'lib.mjs');
  await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'warning',
    // yaml is CommonJS inside: an ESM bundle needs a require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    // test/support finds the repository and its fixtures from its own folder.
    define: { 'import.meta.dirname': JSON.stringify(resolve(ROOT, 'test', 'support')) },
  });
  return { dir, url: pathToFileURL(file).href };
}

/** The module `bundleSources` makes of `names`, imported; its file is removed. */
export async function importSources(names) {
  const { dir, url } = await bundleSources(names);
  try {
    return await import(url);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
