import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Identity } from '../../src/core/types.js';

/**
 * Large repositories made fast: commits are streamed into `git fast-import`, which writes one
 * pack without touching a work tree (a 100,000-commit history in well under a minute).
 */

export type ImportChange =
  | { op: 'M'; path: string; content: string }
  | { op: 'D'; path: string }
  | { op: 'R'; from: string; path: string };

export interface ImportCommit {
  /** Defaults to refs/heads/main. */
  ref?: string;
  mark?: number;
  /** First parent, when it is not the ref's previous commit (a branch's first commit). */
  from?: number;
  merge?: number[];
  author: Identity;
  committer?: Identity;
  /** Seconds since the epoch. */
  time: number;
  message: string;
  changes: ImportChange[];
}

/** fast-import's quoted path: C-style escapes for the backslash, the quote and the newline. */
function quote(path: string): string {
  return `"${path.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n')}"`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function commitText(commit: ImportCommit): string {
  const person = (who: Identity) => `${who.name} <${who.email}> ${commit.time} +0000\n`;
  const lines = [
    `commit ${commit.ref ?? 'refs/heads/main'}\n`,
    commit.mark === undefined ? '' : `mark :${commit.mark}\n`,
    `author ${person(commit.author)}`,
    `committer ${person(commit.committer ?? commit.author)}`,
    data(commit.message),
    commit.from === undefined ? '' : `from :${commit.from}\n`,
    ...(commit.merge ?? []).map((mark) => `merge :${mark}\n`),
  ];
  for (const change of commit.changes) {
    if (change.op === 'M')
      lines.push(`M 100644 inline ${quote(change.path)}\n`, data(change.content));
    else if (change.op === 'D') lines.push(`D ${quote(change.path)}\n`);
    else lines.push(`R ${quote(change.from)} ${quote(change.path)}\n`);
  }
  lines.push('\n');
  return lines.join('');
}

/**
 * glibc's malloc for fast-import: heap grown 16 MiB past each need. By default it hands the top
 * of the heap back after nearly every object and takes it again for the next (80,000 brk calls
 * for 20,000 files, 1.1 s of system time; 0.0 s with the pad). glibc only; others ignore it.
 */
const FAST_IMPORT_MALLOC = { MALLOC_TOP_PAD_: String(16 * 2 ** 20) };

/** Streams the commits into the repository at `dir` through one `git fast-import`. */
export async function fastImport(
  dir: string,
  env: NodeJS.ProcessEnv,
  commits: Iterable<ImportCommit>,
): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], {
    cwd: dir,
    env: { ...env, ...FAST_IMPORT_MALLOC },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`git fast-import failed: ${stderr}`)),
    );
  });
  const write = (text: string) =>
    child.stdin.write(text)
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.stdin.once('drain', resolve));
  let batch: string[] = [];
  let size = 0;
  for (const commit of commits) {
    const text = commitText(commit);
    batch.push(text);
    size += text.length;
    if (size > 1 << 20) {
      await write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  await write(`${batch.join('')}done\n`);
  child.stdin.end();
  await exited;
}

/** A small deterministic PRNG (mulberry32), so the same seed always builds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'parser config cache retry token session index loader schema client server queue worker ' +
  'handler router metrics logger buffer stream encoder decoder policy report check hook ' +
  'branch commit trailer path glob dataset eval sample split shard manifest checkpoint'
).split(' ');
const VERBS =
  'Fix Add Remove Refactor Update Improve Handle Document Rename Simplify Speed up'.split(' ');
const PROSE = (
  'the of when a to in this that it is for with not on be we so as an by now which would ' +
  'instead because before after only also case error value empty large request response'
).split(' ');
const DIRECTORIES = [
  'src/core',
  'src/api',
  'src/ui/components',
  'src/db',
  'src/util',
  'test/unit',
  'test/integration',
  'docs',
  'scripts',
  'data/train/shards',
  'data/eval',
  'evals/tasks',
  'training-data/raw',
];
const EXTENSIONS = ['.ts', '.ts', '.ts', '.py', '.md', '.json', '.yaml', '.jsonl'];
const FIRST = 'Ada Grace Alan Barbara Edsger Donald Frances Ken Dennis Margaret Linus Radia'.split(
  ' ',
);
const LAST = 'Lovelace Hopper Turing Liskov Dijkstra Knuth Allen Thompson Ritchie Hamilton'.split(
  ' ',
);
const BOTS: Identity[] = [
  {
    name: 'dependabot[bot]',
    email: '49699333+dependabot[bot]@users.noreply.github.com',
  },
  { name: 'Claude', email: 'noreply@anthropic.com' },
  { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
];

/**
 * A realistic-looking history: a growing tree across source, test, docs, training-data and eval
 * directories; commits that modify, add, delete and rename (also across directories) a few files;
 * messages with bodies and the trailers seen in the wild (sign-offs, co-authors, AI attribution);
 * a few bot authors; topic branches that run alongside main and come back as merge commits.
 */
export function* syntheticHistory(options: {
  commits: number;
  seed?: number;
}): Generator<ImportCommit> {
  const next = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const words = (count: number, from = PROSE) => Array.from({ length: count }, () => pick(from));
  const humans = FIRST.flatMap((first) =>
    LAST.map((last) => ({
      name: `${first} ${last}`,
      email: `${first}.${last}@example.com`.toLowerCase(),
    })),
  );
  const files: string[] = [];
  const position = new Map<string, number>();
  const addFile = (path: string) => {
    position.set(path, files.length);
    files.push(path);
  };
  const removeFile = (path: string) => {
    const index = position.get(path)!;
    const last = files.pop()!;
    if (last !== path) {
      files[index] = last;
      position.set(last, index);
    }
    position.delete(path);
  };
  let serial = 0;
  // Two levels of directories keep trees small (tens of entries), as in real projects.
  const newPath = (directory = `${pick(DIRECTORIES)}/${pick(WORDS)}`) =>
    `${directory}/${pick(WORDS)}-${(serial++).toString(36)}${pick(EXTENSIONS)}`;
  const lines = Array.from({ length: 512 }, () => words(8, WORDS).join(' '));
  const content = (path: string) =>
    `// ${path}\n${Array.from({ length: 4 + Math.floor(next() * 10) }, () => pick(lines)).join('\n')}\n`;
  const message = () => {
    const parts = [`${pick(VERBS)} ${pick(WORDS)} ${pick(PROSE)} ${pick(WORDS)}`];
    for (let paragraph = Math.floor(next() * 3); paragraph > 0; paragraph--) {
      const text = words(10 + Math.floor(next() * 40));
      const lines: string[] = [];
      for (let i = 0; i < text.length; i += 10) lines.push(text.slice(i, i + 10).join(' '));
      parts.push(lines.join('\n'));
    }
    const trailers: string[] = [];
    if (chance(0.03)) parts.push('🤖 Generated with [Claude Code](https://claude.com/claude-code)');
    if (chance(0.05)) trailers.push(`Co-authored-by: ${pick(humans).name} <${pick(humans).email}>`);
    if (chance(0.03)) trailers.push('Co-authored-by: Claude <noreply@anthropic.com>');
    if (chance(0.03)) trailers.push('Assisted-by: claude-code:claude-opus-4-5');
    if (chance(0.1)) trailers.push(`Reviewed-by: ${pick(humans).name} <${pick(humans).email}>`);
    if (chance(0.3)) trailers.push('Signed-off-by: Ada Lovelace <ada.lovelace@example.com>');
    if (trailers.length > 0) parts.push(trailers.join('\n'));
    return `${parts.join('\n\n')}\n`;
  };
  let time = 1_600_000_000;
  let mark = 0;
  const commit = (fields: Omit<ImportCommit, 'author' | 'time' | 'mark'>): ImportCommit => {
    time += 60 + Math.floor(next() * 7200);
    const author = chance(0.04) ? pick(BOTS) : pick(humans);
    return { ...fields, author, time, mark: ++mark };
  };

  const root: ImportChange[] = [];
  for (let i = 0; i < 300; i++) {
    const path = newPath();
    addFile(path);
    root.push({ op: 'M', path, content: content(path) });
  }
  yield commit({ message: 'Initial import\n', changes: root });
  let mainTip = mark;
  let topic:
    | { ref: string; tip: number; left: number; changed: Map<string, string>; started: boolean }
    | undefined;
  let topics = 0;

  for (let made = 1; made < options.commits; made++) {
    if (topic && topic.left === 0) {
      const changes: ImportChange[] = [...topic.changed].map(([path, text]) => {
        if (!position.has(path)) addFile(path);
        return { op: 'M', path, content: text };
      });
      // Some merges also change a file of their own, as conflict resolutions do.
      if (chance(0.3)) {
        const path = pick(files);
        if (!topic.changed.has(path)) changes.push({ op: 'M', path, content: content(path) });
      }
      yield commit({
        message: `Merge pull request #${topics} from ${topic.ref.slice('refs/heads/'.length)}\n\n${message()}`,
        merge: [topic.tip],
        changes,
      });
      mainTip = mark;
      topic = undefined;
      continue;
    }
    if (topic && chance(0.5)) {
      const changes: ImportChange[] = [];
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
        const path = chance(0.3) ? newPath(`src/feature-${topics}`) : pick(files);
        const text = content(path);
        topic.changed.set(path, text);
        changes.push({ op: 'M', path, content: text });
      }
      yield commit({
        ref: topic.ref,
        ...(topic.started ? {} : { from: topic.tip }),
        message: message(),
        changes,
      });
      topic.tip = mark;
      topic.started = true;
      topic.left -= 1;
      continue;
    }
    if (!topic && chance(0.05)) {
      topics += 1;
      const ref = `refs/heads/topic-${topics}`;
      topic = {
        ref,
        tip: mainTip,
        left: 1 + Math.floor(next() * 4),
        changed: new Map(),
        started: false,
      };
    }
    const changes: ImportChange[] = [];
    const touched = new Set<string>();
    for (let n = 1 + Math.floor(next() * 4); n > 0; n--) {
      const roll = next();
      if (roll < 0.12 || files.length < 50) {
        const path = newPath();
        addFile(path);
        touched.add(path);
        changes.push({ op: 'M', path, content: content(path) });
        continue;
      }
      const path = pick(files);
      if (touched.has(path)) continue;
      touched.add(path);
      if (roll < 0.17) {
        removeFile(path);
        changes.push({ op: 'D', path });
      } else if (roll < 0.25) {
        const to = newPath();
        removeFile(path);
        addFile(to);
        touched.add(to);
        changes.push({ op: 'R', from: path, path: to });
      } else {
        changes.push({ op: 'M', path, content: content(path) });
      }
    }
    yield commit({ message: message(), changes });
    mainTip = mark;
  }
}

/**
 * A synthetic repository of `commits` commits (see syntheticHistory), built once and kept in the
 * temporary directory: later calls with the same size and seed return the same directory.
 */
export async function bigRepo(options: { commits: number; seed?: number }): Promise<string> {
  const seed = options.seed ?? 1;
  const dir = join(tmpdir(), `trailguard-big-repo-v3-${options.commits}-${seed}`);
  if (existsSync(join(dir, '.git', 'trailguard-complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  // Used by bench/ outside jest: no test helpers, and no home of its own left behind.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
  execFileSync('git', ['init', '-q', '--initial-branch=main', dir], { env });
  await fastImport(dir, env, syntheticHistory({ commits: options.commits, seed }));
  execFileSync('git', ['reset', '-q', '--hard'], { cwd: dir, env });
  writeFileSync(join(dir, '.git', 'trailguard-complete'), '');
  return dir;
}
