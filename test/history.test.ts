import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CommitRecord } from '../src/core/types.js';
import { UserError } from '../src/core/errors.js';
import { readHistory } from '../src/git/history.js';
import { fastImport, syntheticHistory } from './support/big-repo.js';
import { TempRepo } from './support/repo.js';
import { tempDir } from './support/temp.js';

const repos: TempRepo[] = [];
function newRepo(): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  return repo;
}
afterAll(() => repos.forEach((repo) => repo.cleanup()));

async function read(repo: TempRepo, revs: string[] = ['HEAD'], paths?: string[]) {
  const commits: CommitRecord[] = [];
  for await (const commit of readHistory({ repo: repo.dir, revs, env: repo.env, paths })) {
    commits.push(commit);
  }
  return commits;
}

/** A commit made by commit-tree, which keeps the message byte for byte (no cleanup). */
function commitVerbatim(repo: TempRepo, message: string | Buffer) {
  const file = join(repo.home, 'VERBATIM_MSG');
  writeFileSync(file, message);
  repo.git('add', '-A');
  const tree = repo.git('write-tree').trim();
  const parent = repo.git('rev-parse', '--verify', '--quiet', 'HEAD^{commit}').trim();
  const sha = repo.git('commit-tree', tree, '-p', parent, '-F', file).trim();
  repo.git('update-ref', 'HEAD', sha);
  return sha;
}

/** A commit object written as given, bytes git's own commands would refuse or convert. */
function rawCommit(repo: TempRepo, message: Buffer | string): string {
  const parent = repo.git('rev-parse', 'HEAD').trim();
  const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
  const object = join(repo.home, 'raw-commit');
  const header =
    `tree ${tree}\nparent ${parent}\nauthor A <a@example.com> 1 +0000\n` +
    `committer A <a@example.com> 1 +0000\n\n`;
  writeFileSync(object, Buffer.concat([Buffer.from(header), Buffer.from(message)]));
  const sha = repo.git('hash-object', '-t', 'commit', '-w', '--literally', object).trim();
  repo.git('update-ref', 'HEAD', sha);
  return sha;
}

