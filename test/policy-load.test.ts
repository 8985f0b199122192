import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDED_DEFAULT } from '../src/policy/default.js';
import { defaultPolicy } from '../src/policy/embedded.js';
import { findPolicyFile } from '../src/policy/locate.js';
import { loadPolicy } from '../src/policy/read.js';
import { policyJsonSchema } from '../src/policy/schema.js';
import { PolicyError } from '../src/policy/types.js';
import { UserError } from '../src/core/errors.js';
import { runCli, TempRepo } from './support/repo.js';

const repos: TempRepo[] = [];
function repo(): TempRepo {
  const created = new TempRepo();
  repos.push(created);
  return created;
}
afterAll(() => repos.forEach((r) => r.cleanup()));

const policyWith = (name: string) =>
  `version: 1\nprotected:\n  - name: ${name}\n    paths: ["${name}/**"]\n`;
const groupNames = (loaded: ReturnType<typeof loadPolicy>) =>
  loaded.policy.protected.map((group) => group.name);

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('loadPolicy from the work tree', () => {
  test('without a file the embedded default applies', () => {
    const r = repo();
    expect(findPolicyFile({ repoDir: r.dir })).toBeUndefined();
    const loaded = loadPolicy({ repoDir: r.dir });
    expect(loaded.source).toBe(EMBEDDED_DEFAULT);
    expect(loaded.policy).toBe(defaultPolicy);
  });

  test('.github/trailguard.yml comes before .trailguard.yml, found from any subdirectory', () => {
    const r = repo();
    r.write('.trailguard.yml', policyWith('root-file'));
    r.write('src/deep/x.ts', '');
    expect(loadPolicy({ repoDir: join(r.dir, 'src', 'deep') })).toMatchObject({
      source: '.trailguard.yml',
    });
    r.write('.github/trailguard.yml', policyWith('github-file'));
    const loaded = loadPolicy({ repoDir: join(r.dir, 'src', 'deep') });
    expect(loaded.source).toBe('.github/trailguard.yml');
    expect(groupNames(loaded)).toEqual(['github-file']);
    expect(findPolicyFile({ repoDir: r.dir })).toBe('.github/trailguard.yml');
  });

  test('the layer holds only what the file says, for merging under an org policy', () => {
    const r = repo();
    r.write('.trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');
    const loaded = loadPolicy({ repoDir: r.dir });
    expect(loaded.layer).toEqual({ version: 1, local: { onViolation: 'block' } });
    expect(loaded.policy.review.dismissStale).toBe(true);
  });

  test('--config names a file (relative to the repository directory); a missing one is an error', () => {
    const r = repo();
    r.write('.trailguard.yml', policyWith('ignored'));
    r.write('policies/strict.yml', policyWith('strict'));
    const loaded = loadPolicy({ repoDir: r.dir, configPath: 'policies/strict.yml' });
    expect(loaded.source).toBe('policies/strict.yml');
    expect(groupNames(loaded)).toEqual(['strict']);
    expect(
      groupNames(loadPolicy({ repoDir: r.dir, configPath: join(r.dir, 'policies/strict.yml') })),
    ).toEqual(['strict']);

    const missing = thrown(() => loadPolicy({ repoDir: r.dir, configPath: 'nope.yml' }));
    expect(missing).toBeInstanceOf(UserError);
    expect(missing.message).toBe('config file not found: nope.yml');
    const directory = thrown(() => loadPolicy({ repoDir: r.dir, configPath: 'policies' }));
    expect(directory.message).toBe('config file is not a regular file: policies');
  });

  test('a policy path that is a directory is an error, not a silent fallback', () => {
    const r = repo();
    mkdirSync(join(r.dir, '.github', 'trailguard.yml'), { recursive: true });
    r.write('.trailguard.yml', policyWith('fallback'));
    expect(thrown(() => loadPolicy({ repoDir: r.dir })).message).toBe(
      'config file is not a regular file: .github/trailguard.yml',
    );
  });

  test('a byte-order mark and CRLF work; bytes that are not UTF-8 give a positioned error', () => {
    const r = repo();
    writeFileSync(
      join(r.dir, '.trailguard.yml'),
      `\uFEFF${policyWith('crlf').replace(/\n/g, '\r\n')}`,
    );
    expect(groupNames(loadPolicy({ repoDir: r.dir }))).toEqual(['crlf']);

    writeFileSync(
      join(r.dir, '.trailguard.yml'),
      Buffer.concat([
        Buffer.from('version: 1\nextends: caf'),
        Buffer.from([0xe9]),
        Buffer.from('\n'),
      ]),
    );
    const error = thrown(() => loadPolicy({ repoDir: r.dir }));
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.message).toBe('.trailguard.yml:2:13: not UTF-8 text; save the file as UTF-8');

    writeFileSync(join(r.dir, '.trailguard.yml'), Buffer.from('\uFEFFversion: 1\n', 'utf16le'));
    expect(thrown(() => loadPolicy({ repoDir: r.dir })).message).toBe(
      '.trailguard.yml:1:1: not UTF-8 text; save the file as UTF-8',
    );
  });
});

