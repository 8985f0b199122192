/**
 * Large and pathological policies (issue 10): thousands of globs compile into bounded matchers
 * (no "Regular expression too large"), patterns whose matching could take exponential time are
 * refused, and every problem is one short line naming the file, line and column. Add a policy in
 * one line below; the timing side is bench/policy-scale.mjs.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { compilePolicy } from '../src/policy/compile.js';
import { compileGlobSet } from '../src/policy/globs.js';
import { globSetMatcher } from '../src/policy/match.js';
import { groupsProtecting } from '../src/policy/judge.js';
import { parsePolicy } from '../src/policy/parse.js';
import { runCli, TempRepo } from './support/repo.js';

const FILE = '.trailguard.yml';
const N = 12_000;
const range = (count: number) => Array.from({ length: count }, (_, i) => i);
const policyOf = (globs: string[]) =>
  `version: 1\nprotected:\n  - name: data\n    paths:\n${globs.map((glob) => `      - ${JSON.stringify(glob)}\n`).join('')}`;

/** [what, the globs, paths they protect, paths they leave alone]. */
const LARGE: [string, string[], string[], string[]][] = [
  [
    `${N} literal directories`,
    range(N).map((i) => `data/shard-${i}/**`),
    ['data/shard-0/x', `data/shard-${N - 1}/deep/x.jsonl`, 'DATA/Shard-77/x'],
    ['data/shard-x/y', `data/shard-${N}/x`, 'src/app.ts'],
  ],
  [
    `${N} globs under one literal directory, each with a wildcard`,
    range(N).map((i) => `data/run-${i}-*/**`),
    ['data/run-0-a/x', `data/run-${N - 1}-zz/y`],
    ['data/run-x-a/x', 'data/run-1/x'],
  ],
  [
    `${N} globs without any literal name`,
    range(N).map((i) => `**/*-${i}-*/**`),
    ['a/b-0-c/x', `deep/er/x-${N - 1}-y/z`],
    ['a/b-c/x', `x-${N}-y/z`],
  ],
  [
    `${N} globs at any depth, each naming a directory`,
    range(N).map((i) => `**/set-${i}/**`),
    ['set-0/x', `a/b/set-${N - 1}/c`],
    ['set-x/y', `a/set-${N}/c`],
  ],
  [
    'a long alternation in one glob (under the length limit)',
    [
      `evals/{${range(500)
        .map((i) => `s${i}`)
        .join(',')}}/**`,
    ],
    ['evals/s0/x', 'evals/s499/y'],
    ['evals/s500/x'],
  ],
  [
    'three ** and two * in a name (the most a glob may hold), on a deep path',
    ['**/a*b/**/c*d/**/e'],
    [`${'x/'.repeat(200)}a1b/${'y/'.repeat(100)}c2d/z/e`],
    [`${'ab/'.repeat(300)}e1`],
  ],
];

describe('a large policy compiles and matches like a small one', () => {
  test.each(LARGE)('%s', (_what, globs, protectedPaths, openPaths) => {
    const policy = compilePolicy(parsePolicy(policyOf(globs), FILE), FILE);
    // What the cache holds: plain JSON, read back.
    const cached = JSON.parse(JSON.stringify(policy));
    for (const path of protectedPaths)
      expect([path, groupsProtecting(cached, path)]).toHaveLength(2);
    for (const path of protectedPaths)
      expect([path, groupsProtecting(cached, path).map((g) => g.name)]).toEqual([path, ['data']]);
    for (const path of openPaths)
      expect([path, groupsProtecting(cached, path).map((g) => g.name)]).toEqual([path, []]);
  });
});

