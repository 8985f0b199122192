// Bundles the CLI (dist/, code-split so each verb loads only what it needs) and the Action
// (action/index.js, one committed file). `--action-out DIR` writes the Action bundle elsewhere,
// which is how the check-dist test compares a fresh build with the committed one.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { 'action-out': { type: 'string' }, 'only-action': { type: 'boolean' } },
});
const version = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

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
  define: { 'process.env.TRAILGUARD_VERSION': JSON.stringify(version) },
};

const jobs = [
  build({
    ...common,
    entryPoints: ['action/main.ts'],
    outfile: `${values['action-out'] ?? 'action'}/index.js`,
    banner: { js: requireShim },
  }),
];
if (!values['only-action']) {
  jobs.push(
    build({
      ...common,
      entryPoints: { cli: 'src/cli/index.ts' },
      outdir: 'dist',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      banner: { js: `#!/usr/bin/env node\n${requireShim}` },
    }),
  );
}
await Promise.all(jobs);
if (!values['only-action']) chmodSync('dist/cli.js', 0o755);
