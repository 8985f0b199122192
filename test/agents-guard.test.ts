import { describe, expect, test } from '@jest/globals';
import { judgeEdit } from '../src/agents/guard.js';
import { tableRules } from '../src/agents/guard-cache.js';
import { rulesOf, tableOf } from '../src/agents/guard-policy.js';
import { defaultPolicy, parsePolicy } from '../src/core/policy.js';

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

describe('the cached guard table decides like the policy it was built from', () => {
  test.each([
    ['the embedded default', defaultPolicy],
    ['a policy with every kind of glob', custom],
  ])('%s', (_name, policy) => {
    const exact = rulesOf(policy, 'p');
    const cached = tableRules(JSON.parse(JSON.stringify(tableOf(policy, 'p', 'key'))));
    for (const path of paths)
      expect([path, cached.groupsFor(path)]).toEqual([path, exact.groupsFor(path)]);
    expect(paths.filter((path) => exact.groupsFor(path).length > 0).length).toBeGreaterThan(8);
  });
});

describe('judgeEdit', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const rules = rulesOf(custom, '.github/trailguard.yml');

  test('files of several groups are all named; the rule is the first group', () => {
    const verdict = judgeEdit({
      tool: 'codex',
      label: 'Codex',
      paths: ['src/app.ts', 'evals/a.jsonl', 'models/w.bin', 'docs/x.md'],
      rules,
      now,
    });
    expect(verdict).toEqual({
      kind: 'warn',
      message:
        'trailguard: warning: Codex (codex) is editing evals/a.jsonl, models/w.bin (group "strict"): ' +
        'protected group "plain" in .github/trailguard.yml forbids outside AI tools. The edit goes ahead ' +
        '(local.on-violation: warn), but a commit carrying it fails trailguard check. Make this change by ' +
        "hand or with an internal tool; if codex is your organisation's own, a maintainer can list it under tools.internal.",
    });
  });

  test('forbid: none never stops a tool', () => {
    expect(judgeEdit({ tool: 'codex', label: 'Codex', paths: ['docs/x.md'], rules, now })).toEqual({
      kind: 'allow',
    });
  });
});
