/**
 * The real git's trailer behaviour, for differential tests: what the local git version does where
 * git versions differ, and ways to run many messages through git quickly (a small pool of
 * concurrent processes; batches of messages so one process handles many).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Trailer } from '../../src/core/types.js';
import { runProcess } from './process.js';

export interface GitTrailerBehaviour {
  version: string;
  /** `subj\n\nhttps://x` has no trailer (git since Aug 2026). */
  urlRule: boolean;
  /** interpret-trailers ends an unterminated last line first (git 2.46.2+). */
  completeLine: boolean;
  /** A scissors line below a `---` line does not hang interpret-trailers (git 2.45+). */
  scissorsAfterDivider: boolean;
}

async function git(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<string> {
  const result = await runProcess('git', args, options);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Asks the local git how it behaves. The scissors hang is read from the version number: probing
 * it would hang.
 */
export async function probeGit(cwd: string, env: NodeJS.ProcessEnv): Promise<GitTrailerBehaviour> {
  const version = (await git(['version'], { cwd, env })).trim();
  const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  const url = await git(['interpret-trailers', '--parse'], {
    cwd,
    env,
    input: 'subj\n\nhttps://x',
  });
  const added = await git(['interpret-trailers', '--trailer', 'A: b'], { cwd, env, input: 'subj' });
  return {
    version,
    urlRule: url === '',
    completeLine: added === 'subj\n\nA: b\n',
    scissorsAfterDivider: major > 2 || (major === 2 && minor >= 45),
  };
}

/**
 * Runs `work` over the items with at most `concurrency` in flight; results keep the order. `work`
 * also gets the number of the worker running it (below `concurrency`): one worker runs one item at
 * a time, so it can reuse its files from one item to the next.
 */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number, worker: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async (worker: number): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index, worker);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, (_, worker) => run(worker)),
  );
  return results;
}

/**
 * `git interpret-trailers --parse` output for each message, all with one comment character: the
 * messages are written to files under `dir` named after `batchName` (overwritten when a later
 * batch reuses the name) and read by one git process.
 */
export function gitParseTrailers(
  dir: string,
  env: NodeJS.ProcessEnv,
  commentChar: string,
  messages: readonly string[],
  batchName: string,
): Promise<string[]> {
  const args = ['-c', `core.commentChar=${commentChar}`, 'interpret-trailers', '--parse'];
  return interpretEach(dir, env, args, messages, batchName);
}

/**
 * `git interpret-trailers --if-exists addIfDifferent --trailer 'K: v' …` on each message, all
 * with the same trailers and options, from files under `dir` named after `batchName`.
 */
export async function gitAddTrailers(
  dir: string,
  env: NodeJS.ProcessEnv,
  options: { commentChar: string; divider: boolean; trailers: readonly Trailer[] },
  messages: readonly string[],
  batchName: string,
): Promise<string[]> {
  const args = ['-c', `core.commentChar=${options.commentChar}`, 'interpret-trailers'];
  if (!options.divider) args.push('--no-divider');
  args.push('--if-exists', 'addIfDifferent');
  for (const { key, value } of options.trailers) args.push('--trailer', `${key}: ${value}`);
  return interpretEach(dir, env, args, messages, batchName);
}

/** A trailer key that no message or git argument may contain (checked before each run). */
const SEPARATOR_KEY = 'Trailguard-Separator-5f0c2e9a';
/** git prints a trailer for this message in every mode, so its output holds SEPARATOR_KEY. */
const SEPARATOR_MESSAGE = `separator\n\n${SEPARATOR_KEY}: end\n`;

/**
 * Runs git with the message files appended to `args` and splits what it prints into one output
 * per message. Without `--in-place` git prints the outputs one after another with nothing
 * between them, so a separator message goes before each message, and twice at the start: the two
 * first copies show what git prints for it (the same for every copy, since every file gets the
 * same options), and that text then cuts the rest. Files are overwritten, never created anew per
 * batch: on a disk file system, creating a file costs ten times more system time than rewriting.
 */
async function interpretEach(
  dir: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  messages: readonly string[],
  batchName: string,
): Promise<string[]> {
  if (args.some((arg) => arg.includes(SEPARATOR_KEY))) {
    throw new Error(`a git argument contains the separator key ${SEPARATOR_KEY}`);
  }
  const separator = `${batchName}-separator`;
  writeFileSync(join(dir, separator), SEPARATOR_MESSAGE);
  const files = messages.map((message, i) => {
    if (message.includes(SEPARATOR_KEY)) {
      throw new Error(`message ${i} contains the separator key ${SEPARATOR_KEY}`);
    }
    const file = `${batchName}-${i}`;
    writeFileSync(join(dir, file), message);
    return file;
  });
  const output = await git([...args, separator, ...files.flatMap((file) => [separator, file])], {
    cwd: dir,
    env,
  });
  const first = output.indexOf(SEPARATOR_KEY);
  const separatorOutput = output.slice(0, output.indexOf(SEPARATOR_KEY, first + 1) - first);
  const outputs = output.slice(separatorOutput.length).split(separatorOutput);
  const separators = output.split(SEPARATOR_KEY).length - 1;
  if (
    first < 0 ||
    separators !== messages.length + 1 ||
    outputs.shift() !== '' ||
    outputs.length !== messages.length
  ) {
    throw new Error(
      `git ${args.join(' ')} printed ${separators} separators and ${outputs.length} parts ` +
        `for ${messages.length} messages: its output does not split into one part per message`,
    );
  }
  return outputs;
}

/**
 * `git log --format=%(trailers:only,unfold)` for each message, made into real commits of the
 * repository at `repo`: one fast-import process writes them all as parentless commits of the
 * empty tree (into one pack, not a file per commit) and one log process reads them.
 */
export async function gitLogTrailers(
  repo: string,
  env: NodeJS.ProcessEnv,
  commentChar: string,
  messages: readonly string[],
  batchName: string,
): Promise<string[]> {
  const ref = `refs/trailguard-test/${batchName}`;
  const commits = messages.map((message, i) => {
    const ident = `A U Thor <a@example.com> ${1_700_000_000 + i} +0000`;
    // `reset` first, so the commit gets no parent: the same object hash-object would write.
    return (
      `reset ${ref}\ncommit ${ref}\nmark :${i + 1}\nauthor ${ident}\ncommitter ${ident}\n` +
      `data ${Buffer.byteLength(message, 'utf8')}\n${message}\n`
    );
  });
  const marks = messages.map((_, i) => `get-mark :${i + 1}\n`);
  // unpackLimit=0: a pack even for under 100 commits, which fast-import would write loose.
  const shas = (
    await git(['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--force'], {
      cwd: repo,
      env,
      input: commits.join('') + marks.join(''),
    })
  )
    .trim()
    .split('\n');
  if (shas.length !== messages.length) {
    throw new Error(`git fast-import printed ${shas.length} commits for ${messages.length}`);
  }
  const log = await git(
    [
      '-c',
      `core.commentChar=${commentChar}`,
      'log',
      '--no-walk=unsorted',
      '--stdin',
      '--format=%H%x01%(trailers:only,unfold)%x02',
    ],
    { cwd: repo, env, input: shas.join('\n') + '\n' },
  );
  const bySha = new Map<string, string>();
  for (const record of log.split('\x02\n')) {
    const [sha, trailers] = record.split('\x01');
    if (sha && trailers !== undefined) bySha.set(sha, trailers);
  }
  return shas.map((sha) => {
    const trailers = bySha.get(sha);
    if (trailers === undefined) throw new Error(`git log did not print commit ${sha}`);
    return trailers;
  });
}