describe('texts a glob requires skip its regular expression, never change a verdict', () => {
  const GLOBS = [
    '**/{training,train,pretraining,finetuning,fine-tuning,sft,rlhf,preference}[-_]data/**',
    '**/{data,datasets}/{train,training}/**',
    '**/{eval,evaluation,benchmark}[-_]{data,sets}/**',
    '**/golden[-_]sets/**',
    '**/held{-,_,}out/**',
    '**/*.JSONL',
    '**/x\\*y/**',
    '**/@(ab|cd)-set/**',
    '**/{a,b/c}d/**',
    '**/[!.]*-gold/**',
  ];
  const SEGMENTS = [
    'evals',
    'Eval-Data',
    'benchmark_sets',
    'HELD_OUT',
    'heldout',
    'held-out',
    'sft_data',
    'Train-Data',
    'datasets',
    'train',
    'golden-sets',
    'x*y',
    'xay',
    'ab-set',
    'cd-set',
    'b',
    'cd',
    'ad',
    'q-gold',
    '.q-gold',
    'src',
    'app.ts',
    'a.jsonl',
    'évals',
    'data',
  ];
  const paths = SEGMENTS.flatMap((a) => SEGMENTS.map((b) => `${a}/${b}`)).concat(
    SEGMENTS.flatMap((a) => SEGMENTS.slice(0, 8).map((b) => `top/${a}/${b}/f`)),
  );

  test.each(GLOBS.map((glob) => [glob]))('%s', (glob) => {
    const set = compileGlobSet([glob]);
    const indexed = globSetMatcher(set);
    const sources = [...set.other, ...set.byText.flatMap(([, list]) => list)];
    const unindexed = globSetMatcher({ literals: [], byText: [], other: sources });
    const base = glob.replace(/\/\*\*$/, '');
    const regExps = [base, `${base}/**`].map((p) =>
      picomatch.makeRe(p, { dot: true, nocase: true }),
    );
    // [path, indexed, unindexed] wherever either differs from the regular expressions.
    const disagreements = paths.flatMap((path) => {
      const expected = regExps.some((r) => r.test(path));
      const found = [path, indexed(path), unindexed(path)];
      return found[1] === expected && found[2] === expected ? [] : [[...found, expected]];
    });
    expect(disagreements).toEqual([]);
  });

  test("the default policy's globs all have texts, so src/app.ts builds no regular expression", () => {
    const set = compileGlobSet(GLOBS.slice(0, 5));
    expect(set.other).toEqual([]);
    expect(set.byText.map(([text]) => text)).toEqual([
      'data',
      'train',
      'eval',
      'benchmark',
      'golden',
      'held',
    ]);
    const broken = {
      ...set,
      byText: set.byText.map(([text]): [string, string[]] => [text, ['(']]),
    };
    expect(globSetMatcher(broken)('src/app.ts')).toBe(false);
    expect(() => globSetMatcher(broken)('x/golden-sets/y')).toThrow();
  });

  test('12,000 globs with a wildcard: a path builds only the expressions of the texts it holds', () => {
    const set = compileGlobSet(range(N).map((i) => `**/*-${i}-*/**`));
    expect(set.other).toEqual([]);
    const broken = new Map(set.byText.map(([text, list]) => [text, list]));
    broken.set('-5-', ['(']);
    const matches = globSetMatcher({ ...set, byText: [...broken] });
    expect(matches(`deep/x-${N - 1}-y/z`)).toBe(true);
    expect(() => matches('deep/x-5-y/z')).toThrow();
  });
});

