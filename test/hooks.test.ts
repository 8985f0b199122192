/**
 * What the installed hooks do at commit time, driven through the real git binary: recording,
 * normalising, replays, the ledger, the local policy, finding node, failing open.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { appendLedger, readLedger } from '../src/state/ledger.js';
import { runCliInProcess } from './support/cli-in-process.js';
import {
  assistedBy,
  CLAUDE,
  cliRun,
  commitMessage,
  gitRun,
  installInProcess,
  spawnRun,
  useInstalledRepo,
  WITH_POST_COMMIT,
} from './support/hooks.js';
import { CLI, ROOT, TempRepo } from './support/repo.js';
import { tempDir } from './support/temp.js';

/** A node that logs each start, so a test can count them (TRAILGUARD_NODE wins over PATH). */
function countingNode(dir: string): { env: Record<string, string>; starts: () => string[] } {
  const log = join(dir, 'node-starts.log');
  const wrapper = join(dir, 'counting-node');
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${process.execPath}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return {
    env: { TRAILGUARD_NODE: wrapper },
    starts: () =>
      existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [],
  };
}

async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const commonDir = (repo: TempRepo) => join(repo.dir, '.git');
const ledgerEntry = (tool: string, path: string, model?: string) => ({
  tool,
  path,
  time: new Date().toISOString(),
  ...(model ? { model } : {}),
});

