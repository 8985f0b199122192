/**
 * `tools.providers`: model providers whose output counts as internal, whichever tool ran the
 * model. The schema checks the names (file:line:col), the judge decides by whose model wrote the
 * change, and `check` on a real repository follows.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { judgeEdit } from '../src/agents/guard.js';
import { knownProviders } from '../src/core/catalog.js';
import { judge, standingOf, touchedGroups } from '../src/policy/judge.js';
import { parsePolicy } from '../src/policy/parse.js';
import { policyJsonSchema } from '../src/policy/schema.js';
import { describePolicy } from '../src/report/policy.js';
import { compiled, policyErrorOf } from './support/policy.js';
import { TempRepo, runCli } from './support/repo.js';

const FILE = '.github/trailguard.yml';

const errorOf = (yaml: string) => policyErrorOf(yaml, FILE);

const POLICY = `version: 1
protected:
  - name: evals
    paths: ['evals/**']
    require-review: false
tools:
  internal: [aider]
  providers: [meta, mistral]
`;

describe('tools.providers in the schema', () => {
  test('known providers parse; omitted, the list is empty', () => {
    expect(parsePolicy(POLICY, FILE).tools.providers).toEqual(['meta', 'mistral']);
    expect(parsePolicy('version: 1\n', FILE).tools.providers).toEqual([]);
  });

  test.each([
    [
      'version: 1\ntools:\n  providers: [meta, opnai]\n',
      `${FILE}:3:21: tools.providers[1]: expected one of ${knownProviders.join(', ')} (got "opnai")`,
    ],
    [
      'version: 1\ntools:\n  providers:\n    - Meta\n',
      `${FILE}:4:7: tools.providers[0]: expected one of ${knownProviders.join(', ')} (got "Meta")`,
    ],
    [
      'version: 1\ntools:\n  providers: meta\n',
      `${FILE}:3:14: tools.providers: expected a list (got "meta")`,
    ],
  ])('%j is an error at its line and column', (yaml, message) => {
    expect(errorOf(yaml)).toBe(message);
  });

  test('the providers the catalog can detect include the model families’ and the tools’ own', () => {
    for (const provider of ['anthropic', 'openai', 'google', 'meta', 'mistral', 'alibaba'])
      expect(knownProviders).toContain(provider);
  });

  test('the JSON Schema lists them, for editors', () => {
    const schema = policyJsonSchema() as {
      properties: { tools: { properties: { providers: { items: { enum: string[] } } } } };
    };
    expect(schema.properties.tools.properties.providers.items.enum).toEqual([...knownProviders]);
  });
});

describe('the judge under tools.providers', () => {
  const policy = compiled(parsePolicy(POLICY, FILE));
  const touched = touchedGroups(policy, { paths: ['evals/a.jsonl'] }, new Date());
  const verdict = (tool: string, providers?: string[]) =>
    judge(policy, touched, [{ tool, providers, evidence: ['seen'] }]).map((f) => f.rule);

  test.each([
    ['cursor', ['meta'], 'internal', []],
    ['copilot', ['mistral'], 'internal', []],
    ['cursor', ['openai'], 'external', ['external-ai']],
    ['cursor', ['meta', 'openai'], 'external', ['external-ai']],
    ['cursor', [], 'external', ['external-ai']],
    ['aider', ['openai'], 'internal', []],
    ['unknown', ['meta'], 'internal', []],
    ['unknown', ['anthropic'], 'external', ['external-ai']],
  ] as const)('%s running %j models: %s', (tool, providers, standing, rules) => {
    expect(standingOf(policy, { tool, providers: [...providers] })).toBe(standing);
    expect(verdict(tool, [...providers])).toEqual(rules);
  });

  test('without its signals, a tool counts by its own provider (the agent guard)', () => {
    const metaPolicy = compiled(
      parsePolicy(POLICY.replace('[meta, mistral]', '[anthropic]'), FILE),
    );
    expect(standingOf(metaPolicy, { tool: 'claude-code' })).toBe('internal');
    expect(standingOf(metaPolicy, { tool: 'codex' })).toBe('external');
    expect(standingOf(metaPolicy, { tool: 'cursor' })).toBe('external');
    const edit = (tool: string) =>
      judgeEdit({
        tool,
        label: tool,
        paths: ['evals/a.jsonl'],
        policy: metaPolicy,
        now: new Date(),
      }).kind;
    expect(edit('claude-code')).toBe('allow');
    expect(edit('codex')).toBe('warn');
  });

  test('the effective policy names them', () => {
    expect(describePolicy(policy)).toContain('internal model providers meta, mistral');
  });

  test('an empty list changes nothing: standing is by tools.internal alone', () => {
    const plain = compiled(parsePolicy(POLICY.replace('  providers: [meta, mistral]\n', ''), FILE));
    expect(standingOf(plain, { tool: 'cursor', providers: ['meta'] })).toBe('external');
    expect(standingOf(plain, { tool: 'aider', providers: ['openai'] })).toBe('internal');
  });
});

describe('trailguard check with tools.providers on a real repository', () => {
  let repo: TempRepo;
  const shas: Record<string, string> = {};

  beforeAll(() => {
    repo = new TempRepo();
    repo.commit('Policy', { '.trailguard.yml': POLICY });
    shas.llama = repo.commit('Eval by Cursor on Llama\n\nAssisted-by: cursor:llama-4-maverick\n', {
      'evals/llama.jsonl': '1\n',
    });
    shas.gpt = repo.commit('Eval by Cursor on GPT\n\nAssisted-by: cursor:gpt-5\n', {
      'evals/gpt.jsonl': '1\n',
    });
    shas.devstral = repo.commit(
      'Eval by Copilot on Devstral\n\nAssisted-by: copilot:devstral-2\n',
      {
        'evals/devstral.jsonl': '1\n',
      },
    );
  });
  afterAll(() => repo.cleanup());

  test('only the commit whose model’s provider is outside fails, with its provider in the report', async () => {
    const result = await runCli(['check', '--from-root', '--format', 'json'], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      violations: { sha: string; tools: string[]; providers?: string[] }[];
    };
    expect(report.violations.map((v) => [v.sha, v.tools, v.providers])).toEqual([
      [shas.gpt, ['cursor'], ['openai']],
    ]);
  });
});
