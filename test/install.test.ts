/**
 * `trailguard install` / `uninstall` / `status` / `doctor` beside each hook manager, with the real
 * git and the real husky, lefthook and simple-git-hooks from npm (their installers run explicitly:
 * npm 11 blocks dependency install scripts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appendLedger } from '../src/state/ledger.js';
import { diagnose } from '../src/install/doctor.js';
import { detectManager } from '../src/install/index.js';
import { preCommitStanza } from '../src/install/pre-commit.js';
import { installFacts } from '../src/install/repo.js';
import { DEFAULT_HOOKS } from '../src/install/shim-file.js';
import {
  assistedBy,
  CLAUDE,
  cliRun,
  gitRun,
  installInProcess,
  installOk,
  spawnRun,
  WITH_POST_COMMIT,
} from './support/hooks.js';
import { runCliInProcess } from './support/cli-in-process.js';
import { ROOT, TempRepo } from './support/repo.js';
import { tempDir } from './support/temp.js';

/** Every file under a directory with its bytes and mode, to compare before and after. */
function snapshot(
  dir: string,
  skip: (name: string) => boolean = () => false,
): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (skip(rel)) continue;
      const full = join(dir, rel);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(rel);
      else out[rel] = `${(stat.mode & 0o777).toString(8)} ${readFileSync(full, 'base64')}`;
    }
  };
  walk('');
  return out;
}

/** A repository that has the real package installed (linked from this checkout's node_modules). */
function withPackages(
  repo: TempRepo,
  packages: string[],
  packageJson: Record<string, unknown>,
): void {
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  for (const name of packages) {
    const target = name === 'trailguard' ? ROOT : join(ROOT, 'node_modules', name);
    symlinkSync(target, join(repo.dir, 'node_modules', name));
  }
  if (packages.includes('trailguard')) {
    symlinkSync('../trailguard/dist/cli.js', join(repo.dir, 'node_modules', '.bin', 'trailguard'));
  }
  repo.write('.gitignore', 'node_modules/\nlog.txt\n');
  repo.write(
    'package.json',
    JSON.stringify({ name: 'fixture', private: true, ...packageJson }, null, 2) + '\n',
  );
}

const logOf = (repo: TempRepo) =>
  existsSync(join(repo.dir, 'log.txt')) ? readFileSync(join(repo.dir, 'log.txt'), 'utf8') : '';

const repos: TempRepo[] = [];
/** A new repository, or a copy of a describe block's fixture; removed after the test. */
function newRepo(copyOf?: TempRepo): TempRepo {
  const repo = new TempRepo({ copyOf });
  repos.push(repo);
  return repo;
}
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

/** For the enclosing describe block: `build`'s repository, made once; each test gets a copy. */
function fixture(build: (repo: TempRepo) => void): () => TempRepo {
  let built: TempRepo | undefined;
  beforeAll(() => {
    built = new TempRepo();
    build(built);
  });
  afterAll(() => built?.cleanup());
  return () => newRepo(built);
}

/**
 * The verbs in this process, for a test's setup and the variations of its flow; cliRun and
 * installOk run the built CLI as a process where a test drives the flow under test.
 */
const cliIn = (repo: TempRepo, args: string[]) =>
  runCliInProcess(args, { cwd: repo.dir, env: repo.env });

