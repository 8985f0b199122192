import { afterAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cleanEnv, ROOT, runCli, tempDir } from './support/repo.js';

/**
 * action.yml, the workflow `trailguard init --workflow` writes and the project's own workflows,
 * checked by a real validator: @action-validator/cli, which validates against the SchemaStore
 * schemas for GitHub workflows and action metadata.
 */
const VALIDATOR = join(ROOT, 'node_modules', '.bin', 'action-validator');
const work = tempDir('tg-workflows-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(file: string): { ok: boolean; output: string } {
  try {
    execFileSync(VALIDATOR, [file], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout) };
  }
}

test('the validator rejects what is wrong (it is not a no-op)', () => {
  const bad = join(work, 'bad.yml');
  writeFileSync(bad, 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n');
  expect(validate(bad)).toMatchObject({ ok: false });
});

test('action.yml is valid action metadata, run on node24', () => {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  expect((parse(text) as { runs: { using: string } }).runs.using).toBe('node24');
  // The validator's bundled schema predates node24 (its enum ends at node20): every other field
  // is checked against it; the runtime is asserted above.
  const copy = join(work, 'action.yml');
  writeFileSync(copy, text.replace(/using: node24/, 'using: node20'));
  expect(validate(copy)).toEqual({ ok: true, output: '' });
});

test('the workflow `init --workflow` writes is valid and uses this package’s repository', async () => {
  const repo = join(work, 'repo');
  mkdirSync(repo);
  const env = cleanEnv(join(work, 'home'));
  execFileSync('git', ['init', '-q'], { cwd: repo, env });
  const init = await runCli(['init', '--workflow'], { cwd: repo, env });
  expect(init.code).toBe(0);
  const written = join(repo, '.github', 'workflows', 'trailguard.yml');
  expect(validate(written)).toEqual({ ok: true, output: '' });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    repository: { url: string };
  };
  const slug = /([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(manifest.repository.url)![1];
  expect(readFileSync(written, 'utf8')).toContain(
    `- uses: ${slug}@v${manifest.version.split('.')[0]}\n`,
  );
  expect(readFileSync(written, 'utf8')).not.toContain('OWNER');
});

test.each(readdirSync(join(ROOT, '.github', 'workflows')))(
  '.github/workflows/%s is valid',
  (name) => {
    expect(validate(join(ROOT, '.github', 'workflows', name))).toEqual({ ok: true, output: '' });
  },
);

test('the project runs its own Action on itself (uses: ./) and CI runs tests, lint, typecheck, check-dist', () => {
  const own = readFileSync(join(ROOT, '.github', 'workflows', 'trailguard.yml'), 'utf8');
  expect(own).toMatch(/- uses: \.\/\n/);
  const ci = readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8');
  for (const step of ['npm test', 'npm run lint', 'npm run typecheck', 'npm run build']) {
    expect(ci).toContain(`run: ${step}`);
  }
  expect(ci).toContain('git diff --exit-code -- action/index.js');
});
