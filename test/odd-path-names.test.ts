/**
 * Protected globs treat every character of a path name as a path character (issue 10): a name
 * with a newline, a carriage return, U+2028/U+2029 or another odd byte, as a file or as a
 * directory, is protected like any other. Each name is committed by an outside AI tool and
 * judged by the real CLI (`check` on a real repository), and written by an agent under the guard
 * in block mode. Add a name in one line below.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { agentHook, payload } from './support/agent-payloads.js';
import { runCli, TempRepo } from './support/repo.js';

/** [what it is, the path, the group that protects it]. */
const NAMES: [string, string, string][] = [
  ['a newline in a file name', 'evals/new\nline.jsonl', 'evals'],
  ['a newline right after the directory', 'evals/\nleading.jsonl', 'evals'],
  ['a carriage return', 'evals/cr\rname.jsonl', 'evals'],
  ['CR LF', 'evals/crlf\r\n.jsonl', 'evals'],
  ['U+2028 (line separator)', 'evals/ls\u2028name.jsonl', 'evals'],
  ['U+2029 (paragraph separator)', 'evals/ps\u2029name.jsonl', 'evals'],
  ['U+0085 (next line)', 'evals/nel\u0085name.jsonl', 'evals'],
  ['a tab and an escape byte', 'evals/tab\tesc\u001b.jsonl', 'evals'],
  ['a newline in a directory name', 'evals/dir\nname/x.jsonl', 'evals'],
  ['a newline in a directory above the protected one', 'team\nA/held-out/x.jsonl', 'held-out'],
  ['a newline in the part a * matches', 'shards/part\n1.parquet', 'shards'],
  ['a newline in the part a ** matches', 'corpus/a\nb/c\u2028d/x.txt', 'corpus'],
  ['a newline in a literal directory name', 'golden\nset/x.json', 'literal'],
];

const POLICY = `version: 1
protected:
  - name: evals
    paths: ['evals/**']
  - name: held-out
    paths: ['**/held-out/**']
  - name: shards
    paths: ['shards/*.parquet']
  - name: corpus
    paths: ['corpus/**/*.txt']
  - name: literal
    paths: ["golden\\nset"]
local:
  on-violation: block
`;

let repo: TempRepo;
let violations: { rule: string; group: string; paths: string[] }[];

beforeAll(async () => {
  repo = new TempRepo();
  repo.commit('policy', { '.trailguard.yml': POLICY });
  repo.commit(
    'add data\n\nCo-authored-by: Claude <noreply@anthropic.com>\n',
    Object.fromEntries(NAMES.map(([, path]) => [path, 'x\n'])),
  );
  const result = await runCli(['check', 'HEAD~1..HEAD', '--format', 'json'], {
    cwd: repo.dir,
    env: repo.env,
  });
  expect(result.code).toBe(1);
  violations = JSON.parse(result.stdout).violations;
});
afterAll(() => repo.cleanup());

describe('check: an outside AI commit adding an oddly named protected file fails', () => {
  test.each(NAMES)('%s', (_what, path, group) => {
    const external = violations.filter((v) => v.rule === 'external-ai' && v.group === group);
    expect(external.flatMap((v) => v.paths)).toContain(path);
  });
});

describe('the agent guard (block) refuses writing an oddly named protected file', () => {
  test.each(NAMES)('%s', async (_what, path, group) => {
    const input = payload(repo, 'claude', 'pre-write-evals').replace(
      JSON.stringify(`${repo.dir}/evals/x.jsonl`).slice(1, -1),
      JSON.stringify(`${repo.dir}/${path}`).slice(1, -1),
    );
    const result = await agentHook(repo, 'claude', input);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`protected group "${group}"`);
  });

  test('an ordinary file next to them is allowed (the guard does judge)', async () => {
    const input = payload(repo, 'claude', 'pre-write-evals').replace(
      JSON.stringify(`${repo.dir}/evals/x.jsonl`).slice(1, -1),
      JSON.stringify(`${repo.dir}/src/new\nline.ts`).slice(1, -1),
    );
    expect((await agentHook(repo, 'claude', input)).code).toBe(0);
  });
});