describe('commit hooks (plain .git/hooks)', () => {
  let repo: TempRepo;
  useInstalledRepo(['README.md'], (made) => (repo = made));

  test('a plain commit gets no trailer and never starts node', () => {
    const node = countingNode(repo.home);
    repo.write('a.txt', 'a\n');
    repo.git('add', 'a.txt');
    expect(gitRun(repo, ['commit', '-q', '-m', 'plain'], node.env).code).toBe(0);
    expect(assistedBy(repo)).toEqual([]);
    expect(commitMessage(repo)).toBe('plain\n\n');
    expect(node.starts()).toEqual([]);
  });

  test('an agent shell (CLAUDECODE=1) gets one Assisted-by, with one node start for the commit', () => {
    const node = countingNode(tempDir('tg-node-'));
    repo.write('b.txt', 'b\n');
    repo.git('add', 'b.txt');
    expect(
      gitRun(repo, ['commit', '-q', '-m', 'agent change'], { ...CLAUDE, ...node.env }).code,
    ).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    // The lean hook entry beside the CLI, once.
    expect(node.starts().map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      `${join(ROOT, 'dist', 'hook.cjs')} prepare-commit-msg`,
    ]);
  });

  test('amending never duplicates the trailer (--no-edit and a new -m)', () => {
    expect(gitRun(repo, ['commit', '-q', '--amend', '--no-edit'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(
      gitRun(
        repo,
        ['commit', '-q', '--amend', '-m', 'reworded\n\nAssisted-by: claude-code'],
        CLAUDE,
      ).code,
    ).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(gitRun(repo, ['commit', '-q', '--amend', '--no-edit'], {}).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
  });

  test("--amend with a new message (-m, -F) keeps the amended commit's Assisted-by; a new commit right after gets none", () => {
    repo.write('amended.txt', 'v1\n');
    repo.git('add', 'amended.txt');
    expect(gitRun(repo, ['commit', '-q', '-m', 'by the agent'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(gitRun(repo, ['commit', '-q', '--amend', '-m', 'reworded by a human']).code).toBe(0);
    expect(commitMessage(repo)).toBe('reworded by a human\n\nAssisted-by: claude-code\n\n');
    const file = join(repo.home, 'reworded.txt');
    writeFileSync(file, 'reworded again\n');
    expect(gitRun(repo, ['commit', '-q', '--amend', '-F', file]).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    // A new commit in the same second, by the same author, is not an amend.
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'a human commit']).code).toBe(0);
    expect(assistedBy(repo)).toEqual([]);
    // Nor is the next one, and node is not started for it: the mark went with the human commit.
    const node = countingNode(tempDir('tg-node-'));
    expect(
      gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'and another'], node.env).code,
    ).toBe(0);
    expect(node.starts()).toEqual([]);
  });

  test("a tool's own signature is normalised into our trailer, and theirs is kept", () => {
    const text = 'fix parser\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n';
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', text]).code).toBe(0);
    expect(commitMessage(repo)).toBe(
      'fix parser\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\nAssisted-by: claude-code:claude-opus-4-5\n\n',
    );
  });

  test('--no-verify still records (prepare-commit-msg runs), and so does -F', () => {
    expect(
      gitRun(repo, ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'nv'], {
        AI_AGENT: 'github_copilot_vscode_agent',
      }).code,
    ).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: copilot']);
    const file = join(repo.home, 'msg.txt');
    writeFileSync(file, 'from a file\n');
    expect(
      gitRun(repo, ['commit', '-q', '--allow-empty', '-F', file], { GEMINI_CLI: '1' }).code,
    ).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: gemini-cli']);
  });

  test('the editor: the trailer waits below an empty first line, as git commit -s puts its sign-off', () => {
    const editor = join(repo.home, 'editor.sh');
    writeFileSync(
      editor,
      '#!/bin/sh\nsed -n 3p "$1" | grep -x "Assisted-by: claude-code" >/dev/null || exit 3\nsed -i "1s/^$/written in the editor/" "$1"\n',
    );
    chmodSync(editor, 0o755);
    expect(
      gitRun(repo, ['commit', '-q', '--allow-empty'], { ...CLAUDE, GIT_EDITOR: editor }).code,
    ).toBe(0);
    expect(commitMessage(repo)).toBe('written in the editor\n\nAssisted-by: claude-code\n\n');
    const head = repo.git('rev-parse', 'HEAD');
    expect(
      gitRun(repo, ['commit', '--allow-empty'], { ...CLAUDE, GIT_EDITOR: 'false' }).code,
    ).not.toBe(0);
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
  });

  test('a signature pasted in the editor is normalised by the commit-msg hook', () => {
    const editor = join(repo.home, 'paste.sh');
    writeFileSync(
      editor,
      '#!/bin/sh\nprintf "pasted\\n\\nCo-authored-by: Copilot <copilot@github.com>\\n" > "$1"\n',
    );
    chmodSync(editor, 0o755);
    expect(gitRun(repo, ['commit', '-q', '--allow-empty'], { GIT_EDITOR: editor }).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: copilot']);
  });

  test('the lean entry keeps a V8 code cache per clone; a damaged one is made anew unnoticed', () => {
    const cache = join(repo.dir, '.git', 'trailguard', 'hook-code-cache');
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'first'], CLAUDE).code).toBe(0);
    expect(existsSync(cache)).toBe(true);
    writeFileSync(cache, 'not a code cache');
    const result = gitRun(
      repo,
      ['commit', '-q', '--allow-empty', '-m', 'with a damaged cache'],
      CLAUDE,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(readFileSync(cache).length).toBeGreaterThan(1000);
  });

  test('commits from a subdirectory record too', () => {
    mkdirSync(join(repo.dir, 'deep', 'er'), { recursive: true });
    const result = gitRun(
      repo,
      ['commit', '-q', '--allow-empty', '-m', 'sub'],
      CLAUDE,
      join(repo.dir, 'deep', 'er'),
    );
    expect(result.code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
  });
});

/** An editor that saves the buffer as git opened it: nothing written. */
const SAVE_AS_IS = { GIT_EDITOR: 'true' };

/** HEAD, the staged names and the editor note's path of the describe block's repository. */
const editorCommitViews = (repo: () => TempRepo) => ({
  head: () => repo().git('rev-parse', 'HEAD').trim(),
  staged: () => repo().git('diff', '--cached', '--name-only'),
  note: () => join(repo().dir, '.git', 'trailguard', 'editor-trailers'),
});

describe('messages without content, as git treats them without hooks', () => {
  let repo: TempRepo;
  useInstalledRepo(['README.md'], (made) => (repo = made));

  const { head, staged, note } = editorCommitViews(() => repo);

  test('-m "" and -F of an empty file abort as without hooks, also with an agent', () => {
    const before = head();
    repo.write('staged.txt', 'staged\n');
    repo.git('add', 'staged.txt');
    const empty = gitRun(repo, ['commit', '-m', ''], CLAUDE);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('Aborting commit due to empty commit message.');
    const file = join(repo.home, 'empty.txt');
    writeFileSync(file, '\n\n');
    const fromFile = gitRun(repo, ['commit', '-F', file], CLAUDE);
    expect(fromFile.code).not.toBe(0);
    expect(fromFile.stderr).toContain('Aborting commit due to empty commit message.');
    expect(head()).toBe(before);
    expect(staged()).toBe('staged.txt\n');
    expect(existsSync(note())).toBe(false);
  });

  test('-F of a comment-only file: aborted under --cleanup=strip, else committed as it is, with no trailer', () => {
    const before = head();
    repo.write('staged.txt', 'staged\n');
    repo.git('add', 'staged.txt');
    const file = join(repo.home, 'comment.txt');
    writeFileSync(file, '# only a comment\n');
    const stripped = gitRun(repo, ['commit', '--cleanup=strip', '-F', file], CLAUDE);
    expect(stripped.code).not.toBe(0);
    expect(stripped.stderr).toContain('Aborting commit due to empty commit message.');
    expect(head()).toBe(before);
    // Without an editor git keeps comment lines by default (cleanup=whitespace).
    expect(gitRun(repo, ['commit', '-q', '-F', file], CLAUDE).code).toBe(0);
    expect(commitMessage(repo)).toBe('# only a comment\n\n');
  });

  test('--allow-empty-message -m "": the commit is made with the empty message, no trailer added', () => {
    const result = gitRun(
      repo,
      ['commit', '-q', '--allow-empty', '--allow-empty-message', '-m', ''],
      CLAUDE,
    );
    expect(result.code).toBe(0);
    expect(commitMessage(repo)).toBe('\n');
  });

  test('--no-edit without a message aborts as without hooks', () => {
    const before = head();
    const result = gitRun(repo, ['commit', '--allow-empty', '--no-edit'], {
      ...CLAUDE,
      ...SAVE_AS_IS,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Aborting commit due to empty commit message.');
    expect(head()).toBe(before);
  });

  test('the editor saved with nothing written: git aborts as without hooks (no summary, exit 1, nothing committed)', () => {
    const before = head();
    const reflog = repo.git('reflog', '--format=%H %gs');
    repo.write('edited.txt', 'work\n');
    repo.git('add', 'edited.txt');
    const result = gitRun(repo, ['commit'], { ...CLAUDE, ...SAVE_AS_IS });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Aborting commit due to empty commit message.\n',
    });
    expect(head()).toBe(before);
    expect(repo.git('reflog', '--format=%H %gs')).toBe(reflog);
    expect(staged()).toBe('edited.txt\n');
    expect(repo.git('status', '--porcelain')).toBe('A  edited.txt\n');
    expect(existsSync(note())).toBe(false);
  });

  test('-m "" with -e opens the editor: the same abort when nothing is written', () => {
    const before = head();
    repo.write('edited.txt', 'work\n');
    repo.git('add', 'edited.txt');
    const result = gitRun(repo, ['commit', '-m', '', '-e'], { ...CLAUDE, ...SAVE_AS_IS });
    expect(result).toMatchObject({
      code: 1,
      stderr: 'Aborting commit due to empty commit message.\n',
    });
    expect(head()).toBe(before);
    expect(staged()).toBe('edited.txt\n');
  });

  test('the editor emptied: git aborts, and the note it leaves never undoes a later commit', () => {
    const before = head();
    repo.write('staged.txt', 'staged\n');
    repo.git('add', 'staged.txt');
    const emptied = gitRun(repo, ['commit'], { ...CLAUDE, GIT_EDITOR: 'sh -c ": > \\"$1\\"" -' });
    expect(emptied.code).not.toBe(0);
    expect(emptied.stderr).toContain('Aborting commit due to empty commit message.');
    expect(head()).toBe(before);
    // commit-msg took the note; one left by a failed editor (no commit-msg) is the next test's.
    expect(existsSync(note())).toBe(false);
    expect(
      gitRun(repo, ['commit', '--allow-empty'], { ...CLAUDE, GIT_EDITOR: 'false' }).code,
    ).not.toBe(0);
    expect(existsSync(note())).toBe(true);
    // Even a message of nothing but that trailer, typed by a person without an agent, stays.
    expect(gitRun(repo, ['commit', '-q', '-m', 'Assisted-by: claude-code']).code).toBe(0);
    expect(repo.git('rev-parse', 'HEAD^').trim()).toBe(before);
    expect(existsSync(note())).toBe(false);
  });

  test('the editor with a subject written: the commit is made with the trailer', () => {
    repo.write('more.txt', 'more\n');
    repo.git('add', 'more.txt');
    const result = gitRun(repo, ['commit', '-q'], {
      ...CLAUDE,
      GIT_EDITOR: 'sh -c "sed -i \\"1s/^\\$/written subject/\\" \\"\\$1\\"" -',
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(commitMessage(repo)).toBe('written subject\n\nAssisted-by: claude-code\n\n');
    expect(existsSync(note())).toBe(false);
  });

  test('amending in the editor keeps the commit, whatever is saved', () => {
    repo.write('more.txt', 'more\n');
    repo.git('add', 'more.txt');
    expect(gitRun(repo, ['commit', '-q', '-m', 'written subject'], CLAUDE).code).toBe(0);
    const amended = head();
    const parent = repo.git('rev-parse', 'HEAD^').trim();
    expect(gitRun(repo, ['commit', '-q', '--amend'], { ...CLAUDE, ...SAVE_AS_IS }).code).toBe(0);
    expect(repo.git('reflog', '-1', '--format=%gs %H').trim()).toMatch(
      /^commit \(amend\): written subject [0-9a-f]{40}$/,
    );
    expect(repo.git('reflog', '-2', '--format=%H').split('\n')[1]).toBe(amended);
    expect(repo.git('rev-parse', 'HEAD^').trim()).toBe(parent);
    expect(commitMessage(repo)).toBe('written subject\n\nAssisted-by: claude-code\n\n');
  });

  test('a root commit saved with nothing written: the branch is unborn again, the files staged', async () => {
    const fresh = new TempRepo();
    await installInProcess(fresh);
    fresh.write('first.txt', 'first\n');
    fresh.git('add', 'first.txt');
    const result = gitRun(fresh, ['commit'], { ...CLAUDE, ...SAVE_AS_IS });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(gitRun(fresh, ['rev-parse', '-q', '--verify', 'HEAD']).code).not.toBe(0);
    expect(fresh.git('status', '--porcelain')).toBe('A  first.txt\n');
    fresh.cleanup();
  });

  test('post-commit acts only on the commit its note was made for, and never on a note a day old', () => {
    // What a commit that skipped the shim's prepare-commit-msg would meet: a note from an aborted commit.
    const before = head();
    expect(
      gitRun(repo, ['commit', '--allow-empty'], { ...CLAUDE, GIT_EDITOR: 'false' }).code,
    ).not.toBe(0);
    expect(existsSync(note())).toBe(true);
    const kept = readFileSync(note(), 'utf8');
    const postCommit = () => cliRun(repo, ['hook', 'post-commit']);
    const commitOnly = (text: string, parent: string) => {
      const tree = repo.git('rev-parse', `${parent}^{tree}`).trim();
      const sha = repo.git('commit-tree', tree, '-p', parent, '-m', text).trim();
      repo.git('update-ref', 'HEAD', sha);
      return sha;
    };
    // A real message: kept, note gone.
    const real = commitOnly('a real subject\n\nAssisted-by: claude-code', before);
    expect(postCommit().stderr).toBe('');
    expect(head()).toBe(real);
    expect(existsSync(note())).toBe(false);
    // Made on another parent than the note's HEAD: kept.
    writeFileSync(note(), kept);
    const elsewhere = commitOnly('Assisted-by: claude-code', real);
    postCommit();
    expect(head()).toBe(elsewhere);
    // A note older than a day: kept, note gone.
    repo.git('update-ref', 'HEAD', before);
    const late = commitOnly('Assisted-by: claude-code', before);
    writeFileSync(note(), kept);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(note(), twoDaysAgo, twoDaysAgo);
    postCommit();
    expect(head()).toBe(late);
    expect(existsSync(note())).toBe(false);
    // The same commit with a fresh note: undone.
    writeFileSync(note(), kept);
    expect(postCommit().stderr).toContain('Aborting commit due to empty commit message');
    expect(head()).toBe(before);
  });

  test('a message with a `---` rule in its body gets the trailer where git log finds it', () => {
    const text = 'Document the format\n\nIntro\n\n---\n\nMore after the rule';
    expect(gitRun(repo, ['commit', '-q', '--allow-empty', '-m', text], CLAUDE).code).toBe(0);
    const found = () =>
      repo.git('log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)').trim();
    expect(found()).toBe('claude-code');
    expect(commitMessage(repo)).toBe(`${text}\n\nAssisted-by: claude-code\n\n`);
    expect(
      gitRun(repo, ['commit', '-q', '--amend', '--allow-empty', '--no-edit'], CLAUDE).code,
    ).toBe(0);
    expect(found()).toBe('claude-code');
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
  });
});

describe('post-commit (opt-in): --no-verify skips commit-msg, so post-commit undoes an unwritten commit', () => {
  let repo: TempRepo;
  useInstalledRepo(['README.md'], (made) => (repo = made), WITH_POST_COMMIT);

  const { head, staged, note } = editorCommitViews(() => repo);

  test('--no-verify (no commit-msg) keeps the trailer; nothing written: post-commit undoes the commit', () => {
    const before = head();
    repo.write('edited.txt', 'work\n');
    repo.git('add', 'edited.txt');
    const result = gitRun(repo, ['commit', '--no-verify'], { ...CLAUDE, ...SAVE_AS_IS });
    expect(result.stderr).toContain(
      'Aborting commit due to empty commit message (trailguard removed the commit its Assisted-by trailer had kept alive; your changes are still staged).',
    );
    expect(head()).toBe(before);
    expect(staged()).toBe('edited.txt\n');
    expect(existsSync(note())).toBe(false);
    // Nothing is lost: the reflog has the commit and its undoing.
    const reflog = repo.git('reflog', '-2', '--format=%gs').split('\n');
    expect(reflog.slice(0, 2)).toEqual([
      'trailguard: undo empty-message commit',
      'commit: Assisted-by: claude-code',
    ]);
    const written = gitRun(repo, ['commit', '-q', '--no-verify'], {
      ...CLAUDE,
      GIT_EDITOR: 'sh -c "sed -i \\"1s/^\\$/written without hooks/\\" \\"\\$1\\"" -',
    });
    expect(written.code).toBe(0);
    expect(commitMessage(repo)).toBe('written without hooks\n\nAssisted-by: claude-code\n\n');
    repo.git('reset', '-q', '--soft', 'HEAD^');
  });

  test('a root commit saved with nothing written under --no-verify: the branch is unborn again', async () => {
    const fresh = new TempRepo();
    await installInProcess(fresh, ...WITH_POST_COMMIT);
    fresh.write('first.txt', 'first\n');
    fresh.git('add', 'first.txt');
    const noVerify = gitRun(fresh, ['commit', '--no-verify'], { ...CLAUDE, ...SAVE_AS_IS });
    expect(noVerify.stderr).toContain('Aborting commit due to empty commit message (trailguard');
    expect(gitRun(fresh, ['rev-parse', '-q', '--verify', 'HEAD']).code).not.toBe(0);
    expect(fresh.git('status', '--porcelain')).toBe('A  first.txt\n');
    expect(readFileSync(join(fresh.dir, '.git', 'logs', 'HEAD'), 'utf8')).toContain(
      'commit (initial): Assisted-by: claude-code',
    );
    fresh.cleanup();
  });
});

/** Two files agents edited, one of them staged and committed by a person: it gets its trailer. */
function commitOneOfTwoAgentEdits(repo: TempRepo): void {
  appendLedger(commonDir(repo), [
    ledgerEntry('cursor', 'src/a.ts', 'gpt-5'),
    ledgerEntry('codex', 'src/b.ts'),
  ]);
  repo.write('src/a.ts', 'edited by cursor\n');
  repo.write('src/b.ts', 'edited by codex, not staged\n');
  repo.git('add', 'src/a.ts');
  expect(gitRun(repo, ['commit', '-q', '-m', 'human commits agent work']).code).toBe(0);
  expect(assistedBy(repo)).toEqual(['Assisted-by: cursor:gpt-5']);
}

describe('the agent ledger at commit time', () => {
  let repo: TempRepo;
  useInstalledRepo(['src/a.ts', 'src/b.ts', 'src/c.ts'], (made) => (repo = made));

  /** `trailguard ledger` settles the ledger for the work tree, as the next commit's hook does. */
  const settledPaths = async () => {
    const listed = await runCliInProcess(['ledger', '--format', 'json'], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(listed.code).toBe(0);
    return (JSON.parse(listed.stdout) as { committed: string[] }).committed;
  };
  const pendingPaths = () => readLedger(commonDir(repo)).map((entry) => entry.path);

  test('a staged file an agent edited gives its Assisted-by (with model); the next run clears only committed files', async () => {
    commitOneOfTwoAgentEdits(repo);
    expect(await settledPaths()).toEqual(['src/a.ts']);
    expect(pendingPaths()).toEqual(['src/b.ts']);
  });

  test('the next commit settles the last one: a later edit of a committed file is its own', () => {
    appendLedger(commonDir(repo), [ledgerEntry('cursor', 'src/a.ts')]);
    repo.write('src/a.ts', 'edited by cursor\n');
    repo.git('add', 'src/a.ts');
    expect(gitRun(repo, ['commit', '-q', '-m', 'agent work']).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: cursor']);
    repo.write('src/a.ts', 'then edited by hand\n');
    repo.git('add', 'src/a.ts');
    expect(gitRun(repo, ['commit', '-q', '-m', 'hand work']).code).toBe(0);
    expect(assistedBy(repo)).toEqual([]);
    expect(pendingPaths()).toEqual([]);
  });

  test('an aborted commit (another commit-msg hook refuses it) loses nothing: the entries stay', async () => {
    appendLedger(commonDir(repo), [ledgerEntry('codex', 'src/b.ts')]);
    repo.write('src/b.ts', 'edited by codex\n');
    const refuse = join(repo.dir, '.git', 'hooks', 'commit-msg');
    const ours = readFileSync(refuse);
    writeFileSync(refuse, '#!/bin/sh\nexit 1\n');
    repo.git('add', 'src/b.ts');
    expect(gitRun(repo, ['commit', '-q', '-m', 'refused by the existing hook']).code).not.toBe(0);
    writeFileSync(refuse, ours);
    expect(await settledPaths()).toEqual([]);
    expect(pendingPaths()).toEqual(['src/b.ts']);
    expect(gitRun(repo, ['commit', '-q', '-m', 'now it goes']).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: codex']);
    expect(await settledPaths()).toEqual(['src/b.ts']);
    expect(pendingPaths()).toEqual([]);
  });

  test('git commit <paths> reads the temporary index: only the committed path counts', async () => {
    appendLedger(commonDir(repo), [
      ledgerEntry('claude-code', 'src/c.ts'),
      ledgerEntry('cline', 'src/a.ts'),
    ]);
    repo.write('src/a.ts', 'staged, left out of the commit\n');
    repo.git('add', 'src/a.ts');
    repo.write('src/c.ts', 'committed by path\n');
    expect(gitRun(repo, ['commit', '-q', '-m', 'only c', '--', 'src/c.ts']).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(await settledPaths()).toEqual(['src/c.ts']);
    expect(pendingPaths()).toEqual(['src/a.ts']);
  });
});

describe('the agent ledger with post-commit (opt-in)', () => {
  let repo: TempRepo;
  useInstalledRepo(['src/a.ts', 'src/b.ts'], (made) => (repo = made), WITH_POST_COMMIT);

  test('post-commit clears the committed files at once, in the background', async () => {
    commitOneOfTwoAgentEdits(repo);
    await eventually(
      () => readLedger(commonDir(repo)).every((entry) => entry.path !== 'src/a.ts'),
      'post-commit to clear src/a.ts',
    );
    expect(readLedger(commonDir(repo)).map((entry) => entry.path)).toEqual(['src/b.ts']);
  });
});

describe('replayed commits keep their messages', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = new TempRepo();
    repo.commit('initial', ['base.txt']);
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side work\n\nCo-Authored-By: Claude <noreply@anthropic.com>', ['side.txt']);
    repo.git('checkout', '-q', 'main');
    repo.commit('main work', ['main.txt']);
    await installInProcess(repo);
    // A pending ledger entry must not leak into a replay either.
    appendLedger(commonDir(repo), [ledgerEntry('cursor', 'side.txt')]);
  });
  afterAll(() => repo.cleanup());

  test('merge, cherry-pick and revert add nothing without an agent', () => {
    expect(gitRun(repo, ['merge', '-q', '--no-ff', '--no-edit', 'side']).code).toBe(0);
    expect(commitMessage(repo)).toBe("Merge branch 'side'\n\n");
    repo.git('reset', '-q', '--hard', 'HEAD^');
    expect(gitRun(repo, ['cherry-pick', 'side']).code).toBe(0);
    expect(commitMessage(repo)).toBe(
      'side work\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\n',
    );
    expect(gitRun(repo, ['revert', '--no-edit', 'HEAD']).code).toBe(0);
    expect(assistedBy(repo)).toEqual([]);
  });

  test('rebase and squash add nothing without an agent', () => {
    repo.git('checkout', '-q', '-b', 'topic', 'main~1');
    repo.commit('topic work', ['topic.txt']);
    const before = commitMessage(repo);
    expect(gitRun(repo, ['rebase', '-q', 'main']).code).toBe(0);
    expect(commitMessage(repo)).toBe(before);
    expect(repo.git('rev-parse', 'HEAD^')).toBe(repo.git('rev-parse', 'main'));
    repo.git('checkout', '-q', 'main');
    expect(gitRun(repo, ['merge', '-q', '--squash', 'topic']).code).toBe(0);
    expect(gitRun(repo, ['commit', '-q', '--no-edit']).code).toBe(0);
    expect(assistedBy(repo)).toEqual([]);
  });

  test('an agent making the merge is recorded', () => {
    repo.git('checkout', '-q', '-b', 'other', 'main~1');
    repo.commit('other work', ['other.txt']);
    repo.git('checkout', '-q', 'main');
    expect(gitRun(repo, ['merge', '-q', '--no-ff', '--no-edit', 'other'], CLAUDE).code).toBe(0);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
  });
});

describe('worktrees and submodules', () => {
  let repo: TempRepo;
  useInstalledRepo(['a.txt'], (made) => (repo = made));

  test('a linked worktree runs the same hooks and reads the shared ledger', () => {
    const tree = join(tempDir('tg-wt-'), 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'wt', tree);
    appendLedger(commonDir(repo), [ledgerEntry('windsurf', 'a.txt')]);
    writeFileSync(join(tree, 'a.txt'), 'edited in the worktree\n');
    gitRun(repo, ['add', 'a.txt'], {}, tree);
    expect(gitRun(repo, ['commit', '-q', '-m', 'in a worktree'], {}, tree).code).toBe(0);
    expect(repo.git('log', '-1', '--format=%B', 'wt')).toBe(
      'in a worktree\n\nAssisted-by: windsurf\n\n',
    );
  });

  test('a submodule gets its own hooks and records its own commits', () => {
    const lib = new TempRepo();
    lib.commit('lib initial', ['lib.txt']);
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib.dir, 'lib');
    repo.git('commit', '-q', '-m', 'add lib');
    const sub = join(repo.dir, 'lib');
    const installed = spawnRun(process.execPath, [CLI, 'install'], sub, repo.env);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain('.git/modules/lib/hooks/prepare-commit-msg');
    const commit = ['commit', '-q', '--allow-empty', '-m', 'inside the submodule'];
    expect(gitRun(repo, commit, CLAUDE, sub).code).toBe(0);
    expect(gitRun(repo, ['log', '-1', '--format=%B'], {}, sub).stdout).toBe(
      'inside the submodule\n\nAssisted-by: claude-code\n\n',
    );
    lib.cleanup();
  });
});

describe('local policy', () => {
  let repo: TempRepo;
  useInstalledRepo(['README.md'], (made) => (repo = made));

  test('warn: the commit goes through with a message naming the files, the tools and the fix', () => {
    repo.write('evals/cases.json', '{}\n');
    repo.git('add', 'evals');
    const result = gitRun(repo, ['commit', '-q', '-m', 'add eval cases'], CLAUDE);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('evals: evals/cases.json');
    expect(result.stderr).toContain('claude-code (CLAUDECODE=1)');
    expect(result.stderr).toContain('fix: leave those files out of this commit');
    expect(result.stderr).toContain('warning only (local.on-violation: warn');
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
  });

  test('block: the commit is refused and the message is saved under the git dir', () => {
    repo.write('.trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');
    repo.git('add', '.trailguard.yml');
    repo.git('commit', '-q', '-m', 'policy');
    const head = repo.git('rev-parse', 'HEAD');
    repo.write('evals/cases.json', '{"more": true}\n');
    repo.git('add', 'evals');
    const result = gitRun(
      repo,
      ['commit', '-q', '-m', 'more eval cases\n\nlong explanation'],
      CLAUDE,
    );
    expect(result.code).not.toBe(0);
    const saved = join(repo.dir, '.git', 'trailguard', 'saved-commit-message');
    expect(result.stderr).toContain(
      `commit refused (local.on-violation: block in .trailguard.yml)`,
    );
    expect(result.stderr).toContain(saved);
    expect(readFileSync(saved, 'utf8')).toContain('more eval cases\n\nlong explanation');
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(gitRun(repo, ['commit', '-q', '-m', 'a human writes the cases']).code).toBe(0);
  });

  test('the way out of a block: TRAILGUARD_ALLOW=1 or SKIP=trailguard commit with the trailers, for CI to judge', () => {
    repo.write('.trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');
    repo.write('evals/allowed.json', '{"a": 1}\n');
    repo.git('add', '-A');
    const refused = gitRun(repo, ['commit', '-q', '-m', 'refused'], CLAUDE);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      'to commit anyway, with its trailers for CI to judge: TRAILGUARD_ALLOW=1 git commit',
    );
    const allowed = gitRun(repo, ['commit', '-q', '-m', 'allowed'], {
      ...CLAUDE,
      TRAILGUARD_ALLOW: '1',
    });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain(
      'TRAILGUARD_ALLOW=1: the commit goes on despite local.on-violation: block',
    );
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    repo.write('evals/skipped.json', '{"b": 2}\n');
    repo.git('add', '-A');
    const skipped = gitRun(repo, ['commit', '-q', '-m', 'skipped'], {
      ...CLAUDE,
      SKIP: 'eslint,trailguard',
    });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('SKIP=trailguard: the commit goes on');
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    rmSync(join(repo.dir, '.trailguard.yml'));
  });

  test('an invalid policy never blocks: the commit records and warns', () => {
    repo.write('.trailguard.yml', 'version: 1\nlocal:\n  on-violation: sometimes\n');
    const result = gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'x'], CLAUDE);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\.trailguard\.yml:3:\d+: local\.on-violation/);
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    rmSync(join(repo.dir, '.trailguard.yml'));
  });
});

