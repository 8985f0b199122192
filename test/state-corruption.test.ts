/**
 * Hook state that cannot be read never stops a commit (issue 10): every state file a commit
 * touches, damaged every way we know, and a real `git commit` with and without an agent. The
 * commit is made, its message keeps every byte, the agent is still recorded, and the hooks say
 * so at most once. Add a damage or a file in one line below.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { sharedStatePath, worktreeStatePath } from '../src/state/paths.js';
import { CLAUDE, copyOfInstalled, gitRun, installedRepo, useRepo } from './support/hooks.js';
import { ROOT, type TempRepo } from './support/repo.js';

/**
 * How a file gets damaged: from its good content to what is left on disk. False when the damage
 * cannot be made here (root reads a file without read permission).
 */
type Damage = (file: string, good: Buffer) => boolean | void;

const damages: Record<string, Damage> = {
  'cut in half': (file, good) => writeFileSync(file, good.subarray(0, good.length >> 1)),
  'cut mid-quote (older versions quoted values)': (file) =>
    writeFileSync(file, "# Written by `trailguard install`\nTG_CLI='/usr/lib/node_mo"),
  empty: (file) => writeFileSync(file, ''),
  'binary garbage': (file) =>
    writeFileSync(
      file,
      Buffer.from([0, 0xff, 0xfe, 0x27, 0x22, 0x0a, 0x24, 0x28, 0x60, 0x3b, 0x7c]),
    ),
  'shell code': (file) => writeFileSync(file, 'TG_EXTRA_ENV=$(touch pwned)\nexit 1\n'),
  'a directory in its place': (file) => {
    rmSync(file, { force: true });
    mkdirSync(join(file, 'inside'), { recursive: true });
  },
  unreadable: (file, good) => {
    writeFileSync(file, good);
    chmodSync(file, 0);
    return !readable(file);
  },
};

const git = (repo: TempRepo) => join(repo.dir, '.git');

type Warns = 'always warns' | 'may warn';
type Committers = 'agent' | 'agent and human';

/**
 * The state files a commit may read, where they are, whether every damage must be said (the
 * shim reads hook.env on every commit; a damaged cache is silently made anew), and who commits:
 * a commit without AI reads only what the shim reads before node would start.
 */
const files: [string, (repo: TempRepo) => string, Warns, Committers][] = [
  ['hook.env', (repo) => sharedStatePath(git(repo), 'hookEnv'), 'always warns', 'agent and human'],
  ['install.json', (repo) => sharedStatePath(git(repo), 'installRecord'), 'may warn', 'agent'],
  ['ledger.jsonl', (repo) => sharedStatePath(git(repo), 'ledger'), 'may warn', 'agent and human'],
  ['the policy cache', (repo) => worktreeStatePath(git(repo), 'policyCache'), 'may warn', 'agent'],
  ['the code cache', (repo) => sharedStatePath(git(repo), 'codeCache'), 'may warn', 'agent'],
];

function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const LEDGER_LINE = `${JSON.stringify({ tool: 'cursor', path: 'elsewhere.txt', time: '2026-01-01T00:00:00.000Z' })}\n`;

/** Not ASCII, a trailing space, a line that looks like a trailer: all of it must survive. */
const MESSAGE = 'Fix café ✓ naïve  \n\nBody line\nNot-a-trailer: in the body\n\nSee: there\n';

function restore(file: string, good: Buffer | undefined): void {
  if (existsSync(file) && !statSync(file).isDirectory()) chmodSync(file, 0o644);
  rmSync(file, { recursive: true, force: true });
  if (good) writeFileSync(file, good);
}

/** Installed, with an agent edit waiting in the ledger and every cache the hooks keep. */
let warm: TempRepo;
beforeAll(async () => {
  warm = await installedRepo(['README.md']);
  writeFileSync(sharedStatePath(git(warm), 'ledger'), LEDGER_LINE);
  // One commit with an agent leaves every cache the hooks keep.
  expect(gitRun(warm, ['commit', '-q', '--allow-empty', '-m', 'warm'], CLAUDE).code).toBe(0);
});
afterAll(() => warm.cleanup());

describe.each(files)('%s, damaged', (_name, locate, warns, committers) => {
  let repo: TempRepo;
  let good: Buffer | undefined;
  useRepo(() => {
    repo = copyOfInstalled(warm);
    good = existsSync(locate(repo)) ? readFileSync(locate(repo)) : undefined;
    return repo;
  });

  test.each(Object.entries(damages))('%s: commits go on, every byte kept', (_how, damage) => {
    // The usual setup: trailguard is a dependency, so a hook finds it without hook.env too.
    mkdirSync(join(repo.dir, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(repo.dir, 'node_modules', 'trailguard'));
    const file = locate(repo);
    const damaged = damage(file, good ?? Buffer.from(LEDGER_LINE)) !== false;
    try {
      const commits = [['agent', CLAUDE] as const, ['human', {}] as const];
      for (const [who, env] of committers === 'agent' ? commits.slice(0, 1) : commits) {
        repo.write('file.txt', `${who} ${Math.random()}\n`);
        repo.git('add', 'file.txt');
        const result = gitRun(repo, ['commit', '-q', '--cleanup=verbatim', '-m', MESSAGE], env);
        expect(result.code).toBe(0);
        const message = repo.git('log', '-1', '--format=%B');
        expect(message.startsWith(MESSAGE)).toBe(true);
        expect(message.includes('Assisted-by: claude-code')).toBe(who === 'agent');
        // One line about the damage at most, and never a shell's syntax error.
        const lines = result.stderr.split('\n').filter((line) => line.includes(basename(file)));
        if (warns === 'always warns' && damaged) expect(lines).toHaveLength(1);
        else expect(lines.length).toBeLessThanOrEqual(1);
        expect(result.stderr).not.toMatch(/syntax error|unterminated|stack|at .*\.js:\d+/i);
      }
      expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
    } finally {
      restore(file, good);
    }
  });
});
