import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { workflowYaml } from '../src/install/workflow.js';
import { DEFAULT_POLICY_YAML } from '../src/policy/default.js';
import { defaultPolicy } from '../src/policy/embedded.js';
import { parsePolicy } from '../src/policy/parse.js';
import { payload } from './support/agent-payloads.js';
import { runCliInProcess } from './support/cli-in-process.js';
import { CLI, ROOT, runCli, runProcess, TempRepo } from './support/repo.js';
import { tempDir } from './support/temp.js';

let repo: TempRepo;

beforeEach(() => {
  repo = new TempRepo();
  repo.commit('initial', { 'README.md': 'hello\n' });
});
afterEach(() => repo.cleanup());

/** `trailguard init` in this process; the first test runs the built CLI as a process. */
const init = (...args: string[]) =>
  runCliInProcess(['init', ...args], { cwd: repo.dir, env: repo.env });
const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** trailguard installed in the repository, as `npm i -D trailguard` leaves it. */
function installLocally(): void {
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(repo.dir, 'node_modules', 'trailguard'));
  symlinkSync(CLI, join(repo.dir, 'node_modules', '.bin', 'trailguard'));
}

/** Runs a hook command from an agent config the way the agent does: through a shell, from `cwd`. */
function runHookCommand(command: string, input: string, cwd = repo.dir, env = repo.env) {
  return runProcess('sh', ['-c', command], { cwd, env, input });
}

const claudePreToolUse = () =>
  json('.claude/settings.json').hooks.PreToolUse[0].hooks[0].command as string;

describe('trailguard init, tried as a new user would', () => {
  test('init --agents claude, then Claude Code writing evals/x.jsonl is refused with a readable reason', async () => {
    installLocally();
    const first = await runCli(['init', '--agents', 'claude'], { cwd: repo.dir, env: repo.env });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('wrote .claude/settings.json (Claude Code hooks)');
    repo.write('.github/trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');

    const result = await runHookCommand(
      claudePreToolUse(),
      payload(repo, 'claude', 'pre-write-evals'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'trailguard: Claude Code (claude-code) may not edit evals/x.jsonl: protected group "evals" in ' +
        '.github/trailguard.yml forbids outside AI tools. Fix: Keep outside-model output out of this ' +
        'path — redo the change without that tool, move it out of the protected path, or (if the tool ' +
        'is your own) list it under tools.internal.\n',
    );
  });

  test('with the default policy (on-violation: warn) the same edit gets a warning and goes ahead', async () => {
    installLocally();
    await init('--agents', 'claude');
    const result = await runHookCommand(
      claudePreToolUse(),
      payload(repo, 'claude', 'pre-write-evals'),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).systemMessage).toContain(
      'protected group "evals" in the default policy (no .github/trailguard.yml) forbids outside AI tools',
    );
  });

  test('the command finds trailguard on PATH when the repository has no local install, from a subdirectory too', async () => {
    await init('--agents', 'claude');
    const bin = tempDir('tg-bin-');
    symlinkSync(CLI, join(bin, 'trailguard'));
    const env = { ...repo.env, PATH: `${bin}:${repo.env.PATH}` };
    mkdirSync(join(repo.dir, 'src', 'deep'), { recursive: true });
    repo.write('.github/trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');
    const input = payload(repo, 'claude', 'pre-write-evals');
    const result = await runHookCommand(
      claudePreToolUse(),
      input,
      join(repo.dir, 'src', 'deep'),
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('may not edit evals/x.jsonl');
  });
});

describe('agent hooks where this work tree has no node_modules', () => {
  test('a linked worktree uses the CLI install recorded for the clone, as the git hooks do', async () => {
    await init('--agents', 'claude');
    repo.write('.github/trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'agents and policy');
    expect((await runCliInProcess(['install'], { cwd: repo.dir, env: repo.env })).code).toBe(0);
    const worktree = join(tempDir('tg-wt-'), 'linked');
    repo.git('worktree', 'add', '-q', worktree);
    const result = await runHookCommand(
      claudePreToolUse(),
      payload(repo, 'claude', 'pre-write-evals').replaceAll(repo.dir, worktree),
      worktree,
    );
    expect(result.stderr).toContain('may not edit evals/x.jsonl');
    expect(result.code).toBe(2);
  });

  test('a fresh clone with nothing installed: one line, exit 0, never 127', async () => {
    await init('--agents', 'claude');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'agents');
    const clone = join(tempDir('tg-clone-'), 'clone');
    repo.git('clone', '-q', repo.dir, clone);
    const result = await runHookCommand(
      claudePreToolUse(),
      payload(repo, 'claude', 'pre-write-evals').replaceAll(repo.dir, clone),
      clone,
    );
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr:
        'trailguard: agent hook claude not run: no node_modules/trailguard here and no trailguard on PATH (run: npm install)\n',
    });
  });
});

