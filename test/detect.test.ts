import { describe, expect, test } from '@jest/globals';
import { builtinTools, createCatalog, type Catalog, type ToolDef } from '../src/core/catalog.js';
import {
  assistedByTrailer,
  detectAmbientEnv,
  detectCommit,
  detectEnv,
  isAiOrBotIdentity,
  type CommitInput,
} from '../src/core/detect.js';
import type { Identity, Signal } from '../src/core/types.js';
import { loadFixtures } from './support/commit-fixtures.js';

const HUMAN: Identity = { name: 'Jane Dev', email: 'jane.dev@example.com' };
const catalog = createCatalog();

const toolsOf = (signals: Signal[]) => [...new Set(signals.map((s) => s.tool))].sort();
const commit = (message: string, extra: Partial<CommitInput> = {}): CommitInput => ({
  message,
  author: HUMAN,
  committer: HUMAN,
  ...extra,
});

const fixtures = loadFixtures();

describe('detectCommit on realistic commits (test/fixtures/commits)', () => {
  test('there are AI and human fixtures', () => {
    expect(fixtures.filter((f) => f.tools.length > 0).length).toBeGreaterThan(30);
    expect(fixtures.filter((f) => f.tools.length === 0).length).toBeGreaterThan(10);
  });

  test.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
    const signals = detectCommit(fixture.input, catalog);
    expect(toolsOf(signals)).toEqual(fixture.tools);
    for (const [tool, model] of fixture.models) {
      expect(signals.filter((s) => s.tool === tool).map((s) => s.model)).toContain(model);
    }
    const kinds = new Set(signals.map((s) => s.kind));
    for (const kind of fixture.kinds) expect([...kinds]).toContain(kind);
  });
});

