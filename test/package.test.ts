import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, ROOT, runProcess, tempDir } from './support/repo.js';

/**
 * The package as a user gets it, by the README's Quickstart: `npm pack` (of the dist/ the test run
 * built) in a folder `trailguard`, then in a fresh project next to it the README's install line as
 * written. The bundles are self-contained, so nothing but trailguard itself is installed, and the
 * CLI, the git hooks, a recorded agent commit and every trailguard command the README shows work.
 */
const work = tempDir('tg-package-');
const home = join(work, 'home');
const clone = join(work, 'trailguard');
const project = join(work, 'project');
/** Holds the `npx` the README lines run with (see standInNpx). */
const standInBin = join(work, 'bin');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Every line of the README's sh blocks, in order (comments and continuations as written). */
const readmeLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block]) =>
  block!.split('\n').filter((line) => line.trim() && !line.startsWith('#')),
);
const installLine = readmeLines.find((line) => line.startsWith('npm install --save-dev'))!;
const env = cleanEnv(home, { npm_config_update_notifier: 'false', npm_config_fund: 'false' });
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  repository?: unknown;
};
/** The package.json `npm init -y` writes in a folder named `project`. */
const npmInitManifest = {
  name: 'project',
  version: '1.0.0',
  description: '',
  main: 'index.js',
  scripts: { test: 'echo "Error: no test specified" && exit 1' },
  keywords: [],
  author: '',
  license: 'ISC',
};
let packed: { filename: string; files: { path: string }[] };
let install = { code: 0, stdout: '', stderr: '' };

const run = (command: string, args: string[], extra: Record<string, string> = {}) =>
  runProcess(command, args, { cwd: project, env: { ...env, ...extra } });

/**
 * The real npx costs half a second of npm start-up per call; for an installed package it runs
 * `node_modules/.bin/<name>` with that folder first on PATH, and the test below asserts that it
 * resolves `trailguard` there. The README's lines then run with this stand-in doing the same.
 */
const standInNpx = `#!/bin/sh
[ "$1" = trailguard ] || { echo "npx stand-in: runs trailguard only, not $1" >&2; exit 127; }
shift
bin="$(pwd)/node_modules/.bin"
PATH="$bin:$PATH" exec "$bin/trailguard" "$@"
`;

beforeAll(async () => {
  mkdirSync(home);
  mkdirSync(clone);
  mkdirSync(project);
  mkdirSync(standInBin);
  writeFileSync(join(standInBin, 'npx'), standInNpx);
  chmodSync(join(standInBin, 'npx'), 0o755);
  // --ignore-scripts: pack what `npm test` built; a rebuild would pull dist/ from under other tests.
  const out = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', clone],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  [packed] = JSON.parse(out) as [typeof packed];
  execFileSync('git', ['init', '-q', '--initial-branch=main'], { cwd: project, env });
  // What `npm init -y` writes, without its npm start-up.
  writeFileSync(join(project, 'package.json'), JSON.stringify(npmInitManifest, null, 2) + '\n');
  install = await run('sh', ['-c', installLine], { npm_config_audit: 'false' });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the package declares no runtime dependencies and ships only what runs', () => {
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(manifest.repository).toBeDefined();
  const tops = new Set(packed.files.map((file) => file.path.split('/')[0]));
  expect([...tops].sort()).toEqual(
    ['LICENSE', 'README.md', 'action', 'action.yml', 'dist', 'hooks', 'package.json'].sort(),
  );
  expect(packed.files.filter((f) => f.path.startsWith('action/')).map((f) => f.path)).toEqual([
    'action/index.js',
  ]);
});

test("the README's install line names the tarball npm pack writes", () => {
  expect(installLine).toBe(
    `npm install --save-dev --ignore-scripts ../trailguard/${packed.filename}`,
  );
  expect(readme).toContain(`(writes ${packed.filename})`);
});

test('npm i -D --ignore-scripts <tarball> installs trailguard alone, with no engine warnings', () => {
  expect(install.code).toBe(0);
  expect(install.stderr).not.toContain('EBADENGINE');
  expect(
    readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')),
  ).toEqual(['trailguard']);
});

