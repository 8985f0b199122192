import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  agentHook as agentHookProcess,
  ledgerLines,
  payload,
  runHookEntry,
} from './support/agent-payloads.js';
import { runCliInProcess } from './support/cli-in-process.js';
import { ROOT, runCli, TempRepo, type RunResult } from './support/repo.js';

/**
 * The agent-hook verb, run in this process: the last tests below run every fixture through
 * dist/hook.cjs as a process (what the agent configs run), and the CLI verb as a process, and
 * find them answering alike.
 */
const agentHook = (repo: TempRepo, agent: string, input: string, args: string[] = []) =>
  agentHookProcess(repo, agent, input, args, runCliInProcess);

const FIXTURES = join(ROOT, 'test', 'fixtures', 'agents');

const BLOCK = 'version: 1\nlocal:\n  on-violation: block\n';

/** The refusal each agent documents, and the warning channel that does not block. */
const exitTwo = (result: RunResult) => {
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('protected group "evals"');
  expect(result.stderr).toContain('evals/x.jsonl');
};
const systemMessage = (result: RunResult) => {
  expect(result.code).toBe(0);
  const { systemMessage } = JSON.parse(result.stdout) as { systemMessage: string };
  expect(systemMessage).toContain('warning');
  expect(systemMessage).toContain('evals/x.jsonl');
  expect(systemMessage).toContain('protected group "evals"');
};
/** Cursor and Copilot: a JSON answer on stdout, whose `reasons` fields say why. */
const stdoutDeny =
  (decision: Record<string, string>, ...reasons: string[]) =>
  (result: RunResult) => {
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Record<string, string>;
    expect(answer).toMatchObject(decision);
    for (const reason of reasons) {
      expect(answer[reason]).toContain('protected group "evals"');
      expect(answer[reason]).toContain('evals/x.jsonl');
    }
  };
const stderrWarning = (result: RunResult) => {
  expect(result.code).toBe(0);
  expect(result.stdout).not.toContain('deny');
  expect(result.stderr).toContain('warning');
  expect(result.stderr).toContain('evals/x.jsonl');
};

interface AgentCase {
  agent: string;
  tool: string;
  protectedBefore: string;
  afterEdit: string;
  afterPaths: string[];
  model?: string;
  session?: string;
  shellBefore: string;
  shellAfter: string;
  /** Copilot's payload has no event name: its config passes it. */
  beforeArgs?: string[];
  afterArgs?: string[];
  refused: (result: RunResult) => void;
  warned: (result: RunResult) => void;
}

const cases: AgentCase[] = [
  {
    agent: 'claude',
    tool: 'claude-code',
    protectedBefore: 'pre-write-evals',
    afterEdit: 'post-edit-src',
    afterPaths: ['src/app.ts'],
    model: 'claude-opus-4-5-20251101',
    session: '3f6c1a2e-8d41-4b7a-9c55-0e2f6a1b7d90',
    shellBefore: 'pre-bash',
    shellAfter: 'post-bash',
    refused: exitTwo,
    warned: systemMessage,
  },
  {
    agent: 'codex',
    tool: 'codex',
    protectedBefore: 'pre-apply-patch-evals',
    afterEdit: 'post-apply-patch-src',
    afterPaths: ['src/new.ts', 'src/app.ts', 'src/main.ts', 'src/old.ts'],
    model: 'gpt-5-codex',
    session: '019a6a3e-5a7b-7c21-9d0e-4f1a2b3c4d5e',
    shellBefore: 'pre-bash',
    shellAfter: 'post-bash',
    refused: exitTwo,
    warned: systemMessage,
  },
  {
    agent: 'cursor',
    tool: 'cursor',
    protectedBefore: 'pre-write-evals',
    afterEdit: 'after-file-edit',
    afterPaths: ['src/app.ts'],
    model: 'claude-4.5-sonnet',
    session: 'c2f1e0d9-8b7a-4c6d-9e5f-1a2b3c4d5e6f',
    shellBefore: 'pre-shell',
    shellAfter: 'post-shell',
    refused: stdoutDeny({ permission: 'deny' }, 'agent_message', 'user_message'),
    warned: stderrWarning,
  },
  {
    agent: 'gemini',
    tool: 'gemini-cli',
    protectedBefore: 'before-write-file-evals',
    afterEdit: 'after-replace-src',
    afterPaths: ['src/app.ts'],
    model: 'gemini-2.5-pro',
    session: '8d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09',
    shellBefore: 'before-shell',
    shellAfter: 'after-shell',
    refused: exitTwo,
    warned: systemMessage,
  },
  {
    agent: 'copilot',
    tool: 'copilot',
    protectedBefore: 'pre-create-evals',
    afterEdit: 'post-edit-src',
    afterPaths: ['src/app.ts'],
    session: 'f00dbabe-1234-4abc-9def-0123456789ab',
    shellBefore: 'pre-bash',
    shellAfter: 'post-bash',
    beforeArgs: ['--event', 'preToolUse'],
    afterArgs: ['--event', 'postToolUse'],
    refused: stdoutDeny({ permissionDecision: 'deny' }, 'permissionDecisionReason'),
    warned: stderrWarning,
  },
  {
    agent: 'windsurf',
    tool: 'windsurf',
    protectedBefore: 'pre-write-code-evals',
    afterEdit: 'post-write-code-src',
    afterPaths: ['src/app.ts'],
    model: 'SWE-1.5',
    session: 'traj_4b3a2c1d0e9f',
    shellBefore: 'pre-run-command',
    shellAfter: 'post-run-command',
    refused: exitTwo,
    warned: stderrWarning,
  },
];