describe('finding node', () => {
  let repo: TempRepo;
  let bin: string;
  useInstalledRepo(['README.md'], (made) => {
    repo = made;
    // What a GUI client has: git, but no node on PATH and nothing recorded at install time.
    bin = tempDir('tg-bin-');
    symlinkSync(
      spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim(),
      join(bin, 'git'),
    );
    const hookEnv = join(repo.dir, '.git', 'trailguard', 'hook.env');
    writeFileSync(
      hookEnv,
      readFileSync(hookEnv, 'utf8').replace(/^TG_NODE=.*$/m, "TG_NODE='/nonexistent/node'"),
    );
  });

  const managers: [string, string, Record<string, string>][] = [
    ['nvm', '.nvm/versions/node/v20.20.2/bin/node', {}],
    ['fnm', '.local/share/fnm/aliases/default/bin/node', {}],
    ['volta', '.volta/bin/node', {}],
    ['asdf', '.asdf/installs/nodejs/20.20.2/bin/node', {}],
    ['mise', '.local/share/mise/installs/node/20.20.2/bin/node', {}],
    ['n', 'n/bin/node', { N_PREFIX: 'HOME/n' }],
  ];

  test.each(managers)('a commit from a GUI finds node through %s', (_name, path, extra) => {
    const home = tempDir('tg-gui-home-');
    mkdirSync(join(home, path, '..'), { recursive: true });
    // A node that notes its use, so the test knows this location was the one found.
    const used = join(home, 'used');
    writeFileSync(join(home, path), `#!/bin/sh\n: > '${used}'\nexec '${process.execPath}' "$@"\n`);
    chmodSync(join(home, path), 0o755);
    const env = Object.fromEntries(
      Object.entries(extra).map(([k, v]) => [k, v.replace('HOME', home)]),
    );
    const result = gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'gui'], {
      ...CLAUDE,
      ...env,
      HOME: home,
      PATH: bin,
    });
    expect(result.stderr).toBe('');
    expect(assistedBy(repo)).toEqual(['Assisted-by: claude-code']);
    expect(existsSync(used)).toBe(true);
    rmSync(home, { recursive: true, force: true });
  });

  // The shim also looks in /usr/local/bin and /opt/homebrew/bin, where a machine may have node.
  const systemNode = ['/usr/local/bin/node', '/opt/homebrew/bin/node'].some(existsSync);

  (systemNode ? test.skip : test)(
    'without node anywhere the commit goes through with one warning',
    () => {
      const home = tempDir('tg-gui-home-');
      const result = gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'no node'], {
        ...CLAUDE,
        HOME: home,
        PATH: bin,
        N_PREFIX: join(home, 'n'),
      });
      expect(result.code).toBe(0);
      expect(result.stderr.trim().split('\n')).toEqual([
        'trailguard: node not found, so this commit gets no Assisted-by trailer (set TRAILGUARD_NODE or run: trailguard doctor)',
      ]);
      expect(commitMessage(repo)).toBe('no node\n\n');
    },
  );

  test('a crashing CLI fails open: the commit goes through with a warning', () => {
    const broken = join(repo.home, 'broken-cli.js');
    writeFileSync(broken, 'process.exit(7);\n');
    const result = gitRun(repo, ['commit', '-q', '--allow-empty', '-m', 'crash'], {
      ...CLAUDE,
      TRAILGUARD_CLI: broken,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'trailguard: hook prepare-commit-msg failed (exit 7); the commit goes on',
    );
  });
});