describe("doctor's advice and install's choices never send the user in a loop", () => {
  test('core.hooksPath=/dev/null: doctor names it and the way back; install refuses in one line', async () => {
    const repo = newRepo();
    repo.commit('initial', ['README.md']);
    repo.git('config', 'core.hooksPath', '/dev/null');
    const doctor = await cliIn(repo, ['doctor']);
    expect(doctor.stdout).toContain(
      'core.hooksPath is /dev/null (local config), not a directory, so git runs no hooks here',
    );
    expect(doctor.stdout).toContain(
      'fix: git config --unset core.hooksPath, then trailguard install',
    );
    expect(doctor.stdout).not.toContain('fix: trailguard install\n');
    const install = cliRun(repo, ['install']);
    expect(install.code).toBe(2);
    expect(install.stderr).not.toContain('internal error');
    expect(install.stderr.trim().split('\n')).toHaveLength(1);
    expect(install.stderr).toContain('git config --unset core.hooksPath, then trailguard install');
    repo.git('config', '--unset', 'core.hooksPath');
    expect(await installInProcess(repo)).toContain('installed with hooks-dir');
  });

  test('--manager husky without husky is refused, and the working hooks stay', async () => {
    const repo = newRepo();
    repo.commit('initial', ['README.md']);
    await installInProcess(repo);
    const hooks = snapshot(join(repo.dir, '.git', 'hooks'));
    const result = await cliIn(repo, ['install', '--manager', 'husky']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('husky is not set up in this repository');
    expect(existsSync(join(repo.dir, '.husky'))).toBe(false);
    expect(snapshot(join(repo.dir, '.git', 'hooks'))).toEqual(hooks);
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
  });

  test('an empty .husky (as uninstall may leave it) is no sign of husky', async () => {
    const repo = newRepo();
    repo.commit('initial', ['README.md']);
    mkdirSync(join(repo.dir, '.husky'));
    expect(installOk(repo)).toContain('installed with hooks-dir (plain git hooks)');
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
  });
});

describe('plain .git/hooks', () => {
  test('chains to an existing hook, is idempotent, and uninstall restores exactly', async () => {
    const repo = newRepo();
    repo.commit('initial', ['README.md']);
    const hook = join(repo.dir, '.git', 'hooks', 'prepare-commit-msg');
    writeFileSync(hook, '#!/bin/sh\necho "original $2" >> log.txt\n');
    chmodSync(hook, 0o750);
    const before = snapshot(join(repo.dir, '.git', 'hooks'));

    const first = installOk(repo);
    expect(first).toContain('installed with hooks-dir (plain git hooks)');
    expect(first).toContain('prepare-commit-msg.pre-trailguard');
    const installed = snapshot(join(repo.dir, '.git', 'hooks'));
    expect(await installInProcess(repo)).toContain('already installed; nothing changed');
    expect(snapshot(join(repo.dir, '.git', 'hooks'))).toEqual(installed);

    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(logOf(repo)).toBe('original message\n');

    expect(cliRun(repo, ['uninstall']).code).toBe(0);
    expect(snapshot(join(repo.dir, '.git', 'hooks'))).toEqual(before);
    // Only the agents' own state (the guard's policy cache) may stay.
    expect(readdirSync(join(repo.dir, '.git', 'trailguard'))).toEqual(['policy-cache.json']);
    // Uninstalling again is no error: there is nothing left to remove.
    const again = await cliIn(repo, ['uninstall']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('not installed');
  });

  test('installing fewer hooks than before (an older default post-commit) takes the others out', async () => {
    const repo = newRepo();
    repo.commit('initial', ['README.md']);
    const hook = join(repo.dir, '.git', 'hooks', 'post-commit');
    writeFileSync(hook, '#!/bin/sh\necho team >> log.txt\n');
    chmodSync(hook, 0o755);
    const before = snapshot(join(repo.dir, '.git', 'hooks'));
    await installInProcess(repo, ...WITH_POST_COMMIT);
    expect(readFileSync(hook, 'utf8')).toContain('# trailguard-hook:');
    const upgraded = installOk(repo);
    expect(upgraded).not.toContain('nothing changed');
    // The team's post-commit is back; ours are the default two.
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho team >> log.txt\n');
    expect(existsSync(`${hook}.pre-trailguard`)).toBe(false);
    expect(readFileSync(join(repo.dir, '.git', 'hooks', 'commit-msg'), 'utf8')).toContain(
      '# trailguard-hook:',
    );
    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
    expect(snapshot(join(repo.dir, '.git', 'hooks'))).toEqual(before);
  });

  test('with a .pre-commit-config.yaml it installs hook files (pre-commit runs them as .legacy) and prints the stanza', () => {
    const repo = newRepo();
    repo.write('.pre-commit-config.yaml', 'repos: []\n');
    const out = installOk(repo);
    expect(out).toContain('pre-commit runs hook files it did not write first');
    expect(out).toContain('- repo: local');
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'prepare-commit-msg'))).toBe(true);
  });
});

