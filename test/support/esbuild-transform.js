/**
 * jest's TypeScript transform: esbuild strips the types of one file at a time (tsconfig has
 * isolatedModules, so nothing needs the whole program). Type checking is `npm run typecheck`'s job.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const esbuildVersion = JSON.parse(
  readFileSync(new URL('../../node_modules/esbuild/package.json', import.meta.url), 'utf8'),
).version;
const thisFile = readFileSync(new URL(import.meta.url), 'utf8');

export default {
  canInstrument: false,
  getCacheKey(source, path, options) {
    return createHash('sha1')
      .update(thisFile)
      .update(esbuildVersion)
      .update(String(options.supportsStaticESM))
      .update(path)
      .update(source)
      .digest('hex');
  },
  process(source, path, options) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: options.supportsStaticESM ? 'esm' : 'cjs',
      target: 'node20',
      sourcefile: path,
      sourcemap: 'external',
    });
    return { code, map };
  },
};