describe('literal globs and literal names at any depth are looked up, matching as their regular expressions do', () => {
  const GLOBS = [
    'evals',
    'evals/**',
    './data/train/',
    '**/evals',
    '**/evals/**',
    '**/a/b',
    '**/a/b/**',
    '**/set-7/**',
    '**/.hidden/**',
    '**/x.y',
  ];
  const SEGMENTS = ['evals', 'EVALS', 'evalsx', 'xevals', 'a', 'b', 'bb', 'aa', 'set-7', 'set-70'];
  const MORE = ['data', 'train', '.hidden', 'x.y', 'xzy', 'src', 'f.txt'];
  const names = [...SEGMENTS, ...MORE];
  const paths = names
    .flatMap((a) => names.map((b) => `${a}/${b}`))
    .concat(
      names.flatMap((a) => SEGMENTS.map((b) => `top/${a}/${b}/f`)),
      names,
    );

  test.each(GLOBS.map((glob) => [glob]))('%s', (glob) => {
    const set = compileGlobSet([glob]);
    expect(set.byText.length + set.other.length).toBe(0);
    const matches = globSetMatcher(set);
    const base = glob.replace(/^\.\//, '').replace(/\/+$/, '');
    const patterns = base.endsWith('**') ? [base] : [base, `${base}/**`];
    const regExps = patterns.map((p) => picomatch.makeRe(p, { dot: true, nocase: true }));
    // [path, matched, what the regular expressions say] wherever the two differ.
    const disagreements = paths.flatMap((path) => {
      const expected = regExps.some((r) => r.test(path));
      return matches(path) === expected ? [] : [[path, !expected, expected]];
    });
    expect(disagreements).toEqual([]);
  });
});

/** [what, the globs, the error (one line: file:line:col: key: problem)]. */
const REFUSED: [string, string[], RegExp][] = [
  [
    'four ** in one glob',
    ['**/a/**/b/**/c/**/d'],
    /^\.trailguard\.yml:5:9: protected\[0\]\.paths\[0\]: more than 3 "\*\*" in one glob/,
  ],
  [
    'three * in one name',
    ['data/*a*b*/x'],
    /^\.trailguard\.yml:5:9: protected\[0\]\.paths\[0\]: more than 2 "\*" in one name/,
  ],
  [
    'nested repetition (extglob)',
    ['data/*(a)*(b)/x'],
    /^\.trailguard\.yml:5:9: protected\[0\]\.paths\[0\]: more than 2 "\*" in one name/,
  ],
  [
    'a glob over 4096 characters',
    [
      `evals/{${range(1000)
        .map((i) => `s${i}`)
        .join(',')}}`,
    ],
    /^\.trailguard\.yml:5:9: protected\[0\]\.paths\[0\]: glob longer than 4096 characters/,
  ],
  [
    `one bad glob among ${N}`,
    [...range(N).map((i) => `data/shard-${i}/**`), 'data/[oops/**'],
    new RegExp(
      `^\\.trailguard\\.yml:${N + 5}:9: protected\\[0\\]\\.paths\\[${N}\\]: unbalanced "\\["`,
    ),
  ],
];

describe('a pathological policy is refused in one short line', () => {
  test.each(REFUSED)('%s', (_what, globs, error) => {
    let message = '';
    try {
      parsePolicy(policyOf(globs), FILE);
    } catch (thrown) {
      message = (thrown as Error).message;
    }
    expect(message).toMatch(error);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
  });
});

describe('through the CLI', () => {
  const repo = new TempRepo();
  afterAll(() => repo.cleanup());

  test(`check with ${N} globs judges, and one bad glob is one line on stderr (exit 2)`, async () => {
    const globs = range(N).map((i) => `data/shard-${i}/**`);
    repo.commit('policy', { [FILE]: policyOf(globs) });
    repo.commit('data\n\nCo-authored-by: Claude <noreply@anthropic.com>\n', {
      [`data/shard-${N - 1}/x.jsonl`]: 'x\n',
    });
    const judged = await runCli(['check', 'HEAD~1..HEAD', '--format', 'json'], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(judged.code).toBe(1);
    expect(JSON.parse(judged.stdout).violations[0].paths).toEqual([`data/shard-${N - 1}/x.jsonl`]);

    // check A..B reads the policy committed at A; --config reads the edited file.
    repo.write(FILE, policyOf([...globs, 'data/[oops/**']));
    const refused = await runCli(['check', 'HEAD~1..HEAD', '--config', FILE], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trimEnd().split('\n')).toEqual([
      `trailguard: ${join(repo.dir, FILE)}:${N + 5}:9: protected[0].paths[${N}]: unbalanced "[" in glob`,
    ]);
  });
});