describe('core.hooksPath', () => {
  test('outside the work tree: hook files there; global config is named in a note', async () => {
    const repo = newRepo();
    const shared = tempDir('tg-shared-hooks-');
    writeFileSync(join(repo.home, '.gitconfig'), `[core]\n\thooksPath = ${shared}\n`);
    const out = installOk(repo);
    expect(out).toContain(`core.hooksPath is ${shared} (global config)`);
    expect(out).toContain('every repository using it now runs trailguard');
    expect(readdirSync(shared).sort()).toEqual([...DEFAULT_HOOKS].sort());
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
    expect(readdirSync(shared)).toEqual([]);
  });

  test('inside the work tree (tracked): two lines appended to its scripts; uninstall restores bytes and modes', async () => {
    const repo = newRepo();
    repo.write('.githooks/post-commit', '#!/bin/sh\necho "team post-commit" >> log.txt');
    chmodSync(join(repo.dir, '.githooks', 'post-commit'), 0o755);
    repo.git('config', 'core.hooksPath', '.githooks');
    repo.commit('team hooks', ['README.md']);
    const before = snapshot(join(repo.dir, '.githooks'));
    expect(installOk(repo, ...WITH_POST_COMMIT)).toContain('inside the work tree');
    const script = readFileSync(join(repo.dir, '.githooks', 'post-commit'), 'utf8');
    expect(script.startsWith('#!/bin/sh\necho "team post-commit" >> log.txt\n# trailguard:')).toBe(
      true,
    );
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(logOf(repo)).toContain('team post-commit');
    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
    expect(snapshot(join(repo.dir, '.githooks'))).toEqual(before);
  });
});

describe('husky 9', () => {
  const huskyRepo = fixture((repo) => {
    withPackages(repo, ['husky', 'trailguard'], {
      scripts: { prepare: 'husky' },
      devDependencies: { husky: '^9.1.7' },
    });
    repo.write('.husky/pre-commit', 'echo husky-pre-commit >> log.txt\n');
    const husky = spawnRun(process.execPath, ['node_modules/husky/bin.js'], repo.dir, repo.env);
    expect(husky.code).toBe(0);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    repo.commit('husky set up', []);
  });

  test('a new user: npx trailguard install, then an agent commit shows the trailer and a plain one none', async () => {
    const repo = huskyRepo();
    const before = snapshot(join(repo.dir, '.husky'), (name) => name.startsWith('_'));
    const npx = spawnRun('npx', ['--no', 'trailguard', 'install'], repo.dir, repo.env);
    expect(npx.code).toBe(0);
    expect(npx.stdout).toContain('installed with husky');
    expect(await installInProcess(repo)).toContain('already installed; nothing changed');
    expect(readFileSync(join(repo.dir, '.husky', 'prepare-commit-msg'), 'utf8')).toContain(
      'node_modules/trailguard/hooks/prepare-commit-msg',
    );

    repo.write('feature.ts', 'export const x = 1;\n');
    repo.git('add', 'feature.ts');
    expect(gitRun(repo, ['commit', '-q', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'plain'], {}).code).toBe(0);
    expect(assistedBy(repo)).toEqual([]);
    expect(logOf(repo)).toBe('husky-pre-commit\nhusky-pre-commit\n');

    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
    expect(snapshot(join(repo.dir, '.husky'), (name) => name.startsWith('_'))).toEqual(before);
  });

  test('an existing .husky/prepare-commit-msg keeps its lines; ours come after them', async () => {
    const repo = huskyRepo();
    repo.write('.husky/prepare-commit-msg', 'echo "team $2" >> log.txt\n');
    await installInProcess(repo);
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(logOf(repo)).toContain('team message');
    await cliIn(repo, ['uninstall']);
    expect(readFileSync(join(repo.dir, '.husky', 'prepare-commit-msg'), 'utf8')).toBe(
      'echo "team $2" >> log.txt\n',
    );
  });

  test('a clone without trailguard installed skips the lines silently; doctor says why', async () => {
    const repo = huskyRepo();
    await installInProcess(repo);
    const state = join(repo.dir, '.git', 'trailguard');
    rmSync(join(state, 'hooks'), { recursive: true });
    rmSync(join(repo.dir, 'node_modules', 'trailguard'));
    const doctor = await cliIn(repo, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(
      'prepare-commit-msg: husky runs .husky/prepare-commit-msg, but the script it runs is gone',
    );
    cliStateGone(repo);
    const result = gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'teammate'], CLAUDE);
    expect(result.code).toBe(0);
    expect(assistedBy(repo)).toEqual([]);
  });
});

/** What a teammate's clone looks like: the committed lines, but no package and no per-clone copy. */
function cliStateGone(repo: TempRepo): void {
  rmSync(join(repo.dir, 'node_modules', 'trailguard'), { force: true });
  rmSync(join(repo.dir, '.git', 'trailguard'), { recursive: true, force: true });
}

