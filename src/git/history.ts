import type { CommitRecord } from '../core/types.js';
import { UserError } from '../core/errors.js';
import { gitStream } from './exec.js';
import { assertRepository, shallowBoundary } from './repo.js';

export interface ReadHistoryOptions {
  /** Any directory inside the repository. */
  repo: string;
  /** Revisions as git log takes them (`A..B`, `A...B`, `^A B`, `C^!`); never options. */
  revs: string[];
  env?: NodeJS.ProcessEnv;
  /** Limit to commits touching these pathspecs (and list only those files). */
  paths?: string[];
  /** false: read just the commits `revs` name, not their ancestors (`--no-walk`). */
  walk?: boolean;
}

/** Starts each commit's output. Where a status may stand instead it tells the two apart (a
 * status is capital letters); paths and messages that begin with it are read by position. */
const RECORD_START = '\x01';
const HEADER_FIELDS = ['%H', '%P', '%an', '%ae', '%at', '%cn', '%ce', '%B', '%N'];
const FORMAT = `${RECORD_START}${HEADER_FIELDS.join('%x00')}`;
const STDERR_LIMIT = 16 * 1024;

/**
 * The git log arguments. Every option that user or repository configuration could change is
 * given explicitly, so the same commits read the same way on every machine:
 * - `-z` with NUL-separated fields: git cuts a message at its first NUL, so no field holds one;
 * - `--encoding=UTF-8`: messages (and identities) stored in another encoding arrive re-encoded;
 * - `--no-mailmap` with %an/%ae: identities as recorded. A .mailmap is part of the checked-out
 *   tree, so a change could otherwise rename a bot's identity into a human's;
 * - `--diff-merges=dense-combined`: a merge lists only the paths whose result differs from every
 *   parent (conflict resolutions, evil merges); the changes it brings from its parents are read on
 *   the commits that made them (for a path list, dense and plain combined name the same paths);
 * - `--no-renames`: a rename is read as the deletion of its old path and the addition of its new
 *   one, a copy as the addition of its new path next to its changed source, so both paths of
 *   every rename and copy are listed without rename detection. Its cost is what matters: on a
 *   merge, rename detection runs once per parent, against histories that moved apart (git.git:
 *   ~1,000 s instead of ~9 s). It also keeps a rename the merge makes itself judged on the path
 *   it leaves, which a combined diff with renames names only by its new path;
 * - `--no-notes --notes=ai` with %N: git-ai's authorship notes (refs/notes/ai) and no others, read
 *   in the same pass (an empty field where a commit has none);
 * - `--root`: a root commit lists what it adds;
 * - `--ignore-submodules=none`: `ignore = all` in the tree's .gitmodules would hide submodule
 *   updates; `--no-relative` overrides diff.relative, which would drop paths outside the cwd;
 * - `--full-history` with paths: history simplification would skip commits whose changes a later
 *   merge dropped, yet those commits still touched the paths.
 */
export function historyArgs(revs: string[], paths: string[] = [], walk = true): string[] {
  return [
    '--no-pager',
    '-c',
    'core.quotePath=false',
    'log',
    '-z',
    `--format=${FORMAT}`,
    '--encoding=UTF-8',
    '--no-mailmap',
    '--no-show-signature',
    '--no-notes',
    '--notes=ai',
    '--no-decorate',
    '--no-color',
    '--no-follow',
    '--no-relative',
    '--ignore-submodules=none',
    '--root',
    '--name-status',
    '--no-renames',
    '--diff-merges=dense-combined',
    ...(paths.length > 0 ? ['--full-history'] : []),
    ...(walk ? [] : ['--no-walk=unsorted']),
    '--end-of-options',
    ...revs,
    '--',
    ...paths,
  ];
}

type Step = 'header' | 'files-start' | 'files';

/**
 * Turns git log's output (see historyArgs) into commits, chunk by chunk. Per commit git writes
 * `\x01sha NUL parents NUL an NUL ae NUL at NUL cn NUL ce NUL message NUL note NUL`, then, when files
 * changed, a newline (a NUL for merges) and `status NUL path NUL` for each file. Status and path
 * fields are read by position, so a path that looks like anything still reads as a path.
 */
class LogParser {
  /** The bytes of a field whose NUL has not arrived yet (a long message spans many chunks). */
  private carry: Buffer[] = [];
  private step: Step = 'header';
  private header: string[] = [];
  private commit: CommitRecord | undefined;
  /** The status of the file whose path comes next. */
  private status: string | undefined;

