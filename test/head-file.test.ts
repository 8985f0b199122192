import { describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headFromFiles } from '../src/git/head-file.js';
import { TempRepo, tempDir } from './support/repo.js';

/** What git itself says HEAD is ('' where it names no commit), as headCommit asked it before. */
function gitHead(repo: TempRepo, cwd = repo.dir): string {
  try {
    return repo.gitWith({}, '-C', cwd, 'rev-parse', '-q', '--verify', 'HEAD').trim();
  } catch {
    return '';
  }
}

function gitDirs(repo: TempRepo, cwd = repo.dir): [string, string] {
  const [gitDir, commonDir] = repo
    .gitWith({}, '-C', cwd, 'rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir')
    .trim()
    .split('\n');
  return [gitDir, commonDir];
}

describe("HEAD's commit from the ref files", () => {
  test('answers as git rev-parse does: unborn, loose ref, packed ref, detached, linked worktree', () => {
    const repo = new TempRepo();
    const [gitDir, commonDir] = gitDirs(repo);
    expect(headFromFiles(gitDir, commonDir)).toBe('');
    expect(gitHead(repo)).toBe('');

    const first = repo.commit('first', { 'a.txt': 'a\n' });
    expect(headFromFiles(gitDir, commonDir)).toBe(first);
    expect(gitHead(repo)).toBe(first);

    repo.git('pack-refs', '--all');
    const second = repo.commit('second', { 'b.txt': 'b\n' });
    repo.git('pack-refs', '--all');
    expect(headFromFiles(gitDir, commonDir)).toBe(second);
    expect(gitHead(repo)).toBe(second);

    repo.git('checkout', '-q', '--detach', first);
    expect(headFromFiles(gitDir, commonDir)).toBe(first);
    expect(gitHead(repo)).toBe(first);
    repo.git('checkout', '-q', 'main');

    const tree = join(tempDir('tg-wt-'), 'tree');
    repo.git('worktree', 'add', '-q', '-b', 'side', tree, first);
    const [treeGitDir, treeCommonDir] = gitDirs(repo, tree);
    expect(treeCommonDir).toBe(commonDir);
    expect(headFromFiles(treeGitDir, treeCommonDir)).toBe(first);
    expect(headFromFiles(gitDir, commonDir)).toBe(second);
  });

  test('leaves to git what it does not read: reftable, a symbolic ref, a HEAD outside refs/heads, an odd ref file', () => {
    const repo = new TempRepo();
    const [gitDir, commonDir] = gitDirs(repo);
    const commit = repo.commit('first', { 'a.txt': 'a\n' });

    repo.git('symbolic-ref', 'refs/heads/alias', 'refs/heads/main');
    repo.git('symbolic-ref', 'HEAD', 'refs/heads/alias');
    expect(gitHead(repo)).toBe(commit);
    expect(headFromFiles(gitDir, commonDir)).toBeUndefined();

    repo.git('symbolic-ref', 'HEAD', 'refs/remotes/origin/main');
    expect(headFromFiles(gitDir, commonDir)).toBeUndefined();

    repo.git('symbolic-ref', 'HEAD', 'refs/heads/main');
    writeFileSync(join(commonDir, 'refs', 'heads', 'main'), 'not an object id\n');
    expect(headFromFiles(gitDir, commonDir)).toBeUndefined();

    writeFileSync(join(commonDir, 'refs', 'heads', 'main'), `${commit}\n`);
    expect(headFromFiles(gitDir, commonDir)).toBe(commit);
    mkdirSync(join(commonDir, 'reftable'));
    expect(headFromFiles(gitDir, commonDir)).toBeUndefined();
  });
});
