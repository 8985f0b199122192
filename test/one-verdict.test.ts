/**
 * One rule, one verdict: the same commits judged by `check` (runCheck), by scan's history
 * aggregator and by the HEAD engine behind scan, verify and attest (readHead) must agree, because
 * all of them decide with the judge (policy/judge.ts). Each row is one commit writing one file in
 * each protected group; its expected verdicts are written out so agreement cannot be vacuous.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createAggregator } from '../src/audit/aggregate.js';
import { readHead, type FileVerdict } from '../src/audit/head.js';
import { readHistory } from '../src/git/history.js';
import { runCheck } from '../src/policy/check.js';
import { catalogFor } from '../src/policy/evaluate.js';
import { parsePolicy } from '../src/policy/parse.js';
import type { CompiledPolicy } from '../src/policy/types.js';
import { compiled } from './support/policy.js';
import { TempRepo } from './support/repo.js';

const POLICY = `version: 1
protected:
  - name: outside
    paths: ['outside/**']
    forbid: external
  - name: all-ai
    paths: ['all-ai/**']
    forbid: any-ai
    require-review: false
  - name: review-only
    paths: ['review-only/**']
    forbid: none
tools:
  internal: [aider]
  providers: [meta]
`;

const REVIEW = 'Reviewed-by: Bo Reviewer <bo@example.com>';
const GROUPS = ['outside', 'all-ai', 'review-only'] as const;
type Verdicts = Record<(typeof GROUPS)[number], FileVerdict>;

/** [name, message trailers, expected HEAD verdict per group]. */
const ROWS: [string, string, Verdicts][] = [
  [
    'human, unreviewed',
    '',
    { outside: 'unreviewed', 'all-ai': 'clean', 'review-only': 'unreviewed' },
  ],
  ['human, reviewed', REVIEW, { outside: 'clean', 'all-ai': 'clean', 'review-only': 'clean' }],
  [
    'outside tool, unreviewed',
    'Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>',
    { outside: 'tainted', 'all-ai': 'tainted', 'review-only': 'unreviewed' },
  ],
  [
    'outside tool, reviewed',
    `Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n${REVIEW}`,
    { outside: 'tainted', 'all-ai': 'tainted', 'review-only': 'clean' },
  ],
  [
    'internal tool running an outside model',
    `Co-authored-by: aider (gpt-4o) <noreply@aider.chat>\n${REVIEW}`,
    { outside: 'clean', 'all-ai': 'tainted', 'review-only': 'clean' },
  ],
  [
    'outside tool running an internal provider’s model',
    `Assisted-by: cursor:llama-4-maverick\n${REVIEW}`,
    { outside: 'clean', 'all-ai': 'tainted', 'review-only': 'clean' },
  ],
  [
    'outside tool running an outside model',
    `Assisted-by: cursor:gpt-5\n${REVIEW}`,
    { outside: 'tainted', 'all-ai': 'tainted', 'review-only': 'clean' },
  ],
  [
    'a bare model name',
    'Assisted-by: Opus 4.7',
    { outside: 'tainted', 'all-ai': 'tainted', 'review-only': 'unreviewed' },
  ],
];

let repo: TempRepo;
let policy: CompiledPolicy;
const shas: string[] = [];

beforeAll(() => {
  repo = new TempRepo();
  policy = compiled(parsePolicy(POLICY, '.trailguard.yml'));
  ROWS.forEach(([name, trailers], index) => {
    const files = Object.fromEntries(
      GROUPS.map((group) => [`${group}/c${index}.txt`, `${name}\n`]),
    );
    shas.push(repo.commit(`Row ${index}: ${name}\n\n${trailers}\n`, files));
  });
});
afterAll(() => repo.cleanup());

/** What check says of a commit in a group, as the HEAD engine words it for a file. */
function checkVerdict(rules: Set<string>): FileVerdict {
  if (rules.has('external-ai')) return 'tainted';
  return rules.has('missing-review') ? 'unreviewed' : 'clean';
}

describe('check, scan and verify judge a commit alike', () => {
  test('each row: check’s violations, the HEAD engine’s file verdicts and the expected table agree', async () => {
    const report = await runCheck({ repo: repo.dir, revs: ['HEAD'], policy, env: repo.env });
    const head = await readHead({ repo: repo.dir, rev: 'HEAD', policy, env: repo.env });
    const table = ROWS.map(([name], index) => {
      const row: Record<string, string> = { name };
      for (const group of GROUPS) {
        const rules = new Set(
          report.violations
            .filter((v) => v.sha === shas[index] && v.group === group)
            .map((v) => v.rule),
        );
        const file = head.groups
          .find((g) => g.group === group)!
          .files.find((f) => f.path === `${group}/c${index}.txt`)!;
        row[`${group} check`] = checkVerdict(rules);
        row[`${group} head`] = file.verdict;
        // The one commit behind the file carries the same verdict (what verify lists).
        expect(file.commits.map((c) => [c.sha, c.verdict])).toEqual([[shas[index], file.verdict]]);
      }
      return row;
    });
    const expected = ROWS.map(([name, , verdicts]) => ({
      name,
      ...Object.fromEntries(
        GROUPS.flatMap((group) => [
          [`${group} check`, verdicts[group]],
          [`${group} head`, verdicts[group]],
        ]),
      ),
    }));
    expect(table).toEqual(expected);
  });

  test('scan counts a commit as outside AI exactly when check finds outside AI in a forbid: external group', async () => {
    const aggregator = createAggregator({ policy, catalog: catalogFor(policy), now: new Date() });
    for await (const commit of readHistory({ repo: repo.dir, revs: ['HEAD'], env: repo.env }))
      aggregator.add(commit, 'r');
    const scan = aggregator.report({ repository: 'r', range: 'HEAD', policy: 'test' });
    const check = await runCheck({ repo: repo.dir, revs: ['HEAD'], policy, env: repo.env });
    const findings = scan.paths.find(
      (p) => p.group === 'outside' && p.path === 'outside',
    )!.findings;
    for (const [index, sha] of shas.entries()) {
      const scanSays = findings.find((f) => f.sha === sha)?.external ?? false;
      const checkSays = check.violations.some(
        (v) => v.sha === sha && v.group === 'outside' && v.rule === 'external-ai',
      );
      expect({ row: ROWS[index]![0], external: scanSays }).toEqual({
        row: ROWS[index]![0],
        external: checkSays,
      });
    }
    expect(scan.totals.external).toBe(4);
  });
});
