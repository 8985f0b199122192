/**
 * Differential tests: our trailer grammar against the real git binary on thousands of generated
 * messages. Where git versions differ (the URL rule, line completion, the scissors hang) the local
 * git is probed once and our options are set to match it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { rmSync } from 'node:fs';
import { addTrailers, formatTrailers, parseTrailers } from '../src/core/trailers.js';
import {
  gitAddTrailers,
  gitLogTrailers,
  gitParseTrailers,
  inPool,
  probeGit,
  type GitTrailerBehaviour,
} from './support/git-trailers.js';
import {
  createRandom,
  generateMessage,
  generateTrailersToAdd,
  type GeneratedMessage,
} from './support/message-generator.js';
import { cleanEnv, TempRepo } from './support/repo.js';
import { tempDir } from './support/temp.js';

// TRAILERS_SEED replays another run's messages.
const SEED = Number(process.env.TRAILERS_SEED ?? 20260901);
/**
 * git processes at a time. Each worker reuses its own message files from one batch to the next
 * (named after the worker, not the batch): CONCURRENCY × BATCH files in all, not one per message.
 */
const CONCURRENCY = 4;
/** Messages per `git interpret-trailers` run: 40 runs for the 5,000. */
const BATCH = 125;

interface Disagreement {
  message: string;
  commentChar: string;
  git: string;
  ours: string;
  trailers?: unknown;
}

/** Indices of the messages grouped by comment character and cut into batches. */
function batches(
  generated: readonly GeneratedMessage[],
): { commentChar: string; indices: number[] }[] {
  const byChar = new Map<string, number[]>();
  generated.forEach((g, i) => byChar.set(g.commentChar, [...(byChar.get(g.commentChar) ?? []), i]));
  const result: { commentChar: string; indices: number[] }[] = [];
  for (const [commentChar, indices] of byChar) {
    for (let i = 0; i < indices.length; i += BATCH) {
      result.push({ commentChar, indices: indices.slice(i, i + BATCH) });
    }
  }
  return result;
}

describe('trailer grammar against the real git', () => {
  const home = tempDir('tg-trailers-');
  const env = cleanEnv(home);
  let git: GitTrailerBehaviour;

  beforeAll(async () => {
    git = await probeGit(home, env);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('parseTrailers prints what git interpret-trailers --parse prints (5,000 messages)', async () => {
    const random = createRandom(SEED);
    const generated = Array.from({ length: 5000 }, () =>
      generateMessage(random, {
        // 'C': a comment character that can start a trailer-like line ("Cc: …").
        commentChars: ['#', ';', '%', 'C'],
        scissorsAfterDivider: git.scissorsAfterDivider,
        nul: true,
      }),
    );
    const expected = new Array<string>(generated.length);
    await inPool(batches(generated), CONCURRENCY, async ({ commentChar, indices }, _, worker) => {
      const outputs = await gitParseTrailers(
        home,
        env,
        commentChar,
        indices.map((i) => generated[i]!.message),
        `parse${worker}`,
      );
      indices.forEach((i, k) => (expected[i] = outputs[k]!));
    });

    const disagreements: Disagreement[] = [];
    generated.forEach(({ message, commentChar }, i) => {
      const ours = formatTrailers(
        parseTrailers(message, {
          commentChar,
          urlRule: git.urlRule,
          completeLine: git.completeLine,
        }),
      );
      if (ours !== expected[i])
        disagreements.push({ message, commentChar, git: expected[i]!, ours });
    });
    expect(disagreements.slice(0, 5)).toEqual([]);
    // The generator must keep producing the cases that matter, or agreement proves little.
    const withTrailers = expected.filter((output) => output !== '').length;
    expect(withTrailers).toBeGreaterThan(1500);
    expect(generated.length - withTrailers).toBeGreaterThan(1500);
  });

  test('addTrailers writes what git interpret-trailers --if-exists addIfDifferent writes (1,200 messages)', async () => {
    const random = createRandom(SEED + 1);
    // Groups of messages share the trailers to add (one git process per group), and the
    // messages often carry those trailers already, with the case or spacing changed.
    const groups = Array.from({ length: 120 }, () => {
      const seed = generateMessage(random);
      const options = {
        commentChar: random.chance(0.8) ? '#' : ';',
        divider: !random.chance(0.1),
        trailers: generateTrailersToAdd(random, seed),
      };
      const messages = Array.from(
        { length: 10 },
        () =>
          generateMessage(random, {
            commentChars: [options.commentChar],
            scissorsAfterDivider: git.scissorsAfterDivider,
            nul: true,
            plant: options.trailers,
          }).message,
      );
      return { options, messages };
    });
    const expected = await inPool(groups, CONCURRENCY, (group, _, worker) =>
      gitAddTrailers(home, env, group.options, group.messages, `add${worker}`),
    );

    const disagreements: Disagreement[] = [];
    let total = 0;
    let nothingAdded = 0;
    groups.forEach(({ options, messages }, g) => {
      const ours = { ...options, urlRule: git.urlRule, completeLine: git.completeLine };
      messages.forEach((message, m) => {
        total++;
        const written = addTrailers(message, options.trailers, ours);
        const theirs = expected[g]![m]!;
        if (written !== theirs) {
          disagreements.push({
            message,
            commentChar: options.commentChar,
            git: theirs,
            ours: written,
            trailers: options,
          });
        }
        // Every trailer was already there: addIfDifferent must have added none.
        if (written === addTrailers(message, [], ours)) nothingAdded++;
      });
    });
    expect(total).toBe(1200);
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(nothingAdded).toBeGreaterThan(20);
  });

  test('parseTrailers with divider:false reads commits as git log --format=%(trailers) does (400 commits)', async () => {
    const repo = new TempRepo();
    try {
      const random = createRandom(SEED + 2);
      const generated = Array.from({ length: 400 }, () =>
        generateMessage(random, { commentChars: ['#', ';'] }),
      );
      const expected = new Array<string>(generated.length);
      for (const commentChar of ['#', ';']) {
        const indices = generated.flatMap((g, i) => (g.commentChar === commentChar ? [i] : []));
        const outputs = await gitLogTrailers(
          repo.dir,
          repo.env,
          commentChar,
          indices.map((i) => generated[i]!.message),
          `log-${commentChar === '#' ? 'hash' : 'semicolon'}`,
        );
        indices.forEach((i, k) => (expected[i] = outputs[k]!));
      }

      const disagreements: Disagreement[] = [];
      generated.forEach(({ message, commentChar }, i) => {
        const ours = formatTrailers(
          parseTrailers(message, { divider: false, commentChar, urlRule: git.urlRule }),
        );
        if (ours !== expected[i])
          disagreements.push({ message, commentChar, git: expected[i]!, ours });
      });
      expect(disagreements.slice(0, 5)).toEqual([]);
      expect(expected.filter((output) => output !== '').length).toBeGreaterThan(100);
    } finally {
      repo.cleanup();
    }
  });
});