describe('pre-push (opt-in)', () => {
  test('pushing outside AI output in a protected path is refused under block, allowed under warn', async () => {
    const remote = new TempRepo({ bare: true });
    const repo = new TempRepo();
    repo.commit('initial', ['README.md']);
    repo.git('remote', 'add', 'origin', remote.dir);
    repo.git('push', '-q', 'origin', 'main');
    await installInProcess(repo, '--pre-push');
    repo.write('evals/x.json', '{}\n');
    repo.git('add', 'evals');
    expect(gitRun(repo, ['commit', '-q', '-m', 'eval by agent'], CLAUDE).code).toBe(0);
    const warned = gitRun(repo, ['push', '-q', 'origin', 'main']);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('external-ai');
    expect(warned.stderr).toContain('warning only (local.on-violation: warn');
    repo.write('evals/y.json', '{}\n');
    repo.git('add', 'evals');
    expect(gitRun(repo, ['commit', '-q', '-m', 'another eval by agent'], CLAUDE).code).toBe(0);
    repo.write('.trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');
    const refused = gitRun(repo, ['push', '-q', 'origin', 'main']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('push refused (local.on-violation: block in .trailguard.yml)');
    expect(remote.git('rev-parse', 'main')).not.toBe(repo.git('rev-parse', 'main'));
    remote.cleanup();
    repo.cleanup();
  });
  test('a new branch the remote lacks is checked from what the remote has (no --not as a revision)', async () => {
    const remote = new TempRepo({ bare: true });
    const repo = new TempRepo();
    repo.commit('initial', ['README.md']);
    repo.git('remote', 'add', 'origin', remote.dir);
    repo.git('push', '-q', 'origin', 'main');
    repo.commit('old eval on main\n\nCo-authored-by: Claude <noreply@anthropic.com>\n', [
      'evals/old.json',
    ]);
    repo.git('push', '-q', 'origin', 'main');
    await installInProcess(repo, '--pre-push');
    repo.git('switch', '-q', '-c', 'feat');
    repo.write('evals/x.json', '{}\n');
    repo.git('add', 'evals');
    expect(gitRun(repo, ['commit', '-q', '-m', 'eval by agent'], CLAUDE).code).toBe(0);
    repo.write('.trailguard.yml', 'version: 1\nlocal:\n  on-violation: block\n');
    const refused = gitRun(repo, ['push', '-q', 'origin', 'feat']);
    expect(refused.stderr).not.toContain('cannot read');
    expect(refused.stderr).toContain('push refused (local.on-violation: block in .trailguard.yml)');
    expect(refused.code).not.toBe(0);
    expect(gitRun(remote, ['rev-parse', '--verify', '-q', 'refs/heads/feat']).code).not.toBe(0);
    // Only the new commit is judged: the commits origin/main has are not read again.
    expect(refused.stderr).toContain('in 1 of 1 commit.');
    expect(refused.stderr).toContain(repo.git('rev-parse', 'HEAD').slice(0, 12));
    remote.cleanup();
    repo.cleanup();
  });
});