  /**
   * Feeds a chunk of output; returns the commits it completed. Each field is decoded on its own
   * from the bytes: a NUL never falls inside a UTF-8 character, and a string cut from a larger
   * decoded chunk would keep the whole chunk alive for as long as a consumer keeps the field.
   */
  push(chunk: Buffer): CommitRecord[] {
    const done: CommitRecord[] = [];
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      let value: string;
      if (this.carry.length > 0) {
        this.carry.push(chunk.subarray(start, end));
        value = Buffer.concat(this.carry).toString('utf8');
        this.carry = [];
      } else {
        value = chunk.toString('utf8', start, end);
      }
      const finished = this.field(value);
      if (finished) done.push(finished);
      start = end + 1;
    }
    if (start < chunk.length) this.carry.push(chunk.subarray(start));
    return done;
  }

  /** At the end of the output: the last commit, which no following record start has closed. */
  end(): CommitRecord | undefined {
    if (this.carry.length > 0 || this.header.length > 0 || this.status !== undefined) {
      throw new UserError('git log output ended in the middle of a commit');
    }
    const last = this.commit;
    this.commit = undefined;
    return last;
  }

  private field(value: string): CommitRecord | undefined {
    if (this.status !== undefined) {
      this.commit!.files.push({ status: this.status, path: value });
      this.status = undefined;
      return undefined;
    }
    if (this.step === 'header') {
      this.headerField(value);
      return undefined;
    }
    if (value.startsWith(RECORD_START)) {
      const finished = this.commit;
      this.commit = undefined;
      this.step = 'header';
      this.headerField(value);
      return finished;
    }
    if (this.step === 'files-start') {
      this.step = 'files';
      // Before the first file git writes a newline (a NUL, hence an empty field, for a merge).
      if (value === '') return undefined;
      if (value.startsWith('\n')) value = value.slice(1);
    }
    this.readStatus(value);
    return undefined;
  }

  private headerField(value: string): void {
    if (this.header.length === 0) {
      if (!value.startsWith(RECORD_START)) throw this.unexpected(value);
      value = value.slice(1);
    }
    this.header.push(value);
    if (this.header.length < HEADER_FIELDS.length) return;
    const [
      sha,
      parents,
      authorName,
      authorEmail,
      authorTime,
      committerName,
      committerEmail,
      message,
      aiNote,
    ] = this.header as [string, string, string, string, string, string, string, string, string];
    this.commit = {
      sha,
      parents: parents === '' ? [] : parents.split(' '),
      author: { name: authorName, email: authorEmail },
      authorTime: Number(authorTime),
      committer: { name: committerName, email: committerEmail },
      message,
      files: [],
    };
    if (aiNote) this.commit.aiNote = aiNote;
    this.header = [];
    this.step = 'files-start';
  }

  private readStatus(value: string): void {
    if (!this.commit || !/^[A-Z]+$/.test(value)) throw this.unexpected(value);
    this.status = value;
  }

  private unexpected(value: string): UserError {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return new UserError(`cannot parse git log output near ${shown}`);
  }
}

/**
 * Streams the commits of `revs`, newest first, from one `git log` process. Output is parsed as it
 * arrives and the process is paused while the consumer is busy, so memory does not grow with
 * the history. Anything git could not read (a bad revision, missing objects, a range cut off by
 * a shallow clone) is a UserError carrying git's own words: a check must never pass on history it
 * did not see. Stopping early (break) ends the git process.
 */
export async function* readHistory(options: ReadHistoryOptions): AsyncGenerator<CommitRecord> {
  const { repo, revs, paths } = options;
  const env = options.env ?? process.env;
  if (revs.length === 0) throw new Error('readHistory: no revisions given');
  const option = revs.find((rev) => rev.startsWith('-'));
  if (option) throw new UserError(`cannot read ${option}: a revision never starts with "-"`);
  // Awaited before spawning: node resumes (and so discards) the output of a child that exits
  // while nobody reads its stdout yet, which a slower question asked first would allow.
  const cut = await shallowBoundary(repo, env);
  const child = gitStream(historyArgs(revs, paths, options.walk), { cwd: repo, env });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += text;
  });
  const exited = new Promise<string | null>((resolveExit) => {
    child.on('error', (error) => resolveExit(error.message));
    child.on('close', (code, signal) =>
      resolveExit(code === 0 ? null : stderr.trim() || `exit ${code ?? signal}`),
    );
  });
  const failed = async (failure: string): Promise<UserError> => {
    await assertRepository(repo, env);
    return new UserError(`cannot read ${revs.join(' ')}: git log failed: ${failure}`);
  };
  const parser = new LogParser();
  const checked = (commit: CommitRecord): CommitRecord => {
    if (!cut.has(commit.sha)) return commit;
    throw new UserError(
      `cannot read all of ${revs.join(' ')}: the clone is shallow and the parents of ` +
        `${commit.sha} were not fetched (fetch more history: git fetch --unshallow, or fetch-depth: 0)`,
    );
  };
  let finished = false;
  try {
    for await (const chunk of child.stdout) {
      for (const commit of parser.push(chunk as Buffer)) yield checked(commit);
    }
    const failure = await exited;
    if (failure !== null) throw await failed(failure);
    const last = parser.end();
    if (last) yield checked(last);
    finished = true;
  } finally {
    if (!finished && child.exitCode === null && child.signalCode === null) child.kill();
  }
}
