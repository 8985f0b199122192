import { describe, expect, test } from '@jest/globals';
import { mergePolicies } from '../src/policy/merge.js';
import { defaultPolicy } from '../src/policy/embedded.js';
import { parsePolicy, parsePolicyLayer } from '../src/policy/parse.js';
import { exemptionOf, protection } from './support/policy.js';

const org = parsePolicy(
  `version: 1
extends: my-org/.github/trailguard.yml@main
protected:
  - name: evals
    paths: ["evals/**"]
    forbid: external
    require-review: true
  - name: docs-data
    paths: ["docs/data/**"]
    forbid: none
    require-review: false
tools:
  internal: [metacode, helper]
  unknown: external
  extra:
    - id: metacode
      emails: [metacode-bot@example.com]
review:
  trailers: [Reviewed-by, Approved-by]
  approvals: true
  reviewers: [alice, bob]
  dismiss-stale: true
local:
  on-violation: block
exemptions:
  - path: evals/generated/**
    reason: org generator
`,
  'org.yml',
);

const lax = parsePolicy(
  `version: 1
protected: []
tools:
  unknown: ignore
review:
  approvals: false
  dismiss-stale: false
`,
  'lax-org.yml',
);

/** A repository file extending the org policy (it may name the org's tools without declaring them). */
const merge = (base: typeof org, repoYaml: string) =>
  mergePolicies(
    base,
    parsePolicyLayer(
      `version: 1\n${/^extends:/m.test(repoYaml) ? '' : 'extends: my-org/.github/trailguard.yml@main\n'}${repoYaml}`,
      'repo.yml',
    ),
  );

const NOW = new Date('2026-06-01T00:00:00Z');

describe('mergePolicies: a repository cannot loosen the org policy', () => {
  test('a repository that says nothing gets the org policy unchanged', () => {
    expect(merge(org, '')).toEqual(org);
    expect(merge(lax, '')).toEqual(lax);
  });

  test('org groups stay; a same-named group cannot weaken forbid or turn review off', () => {
    const merged = merge(
      org,
      `protected:
  - name: evals
    paths: ["evals/**"]
    forbid: none
    require-review: false
`,
    );
    expect(merged.protected).toEqual(org.protected);
    expect(merge(org, 'protected: []\n').protected).toEqual(org.protected);
  });

  test('tools: no new internal tools, no redefining a tool as internal, unknown stays external', () => {
    const merged = merge(
      org,
      `tools:
  internal: [metacode, helper, claude-code]
  unknown: ignore
  extra:
    - id: metacode
      emails: [noreply@anthropic.com]
    - id: helper
      trailers: ["Co-authored-by: Claude <noreply@anthropic.com>"]
`,
    );
    expect(merged.tools).toEqual(org.tools);
  });

  test('review: cannot add sign-off trailers or reviewers, re-enable approvals or stale approvals', () => {
    expect(
      merge(
        org,
        `review:
  trailers: [Reviewed-by, Approved-by, Looks-good-to-me]
  reviewers: [alice, bob, mallory]
`,
      ).review,
    ).toEqual(org.review);
    expect(merge(org, 'review:\n  dismiss-stale: false\n').review.dismissStale).toBe(true);
    const noApprovals = { ...org, review: { ...org.review, approvals: false } };
    expect(merge(noApprovals, 'review:\n  approvals: true\n').review.approvals).toBe(false);
  });

  test('local: block cannot become warn', () => {
    expect(merge(org, 'local:\n  on-violation: warn\n').local).toEqual({ onViolation: 'block' });
  });

  test("extends stays the org's", () => {
    expect(merge(org, 'extends: someone-else/policy.yml@main\n').extends).toBe(org.extends);
    expect(merge(lax, 'extends: someone-else/policy.yml@main\n').extends).toBeUndefined();
  });

  test('repository exemptions never clear a path or commit in org-protected paths', () => {
    const merged = merge(
      org,
      `protected:
  - name: evals
    paths: ["benchmarks/tasks/**"]
  - name: ours
    paths: ["research/data/**"]
exemptions:
  - path: "**"
    reason: everything please
  - commit: feedface
    reason: this commit
`,
    );
    const sha = `feedface${'0'.repeat(32)}`;
    for (const path of ['evals/task.json', 'EVALS/task.json', 'docs/data/x']) {
      expect(exemptionOf({ path }, merged, NOW)).toBeUndefined();
      expect(exemptionOf({ sha, path }, merged, NOW)).toBeUndefined();
    }
    expect(exemptionOf({ sha }, merged, NOW)).toBeUndefined();
    // What the repository added itself it may exempt.
    expect(exemptionOf({ path: 'research/data/x' }, merged, NOW)?.reason).toBe('everything please');
    expect(exemptionOf({ path: 'benchmarks/tasks/x' }, merged, NOW)?.reason).toBe(
      'everything please',
    );
    expect(exemptionOf({ sha, path: 'research/data/x' }, merged, NOW)?.reason).toBe(
      'everything please',
    );
    // The org's own exemptions keep applying.
    expect(exemptionOf({ path: 'evals/generated/x' }, merged, NOW)?.reason).toBe('org generator');
  });
});

