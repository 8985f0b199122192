import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { headFromFiles } from '../../src/git/head-file.js';
import { runProcess, type RunResult } from './process.js';
import { gitTemplate, tempDir, tempRoot } from './temp.js';

// tempDir is temp.ts's, exported here too for the tests that import their helpers from here.
export { runProcess, tempDir, type RunResult };

export const ROOT = resolve(import.meta.dirname ?? '.', '../..');
export const CLI = join(ROOT, 'dist', 'cli.js');

/**
 * A clean environment for child processes: no agent variables leak in from the machine running
 * the tests, no user or system git config, a fixed identity and clock.
 */
export function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    TMPDIR: tempRoot(),
    GIT_TEMPLATE_DIR: gitTemplate(),
    GIT_CONFIG_SYSTEM: join(ROOT, 'test', 'support', 'gitconfig'),
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Ada Human',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Human',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    ...extra,
  };
}

/** A real git repository in a temporary directory, driven through the real git binary. */
export class TempRepo {
  readonly dir: string;
  readonly home: string;
  env: NodeJS.ProcessEnv;

  /**
   * `copyOf`: a copy of that repository and its home, byte for byte (a fixture built once per
   * test file, copied for each test); it must hold no absolute path of its own directories.
   */
  constructor(options: { bare?: boolean; branch?: string; copyOf?: TempRepo } = {}) {
    this.home = tempDir('tg-home-');
    this.dir = tempDir('tg-repo-');
    this.env = cleanEnv(this.home);
    if (options.copyOf) {
      const copy = { recursive: true, verbatimSymlinks: true } as const;
      cpSync(options.copyOf.home, this.home, copy);
      cpSync(options.copyOf.dir, this.dir, copy);
      return;
    }
    const init = ['init', '-q', `--initial-branch=${options.branch ?? 'main'}`];
    if (options.bare) init.push('--bare');
    this.git(...init);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8' });
  }

  gitWith(env: Record<string, string>, ...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...this.env, ...env },
      encoding: 'utf8',
    });
  }

  write(path: string, content = `${path}\n`): void {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }

  /** Writes the files, stages everything and commits with the given message; returns the sha. */
  commit(
    message: string,
    files: Record<string, string> | string[] = {},
    env: Record<string, string> = {},
  ): string {
    const entries = Array.isArray(files)
      ? files.map((f) => [f, `${f} ${Math.random()}\n`])
      : Object.entries(files);
    for (const [path, content] of entries) this.write(path, content);
    this.git('add', '-A');
    const messageFile = join(this.home, 'COMMIT_MSG');
    writeFileSync(messageFile, message);
    this.gitWith(env, 'commit', '-q', '--allow-empty', '--no-verify', '-F', messageFile);
    return this.head();
  }

  /** HEAD's sha as git just wrote it in the ref files (no git process), else as git gives it. */
  head(): string {
    const gitDir = join(this.dir, '.git');
    return headFromFiles(gitDir, gitDir) || this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** Runs the built CLI bundle (dist/cli.js) as a real process. */
export function runCli(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<RunResult> {
  return runProcess(process.execPath, [CLI, ...args], options);
}