describe('lefthook', () => {
  const lefthookPackage = `lefthook-${process.platform}-${process.arch}`;
  /** Runs `lefthook install` from the package linked by withPackages. */
  function lefthookInstall(repo: TempRepo): void {
    const binary = join(repo.dir, 'node_modules', lefthookPackage, 'bin', 'lefthook');
    expect(spawnRun(binary, ['install'], repo.dir, repo.env).code).toBe(0);
  }
  const config =
    '# team hooks\npre-commit:\n  jobs:\n    - name: team\n      run: echo lefthook-pre-commit >> log.txt\n';
  const lefthookRepo = fixture((repo) => {
    withPackages(repo, [lefthookPackage], { devDependencies: { lefthook: '^2.2.2' } });
    repo.write('lefthook.yml', config);
    lefthookInstall(repo);
    repo.commit('lefthook set up', []);
  });

  test('a trailguard job per hook in lefthook.yml; the team job still runs; uninstall restores the file', async () => {
    const repo = lefthookRepo();
    expect(installOk(repo)).toContain('installed with lefthook');
    const written = parse(readFileSync(join(repo.dir, 'lefthook.yml'), 'utf8'));
    expect(written['prepare-commit-msg'].jobs[0].name).toBe('trailguard');
    expect(written['prepare-commit-msg'].jobs[0].run).toContain('{0}');
    expect(readFileSync(join(repo.dir, 'lefthook.yml'), 'utf8').startsWith(config)).toBe(true);
    expect(await installInProcess(repo)).toContain('already installed');
    repo.write('change.txt', 'staged\n');
    repo.git('add', 'change.txt');
    expect(gitRun(repo, ['commit', '-q', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(logOf(repo)).toBe('lefthook-pre-commit\n');
    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
    expect(readFileSync(join(repo.dir, 'lefthook.yml'), 'utf8')).toBe(config);
  });

  test('--local writes lefthook-local.yml only, and uninstall removes it', async () => {
    const repo = lefthookRepo();
    await installInProcess(repo, '--local', ...WITH_POST_COMMIT);
    expect(readFileSync(join(repo.dir, 'lefthook.yml'), 'utf8')).toBe(config);
    expect(
      parse(readFileSync(join(repo.dir, 'lefthook-local.yml'), 'utf8'))['post-commit'].jobs[0].name,
    ).toBe('trailguard');
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    await cliIn(repo, ['uninstall']);
    expect(existsSync(join(repo.dir, 'lefthook-local.yml'))).toBe(false);
  });

  test('doctor finds our hook file renamed to .old by a later `lefthook install`', async () => {
    const repo = newRepo();
    await installInProcess(repo, ...WITH_POST_COMMIT);
    withPackages(repo, [lefthookPackage], {});
    repo.write('lefthook.yml', `${config}post-commit:\n  jobs:\n    - run: 'true'\n`);
    lefthookInstall(repo);
    const doctor = await cliIn(repo, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('lefthook renamed it to');
    expect(doctor.stdout).toContain('post-commit.old');
    await installInProcess(repo, ...WITH_POST_COMMIT);
    expect((await cliIn(repo, ['doctor'])).code).toBe(0);
  });
});

describe('simple-git-hooks', () => {
  test('its configured hook gets our line, the others stay ours through preserveUnused', async () => {
    const repo = newRepo();
    withPackages(repo, ['simple-git-hooks'], {
      devDependencies: { 'simple-git-hooks': '^2.14.0' },
      'simple-git-hooks': { 'post-commit': 'echo sgh-post-commit >> log.txt' },
    });
    const apply = () =>
      spawnRun(process.execPath, ['node_modules/simple-git-hooks/cli.js'], repo.dir, repo.env);
    expect(apply().code).toBe(0);
    repo.commit('set up', []);
    const packageJson = readFileSync(join(repo.dir, 'package.json'), 'utf8');

    expect(installOk(repo, ...WITH_POST_COMMIT)).toContain('installed with simple-git-hooks');
    const config = JSON.parse(readFileSync(join(repo.dir, 'package.json'), 'utf8'))[
      'simple-git-hooks'
    ];
    expect(config['post-commit']).toMatch(/^echo sgh-post-commit >> log.txt\ntrailguard_hook=/);
    expect(config.preserveUnused).toEqual(['prepare-commit-msg', 'commit-msg']);
    // What `npm install` does next time: simple-git-hooks rewrites its hooks and deletes the unused.
    expect(apply().code).toBe(0);
    writeFileSync(join(repo.dir, 'log.txt'), '');
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(logOf(repo)).toBe('sgh-post-commit\n');

    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
    expect(readFileSync(join(repo.dir, 'package.json'), 'utf8')).toBe(packageJson);
    expect(readFileSync(join(repo.dir, '.git', 'hooks', 'post-commit'), 'utf8')).not.toContain(
      'trailguard',
    );
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'prepare-commit-msg'))).toBe(false);
  });
});

describe('pre-commit', () => {
  test('the shipped .pre-commit-hooks.yaml declares one hook per stage, each running the CLI', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<
      string,
      unknown
    >[];
    expect(hooks.map((hook) => hook.id)).toEqual([
      'trailguard-prepare-commit-msg',
      'trailguard-commit-msg',
      'trailguard-post-commit',
      'trailguard-pre-push',
    ]);
    for (const hook of hooks) {
      const stage = String(hook.id).replace('trailguard-', '');
      expect(hook).toMatchObject({
        entry: `trailguard hook ${stage}`,
        language: 'node',
        stages: [stage],
      });
      expect(typeof hook.name).toBe('string');
    }
  });

  test('the printed stanza is valid YAML whose entries, run the way pre-commit runs them, record', async () => {
    const repo = newRepo();
    repo.commit('initial', ['README.md']);
    await installInProcess(repo, '--manager', 'pre-commit');
    const stanza = parse(preCommitStanza(DEFAULT_HOOKS)) as {
      repo: string;
      hooks: Record<string, unknown>[];
    }[];
    expect(stanza).toHaveLength(1);
    expect(stanza[0].repo).toBe('local');
    const prepare = stanza[0].hooks.find((hook) => hook.id === 'trailguard-prepare-commit-msg')!;
    expect(prepare).toMatchObject({ language: 'system', stages: ['prepare-commit-msg'] });
    // pre-commit splits the entry like a shell and appends the message file.
    const entry = String(prepare.entry);
    const script = /^sh -c '(.*)' trailguard$/.exec(entry)![1].replace(/''/g, "'");
    const message = join(repo.home, 'MSG');
    writeFileSync(message, 'subject\n');
    const result = spawnRun('sh', ['-c', script, 'trailguard', message], repo.dir, {
      ...repo.env,
      ...CLAUDE,
      PRE_COMMIT_COMMIT_MSG_SOURCE: 'message',
    });
    expect(result.code).toBe(0);
    expect(readFileSync(message, 'utf8')).toBe('subject\n\nAssisted-by: claude-code\n');
  });
});