describe('message forms that must not change the verdict', () => {
  test.each(fixtures.map((f) => [f.file, f] as const))('CRLF line ends: %s', (_file, fixture) => {
    const crlf = { ...fixture.input, message: fixture.input.message.replace(/\n/g, '\r\n') };
    expect(toolsOf(detectCommit(crlf, catalog))).toEqual(fixture.tools);
  });

  test.each(fixtures.map((f) => [f.file, f] as const))(
    'squashed into a GitHub squash-merge body: %s',
    (_file, fixture) => {
      const inner = detectCommit(fixture.input, catalog).filter((s) => s.kind === 'trailer');
      const body = fixture.input.message
        .split('\n')
        .map((line, i) => (i === 0 ? `* ${line}` : line ? `  ${line}` : line))
        .join('\n');
      const squash = commit(`Merge feature work (#123)\n\n* Prepare the ground\n\n${body}\n`, {
        committer: { name: 'GitHub', email: 'noreply@github.com' },
      });
      expect(toolsOf(detectCommit(squash, catalog))).toEqual(toolsOf(inner));
    },
  );

  test('a huge message still yields its signatures, and huge values none', () => {
    const body = `${'lorem ipsum dolor sit amet '.repeat(40)}\n`.repeat(2000);
    const tail = 'Co-Authored-By: Claude <noreply@anthropic.com>';
    expect(toolsOf(detectCommit(commit(`Big change\n\n${body}\n${tail}`), catalog))).toEqual([
      'claude-code',
    ]);
    const padded = `x\n\nCo-authored-by: Claude${' '.repeat(100_000)}x <noreply@anthropic.com>`;
    expect(detectCommit(commit(padded), catalog)).toEqual([]);
  });

  test('trailer keys are case-insensitive', () => {
    for (const key of ['Co-Authored-By', 'Co-authored-by', 'co-authored-by', 'CO-AUTHORED-BY']) {
      const signals = detectCommit(commit(`x\n\n${key}: Claude <noreply@anthropic.com>`), catalog);
      expect(toolsOf(signals)).toEqual(['claude-code']);
    }
  });

  test('one signal per (tool, kind, evidence), in the same order every time', () => {
    for (const fixture of fixtures) {
      const first = detectCommit(fixture.input, catalog);
      const keys = first.map((s) => `${s.tool}|${s.kind}|${s.evidence}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(detectCommit(fixture.input, createCatalog())).toEqual(first);
    }
  });
});

/** A message or identity built from each documented signature must name its tool. */
describe('every catalog signature is detected', () => {
  const cases: [string, string, CommitInput][] = [];
  const add = (def: ToolDef, what: string, input: CommitInput) => cases.push([def.id, what, input]);
  for (const def of builtinTools) {
    for (const sig of def.emails) {
      const name = sig.namePattern ? def.name : 'Automation';
      add(
        def,
        `co-author ${sig.email}`,
        commit(`Fix it\n\nCo-authored-by: ${name} <${sig.email}>`),
      );
      add(def, `author ${sig.email}`, commit('Fix it', { author: { name, email: sig.email } }));
    }
    for (const account of def.github) {
      // GitHub writes both forms: `<login>@…` and, for newer accounts, `<id>+<login>@…`.
      for (const email of [
        `${account.login}@users.noreply.github.com`,
        `41898282+${account.login}@users.noreply.github.com`,
      ]) {
        add(def, `author ${email}`, commit('Fix it', { author: { name: account.login, email } }));
        add(
          def,
          `co-author ${email}`,
          commit(`Fix\n\nCo-authored-by: ${account.login} <${email}>`),
        );
      }
    }
    for (const sig of def.names) {
      const author = { name: sig.example, email: 'jane.dev@example.com' };
      add(def, `name ${sig.example}`, commit('Fix it', { author, committer: author }));
    }
    for (const sig of def.trailers) {
      const value = sig.values?.[0] ?? 'https://example.invalid/session/42';
      add(def, `trailer ${sig.key}`, commit(`Fix it\n\nSome body.\n\n${sig.key}: ${value}`));
    }
    for (const sig of def.footers) {
      add(def, `footer ${sig.text}`, commit(`Fix it\n\nSome body.\n\n${sig.text}`));
    }
    for (const sig of def.subjectPrefixes) {
      add(def, `subject ${sig.text}`, commit(`${sig.text}Fix the parser`));
    }
    for (const sig of def.branches) {
      add(def, `branch ${sig.prefix}`, commit('Fix it', { branch: `${sig.prefix}fix-login-2f9a` }));
    }
    for (const alias of [def.id, def.name, ...def.aliases]) {
      add(def, `Assisted-by: ${alias}`, commit(`Fix it\n\nAssisted-by: ${alias}`));
    }
  }

  test.each(cases)('%s: %s', (tool, _what, input) => {
    expect(toolsOf(detectCommit(input, catalog))).toEqual([tool]);
  });

  test.each(builtinTools.map((def) => [def.id]))(
    'assistedByTrailer(%s, model) round-trips through detection',
    (id) => {
      const trailer = assistedByTrailer(id, 'model-x 1');
      expect(trailer).toEqual({ key: 'Assisted-by', value: `${id}:model-x-1` });
      const signals = detectCommit(commit(`Fix\n\n${trailer.key}: ${trailer.value}`), catalog);
      // A model of no known family keeps its id; the provider is then the tool's own, if any.
      const provider = catalog.get(id)?.provider;
      expect(signals).toEqual([
        {
          tool: id,
          kind: 'trailer',
          evidence: `Assisted-by: ${id}:model-x-1`,
          model: 'model-x-1',
          ...(provider ? { provider } : {}),
        },
      ]);
    },
  );
});

describe('claim trailers from community conventions', () => {
  const cases: [string, string, string | undefined][] = [
    ['Assisted-by: Claude:claude-3-opus coccinelle sparse', 'claude-code', 'claude-3-opus'],
    ['Assisted-by: coccinelle sparse Claude:claude-sonnet-4', 'claude-code', 'claude-sonnet-4'],
    ['Assisted-by: Cursor (claude-4-sonnet)', 'cursor', 'claude-sonnet-4'],
    ['Assisted-by: Claude Sonnet 4 <noreply@anthropic.com>', 'claude-code', 'claude-sonnet-4'],
    ['Assisted-By: gpt-4o', 'chatgpt', 'gpt-4o'],
    ['Generated-by: Claude Code 1.0.3', 'claude-code', undefined],
    [
      'Co-developed-by: Claude claude-opus-4 <noreply@anthropic.com>',
      'claude-code',
      'claude-opus-4',
    ],
    ['Synthesized-By: some in-house model', 'unknown', undefined],
    ['Entire-Agent: Claude Code', 'claude-code', undefined],
  ];
  test.each(cases)('%s', (line, tool, model) => {
    const signals = detectCommit(commit(`Fix\n\n${line}`), catalog);
    expect(signals.map((s) => [s.tool, s.model])).toEqual([[tool, model]]);
  });

  test.each([
    'Assisted-by: coccinelle',
    'Assisted-by: checkpatch.pl, sparse',
    'Assisted-by: none',
    'Generated-by: protoc-gen-go v1.34.2',
    'Made-with: love',
    'Co-authored-by: Copilot Fan <fan@example.com>',
    'Assisted-by: Jane Roe <jane.roe@example.com>',
    'Reviewed-by: Claude Moreau <claude.moreau@example.fr>',
  ])('not AI: %s', (line) => {
    expect(detectCommit(commit(`Fix\n\n${line}`), catalog)).toEqual([]);
  });
});

describe('detectEnv', () => {
  const agentCases: [string, string, Record<string, string>][] = [];
  const ambientCases: [string, string, Record<string, string>][] = [];
  const exampleValue = (value: string | { contains: string } | undefined) =>
    value === undefined ? 'a1b2c3' : typeof value === 'string' ? value : `x_${value.contains}_1`;
  for (const def of builtinTools) {
    for (const sig of def.env) {
      const env = { [sig.name]: exampleValue(sig.value), PATH: '/usr/bin', HOME: '/home/jane' };
      (sig.trust === 'agent' ? agentCases : ambientCases).push([def.id, sig.name, env]);
    }
  }

  test.each(agentCases)('%s: %s counts', (tool, name, env) => {
    const provider = catalog.get(tool)?.provider;
    expect(detectEnv(env, catalog)).toEqual([
      { tool, kind: 'env', evidence: `${name}=${env[name]}`, ...(provider ? { provider } : {}) },
    ]);
  });

  test.each(ambientCases)('%s: %s is ambient: shown, never recorded', (tool, _name, env) => {
    expect(detectEnv(env, catalog)).toEqual([]);
    expect(toolsOf(detectAmbientEnv(env, catalog))).toEqual([tool]);
  });

  const realistic: [string, Record<string, string>, string[]][] = [
    [
      'Amp shell (Amp also sets CLAUDECODE)',
      { AGENT: 'amp', AMP_CURRENT_THREAD_ID: 'T-9f', CLAUDECODE: '1' },
      ['amp'],
    ],
    [
      'Claude Code Bash tool',
      { CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', CLAUDE_CODE_SESSION_ID: 'b0e1' },
      ['claude-code'],
    ],
    [
      'Codex nested in Claude Code (leak)',
      { CLAUDECODE: '1', CODEX_THREAD_ID: '0199', CODEX_SANDBOX: 'seatbelt' },
      ['claude-code', 'codex'],
    ],
    ['OpenCode shell', { OPENCODE: '1', AGENT: '1', OPENCODE_PID: '4242' }, ['opencode']],
    [
      'VS Code Copilot agent terminal',
      { AI_AGENT: 'github_copilot_vscode_agent', COPILOT_AGENT: '1', TERM_PROGRAM: 'vscode' },
      ['copilot'],
    ],
    ['AI_AGENT naming an unknown agent', { AI_AGENT: 'acme-coder' }, ['unknown']],
    ['AI_AGENT from Claude Code', { AI_AGENT: 'claude-code_2.1.9_agent' }, ['claude-code']],
    ['human in a Cursor terminal', { TERM_PROGRAM: 'vscode', CURSOR_TRACE_ID: '5c1f0e' }, []],
    ['human in a Kiro terminal', { TERM_PROGRAM: 'kiro', TERM_PROGRAM_VERSION: '0.2.13' }, []],
    ['human in a Windsurf terminal', { WINDSURF_CASCADE_TERMINAL_KIND: 'user' }, []],
    ['Cursor agent terminal', { CURSOR_TRACE_ID: '5c1f0e', CURSOR_AGENT: '1' }, ['cursor']],
    ['Amazon Q CLI', { AWS_EXECUTION_ENV: 'AmazonQ-For-CLI Version/1.12.1' }, ['amazon-q']],
    ['AWS Lambda is not Amazon Q', { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' }, []],
    ['empty values do not count', { CLAUDECODE: '', GEMINI_CLI: '' }, []],
  ];
  test.each(realistic)('%s', (_label, env, tools) => {
    expect(toolsOf(detectEnv(env, catalog))).toEqual(tools);
  });

  test('with Amp seen, CLAUDECODE is its evidence, not Claude Code', () => {
    const signals = detectEnv({ AGENT: 'amp', CLAUDECODE: '1' }, catalog);
    expect(signals.map((s) => s.evidence)).toEqual(['AGENT=amp']);
  });
});

describe('isAiOrBotIdentity', () => {
  const yes: Identity[] = [
    { name: 'Claude', email: 'noreply@anthropic.com' },
    { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' },
    { name: 'Cursor Agent', email: 'cursoragent@cursor.com' },
    { name: 'Jane Dev (aider)', email: 'jane.dev@example.com' },
    { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
    { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
    { name: 'github-actions', email: 'github-actions@github.com' },
    { name: 'GitHub', email: 'noreply@github.com' },
    { name: 'Release Bot', email: 'release@example.com' },
  ];
  const no: Identity[] = [
    HUMAN,
    { name: 'Jane Smith', email: 'jane.smith@anthropic.com' },
    { name: 'Sam Okafor', email: '7654321+samokafor@users.noreply.github.com' },
    { name: 'Claude Martin', email: 'claude.martin@example.fr' },
    { name: 'Abbott Lee', email: 'abbott@example.com' },
  ];
  test.each(yes.map((id) => [`${id.name} <${id.email}>`, id] as const))(
    '%s is AI or bot',
    (_l, id) => {
      expect(isAiOrBotIdentity(id, catalog)).toBe(true);
    },
  );
  test.each(no.map((id) => [`${id.name} <${id.email}>`, id] as const))(
    '%s is a person',
    (_l, id) => {
      expect(isAiOrBotIdentity(id, catalog)).toBe(false);
    },
  );
});

describe('organisation tools (tools.extra)', () => {
  const org: Catalog = createCatalog({
    internal: ['metacode'],
    extra: [
      {
        id: 'metacode',
        name: 'MetaCode',
        env: ['METACODE_SESSION', 'METACODE_MODE=agent'],
        emails: ['metacode-bot@example.com', '*+metacode[bot]@users.noreply.github.com'],
        branches: ['metacode/'],
        trailers: ['Metacode-Run', 'X-Generator: MetaCode'],
      },
      { id: 'claude-code', emails: ['claude-proxy@example.com'] },
    ],
  });

  test.each([
    ['env name', detectEnv({ METACODE_SESSION: 's-1' }, org)],
    ['env NAME=value', detectEnv({ METACODE_MODE: 'agent' }, org)],
    [
      'email',
      detectCommit(commit('x', { author: { name: 'MC', email: 'metacode-bot@example.com' } }), org),
    ],
    [
      'email pattern',
      detectCommit(
        commit('x\n\nCo-authored-by: mc <99+metacode[bot]@users.noreply.github.com>'),
        org,
      ),
    ],
    ['branch', detectCommit(commit('x', { branch: 'metacode/task-7' }), org)],
    ['trailer key', detectCommit(commit('x\n\nMetacode-Run: 7781'), org)],
    ['trailer key and value', detectCommit(commit('x\n\nX-Generator: MetaCode'), org)],
    ['our trailer', detectCommit(commit('x\n\nAssisted-by: metacode:mc-2'), org)],
    ['its name in a claim', detectCommit(commit('x\n\nAssisted-by: MetaCode'), org)],
  ])('%s', (_what, signals) => {
    expect(toolsOf(signals)).toEqual(['metacode']);
  });

  test('a value other than the declared one does not count', () => {
    expect(detectEnv({ METACODE_MODE: 'human' }, org)).toEqual([]);
    expect(detectCommit(commit('x\n\nX-Generator: protoc'), org)).toEqual([]);
  });

  test('an extra entry with a builtin id adds signals to the builtin', () => {
    const input = commit('x\n\nCo-authored-by: Proxy <claude-proxy@example.com>');
    expect(toolsOf(detectCommit(input, org))).toEqual(['claude-code']);
    expect(detectCommit(input, catalog)).toEqual([]);
    expect(
      toolsOf(detectCommit(commit('x\n\nCo-authored-by: Claude <noreply@anthropic.com>'), org)),
    ).toEqual(['claude-code']);
  });
});