describe('mergePolicies: a repository can tighten', () => {
  test('groups: more paths, a stricter forbid, review turned on, new groups', () => {
    const merged = merge(
      org,
      `protected:
  - name: evals
    paths: ["benchmarks/tasks/**"]
    forbid: any-ai
  - name: docs-data
    paths: ["docs/data/**"]
    forbid: external
    require-review: true
  - name: ours
    paths: ["research/data/**"]
`,
    );
    expect(merged.protected).toEqual([
      {
        name: 'evals',
        paths: ['evals/**', 'benchmarks/tasks/**'],
        forbid: 'any-ai',
        requireReview: true,
      },
      { name: 'docs-data', paths: ['docs/data/**'], forbid: 'external', requireReview: true },
      { name: 'ours', paths: ['research/data/**'], forbid: 'external', requireReview: true },
    ]);
    const match = protection(merged);
    expect(match('benchmarks/tasks/t1.json').map((g) => g.name)).toEqual(['evals']);
  });

  test('tools: drop internal tools, add its own (external) tools, count unknown signals', () => {
    const merged = merge(
      lax,
      `tools:
  unknown: external
  extra:
    - id: labbot
      emails: [labbot@example.com]
`,
    );
    expect(merged.tools).toEqual({
      internal: [],
      providers: [],
      unknown: 'external',
      extra: [{ id: 'labbot', emails: ['labbot@example.com'] }],
    });
    expect(merge(org, 'tools:\n  internal: [helper]\n').tools.internal).toEqual(['helper']);
    expect(merge(org, 'tools:\n  internal: []\n').tools.internal).toEqual([]);
  });

  test('tools.providers: a repository can drop the org’s internal providers, never add one', () => {
    const withProviders = parsePolicy(
      'version: 1\ntools:\n  providers: [meta, mistral]\n',
      'org-providers.yml',
    );
    expect(merge(withProviders, '').tools.providers).toEqual(['meta', 'mistral']);
    expect(merge(withProviders, 'tools:\n  providers: [mistral]\n').tools.providers).toEqual([
      'mistral',
    ]);
    expect(merge(withProviders, 'tools:\n  providers: [meta, openai]\n').tools.providers).toEqual([
      'meta',
    ]);
    expect(merge(org, 'tools:\n  providers: [openai]\n').tools.providers).toEqual([]);
  });

  test('review: fewer trailers, an allowlist (intersected with the org one), approvals off, stale approvals off', () => {
    expect(
      merge(
        org,
        'review:\n  trailers: [reviewed-by]\n  reviewers: [BOB, carol]\n  approvals: false\n',
      ).review,
    ).toEqual({
      trailers: ['Reviewed-by'],
      approvals: false,
      reviewers: ['bob'],
      dismissStale: true,
    });
    expect(merge(lax, 'review:\n  reviewers: [carol]\n  dismiss-stale: true\n').review).toEqual({
      trailers: ['Reviewed-by'],
      approvals: false,
      reviewers: ['carol'],
      dismissStale: true,
    });
  });

  test('local: warn can become block', () => {
    expect(merge(lax, 'local:\n  on-violation: block\n').local).toEqual({ onViolation: 'block' });
  });

  test('an org file without protected groups keeps the default groups for every repository', () => {
    const orgWithDefaults = parsePolicy(
      'version: 1\ntools:\n  internal: [claude-code]\n',
      'org.yml',
    );
    expect(merge(orgWithDefaults, 'protected: []\n').protected).toEqual(defaultPolicy.protected);
  });

  test('a full Policy works as the repository side too (everything counts as said)', () => {
    const repo = parsePolicy('version: 1\nprotected: []\n', 'repo.yml');
    const merged = mergePolicies(lax, repo);
    expect(merged.review).toEqual({
      trailers: ['Reviewed-by'],
      approvals: false,
      reviewers: [],
      dismissStale: true,
    });
    expect(merged.tools.unknown).toBe('external');
  });
});
