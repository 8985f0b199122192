/** check's text report: findings grouped per commit and per file, capped by --max with a count of the rest. */
import { describe, expect, test } from '@jest/globals';
import type { Report, Violation } from '../src/core/types.js';
import { renderText } from '../src/report/text.js';
import { colourWanted, style } from '../src/cli/style.js';

const sha = (n: number) => String(n).padStart(40, 'a');
const violation = (n: number, rule: Violation['rule'], paths: string[]): Violation => ({
  sha: sha(n),
  rule,
  group: 'evals',
  paths,
  tools: rule === 'external-ai' ? ['claude-code'] : [],
  ...(rule === 'external-ai' && { providers: ['anthropic'] }),
  message: `${rule} fix.`,
});
const report = (violations: Violation[], commits = 3): Report => ({
  ok: false,
  commits,
  violations,
});

describe('grouped per commit and per file', () => {
  test("one block per commit: each file once with every rule that hit it, the tools and each rule's fix once", () => {
    const text = renderText(
      report([
        violation(1, 'external-ai', ['evals/a.jsonl', 'evals/long-name.jsonl']),
        violation(1, 'missing-review', ['evals/a.jsonl']),
        violation(2, 'missing-review', ['evals/b.jsonl']),
      ]),
    );
    expect(text).toBe(
      [
        'trailguard: FAILED — 3 violations in 2 of 3 commits.',
        '',
        `${sha(1).slice(0, 12)}  2 findings in 2 files`,
        '  evals/a.jsonl          external-ai [evals], missing-review [evals]',
        '  evals/long-name.jsonl  external-ai [evals]',
        '  tools: claude-code (anthropic)',
        '  external-ai: external-ai fix.',
        '  missing-review: missing-review fix.',
        '',
        `${sha(2).slice(0, 12)}  1 finding in 1 file`,
        '  evals/b.jsonl  missing-review [evals]',
        '  missing-review: missing-review fix.',
        '',
      ].join('\n'),
    );
  });

  test('a clean report is its verdict line', () => {
    expect(renderText({ ok: true, commits: 2, violations: [] })).toBe(
      'trailguard: OK — 2 commits checked, no policy violations.\n',
    );
  });
});

describe('--max', () => {
  const many = Array.from({ length: 120 }, (_, n) =>
    violation(Math.floor(n / 2), n % 2 ? 'missing-review' : 'external-ai', [`evals/${n}.jsonl`]),
  );

  test('the default shows 50 violations and counts the rest, with their commits', () => {
    const text = renderText(report(many, 60));
    expect(text.match(/^[0-9a]{12} {2}/gm)).toHaveLength(25);
    expect(
      text.endsWith(
        '\n… and 70 more violations in 35 commits; --max 0 shows all, --format json lists every one\n',
      ),
    ).toBe(true);
  });

  test('--max N cuts at N violations; --max 0 shows all', () => {
    expect(renderText(report(many, 60), { max: 3 })).toContain(
      '… and 117 more violations in 59 commits; --max 0 shows all',
    );
    const all = renderText(report(many, 60), { max: 0 });
    expect(all).not.toContain('more violations');
    expect(all.match(/^[0-9a]{12} {2}/gm)).toHaveLength(60);
  });

  test('a commit with many files shows ten and counts the rest, unless --max 0', () => {
    const paths = Array.from({ length: 25 }, (_, n) => `evals/${String(n).padStart(2, '0')}.jsonl`);
    const wide = report([violation(1, 'missing-review', paths)], 1);
    expect(renderText(wide)).toContain(
      '  evals/09.jsonl  missing-review [evals]\n  … and 15 more files (--max 0 or --format json lists every one)\n',
    );
    expect(renderText(wide, { max: 0 })).toContain('  evals/24.jsonl  missing-review [evals]\n');
  });
});

describe('colour: FORCE_COLOR, NO_COLOR, a TTY', () => {
  test.each([
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, false, true],
    [{ NO_COLOR: '' }, true, true],
    [{}, true, true],
    [{ TERM: 'dumb' }, true, false],
    [{}, false, false],
  ] as const)('%j on a TTY %s: %s', (env, tty, wanted) => {
    expect(colourWanted(env, tty)).toBe(wanted);
  });

  test('the verdict red or green, the sha bold, the rules red', () => {
    const paint = style(true);
    const text = renderText(report([violation(1, 'missing-review', ['evals/a.jsonl'])], 1), {
      paint,
    });
    expect(text).toContain('\x1b[31mtrailguard: FAILED — 1 violation in 1 of 1 commit.\x1b[39m');
    expect(text).toContain(`\x1b[1m${sha(1).slice(0, 12)}\x1b[22m`);
    expect(text).toContain('\x1b[31mmissing-review [evals]\x1b[39m');
    expect(renderText({ ok: true, commits: 1, violations: [] }, { paint })).toBe(
      '\x1b[32mtrailguard: OK — 1 commit checked, no policy violations.\x1b[39m\n',
    );
  });
});
