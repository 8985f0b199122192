import { describe, expect, test } from '@jest/globals';
import { renderStatus, type StatusView } from '../src/report/status.js';

const base: StatusView = {
  policy: '.trailguard.yml',
  trailers: [],
  signals: [],
  ledger: [],
  ambient: [],
  hooks: { installed: null, reachable: [] },
};

describe('renderStatus', () => {
  test('nothing to record, no hooks', () => {
    expect(renderStatus(base, [])).toBe(
      [
        'policy: .trailguard.yml',
        'a commit made now would record no AI tool',
        'hooks: not installed (trailguard install)',
        '',
      ].join('\n'),
    );
  });

  test('trailers with their reasons, the ledger, ambient variables, hooks and their problems', () => {
    const text = renderStatus(
      {
        ...base,
        policyProblem: 'line 3: bad',
        trailers: ['Assisted-by: claude-code'],
        signals: [{ tool: 'claude-code', kind: 'env', evidence: 'CLAUDECODE=1' }],
        ledger: [
          {
            path: 'src/a.ts',
            staged: true,
            tools: [{ tool: 'cursor', models: ['gpt-5'], edits: 2 }],
          },
        ],
        ambient: [{ tool: 'kiro', kind: 'env', evidence: 'TERM_PROGRAM=kiro' }],
        hooks: {
          installed: 'husky',
          reachable: [
            { ok: true, what: '.husky/prepare-commit-msg' },
            { ok: false, what: '.husky/post-commit' },
          ],
        },
      },
      ['install record damaged'],
    );
    expect(text).toBe(
      [
        'policy: .trailguard.yml (invalid: line 3: bad)',
        'a commit made now would record:',
        '  Assisted-by: claude-code',
        '    because claude-code: CLAUDECODE=1',
        'agent ledger (edited since last committed):',
        '  src/a.ts [staged]: cursor (gpt-5) ×2',
        'not recorded (human terminals have it too): TERM_PROGRAM=kiro',
        'hooks: install record damaged (repair: trailguard install)',
        'hooks: installed with husky',
        '  reachable .husky/prepare-commit-msg',
        '  NOT REACHED .husky/post-commit',
        '',
      ].join('\n'),
    );
  });
});
