// Figures (not a test): how many generated messages our trailer parser reads exactly as the local
// `git interpret-trailers --parse` does, and what the probe found about this git. The same
// comparison, asserted, is test/trailers.git.test.ts.
//
//   npm run bench:trailers [-- --messages 5000 --seed 20260901]
import { importSources } from './import-sources.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '20260901' },
  },
});
const BATCH = 50;

const lib = await importSources({
  './src/core/trailers.ts': ['formatTrailers', 'parseTrailers'],
  './test/support/git-trailers.ts': ['gitParseTrailers', 'inPool', 'probeGit'],
  './test/support/message-generator.ts': ['createRandom', 'generateMessage'],
});

const home = mkdtempSync(join(tmpdir(), 'tg-bench-trailers-'));
try {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
  };
  const git = await lib.probeGit(home, env);
  const random = lib.createRandom(Number(values.seed));
  const generated = Array.from({ length: Number(values.messages) }, () =>
    lib.generateMessage(random, {
      commentChars: ['#', ';', '%', 'C'],
      scissorsAfterDivider: git.scissorsAfterDivider,
      nul: true,
    }),
  );
  const batches = [];
  for (const commentChar of new Set(generated.map((g) => g.commentChar))) {
    const indices = generated.flatMap((g, i) => (g.commentChar === commentChar ? [i] : []));
    for (let i = 0; i < indices.length; i += BATCH) {
      batches.push({ commentChar, indices: indices.slice(i, i + BATCH) });
    }
  }
  const expected = [];
  await lib.inPool(batches, 8, async ({ commentChar, indices }, _, worker) => {
    const messages = indices.map((i) => generated[i].message);
    const outputs = await lib.gitParseTrailers(home, env, commentChar, messages, `parse${worker}`);
    indices.forEach((i, k) => (expected[i] = outputs[k]));
  });
  const options = { urlRule: git.urlRule, completeLine: git.completeLine };
  const agree = generated.filter(
    ({ message, commentChar }, i) =>
      lib.formatTrailers(lib.parseTrailers(message, { commentChar, ...options })) === expected[i],
  ).length;
  console.log(
    `trailers: ${agree}/${generated.length} agree with git interpret-trailers --parse ` +
      `(${git.version}; urlRule ${git.urlRule}, completeLine ${git.completeLine}; seed ${values.seed})`,
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
