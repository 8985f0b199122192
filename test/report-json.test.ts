import { describe, expect, test } from '@jest/globals';
import type { Report, Violation } from '../src/core/types.js';
import { renderJsonParts } from '../src/report/json.js';

const violation = (index: number): Violation => ({
  sha: index.toString(16).padStart(40, '0'),
  rule: index % 3 === 0 ? 'external-ai' : 'missing-review',
  group: index % 2 === 0 ? 'evals' : 'training-data',
  paths: [`evals/ünïcode "quoted"\n${index}.jsonl`, `data/train/tab\there-${index}`],
  tools: index % 3 === 0 ? ['claude-code'] : [],
  ...(index % 3 === 0 ? { providers: ['anthropic'], models: ['claude-opus-4-5'] } : {}),
  message: `Protected group needs a review \\ "now" ✓ (${index})`,
});

describe('check --format json, written in parts', () => {
  test.each([0, 1, 2, 2_000])(
    'joined, it is JSON.stringify({ok, commits, range, policy, violations}, null, 2) (%i violations)',
    (count) => {
      const violations = Array.from({ length: count }, (_, index) => violation(index));
      const report: Report = { ok: count === 0, commits: 12_345, violations };
      const context = { range: 'main..HEAD', policySource: 'main:.github/trailguard.yml' };
      const parts = [...renderJsonParts(report, context)];
      const { ok, commits } = report;
      const whole = { ok, commits, range: context.range, policy: context.policySource, violations };
      expect(parts.join('')).toBe(JSON.stringify(whole, null, 2) + '\n');
      if (count === 2_000) expect(parts.length).toBeGreaterThan(1);
    },
  );
});
