import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../src/core/errors.js';
import { readHistory } from '../src/git/history.js';
import { resolveRange } from '../src/git/range.js';
import { discoverRepo, discoverRepoSync } from '../src/git/discover.js';
import * as exec from '../src/git/exec.js';
import {
  currentBranch,
  isAncestor,
  isShallow,
  mergeBase,
  readBlob,
  resolveCommit,
  revParse,
  upstream,
} from '../src/git/repo.js';
import { TempRepo } from './support/repo.js';
import { tempDir } from './support/temp.js';

const repos: TempRepo[] = [];
function newRepo(options: { branch?: string; bare?: boolean } = {}): TempRepo {
  const repo = new TempRepo(options);
  repos.push(repo);
  return repo;
}
afterAll(() => repos.forEach((repo) => repo.cleanup()));

/** A repository with `count` commits on main, c1..cN. */
function linear(count: number, branch = 'main'): TempRepo {
  const repo = newRepo({ branch });
  for (let i = 1; i <= count; i++) repo.commit(`c${i}\n`, { [`f${i}.txt`]: `${i}\n` });
  return repo;
}

/** A clone of `origin` (real remote-tracking refs, origin/HEAD set) into a fresh TempRepo. */
function cloneOf(origin: TempRepo, ...options: string[]): TempRepo {
  const clone = newRepo();
  rmSync(clone.dir, { recursive: true, force: true });
  execFileSync('git', ['clone', '-q', ...options, `file://${origin.dir}`, clone.dir], {
    env: clone.env,
  });
  return clone;
}

async function messages(repo: TempRepo, revs: string[]): Promise<string[]> {
  const seen: string[] = [];
  for await (const commit of readHistory({ repo: repo.dir, revs, env: repo.env })) {
    seen.push(commit.message.trim());
  }
  return seen;
}

async function resolve(repo: TempRepo, spec?: string) {
  return resolveRange({ repo: repo.dir, spec, env: repo.env });
}