test('npx resolves trailguard in the project and runs its --version; npx trailguard install, and a recorded agent commit', async () => {
  // What the stand-in npx runs for the README's lines, and what it prints for --version.
  const resolved = await run('npx', ['-c', 'command -v trailguard && trailguard --version']);
  expect(resolved).toEqual({
    code: 0,
    stdout: `${join(project, 'node_modules', '.bin', 'trailguard')}\n${manifest.version}\n`,
    stderr: '',
  });

  const installed = await run('npx', ['trailguard', 'install']);
  expect(installed.code).toBe(0);

  execFileSync('sh', ['-c', 'echo x > a.txt && git add a.txt'], { cwd: project, env });
  const commit = await run('git', ['commit', '-q', '-m', 'Add a'], { CLAUDECODE: '1' });
  expect(commit.code).toBe(0);
  const message = execFileSync('git', ['log', '-1', '--format=%B'], {
    cwd: project,
    env,
    encoding: 'utf8',
  });
  expect(message).toContain('Assisted-by: claude-code');
});

/**
 * Lines of the README's sh blocks that are not run here: the development clone's own commands
 * (npm ci, pack, test, run: what CI and the Quickstart's packing above do) and another tool's.
 */
const elsewhere = /^(npm (ci|pack|test|run)\b|gh | {2}--predicate-type)/;

test('every trailguard command the README shows works as written in the fresh project', async () => {
  /** A line as the README writes it, `npx` being the stand-in. */
  const sh = (line: string, extra: Record<string, string> = {}) =>
    run('sh', ['-c', line], { PATH: `${standInBin}:${env.PATH}`, ...extra });
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: project, env, encoding: 'utf8' }).trim();
  // What the examples name: tags v2.0 and v2.3.0, a reviewed evals/task.jsonl, an attestation of
  // the data commit, and a pending agent edit of evals/task.jsonl in the ledger.
  writeFileSync(join(project, '.gitignore'), 'node_modules/\naudit.html\n*.json.tmp\n');
  git('add', '.gitignore', 'package.json', 'package-lock.json');
  git('commit', '-q', '-m', 'Project');
  git('tag', 'v2.0');
  mkdirSync(join(project, 'evals'));
  writeFileSync(join(project, 'evals', 'task.jsonl'), '{"q": 1}\n');
  git('add', 'evals');
  git('commit', '-q', '-m', 'Add eval task\n\nReviewed-by: Bea Reviewer <bea@example.com>');
  git('tag', 'v2.3.0');
  const dataCommit = git('rev-parse', 'HEAD');
  const attest = await sh('npx trailguard attest > trailguard-attestation.json');
  expect(attest).toMatchObject({ code: 0, stderr: '' });
  writeFileSync(join(project, 'evals', 'task.jsonl'), '{"q": 2}\n');
  const edit = JSON.stringify({
    session_id: 's1',
    cwd: project,
    hook_event_name: 'PostToolUse',
    tool_name: 'Write',
    tool_input: { file_path: join(project, 'evals', 'task.jsonl'), content: '{"q": 2}\n' },
  });
  const hook = await runProcess(join(standInBin, 'npx'), ['trailguard', 'agent-hook', 'claude'], {
    cwd: project,
    env,
    input: edit,
  });
  expect(hook.code).toBe(0);

  const ran: string[] = [];
  for (const line of readmeLines) {
    if (line === installLine || elsewhere.test(line)) continue;
    expect(line).toMatch(/^npx trailguard /);
    const result = await sh(line, { DATA_COMMIT: dataCommit });
    if (result.code !== 0) throw new Error(`README line failed: ${line}\n${result.stderr}`);
    ran.push(line.split(/\s+#/)[0]!.trim());
    // The Quickstart's next step: the exact git add line init printed, then the commit.
    const add = /^ {2}(git add .*)$/m.exec(result.stdout)?.[1];
    if (line.startsWith('npx trailguard init ') && add !== undefined) {
      expect((await sh(`${add} && git commit -q -m "Set up trailguard"`)).code).toBe(0);
    }
  }
  expect(ran).toEqual(
    expect.arrayContaining([
      'npx trailguard init',
      'npx trailguard check',
      'npx trailguard uninstall --all',
      'npx trailguard verify evals/ --at v2.3.0',
    ]),
  );
});
