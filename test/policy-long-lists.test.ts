/**
 * The fast path for long glob lists (src/policy/long-lists.ts) reads exactly what the YAML parser
 * reads, or steps aside: every file below is read both ways and compared. Errors in long lists
 * keep their line and column (test/policy-scale.test.ts checks one among 12,000 globs).
 */
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { collapseLongLists } from '../src/policy/long-lists.js';
import { parsePolicyLayer } from '../src/policy/parse.js';
import { PolicyError } from '../src/policy/types.js';

/** Items as a policy file may write them: the fast forms and the ones that must end a run. */
const ITEMS = [
  "'data/shard-1/**'",
  '"data/shard-2/**"',
  'data/shard-3/**',
  "'it''s/**'",
  "''",
  '""',
  'data/{a,b}/[x-z]*.jsonl',
  "'**/set-1/**'",
  '"**/*.parquet"',
  'a#b/**',
  'x>y|z',
  'true',
  'NULL',
  'a:b',
  '"with \\\\ escape"',
  "'ünïcode/**'",
  'x # a comment',
  "'trailing spaces'   ",
  '12345',
  '0o17',
  '.inf',
  '&anchor x',
  '[flow, list]',
  '{flow: map}',
];

/** A deterministic sequence (xorshift), so a failure names a reproducible seed. */
function random(seed: number) {
  let state = seed || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return Math.abs(state) % below;
  };
}

function policyText(seed: number): string {
  const next = random(seed);
  const list = (indent: string, count: number) =>
    Array.from({ length: count }, () => {
      const roll = next(120);
      if (roll === 0) return `${indent}# a comment between items`;
      if (roll === 1) return '';
      // Mostly the forms the fast path takes (the first 11), now and then one that ends a run.
      return `${indent}- ${ITEMS[next(roll < 4 ? ITEMS.length : 11)]}`;
    }).join('\n');
  const text = [
    'version: 1',
    'protected:',
    '  - name: data',
    '    paths:',
    list('      ', 100 + next(200)),
    '    forbid: any-ai',
    '  - name: more',
    '    paths:',
    list('    ', 80 + next(100)),
    'review:',
    '  reviewers:',
    list('  ', next(150)),
    '',
  ].join('\n');
  return next(3) === 0 ? text.replace(/\n/g, '\r\n') : text;
}

describe('long lists read fast are read as the YAML parser reads them', () => {
  test.each(Array.from({ length: 40 }, (_, i) => [i + 1]))('seed %i', (seed) => {
    const text = policyText(seed);
    const collapsed = collapseLongLists(text);
    expect(collapsed).toBeDefined();
    expect(collapsed!.text.length).toBeLessThan(text.length);
    const data: unknown = parse(collapsed!.text);
    expect(collapsed!.restore(data)).toBe(true);
    expect(data).toEqual(parse(text));
  });

  test('short lists are left to the parser', () => {
    const items = Array.from({ length: 20 }, (_, i) => `      - data/${i}/**`).join('\n');
    expect(collapseLongLists(`version: 1\nprotected:\n  - name: d\n    paths:\n${items}\n`)).toBe(
      undefined,
    );
  });

  test('item-like lines inside a block text are not a list: the file is read as written', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `      - 'line ${i}'`).join('\n');
    const text = `version: 1\nexemptions:\n  - path: evals/x/**\n    reason: |\n${lines}\n`;
    const collapsed = collapseLongLists(text)!;
    expect(collapsed.restore(parse(collapsed.text))).toBe(false);
    const layer = parsePolicyLayer(text, 'p.yml');
    expect(layer.exemptions![0]!.reason).toBe(
      Array.from({ length: 100 }, (_, i) => `- 'line ${i}'`).join('\n') + '\n',
    );
  });

  test('a problem after a long list is reported at its own line and column', () => {
    const items = Array.from({ length: 500 }, (_, i) => `      - 'data/${i}/**'`).join('\n');
    const text = `version: 1\nprotected:\n  - name: d\n    paths:\n${items}\n    forbid: externl\n`;
    let error: unknown;
    try {
      parsePolicyLayer(text, 'p.yml');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as Error).message).toBe(
      'p.yml:505:13: protected[0].forbid: expected one of external, any-ai, none (got "externl")',
    );
  });
});