describe('git config hooks (git 2.54+)', () => {
  test('writes hook.trailguard-<hook>.command/.event, idempotently; uninstall removes them', async () => {
    const repo = newRepo();
    installOk(repo, '--manager', 'git-config');
    const config = repo.git('config', '--local', '--get-regexp', '^hook\\.trailguard');
    const copy = join(repo.dir, '.git', 'trailguard', 'hooks', 'prepare-commit-msg');
    expect(config).toContain(`hook.trailguard-prepare-commit-msg.command sh '${copy}'`);
    expect(config).toContain('hook.trailguard-prepare-commit-msg.event prepare-commit-msg');
    expect(config.trim().split('\n')).toHaveLength(2 * DEFAULT_HOOKS.length);
    expect(await installInProcess(repo, '--manager', 'git-config')).toContain('already installed');
    expect(existsSync(copy)).toBe(true);
    // The command, run as git runs it (through the shell, hook arguments appended), records.
    const message = join(repo.home, 'MSG');
    writeFileSync(message, 'subject\n');
    const command = config.match(/hook\.trailguard-prepare-commit-msg\.command (.*)/)![1];
    const result = spawnRun('sh', ['-c', `${command} "$@"`, 'hook', message, 'message'], repo.dir, {
      ...repo.env,
      ...CLAUDE,
    });
    expect(result.code).toBe(0);
    expect(readFileSync(message, 'utf8')).toBe('subject\n\nAssisted-by: claude-code\n');
    expect((await cliIn(repo, ['uninstall'])).code).toBe(0);
    expect(gitRun(repo, ['config', '--local', '--get-regexp', '^hook\\.']).stdout).toBe('');
  });

  test('is chosen on git 2.54 or newer, and doctor says older git ignores it', async () => {
    const repo = newRepo();
    const facts = await installFacts(repo.dir, repo.env);
    expect(detectManager({ ...facts, gitVersion: [2, 54, 0] }).manager).toBe('git-config');
    expect(detectManager({ ...facts, gitVersion: [2, 53, 9] }).manager).toBe('hooks-dir');
    await installInProcess(repo, '--manager', 'git-config');
    const doctor = await cliIn(repo, ['doctor']);
    if (facts.gitVersion[0] === 2 && facts.gitVersion[1] < 54) {
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toContain(
        'ignores config hooks: trailguard install --manager hooks-dir',
      );
    } else {
      expect(doctor.code).toBe(0);
    }
  });
});