describe('resolveRange: a range the user names', () => {
  test('A..B, A...B, A.. and ..B go to git as written', async () => {
    const repo = linear(4);
    repo.git('checkout', '-q', '-b', 'side', 'HEAD~2');
    repo.commit('s1\n', { 's.txt': 's\n' });
    repo.git('checkout', '-q', 'main');
    expect(await resolve(repo, 'HEAD~2..HEAD')).toEqual({
      revs: ['HEAD~2..HEAD'],
      description: 'HEAD~2..HEAD',
      base: 'HEAD~2',
    });
    expect((await resolve(repo, 'main...side')).base).toBe('main');
    expect((await resolve(repo, '..side')).base).toBe('HEAD');
    expect(await messages(repo, (await resolve(repo, 'HEAD~2..HEAD')).revs)).toEqual(['c4', 'c3']);
    const symmetric = await messages(repo, (await resolve(repo, 'main...side')).revs);
    expect(symmetric.sort()).toEqual(['c3', 'c4', 's1']);
    expect(await messages(repo, (await resolve(repo, 'HEAD~1..')).revs)).toEqual(['c4']);
    expect(await messages(repo, (await resolve(repo, '..side')).revs)).toEqual(['s1']);
  });

  test('R^! is exactly one commit, also a merge', async () => {
    const repo = linear(3);
    expect(await resolve(repo, 'HEAD~1^!')).toEqual({
      revs: ['HEAD~1^!'],
      description: 'HEAD~1^!',
      base: 'HEAD~1^1',
    });
    expect(await messages(repo, ['HEAD~1^!'])).toEqual(['c2']);
    expect((await resolve(repo, 'HEAD~2^!')).base).toBeNull(); // the root: nothing before it
    expect((await resolve(repo, 'HEAD^-')).base).toBe('HEAD^1');
    expect((await resolve(repo, 'HEAD^@')).base).toBeUndefined();
  });

  test('a single revision R means R..HEAD; R at HEAD is an empty range that says so', async () => {
    const repo = linear(4);
    repo.git('tag', 'v1', 'HEAD~2');
    const range = await resolve(repo, 'v1');
    expect(range).toEqual({ revs: ['v1..HEAD'], description: 'v1..HEAD', base: 'v1' });
    expect(await messages(repo, range.revs)).toEqual(['c4', 'c3']);
    const empty = await resolve(repo, 'main');
    expect(empty.revs).toEqual(['main..HEAD']);
    expect(empty.description).toMatch(/^main\.\.HEAD \(empty: main is HEAD; .*main\^!\)$/);
    expect(await messages(repo, empty.revs)).toEqual([]);
  });

  test('fromRoot: the whole history of a revision, root commit included', async () => {
    const repo = linear(3);
    const all = await resolveRange({ repo: repo.dir, fromRoot: true, env: repo.env });
    expect(all).toEqual({
      revs: ['HEAD'],
      description: 'HEAD (its whole history, root commit included)',
    });
    expect(await messages(repo, all.revs)).toEqual(['c3', 'c2', 'c1']);
    const older = await resolveRange({
      repo: repo.dir,
      spec: 'HEAD~1',
      fromRoot: true,
      env: repo.env,
    });
    expect(await messages(repo, older.revs)).toEqual(['c2', 'c1']);
    for (const spec of ['HEAD~1..HEAD', 'HEAD^!', '']) {
      await expect(
        resolveRange({ repo: repo.dir, spec, fromRoot: true, env: repo.env }),
      ).rejects.toThrow(/--from-root takes one revision/);
    }
    await expect(
      resolveRange({ repo: repo.dir, spec: 'nope', fromRoot: true, env: repo.env }),
    ).rejects.toThrow("'nope'");
  });

  test('a revision that names no commit is a UserError naming it, on either side', async () => {
    const repo = linear(2);
    await expect(resolve(repo, 'nope')).rejects.toThrow(
      new UserError("not a commit in this repository: 'nope'"),
    );
    await expect(resolve(repo, 'nope..HEAD')).rejects.toThrow("'nope'");
    await expect(resolve(repo, 'HEAD..nope')).rejects.toThrow("'nope'");
    await expect(resolve(repo, 'bad1...bad2')).rejects.toThrow("'bad1'");
    await expect(resolve(repo, 'nope^!')).rejects.toThrow("'nope'");
    await expect(resolve(repo, 'HEAD^{tree}')).rejects.toThrow("'HEAD^{tree}'");
    await expect(resolve(repo, ' ')).rejects.toThrow(/empty range/);
  });

  test('a revision that looks like an option is a revision, not an option', async () => {
    const repo = linear(2);
    const target = join(repo.home, 'written-by-git');
    for (const spec of [`--output=${target}`, `--output=${target}..HEAD`, '-1']) {
      await expect(resolve(repo, spec)).rejects.toThrow(UserError);
    }
    await expect(messages(repo, [`--output=${target}`])).rejects.toThrow(UserError);
    expect(existsSync(target)).toBe(false);
  });

  test('in a shallow clone a base that was not fetched says how to get it', async () => {
    const origin = linear(5);
    const clone = cloneOf(origin, '--depth', '2');
    const base = origin.git('rev-parse', 'HEAD~3').trim();
    await expect(resolve(clone, `${base}..HEAD`)).rejects.toThrow(
      /not a commit in this repository: '[0-9a-f]{40}' \(this clone is shallow: .*--unshallow/,
    );
  });
});

describe('resolveRange: the default range', () => {
  test("HEAD's upstream first: what a push would send", async () => {
    const origin = linear(2);
    origin.git('branch', 'feature');
    const clone = cloneOf(origin);
    clone.git('checkout', '-q', 'feature');
    clone.commit('local work\n', { 'w.txt': 'w\n' });
    const range = await resolve(clone);
    expect(range).toEqual({
      revs: ['refs/remotes/origin/feature..HEAD'],
      description: "origin/feature..HEAD (the commits HEAD's upstream lacks)",
      base: 'origin/feature',
    });
    expect(await messages(clone, range.revs)).toEqual(['local work']);
  });

  test('no upstream: the default branch origin/HEAD names', async () => {
    const origin = linear(2, 'trunk');
    const clone = cloneOf(origin);
    clone.git('checkout', '-q', '--no-track', '-b', 'topic');
    clone.commit('t1\n', { 't.txt': 't\n' });
    const range = await resolve(clone);
    expect(range).toEqual({
      revs: ['refs/remotes/origin/trunk..HEAD'],
      description: 'origin/trunk..HEAD (no upstream; the default branch origin/trunk is the base)',
      base: 'origin/trunk',
    });
    expect(await messages(clone, range.revs)).toEqual(['t1']);
  });

  test('no origin/HEAD: origin/main, then origin/master', async () => {
    const origin = linear(2, 'master');
    const clone = cloneOf(origin);
    clone.git('remote', 'set-head', 'origin', '-d');
    clone.git('checkout', '-q', '--detach');
    expect((await resolve(clone)).revs).toEqual(['refs/remotes/origin/master..HEAD']);
    clone.git('update-ref', 'refs/remotes/origin/main', 'HEAD~1');
    expect((await resolve(clone)).revs).toEqual(['refs/remotes/origin/main..HEAD']);
  });

  test('no remote: local main, or master; on that branch itself the range is empty and says so', async () => {
    const repo = linear(2);
    const onMain = await resolve(repo);
    expect(onMain.revs).toEqual(['refs/heads/main..HEAD']);
    expect(onMain.description).toMatch(/^main\.\.HEAD \(empty: HEAD is at the default branch main/);
    expect(await messages(repo, onMain.revs)).toEqual([]);
    repo.git('checkout', '-q', '-b', 'work');
    repo.commit('w1\n', { 'w.txt': 'w\n' });
    expect(await messages(repo, (await resolve(repo)).revs)).toEqual(['w1']);

    const old = linear(1, 'master');
    old.git('checkout', '-q', '-b', 'work');
    expect((await resolve(old)).revs).toEqual(['refs/heads/master..HEAD']);
  });

  test('no upstream and no default branch: a UserError asking for a range', async () => {
    const repo = linear(1, 'trunk');
    await expect(resolve(repo)).rejects.toThrow(
      /no range given.*name a range, e\.g\. HEAD~10\.\.HEAD$/,
    );
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('t1\n', { 't.txt': 't\n' });
    // The example names a branch that exists.
    await expect(resolve(repo)).rejects.toThrow(/e\.g\. trunk\.\.HEAD$/);
  });

  test('a default branch other than main or master: init.defaultBranch, any remote HEAD', async () => {
    const repo = linear(2, 'develop');
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('t1\n', { 't.txt': 't\n' });
    repo.git('config', 'init.defaultBranch', 'develop');
    expect(await resolve(repo)).toEqual({
      revs: ['refs/heads/develop..HEAD'],
      description: 'develop..HEAD (no upstream; the default branch develop is the base)',
      base: 'develop',
    });
    // A remote added and fetched by hand has no origin/HEAD: its init.defaultBranch branch counts.
    const origin = linear(2, 'develop');
    const clone = linear(1, 'develop');
    clone.git('remote', 'add', 'origin', origin.dir);
    clone.git('fetch', '-q', 'origin');
    // Newer git sets origin/HEAD on fetch (remote.origin.followRemoteHEAD); older git does not.
    clone.git('remote', 'set-head', 'origin', '-d');
    clone.git('config', 'init.defaultBranch', 'develop');
    clone.git('checkout', '-q', '--no-track', '-b', 'topic', 'origin/develop');
    clone.commit('t2\n', { 't.txt': 't\n' });
    expect((await resolve(clone)).revs).toEqual(['refs/remotes/origin/develop..HEAD']);
    // Without it, the error offers the fix for origin.
    clone.git('config', '--unset', 'init.defaultBranch');
    await expect(resolve(clone)).rejects.toThrow(
      /e\.g\. develop\.\.HEAD, or let git learn origin's: git remote set-head origin --auto$/,
    );
    // Another remote's HEAD.
    const fork = cloneOf(origin);
    fork.git('remote', 'rename', 'origin', 'upstream');
    fork.git('checkout', '-q', '--no-track', '-b', 'topic');
    fork.commit('t3\n', { 't.txt': 't\n' });
    expect((await resolve(fork)).revs).toEqual(['refs/remotes/upstream/develop..HEAD']);
  });

  test('a repository without commits, and a directory outside any repository', async () => {
    const empty = newRepo();
    await expect(resolve(empty)).rejects.toThrow(new UserError('HEAD does not name a commit yet'));
    const dir = tempDir('tg-plain-');
    const env = { ...empty.env, GIT_CEILING_DIRECTORIES: dirname(dir) };
    await expect(resolveRange({ repo: dir, env })).rejects.toThrow(
      new UserError(`not a git repository: ${dir}`),
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('repository facts', () => {
  test('top level, git dir and common dir, from a subdirectory and from a linked worktree', async () => {
    const repo = linear(1);
    const top = realpathSync(repo.dir);
    repo.write('sub/dir/x.txt', 'x\n');
    const sub = join(repo.dir, 'sub', 'dir');
    expect(await discoverRepo(sub, repo.env)).toEqual({
      top,
      gitDir: join(top, '.git'),
      commonDir: join(top, '.git'),
      env: repo.env,
    });

    expect(discoverRepoSync(sub, repo.env, exec)).toEqual(await discoverRepo(sub, repo.env));

    const linked = join(repo.home, 'linked tree');
    repo.git('worktree', 'add', '-q', '-b', 'wt', linked);
    const inLinked = await discoverRepo(linked, repo.env);
    expect(inLinked.top).toBe(realpathSync(linked));
    // git names the worktree's own git dir after the directory (sanitized: "linked-tree").
    expect(realpathSync(inLinked.gitDir)).toMatch(
      new RegExp(`^${top}/\\.git/worktrees/linked.tree$`),
    );
    expect(realpathSync(inLinked.commonDir)).toBe(join(top, '.git'));
    // With GIT_DIR and friends git itself is asked, and says the same.
    const asked = await discoverRepo(linked, {
      ...repo.env,
      GIT_CEILING_DIRECTORIES: '/nonexistent',
    });
    expect(asked).toEqual({ ...inLinked, env: asked.env });
    expect(await currentBranch(linked, repo.env)).toBe('wt');
  });

  test('current branch: its name (also before the first commit), null when detached', async () => {
    const empty = newRepo({ branch: 'fresh' });
    expect(await currentBranch(empty.dir, empty.env)).toBe('fresh');
    const repo = linear(2);
    expect(await currentBranch(repo.dir, repo.env)).toBe('main');
    repo.git('checkout', '-q', '--detach', 'HEAD~1');
    expect(await currentBranch(repo.dir, repo.env)).toBeNull();
    expect(await upstream(repo.dir, repo.env)).toBeNull();
  });

  test('revParse, resolveCommit, mergeBase and isAncestor', async () => {
    const repo = linear(3);
    const [c1, c2, c3] = ['HEAD~2', 'HEAD~1', 'HEAD'].map((rev) =>
      repo.git('rev-parse', rev).trim(),
    );
    repo.git('checkout', '-q', '-b', 'side', c2!);
    const s = repo.commit('s\n', { 's.txt': 's\n' });
    expect(await revParse(repo.dir, 'main', repo.env)).toBe(c3);
    expect(await revParse(repo.dir, 'no-such-ref', repo.env)).toBeNull();
    expect(await resolveCommit(repo.dir, 'main~2', repo.env)).toBe(c1);
    expect(await mergeBase(repo.dir, 'main', 'side', repo.env)).toBe(c2);
    expect(await isAncestor(repo.dir, c1!, s, repo.env)).toBe(true);
    expect(await isAncestor(repo.dir, c3!, s, repo.env)).toBe(false);
    await expect(isAncestor(repo.dir, 'nope', s, repo.env)).rejects.toThrow("'nope'");
    await expect(mergeBase(repo.dir, 'main', 'nope', repo.env)).rejects.toThrow("'nope'");

    repo.git('checkout', '-q', '--orphan', 'unrelated');
    repo.git('rm', '-q', '-rf', '.');
    repo.commit('u\n', { 'u.txt': 'u\n' });
    expect(await mergeBase(repo.dir, 'main', 'unrelated', repo.env)).toBeNull();
  });

  test('readBlob: the content, null for a path the revision lacks, an error for a bad revision', async () => {
    const repo = newRepo();
    repo.commit('one\n', { '.github/trailguard.yml': 'version: 1\n', 'dir name/ü.txt': 'ü\n' });
    repo.commit('two\n', { '.github/trailguard.yml': 'version: 2\n' });
    const sub = join(repo.dir, 'dir name');
    expect(await readBlob(sub, 'HEAD~1', '.github/trailguard.yml', repo.env)).toBe('version: 1\n');
    expect(await readBlob(repo.dir, 'HEAD', 'dir name/ü.txt', repo.env)).toBe('ü\n');
    expect(await readBlob(repo.dir, 'HEAD', '.trailguard.yml', repo.env)).toBeNull();
    expect(await readBlob(repo.dir, 'HEAD', 'dir name', repo.env)).toBeNull();
    await expect(readBlob(repo.dir, 'nope', '.trailguard.yml', repo.env)).rejects.toThrow("'nope'");
  });

  test('isShallow tells a shallow clone from a full one', async () => {
    const origin = linear(3);
    expect(await isShallow(origin.dir, origin.env)).toBe(false);
    expect(await isShallow(cloneOf(origin, '--depth', '1').dir, origin.env)).toBe(true);
  });

  test('outside a repository every fact is the same clear UserError', async () => {
    const dir = tempDir('tg-plain-');
    const env = { ...newRepo().env, GIT_CEILING_DIRECTORIES: dirname(dir) };
    const expected = new UserError(`not a git repository: ${dir}`);
    await expect(discoverRepo(dir, env)).rejects.toThrow(expected);
    expect(() => discoverRepoSync(dir, env, exec)).toThrow(expected);
    await expect(isShallow(dir, env)).rejects.toThrow(expected);
    await expect(currentBranch(dir, env)).rejects.toThrow(expected);
    await expect(revParse(dir, 'HEAD', env)).rejects.toThrow(expected);
    await expect(readBlob(dir, 'HEAD', 'x', env)).rejects.toThrow(expected);
    await expect(isAncestor(dir, 'HEAD', 'HEAD', env)).rejects.toThrow(expected);
    const missing = join(dir, 'missing');
    await expect(discoverRepo(missing, env)).rejects.toThrow(
      new UserError(`no such directory: ${missing}`),
    );
    rmSync(dir, { recursive: true, force: true });
  });
});