describe('loadPolicy at a revision (CI reads the base branch, never the head)', () => {
  test('reads the committed file and ignores the work tree', () => {
    const r = repo();
    r.commit('no policy yet', { 'README.md': 'hi\n' });
    const before = r.git('rev-parse', 'HEAD').trim();
    r.commit('add policy', { '.github/trailguard.yml': policyWith('committed') });
    r.write('.github/trailguard.yml', policyWith('edited-in-the-work-tree'));

    const atHead = loadPolicy({ repoDir: r.dir, rev: 'HEAD' });
    expect(atHead.source).toBe('HEAD:.github/trailguard.yml');
    expect(groupNames(atHead)).toEqual(['committed']);
    expect(groupNames(loadPolicy({ repoDir: r.dir }))).toEqual(['edited-in-the-work-tree']);

    expect(findPolicyFile({ repoDir: r.dir, rev: before })).toBeUndefined();
    expect(loadPolicy({ repoDir: r.dir, rev: before })).toMatchObject({
      source: EMBEDDED_DEFAULT,
      policy: defaultPolicy,
    });
  });

  test('an invalid committed file names rev:path; CRLF and a BOM are fine there too', () => {
    const r = repo();
    r.commit('bad policy', { '.trailguard.yml': 'version: 1\nlocal:\n  on-violation: stop\n' });
    expect(thrown(() => loadPolicy({ repoDir: r.dir, rev: 'main' })).message).toBe(
      'main:.trailguard.yml:3:17: local.on-violation: expected one of warn, block (got "stop")',
    );
    r.commit('fix', { '.trailguard.yml': `\uFEFF${policyWith('ok').replace(/\n/g, '\r\n')}` });
    expect(groupNames(loadPolicy({ repoDir: r.dir, rev: 'main' }))).toEqual(['ok']);
  });

  test('bytes that are not UTF-8 in the committed file give a positioned error', () => {
    const r = repo();
    writeFileSync(
      join(r.dir, '.trailguard.yml'),
      Buffer.concat([
        Buffer.from('version: 1\n# caf'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('\n'),
      ]),
    );
    r.commit('latin-1 policy');
    expect(thrown(() => loadPolicy({ repoDir: r.dir, rev: 'HEAD' })).message).toBe(
      'HEAD:.trailguard.yml:2:6: not UTF-8 text; save the file as UTF-8',
    );
  });

  test('an unknown revision is a UserError; a revision that looks like an option is refused', () => {
    const r = repo();
    r.commit('one', { 'a.txt': 'a\n' });
    const unknown = thrown(() => loadPolicy({ repoDir: r.dir, rev: 'no-such-branch' }));
    expect(unknown).toBeInstanceOf(UserError);
    expect(unknown.message).toMatch(
      /^git ls-tree .* failed: fatal: Not a valid object name no-such-branch$/,
    );
    expect(thrown(() => loadPolicy({ repoDir: r.dir, rev: '--output=x' })).message).toBe(
      'invalid revision "--output=x"',
    );
  });

  test('a policy committed as a symlink is refused rather than read as its target name', () => {
    const r = repo();
    r.write('policies/real.yml', policyWith('real'));
    symlinkSync('policies/real.yml', join(r.dir, '.trailguard.yml'));
    r.commit('symlinked policy');
    expect(thrown(() => loadPolicy({ repoDir: r.dir, rev: 'HEAD' })).message).toBe(
      'HEAD:.trailguard.yml is not a regular file; the policy must be one',
    );
  });

  test('works in a bare repository (a server-side checkout has no work tree)', () => {
    const r = repo();
    r.commit('policy', { '.trailguard.yml': policyWith('bare') });
    const bare = new TempRepo({ bare: true });
    repos.push(bare);
    r.git('push', '-q', bare.dir, 'main');
    expect(groupNames(loadPolicy({ repoDir: bare.dir, rev: 'main' }))).toEqual(['bare']);
  });
});

describe('trailguard schema', () => {
  test('prints the JSON Schema as pretty JSON and exits 0', async () => {
    const r = repo();
    const result = await runCli(['schema'], { cwd: r.dir, env: r.env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(policyJsonSchema());
    expect(result.stdout).toBe(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
  });

  test('a stray argument is a one-line usage error, exit 2, no stack trace', async () => {
    const r = repo();
    const result = await runCli(['schema', 'extra'], { cwd: r.dir, env: r.env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('trailguard: schema: unexpected argument "extra"\n');
  });
});