describe('switching managers', () => {
  test('installing again after husky arrives moves the hooks into husky and removes the old files', async () => {
    const repo = newRepo();
    await installInProcess(repo);
    withPackages(repo, ['husky'], { devDependencies: { husky: '^9.1.7' } });
    repo.write('.husky/pre-commit', 'true\n');
    expect(spawnRun(process.execPath, ['node_modules/husky/bin.js'], repo.dir, repo.env).code).toBe(
      0,
    );
    expect((await cliIn(repo, ['doctor'])).stdout).toContain(
      'core.hooksPath is now .husky/_ (local) since install',
    );
    expect(installOk(repo)).toContain('installed with husky');
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'prepare-commit-msg'))).toBe(false);
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
  });
});

describe('doctor', () => {
  test('a healthy install passes; node unreachable without a login shell and an invalid policy are found with fixes', async () => {
    const repo = newRepo();
    await installInProcess(repo);
    expect(cliRun(repo, ['doctor']).code).toBe(0);
    const hookEnv = join(repo.dir, '.git', 'trailguard', 'hook.env');
    writeFileSync(
      hookEnv,
      readFileSync(hookEnv, 'utf8').replace(/^TG_NODE=.*$/m, "TG_NODE='/gone/node'"),
    );
    repo.write('.trailguard.yml', 'version: 1\nprotected: 7\n');
    const findings = await diagnose(await installFacts(repo.dir, repo.env), {
      guiPath: tempDir('tg-empty-path-'),
    });
    const problems = findings.filter((finding) => !finding.ok);
    expect(problems.map((p) => p.what)).toEqual([
      'node is not found without a login shell (GUI clients start hooks so)',
      expect.stringMatching(/^invalid policy: \.trailguard\.yml:2:\d+: protected/),
    ]);
    expect(problems[0].fix).toContain('TRAILGUARD_NODE');
    expect(problems[1].fix).toContain('trailguard schema');
  });

  test('core.hooksPath set after install is found, with the fix', async () => {
    const repo = newRepo();
    await installInProcess(repo);
    repo.git('config', 'core.hooksPath', '/dev/null');
    const doctor = await cliIn(repo, ['doctor', '--format', 'json']);
    expect(doctor.code).toBe(1);
    const report = JSON.parse(doctor.stdout) as {
      ok: boolean;
      findings: { ok: boolean; fix?: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.findings.filter((f) => !f.ok).map((f) => f.fix)).toContain(
      'core.hooksPath is now /dev/null (local) since install: trailguard install (installs where git looks now)',
    );
  });
});

describe('status', () => {
  test('names the tools a commit would record now and why, the pending ledger per file, and the hooks', async () => {
    const repo = newRepo();
    repo.commit('initial', ['src/a.ts', 'src/b.ts']);
    await installInProcess(repo);
    appendLedger(join(repo.dir, '.git'), [
      { tool: 'cursor', model: 'gpt-5', path: 'src/a.ts', time: '2026-11-01T10:00:00Z' },
      { tool: 'codex', path: 'src/b.ts', time: '2026-11-01T10:00:00Z' },
    ]);
    repo.write('src/a.ts', 'edited\n');
    repo.git('add', 'src/a.ts');
    const text = cliRun(repo, ['status'], CLAUDE);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Assisted-by: claude-code\n');
    expect(text.stdout).toContain('Assisted-by: cursor:gpt-5\n');
    expect(text.stdout).toContain('because claude-code: CLAUDECODE=1');
    expect(text.stdout).toContain('src/a.ts [staged]: cursor (gpt-5) ×1');
    expect(text.stdout).toContain('src/b.ts: codex ×1');
    expect(text.stdout).toContain('reachable prepare-commit-msg');
    const json = JSON.parse((await cliIn(repo, ['status', '--format', 'json'])).stdout) as Record<
      string,
      unknown
    >;
    expect(json.trailers).toEqual(['Assisted-by: cursor:gpt-5']);
    expect(json.hooks).toMatchObject({ installed: 'hooks-dir' });
  });
});
