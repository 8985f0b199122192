// Bundles the CLI (dist/, code-split so each verb loads only what it needs) and the Action
// (action/index.js, one committed file). `--action-out DIR` writes the Action bundle elsewhere,
// which is how the check-dist test compares a fresh build with the committed one.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { packageFacts } from './package-facts.mjs';

const { values } = parseArgs({
  options: { 'action-out': { type: 'string' }, 'only-action': { type: 'boolean' } },
});

// Some CJS dependencies call require() for node built-ins; an ESM bundle needs one to exist.
const requireShim =
  "import { createRequire as __tgCreateRequire } from 'node:module'; const require = __tgCreateRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: Object.fromEntries(
    Object.entries(packageFacts).map(([name, value]) => [
      `process.env.${name}`,
      JSON.stringify(value),
    ]),
  ),
};

await checkCatalog();

// Chunk names carry content hashes: start from an empty dist/ so stale chunks never pile up.
if (!values['only-action']) rmSync('dist', { recursive: true, force: true });

const jobs = [
  build({
    ...common,
    entryPoints: ['action/entry.ts'],
    outfile: `${values['action-out'] ?? 'action'}/index.js`,
    banner: { js: requireShim },
  }),
];
if (!values['only-action']) {
  jobs.push(
    build({
      ...common,
      entryPoints: { cli: 'src/entries/cli.ts' },
      outdir: 'dist',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      banner: { js: `#!/usr/bin/env node\n${requireShim}` },
    }),
  );
}
if (!values['only-action']) {
  // What the git hook shims run: a small loader (hook.cjs) and a commit's common path in one
  // CommonJS file (hook-main.cjs, no ESM module graph); anything else continues in dist/cli.js,
  // imported at run time (so kept a real import()).
  jobs.push(
    build({
      ...common,
      entryPoints: { hook: 'src/entries/hook.ts', 'hook-main': 'src/entries/hook-main.ts' },
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      supported: { 'dynamic-import': true },
      // Less source for node to parse on every commit; names stay readable in stack traces.
      minifyWhitespace: true,
      minifySyntax: true,
    }),
  );
  // What `agent-hook` runs through hook.cjs: the verb in one CommonJS file, and the guard's slow
  // path (policy parser and schema, most of the code) in another, required only when the guard's
  // cache cannot decide. A real import() would fail in the loader's vm script, hence require().
  jobs.push(
    build({
      ...common,
      entryPoints: { 'agent-hook-main': 'src/entries/agent-hook-main.ts' },
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      supported: { 'dynamic-import': false },
      plugins: [externalGuardPolicy('./agent-hook-policy.cjs')],
      minifyWhitespace: true,
      minifySyntax: true,
    }),
    build({
      ...common,
      entryPoints: { 'agent-hook-policy': 'src/agents/guard-policy.ts' },
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      minifyWhitespace: true,
      minifySyntax: true,
    }),
  );
}
await Promise.all(jobs);
if (!values['only-action']) chmodSync('dist/cli.js', 0o755);
if (!values['only-action']) await writeShimBlock();

/** A TypeScript module of ours, bundled in memory and imported, for build-time work. */
async function importTs(entry) {
  const bundle = await build({ ...common, entryPoints: [entry], write: false });
  const source = Buffer.from(bundle.outputFiles[0].contents).toString('base64');
  return import(`data:text/javascript;base64,${source}`);
}

/** The tool catalog is data: a bad entry fails the build, naming where it is. */
async function checkCatalog() {
  const { parseCatalogData } = await importTs('src/core/catalog-schema.ts');
  try {
    parseCatalogData(JSON.parse(readFileSync('src/core/catalog.json', 'utf8')));
  } catch (error) {
    console.error(`build: ${error.message}`);
    process.exit(1);
  }
}

/**
 * The hook shim's agent variables and tool signatures come from the catalog, its state file
 * names from the state table (src/state/paths.ts): never by hand.
 */
async function writeShimBlock() {
  const shim = 'hooks/trailguard-hook.sh';
  const { renderShimBlocks, withShimBlock } = await importTs('src/install/shim-block.ts');
  const current = readFileSync(shim, 'utf8');
  const next = renderShimBlocks(current).reduce(withShimBlock, current);
  if (next !== current) writeFileSync(shim, next);
}

/** Leaves src/agents/guard-policy.ts out of a bundle, loaded at run time from `file` instead. */
function externalGuardPolicy(file) {
  return {
    name: 'external-guard-policy',
    setup(plugin) {
      plugin.onResolve({ filter: /^\.\/guard-policy\.js$/ }, () => ({
        path: file,
        external: true,
      }));
    },
  };
}