describe('agent configs', () => {
  test('every agent gets its documented config, each running trailguard agent-hook <agent>', async () => {
    const result = await init('--agents', 'claude,codex,cursor,gemini,copilot,windsurf');
    expect(result.code).toBe(0);
    const ours = (agent: string) =>
      expect.stringMatching(
        new RegExp(`node_modules/trailguard/dist/hook\\.cjs".*exec "\\$@" agent-hook ${agent}`),
      );

    const claude = json('.claude/settings.json').hooks;
    for (const event of ['PreToolUse', 'PostToolUse']) {
      expect(claude[event]).toEqual([
        {
          matcher: 'Write|Edit|MultiEdit|NotebookEdit|Bash',
          hooks: [{ type: 'command', command: ours('claude') }],
        },
      ]);
    }
    const codex = json('.codex/hooks.json').hooks;
    for (const event of ['PreToolUse', 'PostToolUse']) {
      expect(codex[event]).toEqual([
        {
          matcher: 'apply_patch|Edit|Write|Bash',
          hooks: [{ type: 'command', command: ours('codex') }],
        },
      ]);
    }
    const cursor = json('.cursor/hooks.json');
    expect(cursor.version).toBe(1);
    for (const event of ['preToolUse', 'postToolUse', 'afterFileEdit']) {
      expect(cursor.hooks[event]).toEqual([{ command: ours('cursor') }]);
    }
    const gemini = json('.gemini/settings.json');
    expect(gemini.tools).toEqual({ enableHooks: true });
    for (const event of ['BeforeTool', 'AfterTool']) {
      expect(gemini.hooks[event]).toEqual([
        {
          matcher: 'write_file|replace|edit|run_shell_command',
          hooks: [{ type: 'command', name: 'trailguard', command: ours('gemini') }],
        },
      ]);
    }
    const copilot = json('.github/hooks/trailguard.json');
    expect(copilot.version).toBe(1);
    for (const event of ['preToolUse', 'postToolUse']) {
      expect(copilot.hooks[event]).toEqual([
        {
          type: 'command',
          bash: expect.stringContaining(`agent-hook copilot --event ${event}`),
          timeoutSec: 30,
        },
      ]);
    }
    const windsurf = json('.windsurf/hooks.json').hooks;
    expect(Object.keys(windsurf)).toEqual([
      'pre_write_code',
      'post_write_code',
      'pre_run_command',
      'post_run_command',
    ]);
    expect(windsurf.pre_write_code).toEqual([{ command: ours('windsurf'), show_output: true }]);
  });

  test("merging keeps the user's settings and hooks, updates an older trailguard entry, and a second run changes nothing", async () => {
    const userSettings = {
      permissions: { allow: ['Bash(npm test)'], deny: ['Read(./.env)'] },
      env: { FOO: 'bar' },
      hooks: {
        PreToolUse: [
          {
            matcher: 'Bash',
            hooks: [{ type: 'command', command: './scripts/lint-command.sh', timeout: 10 }],
          },
          {
            matcher: 'Write',
            hooks: [{ type: 'command', command: 'npx trailguard agent-hook claude' }],
          },
        ],
        Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }],
      },
    };
    repo.write('.claude/settings.json', JSON.stringify(userSettings, null, 4));
    expect((await init('--agents', 'claude')).code).toBe(0);
    const merged = json('.claude/settings.json');
    expect(merged.permissions).toEqual(userSettings.permissions);
    expect(merged.env).toEqual(userSettings.env);
    expect(merged.hooks.Stop).toEqual(userSettings.hooks.Stop);
    expect(merged.hooks.PreToolUse).toHaveLength(2);
    expect(merged.hooks.PreToolUse[0]).toEqual(userSettings.hooks.PreToolUse[0]);
    expect(merged.hooks.PreToolUse[1].matcher).toBe('Write|Edit|MultiEdit|NotebookEdit|Bash');
    expect(merged.hooks.PreToolUse[1].hooks).toEqual([
      { type: 'command', command: expect.stringContaining('agent-hook claude') },
    ]);
    expect(merged.hooks.PreToolUse[1].hooks[0].command).not.toContain('npx');

    const written = read('.claude/settings.json');
    const again = await init('--agents', 'claude');
    expect(again.stdout).toContain('.claude/settings.json: already set up');
    expect(read('.claude/settings.json')).toBe(written);
  });

  test('the command init wrote before dist/hook.cjs is replaced by the current one, in place', async () => {
    const before =
      'tg="$(git rev-parse --show-toplevel 2>/dev/null)/node_modules/.bin/trailguard"; ' +
      '[ -x "$tg" ] || tg=trailguard; exec "$tg" agent-hook claude';
    const group = { matcher: 'Write|Edit|MultiEdit|NotebookEdit|Bash', hooks: [] as object[] };
    const old = {
      hooks: {
        PreToolUse: [{ ...group, hooks: [{ type: 'command', command: before }] }],
        PostToolUse: [{ ...group, hooks: [{ type: 'command', command: before }] }],
      },
    };
    repo.write('.claude/settings.json', JSON.stringify(old, null, 2));
    expect((await init('--agents', 'claude')).code).toBe(0);
    for (const event of ['PreToolUse', 'PostToolUse']) {
      const groups = json('.claude/settings.json').hooks[event];
      expect(groups).toHaveLength(1);
      expect(groups[0].hooks).toHaveLength(1);
      expect(groups[0].hooks[0].command).toContain('node_modules/trailguard/dist/hook.cjs');
      expect(groups[0].hooks[0].command).not.toContain('.bin/trailguard');
    }
    installLocally();
    repo.write('.github/trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');
    const result = await runHookCommand(
      claudePreToolUse(),
      payload(repo, 'claude', 'pre-write-evals'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('may not edit evals/x.jsonl');
  });

  test("Gemini: the user's own tools.enableHooks: false is kept", async () => {
    repo.write('.gemini/settings.json', '{"tools": {"enableHooks": false, "sandbox": true}}\n');
    await init('--agents', 'gemini');
    expect(json('.gemini/settings.json').tools).toEqual({ enableHooks: false, sandbox: true });
  });

  test('--dry-run shows a unified diff and writes nothing', async () => {
    repo.write(
      '.cursor/hooks.json',
      '{\n  "version": 1,\n  "hooks": {\n    "stop": [{ "command": "./notify.sh" }]\n  }\n}\n',
    );
    repo.git('add', '.cursor/hooks.json');
    repo.git('commit', '-q', '-m', 'cursor hooks');
    const result = await init('--agents', 'claude,cursor', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '--- /dev/null\n+++ b/.claude/settings.json\n@@ -0,0 +1,26 @@\n+{\n',
    );
    expect(result.stdout).toContain('--- a/.cursor/hooks.json\n+++ b/.cursor/hooks.json\n');
    expect(result.stdout).toContain('\n-    "stop": [{ "command": "./notify.sh" }]\n');
    expect(result.stdout).toContain('+    "preToolUse": [');
    expect(result.stdout).toContain('# dry run: nothing was written');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  test('an unreadable config is an error naming the file, and nothing is written', async () => {
    repo.write('.cursor/hooks.json', '{ "version": 1, "hooks": { ');
    const result = await init('--agents', 'claude,cursor');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^trailguard: \.cursor\/hooks\.json:1:28: not valid JSON \(.+\); fix it or move it away \(nothing was written\)\n$/,
    );
    expect(existsSync(join(repo.dir, '.claude'))).toBe(false);

    repo.write('.cursor/hooks.json', '{ "version": 1, "hooks": [] }');
    const wrongShape = await init('--agents', 'cursor');
    expect(wrongShape.code).toBe(2);
    expect(wrongShape.stderr).toContain('.cursor/hooks.json: "hooks" is not an object');
  });

  test('an unknown agent, or a directory outside a repository, is a usage error', async () => {
    const unknown = await init('--agents', 'claude,vim');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'init: unknown agent "vim" in --agents (known: claude, codex, cursor, gemini, copilot, windsurf)',
    );
    const outside = await runCliInProcess(['init', '--agents', 'claude'], {
      cwd: repo.home,
      env: repo.env,
    });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('not a git repository');
  });
});

