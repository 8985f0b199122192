/**
 * `init` as a team meets it: a bare init sets up only the agents the repository or machine shows
 * signs of (a fake HOME and PATH stand in for the machine), says what it found and what to commit;
 * the user's JSON configs keep their formatting (comments are refused, never lost); `uninstall`
 * takes out what init wrote and is idempotent.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { runCliInProcess } from './support/cli-in-process.js';
import { runCli, TempRepo, tempDir } from './support/repo.js';

let repo: TempRepo;
let bin: string;
const gitDir = dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim());

function addCommand(name: string): void {
  writeFileSync(join(bin, name), '#!/bin/sh\nexit 0\n');
  chmodSync(join(bin, name), 0o755);
}

beforeEach(() => {
  repo = new TempRepo();
  repo.commit('initial', { 'README.md': 'hello\n' });
  // PATH: the agent commands a test adds, then only where git and node live.
  bin = tempDir('tg-bin-');
  repo.env = { ...repo.env, PATH: [bin, gitDir, dirname(process.execPath)].join(':') };
});
afterEach(() => repo.cleanup());

/** The verbs in this process; cliProcess, the built CLI, where a test says so. */
const cli = (...args: string[]) => runCliInProcess(args, { cwd: repo.dir, env: repo.env });
const cliProcess = (...args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env });
const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
const untracked = () =>
  repo
    .git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3))
    .sort();

describe('bare init: the agents this repository or machine shows signs of', () => {
  test('claude on PATH and ~/.codex: their configs, the policy and the workflow; what was found and what to commit', async () => {
    addCommand('claude');
    mkdirSync(join(repo.home, '.codex'));
    const result = await cliProcess('init');
    expect(result.code).toBe(0);
    expect(untracked()).toEqual([
      '.claude/settings.json',
      '.codex/hooks.json',
      '.github/trailguard.yml',
      '.github/workflows/trailguard.yml',
    ]);
    expect(result.stdout).toContain('found Claude Code: claude on PATH\nfound Codex: ~/.codex\n');
    expect(result.stdout).toContain(
      'no signs of Cursor, Gemini CLI, GitHub Copilot, Windsurf; add their hook configs with: trailguard init --agents cursor,gemini,copilot,windsurf\n',
    );
    expect(result.stdout).toContain(
      'next steps:\n' +
        '  git add .claude/settings.json .codex/hooks.json .github/trailguard.yml .github/workflows/trailguard.yml\n' +
        '  git commit -m "Set up trailguard"   # so every clone gets them\n' +
        '  trailguard doctor   # checks that the hooks run and the policy is valid\n',
    );

    const again = await cli('init');
    expect(again.stdout).not.toContain('wrote ');
    expect(again.stdout).not.toContain('git add');
    expect(untracked()).toHaveLength(4);
  });

  test('folders and files in the repository count: .cursor/, .github/copilot-instructions.md', async () => {
    repo.write('.cursor/rules/style.mdc', 'be brief\n');
    repo.write('.github/copilot-instructions.md', 'be kind\n');
    const result = await cli('init');
    expect(result.stdout).toContain('found Cursor: .cursor in the repository\n');
    expect(result.stdout).toContain('found GitHub Copilot: .github/copilot-* in the repository\n');
    expect(existsSync(join(repo.dir, '.cursor/hooks.json'))).toBe(true);
    expect(existsSync(join(repo.dir, '.github/hooks/trailguard.json'))).toBe(true);
    expect(existsSync(join(repo.dir, '.claude'))).toBe(false);
  });

  test('no sign of any agent: hooks, policy and workflow only, and how to add agents', async () => {
    const result = await cli('init');
    expect(result.code).toBe(0);
    expect(untracked()).toEqual(['.github/trailguard.yml', '.github/workflows/trailguard.yml']);
    expect(result.stdout).toContain(
      'no agent found (config folders in the repository or ~, commands on PATH): Claude Code, Codex, Cursor, Gemini CLI, GitHub Copilot, Windsurf; add their hook configs with: trailguard init --agents claude,codex,cursor,gemini,copilot,windsurf\n',
    );
  });
});