/** The repository every test starts from (a copy of it each), made once. */
let template: TempRepo;
let repo: TempRepo;

beforeAll(() => {
  template = new TempRepo();
  template.commit('initial', {
    'src/app.ts': 'export const answer = 41;\n',
    'src/old.ts': 'export const old = 1;\n',
    'scripts/generate.sh': 'echo generate\n',
  });
  // Session transcripts, where Claude Code and Gemini CLI name the model.
  mkdirSync(join(template.home, 'transcripts'));
  writeFileSync(
    join(template.home, 'transcripts', 'claude.jsonl'),
    '{"type":"user","message":{"role":"user","content":"fix the answer"}}\n' +
      '{"type":"assistant","message":{"id":"msg_01","model":"claude-opus-4-5-20251101","role":"assistant","content":[]}}\n',
  );
  writeFileSync(
    join(template.home, 'transcripts', 'gemini.json'),
    '{"sessionId":"8d3c2b1a","messages":[{"type":"gemini","model":"gemini-2.5-pro","content":"ok"}]}\n',
  );
});
afterAll(() => template.cleanup());

beforeEach(() => {
  repo = new TempRepo({ copyOf: template });
});
afterEach(() => repo.cleanup());

describe.each(cases)('$agent', (c) => {
  /** The agent's hook with one of its fixture payloads, and the event arguments its config adds. */
  const before = (fixture: string) =>
    agentHook(repo, c.agent, payload(repo, c.agent, fixture), c.beforeArgs);
  const after = (fixture: string) =>
    agentHook(repo, c.agent, payload(repo, c.agent, fixture), c.afterArgs);

  test('an edit is recorded in the ledger: tool, model, session, repository-relative path', async () => {
    expect(await after(c.afterEdit)).toMatchObject({ code: 0, stderr: '' });
    const lines = ledgerLines(repo);
    expect(lines.map((line) => line.path)).toEqual(c.afterPaths);
    for (const line of lines) {
      expect(line.tool).toBe(c.tool);
      expect(line.model).toBe(c.model);
      expect(line.session).toBe(c.session);
      expect(new Date(line.time as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  test('with on-violation: block, a protected path is refused by the agent protocol', async () => {
    repo.write('.github/trailguard.yml', BLOCK);
    // dist/hook.cjs as a process, as the agent's config runs it: the agent protocol end to end.
    const input = payload(repo, c.agent, c.protectedBefore);
    c.refused(await agentHookProcess(repo, c.agent, input, c.beforeArgs));
    // The cached form of the policy refuses it the same way on the next call.
    c.refused(await before(c.protectedBefore));
    expect(ledgerLines(repo)).toEqual([]);
  });

  test('with on-violation: block, a shell command that visibly writes a protected path is refused', async () => {
    repo.write('.github/trailguard.yml', BLOCK);
    const shell = (command: string) =>
      agentHook(
        repo,
        c.agent,
        payload(repo, c.agent, c.shellBefore).replace('sh scripts/generate.sh', command),
        c.beforeArgs,
      );
    for (const command of [
      'cd evals && tee x.jsonl < /dev/null',
      'cp src/app.ts evals/x.jsonl',
      'sed -i s/41/42/ evals/x.jsonl',
      'echo {} > evals/x.jsonl',
      'mkdir -p evals; cp src/app.ts evals/ && mv evals/app.ts evals/x.jsonl',
    ]) {
      c.refused(await shell(command));
    }
    expect(await shell('echo {} > src/out.json')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('by default (on-violation: warn) the edit goes ahead with a warning', async () => {
    c.warned(await before(c.protectedBefore));
  });

  test('an internal tool passes', async () => {
    repo.write('.github/trailguard.yml', `${BLOCK}tools:\n  internal: [${c.tool}]\n`);
    expect(await before(c.protectedBefore)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('a shell command: the files it changed are recorded, files dirty before it are not', async () => {
    repo.write('notes.txt', 'the human was here first\n');
    repo.write('src/app.ts', 'export const answer = 40; // human edit, before the command\n');
    expect(await before(c.shellBefore)).toEqual({ code: 0, stdout: '', stderr: '' });
    // What the command did:
    repo.write('src/generated.ts', 'export const generated = true;\n');
    repo.write('src/app.ts', 'export const answer = 42;\n');
    repo.git('rm', '-q', 'src/old.ts');
    expect(await after(c.shellAfter)).toMatchObject({ code: 0, stderr: '' });
    expect(
      ledgerLines(repo)
        .map((line) => line.path)
        .sort(),
    ).toEqual(['src/app.ts', 'src/generated.ts', 'src/old.ts']);
    expect(ledgerLines(repo).every((line) => line.tool === c.tool)).toBe(true);
  });
});

describe('payloads and arguments the hook cannot use never block the agent', () => {
  const lines = (text: string) => text.split('\n').filter(Boolean);

  test.each([
    ['not JSON', 'garbage {'],
    ['empty stdin', ''],
    ['a JSON array', '[1, 2]'],
    ['PreToolUse without tool_name', '{"hook_event_name": "PreToolUse", "tool_input": {}}'],
    [
      'Write without a file path',
      '{"hook_event_name": "PreToolUse", "tool_name": "Write", "tool_input": {}}',
    ],
    [
      'tool_input a string that is not JSON',
      '{"hook_event_name": "PreToolUse", "tool_name": "Write", "tool_input": "{oops"}',
    ],
  ])('%s: one stderr line, exit 0', async (name, input) => {
    const result = await agentHook(repo, 'claude', input);
    if (name === 'not JSON') expect(await agentHookProcess(repo, 'claude', input)).toEqual(result);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^trailguard agent-hook claude: ignored a payload it cannot read \(.+\)/,
    );
  });

  test('an unknown agent name: one stderr line naming the known ones, exit 0', async () => {
    const result = await agentHook(repo, 'frobnicator', payload(repo, 'claude', 'pre-write-evals'));
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toEqual([
      'trailguard agent-hook frobnicator: unknown agent (known: claude, codex, cursor, gemini, copilot, windsurf); nothing checked or recorded',
    ]);
  });

  test('no agent name, or an unknown option: one stderr line, exit 0', async () => {
    const none = await agentHook(repo, '--event', '{}', ['x']);
    expect(none.code).toBe(0);
    expect(lines(none.stderr)).toHaveLength(1);
    const option = await agentHook(repo, 'claude', '{}', ['--bogus']);
    expect(option.code).toBe(0);
    expect(lines(option.stderr)).toHaveLength(1);
    expect(option.stderr).toContain("unknown option '--bogus'");
  });

  test('a broken policy file: the edit is not blocked, and the line names the file', async () => {
    repo.write('.github/trailguard.yml', 'version: 1\nprotected: [\n');
    const result = await agentHook(repo, 'claude', payload(repo, 'claude', 'pre-write-evals'));
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('.github/trailguard.yml');
    expect(result.stderr).toContain('the edit was not checked');
  });

  test('events and tools that touch no files are let through silently', async () => {
    const read = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Read',
      tool_input: { file_path: join(repo.dir, 'evals/x.jsonl') },
    });
    for (const input of [payload(repo, 'claude', 'session-start'), read]) {
      expect(await agentHook(repo, 'claude', input)).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    expect(ledgerLines(repo)).toEqual([]);
  });
});

describe('paths', () => {
  test('MultiEdit from a subdirectory and NotebookEdit record repository-relative paths', async () => {
    await agentHook(repo, 'claude', payload(repo, 'claude', 'post-multiedit'));
    await agentHook(repo, 'claude', payload(repo, 'claude', 'post-notebookedit'));
    expect(ledgerLines(repo).map((line) => line.path)).toEqual([
      'src/lib/util.ts',
      'notebooks/analysis.ipynb',
    ]);
  });

  test('a path outside the repository is neither guarded nor recorded', async () => {
    repo.write('.github/trailguard.yml', BLOCK);
    const outside = payload(repo, 'claude', 'pre-write-evals').replace(
      `${repo.dir}/evals/x.jsonl`,
      join(repo.home, 'evals', 'x.jsonl'),
    );
    expect(await agentHook(repo, 'claude', outside)).toEqual({ code: 0, stdout: '', stderr: '' });
    const after = outside.replace('"PreToolUse"', '"PostToolUse"');
    await agentHook(repo, 'claude', after);
    expect(ledgerLines(repo)).toEqual([]);
  });

  test('a relative Cursor path resolves against the workspace root', async () => {
    repo.write('.github/trailguard.yml', BLOCK);
    const relative = payload(repo, 'cursor', 'pre-edit-src').replace(
      '"src/app.ts"',
      '"evals/y.jsonl"',
    );
    const answer = JSON.parse((await agentHook(repo, 'cursor', relative)).stdout) as Record<
      string,
      string
    >;
    expect(answer.permission).toBe('deny');
    expect(answer.agent_message).toContain('evals/y.jsonl');
  });

  test('case tricks do not get past the guard (EVALS/ on a case-insensitive disk)', async () => {
    repo.write('.github/trailguard.yml', BLOCK);
    const shouted = payload(repo, 'claude', 'pre-write-evals').replace(
      '/evals/x.jsonl',
      '/EVALS/x.jsonl',
    );
    const result = await agentHook(repo, 'claude', shouted);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('EVALS/x.jsonl');
  });

  test('a worktree records into the ledger shared with the main checkout', async () => {
    const worktree = join(repo.home, 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'side', worktree);
    const input = payload(repo, 'claude', 'post-edit-src').replaceAll(repo.dir, worktree);
    await agentHook(repo, 'claude', input);
    expect(ledgerLines(repo).map((line) => line.path)).toEqual(['src/app.ts']);
  });
});

describe('policy', () => {
  test('a path exemption lets the edit through, and the cache never hides it', async () => {
    repo.write(
      '.github/trailguard.yml',
      `${BLOCK}exemptions:\n  - path: evals/x.jsonl\n    reason: generated by the internal pipeline\n`,
    );
    const input = payload(repo, 'claude', 'pre-write-evals');
    for (let call = 0; call < 2; call++) {
      expect(await agentHook(repo, 'claude', input)).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    const other = input.replace('evals/x.jsonl', 'evals/y.jsonl');
    const refused = await agentHook(repo, 'claude', other);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('evals/y.jsonl');
  });

  test('an edited policy applies at once (the cache is keyed by the file)', async () => {
    const input = payload(repo, 'claude', 'pre-write-evals');
    expect((await agentHook(repo, 'claude', input)).code).toBe(0);
    repo.write('.github/trailguard.yml', BLOCK);
    expect((await agentHook(repo, 'claude', input)).code).toBe(2);
  });

  test('an any-ai group refuses even an internal tool', async () => {
    repo.write(
      '.github/trailguard.yml',
      `${BLOCK}tools:\n  internal: [claude-code]\nprotected:\n  - name: holdout\n    paths: ['evals/**']\n    forbid: any-ai\n`,
    );
    const result = await agentHook(repo, 'claude', payload(repo, 'claude', 'pre-write-evals'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('protected group "holdout"');
    expect(result.stderr).toContain('forbids AI tools');
  });

  test('Codex: a patch inside a shell command is guarded like apply_patch', async () => {
    repo.write('.github/trailguard.yml', BLOCK);
    exitTwo(await agentHook(repo, 'codex', payload(repo, 'codex', 'pre-bash-heredoc-patch')));
  });
});

interface HookCall {
  agent: string;
  name: string;
  args: string[];
  /** The payload, when not the fixture `name`. */
  input?: string;
}

/**
 * The reply to each call, then the ledger, with `run` as the entry, in a copy of the template
 * whose policy is `policy` (the copy's path reads <repo>). Before an after-event the agent's edit
 * is made, so that it has something to record.
 */
async function repliesAndLedger(
  run: typeof runCliInProcess,
  policy: string,
  calls: HookCall[],
): Promise<Record<string, unknown>[]> {
  const copy = new TempRepo({ copyOf: template });
  try {
    copy.write('.github/trailguard.yml', policy);
    const same = (text: string) => text.replaceAll(copy.dir, '<repo>');
    const replies: Record<string, unknown>[] = [];
    for (const { agent, name, args, input } of calls) {
      if (name.startsWith('post')) copy.write('src/app.ts', `export const at = '${name}';\n`);
      const result = await run(['agent-hook', agent, ...args], {
        cwd: copy.dir,
        env: copy.env,
        input: input ?? payload(copy, agent, name),
      });
      replies.push({
        call: `${agent}/${name}`,
        code: result.code,
        stdout: same(result.stdout),
        stderr: same(result.stderr),
      });
    }
    const ledger = ledgerLines(copy).map(({ time, worktree, ...entry }) => ({
      ...entry,
      time: !!time,
      worktree: same(String(worktree)),
    }));
    return [...replies, ...ledger];
  } finally {
    copy.cleanup();
  }
}

describe('dist/hook.cjs, the entry the agent configs run', () => {
  /** Every fixture, in name order (a shell command's before event precedes its after event). */
  const calls: HookCall[] = readdirSync(FIXTURES)
    .filter((agent) => statSync(join(FIXTURES, agent)).isDirectory())
    .flatMap((agent) =>
      readdirSync(join(FIXTURES, agent))
        .sort()
        .map((file) => {
          const name = file.replace(/\.json$/, '');
          const event = /^pre/.test(name) ? 'preToolUse' : 'postToolUse';
          return { agent, name, args: agent === 'copilot' ? ['--event', event] : [] };
        }),
    );

  test.each(['block', 'warn'])(
    'answers every fixture, and writes the ledger, as the full CLI does (on-violation: %s)',
    async (mode) => {
      const policy = `version: 1\nlocal:\n  on-violation: ${mode}\n`;
      // The CLI's verb (main(), in this process), then the hook bundle as the agent runs it.
      const verb = await repliesAndLedger(runCliInProcess, policy, calls);
      expect(verb.some((reply) => reply.code === (mode === 'block' ? 2 : 0))).toBe(true);
      expect(verb.length).toBeGreaterThan(calls.length);
      expect(await repliesAndLedger(runHookEntry, policy, calls)).toEqual(verb);
    },
  );

  test('the CLI verb `trailguard agent-hook` as a process answers as dist/hook.cjs does', async () => {
    // A refusal, an edit recorded with the event its config passes, a payload it cannot read.
    const some: HookCall[] = [
      { agent: 'claude', name: 'pre-write-evals', args: [] },
      { agent: 'copilot', name: 'post-edit-src', args: ['--event', 'postToolUse'] },
      { agent: 'claude', name: 'not JSON', args: [], input: 'garbage {' },
    ];
    const cli = await repliesAndLedger(runCli, BLOCK, some);
    expect(cli).toContainEqual(
      expect.objectContaining({ call: 'claude/pre-write-evals', code: 2 }),
    );
    expect(cli).toContainEqual(expect.objectContaining({ tool: 'copilot', time: true }));
    expect(await repliesAndLedger(runHookEntry, BLOCK, some)).toEqual(cli);
  });
});