describe('policy and workflow', () => {
  test('--config writes the default policy, commented, and leaves an existing one alone', async () => {
    const result = await init('--config');
    expect(result.stdout).toBe(
      'wrote .github/trailguard.yml (policy)\n' +
        'next steps:\n' +
        '  git add .github/trailguard.yml\n' +
        '  git commit -m "Set up trailguard"   # so every clone gets them\n' +
        '  trailguard doctor   # checks that the hooks run and the policy is valid\n',
    );
    const text = read('.github/trailguard.yml');
    expect(text).toBe(DEFAULT_POLICY_YAML);
    expect(text).toContain('# warn | block');
    expect(parsePolicy(text, '.github/trailguard.yml')).toEqual(defaultPolicy);

    repo.write('.github/trailguard.yml', 'version: 1\n');
    const again = await init('--config');
    expect(again.stdout).toContain('note: .github/trailguard.yml exists; left as it is');
    expect(read('.github/trailguard.yml')).toBe('version: 1\n');
  });

  test('--workflow writes the Action workflow for the current branch', async () => {
    await init('--workflow');
    expect(read('.github/workflows/trailguard.yml')).toBe(workflowYaml({ defaultBranch: 'main' }));
  });

  test('init with no choice sets up everything (with every agent showing signs), and running it again changes nothing', async () => {
    for (const folder of [
      '.claude',
      '.codex',
      '.cursor',
      '.gemini',
      '.copilot',
      '.codeium/windsurf',
    ]) {
      mkdirSync(join(repo.home, folder), { recursive: true });
    }
    const first = await init();
    expect(first.code).toBe(0);
    const files = repo
      .git('status', '--porcelain', '--untracked-files=all')
      .split('\n')
      .filter(Boolean);
    expect(files.map((line) => line.slice(3)).sort()).toEqual([
      '.claude/settings.json',
      '.codex/hooks.json',
      '.cursor/hooks.json',
      '.gemini/settings.json',
      '.github/hooks/trailguard.json',
      '.github/trailguard.yml',
      '.github/workflows/trailguard.yml',
      '.windsurf/hooks.json',
    ]);
    expect(first.stdout).toMatch(/^git hooks prepare-commit-msg, commit-msg: installed/m);
    const second = await init();
    expect(second.stdout).not.toContain('wrote ');
    expect(second.stdout).toMatch(/^git hooks .*: already installed/m);
  });
});
