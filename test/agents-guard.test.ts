import { describe, expect, test } from '@jest/globals';
import picomatch from 'picomatch';
import { judgeEdit } from '../src/agents/guard.js';
import { compilePolicy } from '../src/policy/compile.js';
import { groupsProtecting } from '../src/policy/judge.js';
import { defaultPolicy } from '../src/policy/embedded.js';
import { parsePolicy } from '../src/policy/parse.js';
import type { Policy } from '../src/policy/types.js';

const custom = parsePolicy(
  `version: 1
protected:
  - name: plain
    paths: [evals, './golden/', 'data/train/**', '*.parquet', '**/secret-*.jsonl', 'a/{b,c}/d', 'sets/[ab]*']
  - name: strict
    paths: ['models/**']
    forbid: any-ai
  - name: open
    paths: ['docs/**']
    forbid: none
`,
  'custom.yml',
);

const paths = [
  'evals',
  'evals/x.jsonl',
  'EVALS/x.jsonl',
  'src/evals/x.jsonl',
  'evaluations/x',
  'golden/a.txt',
  'golden',
  'data/train/part-0.jsonl',
  'data/training/part-0.jsonl',
  'x.parquet',
  'dir/x.parquet',
  'nested/deep/secret-1.jsonl',
  'secret-1.jsonl',
  'a/b/d',
  'a/c/d/e.txt',
  'a/x/d',
  'sets/alpha',
  'sets/charlie',
  'models/.hidden/w.bin',
  'docs/readme.md',
  'training_data/x.csv',
  'pkg/fine-tuning-data/x.json',
  'datasets/eval/x',
  'heldout/x',
  'held_out/y',
  'src/app.ts',
  '.github/workflows/x.yml',
];

/** Each glob on its own, straight through picomatch: what the compiled form must agree with. */
function reference(policy: Policy): (path: string) => string[] {
  const options = { dot: true, nocase: true };
  const groups = policy.protected.map((group) => ({
    name: group.name,
    globs: group.paths.map((glob) => glob.replace(/^(\.\/)+/, '').replace(/\/+$/, '')),
  }));
  return (path) =>
    groups
      .filter(({ globs }) =>
        globs.some(
          (glob) =>
            picomatch.isMatch(path, glob, options) ||
            picomatch.isMatch(path, `${glob}/**`, options),
        ),
      )
      .map(({ name }) => name);
}

describe('the compiled policy, read back from its cache form, decides like each glob on its own', () => {
  test.each([
    ['the embedded default', defaultPolicy],
    ['a policy with every kind of glob', custom],
  ])('%s', (_name, policy) => {
    const cached = JSON.parse(JSON.stringify(compilePolicy(policy, 'p')));
    const expected = reference(policy);
    for (const path of paths) {
      const names = groupsProtecting(cached, path).map((group) => group.name);
      expect([path, names]).toEqual([path, expected(path)]);
    }
    expect(paths.filter((path) => expected(path).length > 0).length).toBeGreaterThan(8);
  });
});

describe('judgeEdit', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const policy = compilePolicy(custom, '.github/trailguard.yml');

  test('files of several groups are all named; the rule is the first group', () => {
    const verdict = judgeEdit({
      tool: 'codex',
      label: 'Codex',
      paths: ['src/app.ts', 'evals/a.jsonl', 'models/w.bin', 'docs/x.md'],
      policy,
      now,
    });
    expect(verdict).toEqual({
      kind: 'warn',
      message:
        'trailguard: warning: Codex (codex) is editing evals/a.jsonl, models/w.bin (group "strict"): ' +
        'protected group "plain" in .github/trailguard.yml forbids outside AI tools. The edit goes ahead ' +
        '(local.on-violation: warn), but a commit carrying it fails trailguard check. Fix: Keep outside-model ' +
        'output out of this path — redo the change without that tool, move it out of the protected path, ' +
        'or (if the tool is your own) list it under tools.internal.',
    });
  });

  test('forbid: none never stops a tool', () => {
    expect(judgeEdit({ tool: 'codex', label: 'Codex', paths: ['docs/x.md'], policy, now })).toEqual(
      {
        kind: 'allow',
      },
    );
  });
});
