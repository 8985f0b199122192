import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../src/policy/judge.js';
import { describeCommitFindings } from '../src/report/policy.js';

const finding: Finding = {
  rule: 'external-ai',
  group: 'evals',
  forbid: 'external',
  paths: ['evals/x.json'],
  tools: ['claude-code'],
  evidence: 'claude-code (agent ledger: claude-code edited evals/x.json)',
  fix: 'keep outside-model output out of this path.',
};

describe("the commit hook's message names only what is there", () => {
  test('an agent variable: the fix says to unset that variable, by name', () => {
    const text = describeCommitFindings(
      [finding],
      [{ tool: 'claude-code', evidence: ['CLAUDECODE=1'] }],
    );
    expect(text).toContain('If no agent made this change, unset CLAUDECODE (it may be inherited');
  });

  test('the agent ledger alone: no "variable named above", for none is named', () => {
    const text = describeCommitFindings(
      [finding],
      [{ tool: 'claude-code', evidence: ['agent ledger: claude-code edited evals/x.json'] }],
    );
    expect(text).not.toContain('variable');
    expect(text).not.toContain('unset');
  });
});
