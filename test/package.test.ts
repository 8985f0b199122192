import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, ROOT, runProcess, tempDir } from './support/repo.js';

/**
 * The package as a user gets it: `npm pack` (of the dist/ the test run built), then in a fresh
 * project `npm i -D --ignore-scripts <tarball>`. The bundles are self-contained, so nothing but
 * trailguard itself is installed, and the CLI, the git hooks and a recorded agent commit work.
 */
const work = tempDir('tg-package-');
const home = join(work, 'home');
const project = join(work, 'project');
const env = cleanEnv(home, { npm_config_update_notifier: 'false', npm_config_fund: 'false' });
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  repository?: unknown;
};
let tarball = '';
let packed: { filename: string; files: { path: string }[] };
let install = { code: 0, stdout: '', stderr: '' };

const run = (command: string, args: string[], extra: Record<string, string> = {}) =>
  runProcess(command, args, { cwd: project, env: { ...env, ...extra } });

beforeAll(async () => {
  mkdirSync(home);
  mkdirSync(project);
  // --ignore-scripts: pack what `npm test` built; a rebuild would pull dist/ from under other tests.
  const out = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  [packed] = JSON.parse(out) as [typeof packed];
  tarball = join(work, packed.filename);
  execFileSync('git', ['init', '-q'], { cwd: project, env });
  execFileSync('npm', ['init', '-y'], { cwd: project, env, stdio: 'ignore' });
  install = await run('npm', ['i', '-D', '--ignore-scripts', '--no-audit', tarball]);
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

test('npm i -D --ignore-scripts <tarball> installs trailguard alone, with no engine warnings', () => {
  expect(install.code).toBe(0);
  expect(install.stderr).not.toContain('EBADENGINE');
  expect(
    readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')),
  ).toEqual(['trailguard']);
});

test('npx trailguard --version, install, and a recorded agent commit', async () => {
  const version = await run('npx', ['trailguard', '--version']);
  expect(version.stdout.trim()).toBe(manifest.version);

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