describe('readHistory: commits', () => {
  test('a root commit lists what it adds; identities, parents and the raw message are exact', async () => {
    const repo = newRepo();
    const root = repo.commit('Initial\n', { 'a.txt': 'a\n', 'dir/b.txt': 'b\n' });
    const second = repo.commit(
      'Change a\n\nBody line.\n\nSigned-off-by: Ada <ada@example.com>\n',
      {
        'a.txt': 'a2\n',
      },
      {
        GIT_AUTHOR_NAME: 'Claude',
        GIT_AUTHOR_EMAIL: 'noreply@anthropic.com',
        GIT_COMMITTER_NAME: 'Grace Hopper',
        GIT_COMMITTER_EMAIL: 'grace@example.com',
        GIT_AUTHOR_DATE: '2026-03-01T12:00:00Z',
      },
    );
    const rootTime = Number(repo.git('log', '-1', '--format=%at', root).trim());
    const commits = await read(repo);
    expect(commits).toEqual([
      {
        sha: second,
        parents: [root],
        author: { name: 'Claude', email: 'noreply@anthropic.com' },
        authorTime: Date.parse('2026-03-01T12:00:00Z') / 1000,
        committer: { name: 'Grace Hopper', email: 'grace@example.com' },
        message: 'Change a\n\nBody line.\n\nSigned-off-by: Ada <ada@example.com>\n',
        files: [{ status: 'M', path: 'a.txt' }],
      },
      {
        sha: root,
        parents: [],
        author: { name: 'Ada Human', email: 'ada@example.com' },
        authorTime: rootTime,
        committer: { name: 'Ada Human', email: 'ada@example.com' },
        message: 'Initial\n',
        files: [
          { status: 'A', path: 'a.txt' },
          { status: 'A', path: 'dir/b.txt' },
        ],
      },
    ]);
  });

  test('empty commits, an empty message and a second root keep the stream in step', async () => {
    const repo = newRepo();
    const first = repo.commit('first\n', { 'f.txt': '1\n' });
    const empty = repo.commit('nothing changed\n');
    repo.write('g.txt', 'g\n');
    repo.git('add', 'g.txt');
    repo.git('commit', '-q', '--allow-empty-message', '-m', '');
    const noMessage = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '--orphan', 'other');
    repo.git('rm', '-q', '-rf', '.');
    const otherRoot = repo.commit('another root\n', { 'o.txt': 'o\n' });
    const byId = new Map((await read(repo, ['main', 'other'])).map((c) => [c.sha, c]));
    expect(byId.size).toBe(4);
    expect(byId.get(first)?.files).toEqual([{ status: 'A', path: 'f.txt' }]);
    expect(byId.get(empty)).toMatchObject({ message: 'nothing changed\n', files: [] });
    expect(byId.get(noMessage)).toMatchObject({
      message: '',
      files: [{ status: 'A', path: 'g.txt' }],
    });
    expect(byId.get(otherRoot)).toMatchObject({
      parents: [],
      files: [{ status: 'A', path: 'o.txt' }],
    });
  });

  test('messages with control characters, our own separators and look-alike output', async () => {
    const repo = newRepo();
    repo.commit('base\n', { 'x.txt': 'x\n' });
    const odd =
      '\x01not a record\x1e\x1f\x02\n\n\nM\nR100\na.txt\n\x01' +
      'a'.repeat(40) +
      '\n   trailing spaces   \n\n\n';
    const oddSha = commitVerbatim(repo, odd);
    const after = repo.commit('after\n', { 'y.txt': 'y\n' });
    const commits = await read(repo);
    expect(commits.map((c) => c.sha)).toEqual([after, oddSha, expect.any(String)]);
    expect(commits[1]).toMatchObject({ message: odd, files: [] });
    expect(commits[0]?.files).toEqual([{ status: 'A', path: 'y.txt' }]);
  });

  test('a message with a NUL byte (only possible by hand) reads up to the NUL, as git shows it', async () => {
    const repo = newRepo();
    const base = repo.commit('base\n', { 'x.txt': 'x\n' });
    const withNul = rawCommit(repo, 'before\0after\n\nSigned-off-by: X <x@example.com>\n');
    const after = repo.commit('after\n', { 'z.txt': 'z\n' });
    const commits = await read(repo);
    expect(commits.map((c) => [c.sha, c.message])).toEqual([
      [after, 'after\n'],
      [withNul, 'before'],
      [base, 'base\n'],
    ]);
  });

  test('a message of megabytes, multi-byte characters across every chunk boundary, reads whole', async () => {
    const repo = newRepo();
    repo.commit('base\n', { 'x.txt': 'x\n' });
    const huge = `Subject\n\n${'é🤖ü '.repeat(250_000)}\nAssisted-by: claude-code\n`;
    const sha = commitVerbatim(repo, huge);
    const after = repo.commit('after\n', { 'y.txt': 'y\n' });
    const commits = await read(repo);
    expect(commits.map((c) => c.sha)).toEqual([after, sha, expect.any(String)]);
    expect(commits[1]?.message).toBe(huge);
  });

  test('a latin-1 message declared with i18n.commitEncoding arrives as UTF-8', async () => {
    const repo = newRepo();
    repo.commit('base\n', { 'x.txt': 'x\n' });
    repo.git('config', 'i18n.commitEncoding', 'ISO-8859-1');
    const latin1 = commitVerbatim(repo, Buffer.from('Café crème über Ærø\n', 'latin1'));
    repo.git('config', '--unset', 'i18n.commitEncoding');
    expect(repo.git('cat-file', '-p', latin1)).toContain('encoding ISO-8859-1');
    const [commit] = await read(repo, [`${latin1}^!`]);
    expect(commit?.message).toBe('Café crème über Ærø\n');
  });

  test('bytes that are not UTF-8 and declare no encoding become U+FFFD, and reading goes on', async () => {
    const repo = newRepo();
    const base = repo.commit('base\n', { 'x.txt': 'x\n' });
    // git commit and commit-tree would convert such bytes (as latin-1); a raw object keeps them.
    const bad = rawCommit(repo, Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0x20, 0xe9, 0x0a]));
    const commits = await read(repo);
    expect(commits.map((c) => c.sha)).toEqual([bad, base]);
    expect(commits[0]?.message).toBe('ok\uFFFD\uFFFD \uFFFD\n');
  });
});

