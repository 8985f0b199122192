/**
 * jest's TypeScript transform: esbuild strips the types of one file at a time (tsconfig has
 * isolatedModules, so nothing needs the whole program). Type checking is `npm run typecheck`'s job.
 * The target is the Node.js running the tests: esbuild drops what its target lacks, and a bare
 * `node20` (20.0) would drop the `with { type: 'json' }` of JSON imports, which jest then warns about.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const esbuildVersion = JSON.parse(
  readFileSync(new URL('../../node_modules/esbuild/package.json', import.meta.url), 'utf8'),
).version;
const target = `node${process.versions.node}`;
const thisFile = readFileSync(new URL(import.meta.url), 'utf8');

export default {
  canInstrument: false,
  getCacheKey(source, path, options) {
    return createHash('sha1')
      .update(thisFile)
      .update(esbuildVersion)
      .update(target)
      .update(String(options.supportsStaticESM))
      .update(path)
      .update(source)
      .digest('hex');
  },
  process(source, path, options) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: options.supportsStaticESM ? 'esm' : 'cjs',
      target,
      sourcefile: path,
      sourcemap: 'external',
    });
    return { code, map };
  },
};
