// Bundles the CLI (dist/, code-split so each verb loads only what it needs) and the Action
// (action/index.js, one committed file). `--action-out DIR` writes the Action bundle elsewhere,
// which is how the check-dist test compares a fresh build with the committed one.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HEAVY, LAZY, LEAN } from './bundles.mjs';
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
  // Less source for node to parse at every start (the Action's 2 MB most of all); names stay
  // readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  define: Object.fromEntries(
    Object.entries(packageFacts).map(([name, value]) => [
      `process.env.${name}`,
      JSON.stringify(value),
    ]),
  ),
};

await checkCatalog();
await writeCatalogDerived();
await writeDefaultPolicy();

// Chunk names carry content hashes: start from an empty dist/ so stale chunks never pile up.
if (!values['only-action']) rmSync('dist', { recursive: true, force: true });

const jobs = [
  build({
    ...common,
    entryPoints: ['action/entry.ts'],
    outfile: `${values['action-out'] ?? 'action'}/index.js`,
    banner: { js: requireShim },
    plugins: [sideEffectFree('@actions/core')],
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
  const cjs = {
    ...common,
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  };
  // The loader the shims and agent configs run (dist/hook.cjs); what the lean code leaves
  // (pre-push, a policy not cached yet) continues in dist/cli.js, a real import() at run time.
  jobs.push(
    build({
      ...cjs,
      entryPoints: { hook: 'src/entries/hook.ts' },
      supported: { 'dynamic-import': true },
    }),
  );
  // The lean bundles run inside the loader's vm script, where only require() works.
  jobs.push(
    build({
      ...cjs,
      entryPoints: LEAN,
      supported: { 'dynamic-import': false },
      plugins: [lazyModules()],
      metafile: true,
    }).then(refuseHeavy),
    build({ ...cjs, entryPoints: LAZY }),
  );
}
await Promise.all(jobs);
if (!values['only-action']) chmodSync('dist/cli.js', 0o755);
if (!values['only-action']) await writeShimBlock();

/** A TypeScript module of ours, bundled in memory and imported, for build-time work. */
async function importTs(entry) {
  // A data: URL has no require() of its own for CommonJS dependencies (picomatch): the build's.
  const banner = `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(import.meta.url)});`;
  const bundle = await build({
    ...common,
    entryPoints: [entry],
    write: false,
    banner: { js: banner },
  });
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
 * What the hot paths would otherwise derive from the builtin catalog on every call, computed here
 * (src/core/catalog-derived.json; a test fails when the committed file differs).
 */
async function writeCatalogDerived() {
  const { signatureMarkers } = await importTs('src/core/signature-markers.ts');
  const { builtinTools } = await importTs('src/core/catalog.ts');
  const { aliasTable } = await importTs('src/core/aliases.ts');
  writeJson('src/core/catalog-derived.json', {
    signatureMarkers: signatureMarkers(),
    aliases: aliasTable(builtinTools),
  });
}

/**
 * The embedded default policy, parsed, validated and compiled here once instead of at every start
 * (src/policy/embedded.ts reads the file; a test fails when the committed file differs).
 */
async function writeDefaultPolicy() {
  const { compileDefaultPolicy } = await importTs('src/policy/default-compile.ts');
  writeJson('src/policy/default-policy.json', compileDefaultPolicy());
}

/** Build-time data for the sources to import; written only when it changed. */
function writeJson(file, data) {
  const next = `${JSON.stringify(data, null, 2)}\n`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== next) writeFileSync(file, next);
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

/**
 * Marks a package's modules free of side effects on import (it says so nowhere), so esbuild drops
 * what is never called: @actions/core's getIDToken imports @actions/http-client, which loads
 * undici at start on every Action run; the GitHub API client (@actions/github) loads it when the
 * run first calls the API.
 */
function sideEffectFree(packageName) {
  const inPackage = (path) => path.includes(`/node_modules/${packageName}/`);
  return {
    name: 'side-effect-free',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.sideEffectFree) return undefined;
        if (!args.path.startsWith(packageName) && !inPackage(args.importer)) return undefined;
        const { path, errors } = await plugin.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { sideEffectFree: true },
        });
        if (errors.length > 0) return { errors };
        // Only the package's own modules; whatever it imports resolves as usual.
        return inPackage(path) ? { path, sideEffects: false } : undefined;
      });
    },
  };
}

/** Leaves the LAZY modules out of a bundle: each import of one becomes a require() of its file. */
function lazyModules() {
  const files = new Map(
    Object.entries(LAZY).map(([name, source]) => {
      if (!existsSync(source)) throw new Error(`build: LAZY module ${source} does not exist`);
      return [resolve(source), `./${name}.cjs`];
    }),
  );
  return {
    name: 'lazy-modules',
    setup(plugin) {
      plugin.onResolve({ filter: /^\./ }, (args) => {
        const source = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        return files.has(source) ? { path: files.get(source), external: true } : undefined;
      });
    },
  };
}

/** Fails the build when a lean bundle holds a HEAVY package. */
function refuseHeavy(result) {
  for (const [bundle, output] of Object.entries(result.metafile.outputs)) {
    const heavy = Object.keys(output.inputs).filter((input) =>
      HEAVY.some((name) => input.includes(`node_modules/${name}/`)),
    );
    if (heavy.length > 0)
      throw new Error(`build: ${bundle} must not contain ${heavy[0]} (see scripts/bundles.mjs)`);
  }
}