describe('readHistory: files', () => {
  test('paths with spaces, newlines, tabs, quotes, Unicode, control characters and look-alikes', async () => {
    const repo = newRepo();
    const paths = [
      'with space/file name.txt',
      'new\nline.txt',
      'tab\there.txt',
      'quote"and\\backslash.txt',
      'café/日本語/🤖.md',
      '\x01starts-with-our-separator',
      'M',
      'R100',
      '-dash-first',
      'a'.repeat(40),
    ];
    repo.commit('odd paths\n', Object.fromEntries(paths.map((p) => [p, `${p}\n`])));
    const [commit] = await read(repo);
    expect(commit?.files.map((f) => f.path).sort()).toEqual([...paths].sort());
    expect(new Set(commit?.files.map((f) => f.status))).toEqual(new Set(['A']));
  });

  test('a rename out of a directory names both paths; a copy names its source', async () => {
    const repo = newRepo();
    const body = Array.from({ length: 40 }, (_, i) => `sample ${i} of the training set`).join('\n');
    repo.commit('add\n', { 'data/train/set.jsonl': body, 'src/a.ts': body });
    mkdirSync(join(repo.dir, 'public'));
    repo.git('mv', 'data/train/set.jsonl', 'public/set with space.jsonl');
    repo.commit('move it out\n');
    // A copy git's -C would find: from a file the same commit changes.
    repo.commit('copy\n', { 'src/a.ts': `${body}\nedited\n`, 'src/b.ts': body });
    const [copy, rename] = await read(repo);
    // Without rename detection a rename is its old path's deletion and its new path's addition.
    expect(rename?.files).toEqual([
      { status: 'D', path: 'data/train/set.jsonl' },
      { status: 'A', path: 'public/set with space.jsonl' },
    ]);
    expect(copy?.files).toEqual([
      { status: 'M', path: 'src/a.ts' },
      { status: 'A', path: 'src/b.ts' },
    ]);
    // The same paths git names with rename and copy detection, which finds both here.
    const detected = repo.git('log', '-M', '-C', '--format=', '--name-status', '-z', 'HEAD~2..');
    expect(detected.split('\0').filter((field) => /^[RC]\d+$/.test(field))).toHaveLength(2);
    const pathsOf = (commits: CommitRecord[]) => commits.flatMap((c) => c.files.map((f) => f.path));
    expect(new Set(pathsOf([copy!, rename!]))).toEqual(
      new Set(detected.split('\0').filter((field) => field !== '' && !/^[A-Z]\d*$/.test(field))),
    );
  });

  test('deletions, type changes and submodule updates hidden by .gitmodules ignore=all', async () => {
    const sub = newRepo();
    sub.commit('s1\n', { 's.txt': '1\n' });
    const repo = newRepo();
    repo.commit('base\n', { 'gone.txt': 'g\n', link: 'target\n' });
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'vendor/sub');
    repo.git('config', '-f', '.gitmodules', 'submodule.vendor/sub.ignore', 'all');
    repo.commit('add submodule\n');
    sub.commit('s2\n', { 's.txt': '2\n' });
    execFileSync('git', ['pull', '-q'], { cwd: join(repo.dir, 'vendor/sub'), env: repo.env });
    repo.git('rm', '-q', 'gone.txt', 'link');
    execFileSync('ln', ['-s', 'elsewhere', 'link'], { cwd: repo.dir });
    repo.git('add', '-A');
    repo.commit('delete, retype, bump\n');
    const [commit] = await read(repo);
    expect(commit?.files).toEqual([
      { status: 'D', path: 'gone.txt' },
      { status: 'T', path: 'link' },
      { status: 'M', path: 'vendor/sub' },
    ]);
  });

  test('a commit of 20,000 files is read whole', async () => {
    const repo = newRepo();
    const changes = Array.from({ length: 20_000 }, (_, i) => ({
      op: 'M' as const,
      path: `data/train/part-${i % 50}/sample ${i}.jsonl`,
      content: `{"i":${i}}\n`,
    }));
    await fastImport(repo.dir, repo.env, [
      {
        author: { name: 'Bulk', email: 'bulk@example.com' },
        time: 1_700_000_000,
        message: 'bulk\n',
        changes,
      },
    ]);
    const [commit] = await read(repo, ['main']);
    expect(commit?.files).toHaveLength(20_000);
    expect(new Set(commit?.files.map((f) => f.path))).toEqual(new Set(changes.map((c) => c.path)));
  });

  test('paths limit the commits and the files listed, across merges', async () => {
    const repo = newRepo();
    repo.commit('base\n', { 'evals/a.txt': 'a\n', 'src/x.ts': 'x\n' });
    repo.git('checkout', '-q', '-b', 'side');
    const sideEval = repo.commit('side eval\n', { 'evals/b.txt': 'b\n', 'src/y.ts': 'y\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('src only\n', { 'src/z.ts': 'z\n' });
    repo.git('merge', '-q', '--no-edit', 'side');
    const commits = await read(repo, ['HEAD'], ['evals']);
    // The merge differs from its first parent under evals/ (--full-history shows it), but it
    // takes evals/b.txt from its second parent, so it lists no file of its own.
    expect(commits.map((c) => [c.message, c.files])).toEqual([
      ["Merge branch 'side'\n", []],
      ['side eval\n', [{ status: 'A', path: 'evals/b.txt' }]],
      ['base\n', [{ status: 'A', path: 'evals/a.txt' }]],
    ]);
    expect(commits[1]?.sha).toBe(sideEval);
  });
});

describe('readHistory: merges', () => {
  test('a clean merge lists nothing; an evil merge and a conflict resolution list what they made', async () => {
    const repo = newRepo();
    repo.commit('base\n', { 'shared.txt': 'one\n', 'left.txt': 'l\n', 'untouched.txt': 'u\n' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side\n', { 'side-only.txt': 's\n', 'shared.txt': 'side\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main\n', { 'left.txt': 'l2\n' });
    repo.git('checkout', '-q', '-b', 'clean', 'main~1');
    repo.commit('other\n', { 'other.txt': 'o\n' });
    repo.git('merge', '-q', '--no-edit', 'side');
    const clean = repo.git('rev-parse', 'HEAD').trim();

    repo.git('checkout', '-q', 'main');
    repo.commit('main shared\n', { 'shared.txt': 'main\n' });
    expect(() => repo.git('merge', '-q', '--no-edit', 'side')).toThrow();
    repo.write('shared.txt', 'resolved\n');
    repo.write('untouched.txt', 'evil edit\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '--no-edit');
    const evil = repo.git('rev-parse', 'HEAD').trim();
    const evilMessage = repo.git('cat-file', 'commit', evil).split('\n\n').slice(1).join('\n\n');

    const [cleanMerge] = await read(repo, [`${clean}^!`]);
    expect(cleanMerge?.parents).toHaveLength(2);
    expect(cleanMerge?.files).toEqual([]);
    const commits = await read(repo, ['main']);
    const evilMerge = commits.find((c) => c.sha === evil);
    expect(evilMerge?.parents).toHaveLength(2);
    expect(evilMerge?.files).toEqual([
      { status: 'MM', path: 'shared.txt' },
      { status: 'MM', path: 'untouched.txt' },
    ]);
    // The commits after a merge with files still parse (the merge's separator differs).
    // (Commits made in the same second have no fixed order: compare sorted.)
    expect(commits.map((c) => c.message).sort()).toEqual(
      ['base\n', 'main shared\n', 'main\n', 'side\n', evilMessage].sort(),
    );
  });

  test('a merge that renames a file itself names the path it left and the path it made', async () => {
    const repo = newRepo();
    const body = Array.from({ length: 40 }, (_, i) => `item ${i}`).join('\n');
    repo.commit('base\n', { 'evals/set.jsonl': body, 'src/a.ts': 'a\n' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side\n', { 'src/b.ts': 'b\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main\n', { 'src/c.ts': 'c\n' });
    repo.git('merge', '-q', '--no-edit', 'side');
    repo.git('rm', '-q', 'evals/set.jsonl');
    repo.write('public/set.jsonl', body);
    repo.git('add', '-A');
    repo.git('commit', '-q', '--amend', '--no-edit');
    // git itself, with rename detection, names only where it went.
    expect(repo.git('show', '-M', '--format=', '--name-only', 'HEAD')).toBe('public/set.jsonl\n');
    const [merge] = await read(repo, ['HEAD^!']);
    expect(merge?.files).toEqual([
      { status: 'DD', path: 'evals/set.jsonl' },
      { status: 'AA', path: 'public/set.jsonl' },
    ]);
  });

  test('a synthetic history with renames, bots and merges reads as git show reads each commit', async () => {
    const repo = newRepo();
    await fastImport(repo.dir, repo.env, syntheticHistory({ commits: 400, seed: 7 }));
    const commits = await read(repo, ['main']);
    expect(commits.length).toBeGreaterThan(400 * 0.9);
    expect(commits.some((c) => c.parents.length === 2 && c.files.length > 0)).toBe(true);
    const sampled = commits.filter((_, i) => i % 7 === 0 || _.parents.length > 1);
    /** What `git show` says of each commit (one git run for all, each commit after a \x01). */
    const showAll = (...options: string[]) => {
      const shas = sampled.map((commit) => commit.sha);
      const shown = repo.git(
        'show',
        ...options,
        '--format=%x01%H%x00%B%x00%an',
        '--name-status',
        ...shas,
      );
      const bySha = new Map<string, { message: string; author: string; files: string[][] }>();
      for (const entry of shown.split('\x01').slice(1)) {
        const [sha, message, rest] = entry.split('\0') as [string, string, string];
        const [author, ...lines] = rest.split('\n');
        const files = lines.filter(Boolean).map((line) => line.split('\t'));
        bySha.set(sha, { message, author: author!, files });
      }
      expect([...bySha.keys()].sort()).toEqual([...shas].sort());
      return (sha: string) => bySha.get(sha)!;
    };
    const show = { plain: showAll('--no-renames'), detected: showAll('-M', '-C') };
    let renames = 0;
    for (const commit of sampled) {
      const shown = show.plain(commit.sha);
      expect([commit.message, commit.author.name]).toEqual([shown.message, shown.author]);
      expect(commit.files).toEqual(shown.files.map(([status, path]) => ({ status, path })));
      // The paths equal those rename and copy detection names (both sides of each pair); on a
      // merge they include the paths a rename detected against a parent would hide.
      const detected = show.detected(commit.sha).files;
      renames += detected.filter(([status]) => /^[RC]/.test(status!)).length;
      const paths = new Set(commit.files.map((file) => file.path));
      const detectedPaths = new Set(detected.flatMap(([, ...names]) => names));
      if (commit.parents.length > 1)
        expect([...detectedPaths].every((p) => paths.has(p))).toBe(true);
      else expect(paths).toEqual(detectedPaths);
    }
    expect(renames).toBeGreaterThan(0);
  });
});

describe('readHistory: failing closed', () => {
  test('a bad revision is a UserError carrying git’s words', async () => {
    const repo = newRepo();
    repo.commit('one\n', { 'a.txt': 'a\n' });
    const reading = read(repo, ['no-such-branch..HEAD']);
    await expect(reading).rejects.toThrow(UserError);
    await expect(reading).rejects.toThrow(/no-such-branch.*(bad revision|unknown revision)/);
  });

  test('outside a repository the error says so', async () => {
    const dir = tempDir('tg-plain-');
    const env = { ...newRepo().env, GIT_CEILING_DIRECTORIES: dirname(dir) };
    const reading = (async () => {
      for await (const commit of readHistory({ repo: dir, revs: ['HEAD'], env })) void commit;
    })();
    await expect(reading).rejects.toThrow(`not a git repository: ${dir}`);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a missing object stops the reading with an error, after what could be read', async () => {
    const repo = newRepo();
    repo.commit('one\n', { 'a/x.txt': 'x\n' });
    repo.commit('two\n', { 'b/y.txt': 'y\n' });
    repo.commit('three\n', { 'c/z.txt': 'z\n' });
    const tree = repo.git('rev-parse', 'HEAD~2:a').trim();
    unlinkSync(join(repo.dir, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    const seen: string[] = [];
    const reading = (async () => {
      for await (const commit of readHistory({ repo: repo.dir, revs: ['HEAD'], env: repo.env })) {
        seen.push(commit.message);
      }
    })();
    await expect(reading).rejects.toThrow(UserError);
    await expect(reading).rejects.toThrow(new RegExp(tree.slice(0, 7)));
    expect(seen).not.toContain('one\n');
  });

  test('a range cut off by a shallow clone is an error; the fetched part reads', async () => {
    const origin = newRepo();
    for (let i = 1; i <= 5; i++) origin.commit(`c${i}\n`, { [`f${i}.txt`]: `${i}\n` });
    const clone = newRepo();
    rmSync(clone.dir, { recursive: true, force: true });
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin.dir}`, clone.dir], {
      env: clone.env,
    });
    await expect(read(clone, ['HEAD'])).rejects.toThrow(/shallow.*fetch/);
    const fetched = await read(clone, ['HEAD~1..HEAD']);
    expect(fetched.map((c) => c.message)).toEqual(['c5\n']);
  });

  test('breaking out early ends the git process', async () => {
    const repo = newRepo();
    await fastImport(repo.dir, repo.env, syntheticHistory({ commits: 1500, seed: 3 }));
    const gitChildren = () =>
      execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter((name) => name.trim() === 'git');
    let first: CommitRecord | undefined;
    for await (const commit of readHistory({ repo: repo.dir, revs: ['main'], env: repo.env })) {
      first = commit;
      break;
    }
    expect(first?.sha).toBe(repo.git('rev-parse', 'main').trim());
    for (let wait = 0; wait < 50 && gitChildren().length > 0; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(gitChildren()).toEqual([]);
  });
});