describe("the user's JSON configs keep their formatting", () => {
  test('indentation, key order, CRLF and a missing final newline stay', async () => {
    const original = '{\r\n\t"permissions": {\r\n\t\t"allow": []\r\n\t},\r\n\t"env": {}\r\n}';
    repo.write('.claude/settings.json', original);
    expect((await cli('init', '--agents', 'claude')).code).toBe(0);
    const text = read('.claude/settings.json');
    expect(
      text.startsWith(
        '{\r\n\t"permissions": {\r\n\t\t"allow": []\r\n\t},\r\n\t"env": {},\r\n\t"hooks": {',
      ),
    ).toBe(true);
    expect(text.endsWith('\r\n}')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  test('a config written on one line stays on one line', async () => {
    repo.write(
      '.cursor/hooks.json',
      '{"version":1,"hooks":{"stop":[{"command":"./notify.sh"}]}}\n',
    );
    await cli('init', '--agents', 'cursor');
    const text = read('.cursor/hooks.json');
    expect(
      text.startsWith('{"version":1,"hooks":{"stop":[{"command":"./notify.sh"}],"preToolUse":['),
    ).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });

  test('a config with comments is refused in one line naming the file, and nothing is written', async () => {
    const jsonc = '{\n  // our own hooks\n  "version": 1,\n  "hooks": {}\n}\n';
    repo.write('.cursor/hooks.json', jsonc);
    for (const args of [
      ['--agents', 'claude,cursor'],
      ['--agents', 'cursor', '--dry-run'],
    ]) {
      const result = await cli('init', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        "trailguard: .cursor/hooks.json:2:3: has comments, which init would lose by rewriting it; add trailguard's hooks by hand (`init --dry-run` on a copy without comments shows them) or remove the comments (nothing was written)\n",
      );
    }
    expect(read('.cursor/hooks.json')).toBe(jsonc);
    expect(existsSync(join(repo.dir, '.claude'))).toBe(false);
  });

  test('// inside a string is no comment', async () => {
    repo.write(
      '.cursor/hooks.json',
      '{"hooks": {"stop": [{"command": "curl https://example.com"}]}}',
    );
    expect((await cli('init', '--agents', 'cursor')).code).toBe(0);
  });

  test('a syntax error names the line and column', async () => {
    repo.write('.claude/settings.json', '{\n  "env": {\n    "A": 1,\n  }\n}\n');
    const result = await cli('init', '--agents', 'claude');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^trailguard: \.claude\/settings\.json:4:3: not valid JSON \([^()]+\); fix it or move it away \(nothing was written\)\n$/,
    );
  });
});

describe('uninstall takes out what init wrote', () => {
  test("--agents: trailguard's hooks go, the user's stay; a config init created goes with its folder", async () => {
    const own = { hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } };
    repo.write('.claude/settings.json', `${JSON.stringify(own, null, 2)}\n`);
    await cli('init', '--agents', 'claude,codex,cursor,gemini,copilot,windsurf');
    const result = await cli(
      'uninstall',
      '--agents',
      'claude,codex,cursor,gemini,copilot,windsurf',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("took trailguard's hooks out of .claude/settings.json\n");
    expect(result.stdout).toContain('removed .codex/hooks.json (Codex hooks)\n');
    expect(read('.claude/settings.json')).toBe(`${JSON.stringify(own, null, 2)}\n`);
    expect(untracked()).toEqual(['.claude/settings.json']);
    expect(existsSync(join(repo.dir, '.codex'))).toBe(false);
    expect(existsSync(join(repo.dir, '.github'))).toBe(false);

    const again = await cli('uninstall', '--agents', 'claude');
    expect(again).toEqual({
      code: 0,
      stdout: 'trailguard: no agent config holds trailguard hooks; nothing to remove\n',
      stderr: '',
    });
  });

  test('--all: hooks, agent configs, policy and workflow; an edited policy stays; again is exit 0', async () => {
    addCommand('gemini');
    await cli('init');
    repo.write('.github/trailguard.yml', `${read('.github/trailguard.yml')}# ours now\n`);
    const result = await cliProcess('uninstall', '--all');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('trailguard: hooks uninstalled\n');
    expect(result.stdout).toContain('removed .gemini/settings.json (Gemini CLI hooks)\n');
    expect(result.stdout).toContain(
      'removed .github/workflows/trailguard.yml (as init wrote it)\n',
    );
    expect(result.stdout).toContain(
      'kept .github/trailguard.yml: edited since init wrote it (remove it by hand if you mean to)\n',
    );
    expect(untracked()).toEqual(['.github/trailguard.yml']);
    expect(existsSync(join(repo.dir, '.git/hooks/commit-msg'))).toBe(false);

    repo.write('.github/trailguard.yml', '');
    const again = await cli('uninstall', '--all');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      'trailguard: hooks are not installed in this repository; nothing to remove\n' +
        'trailguard: no agent config holds trailguard hooks; nothing to remove\n' +
        'kept .github/trailguard.yml: edited since init wrote it (remove it by hand if you mean to)\n',
    );
  });

  test('an agent named by its tool id, or mistyped: did you mean', async () => {
    const byTool = await cli('init', '--agents', 'claude-code');
    expect(byTool.code).toBe(2);
    expect(byTool.stderr).toBe(
      'trailguard: init: unknown agent "claude-code" in --agents (known: claude, codex, cursor, gemini, copilot, windsurf); did you mean claude?\n',
    );
    const typo = await cli('uninstall', '--agents', 'gemni');
    expect(typo.stderr).toContain('; did you mean gemini?');
  });

  test('an unknown agent is a usage error', async () => {
    const result = await cli('uninstall', '--agents', 'vim');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('uninstall: --agents needs agent names (known: claude, codex');
  });
});
