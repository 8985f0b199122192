import { spawn } from 'node:child_process';
import { UserError } from '../core/errors.js';
import { git } from './exec.js';

type Env = NodeJS.ProcessEnv;

/** One entry of a tree listing: a blob (file or symlink) or a gitlink (submodule). */
export interface TreeEntry {
  mode: string;
  type: 'blob' | 'commit';
  oid: string;
  /** Bytes; 0 for a submodule. */
  size: number;
  path: string;
}

/** Every file at a commit (`git ls-tree -r -l`), paths from the top of the tree. */
export async function listTree(repo: string, commit: string, env: Env): Promise<TreeEntry[]> {
  const output = await git(
    ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '-l', '--full-tree', commit],
    { cwd: repo, env },
  );
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/) as [
      string,
      string,
      string,
      string,
    ];
    if (type !== 'blob' && type !== 'commit') continue;
    entries.push({
      mode,
      type,
      oid,
      size: size === '-' ? 0 : Number(size),
      path: record.slice(tab + 1),
    });
  }
  return entries;
}

/** Pathspecs that name exactly these paths (no glob characters read as globs). */
export function literalPathspecs(paths: Iterable<string>): string[] {
  return [...paths].map((path) => `:(literal)${path}`);
}

/**
 * The line count of each text file under `pathspecs` at `commit`, as git counts them for a diff
 * from the empty tree (`--numstat`: a last line without a newline counts); files git takes for
 * binary (a NUL in the first 8000 bytes, or a `binary`/`-diff` attribute) map to null.
 */
export async function lineCounts(
  repo: string,
  commit: string,
  pathspecs: string[],
  env: Env,
): Promise<Map<string, number | null>> {
  const emptyTree = (
    await git(['hash-object', '-t', 'tree', '--stdin'], { cwd: repo, env })
  ).trim();
  const output = await git(
    [
      '-c',
      'core.quotePath=false',
      'diff-tree',
      '-r',
      '-z',
      '--numstat',
      '--no-renames',
      '--no-textconv',
      '--ignore-submodules=none',
      emptyTree,
      commit,
      '--',
      ...pathspecs,
    ],
    { cwd: repo, env },
  );
  const counts = new Map<string, number | null>();
  // -z: `added TAB deleted TAB path NUL` per file; a path may itself hold tabs.
  for (const record of output.split('\0')) {
    const [added, , ...path] = record.split('\t');
    if (path.length === 0) continue;
    counts.set(path.join('\t'), added === '-' ? null : Number(added));
  }
  return counts;
}

const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1';
/** The Git LFS specification caps a pointer file at 1024 bytes. */
const LFS_POINTER_MAX = 1024;

/**
 * The blobs among `entries` that are Git LFS pointer files (the data lives outside git, so
 * their lines say nothing about the data). Only blobs small enough to be pointers are read,
 * all through one `git cat-file --batch`.
 */
export async function lfsPointers(
  repo: string,
  entries: TreeEntry[],
  env: Env,
): Promise<Set<string>> {
  const candidates = entries.filter(
    (entry) =>
      entry.type === 'blob' && entry.size >= LFS_POINTER.length && entry.size <= LFS_POINTER_MAX,
  );
  const pointers = new Set<string>();
  if (candidates.length === 0) return pointers;
  const output = await catFileBatch(
    repo,
    candidates.map((entry) => entry.oid),
    env,
  );
  let offset = 0;
  for (const entry of candidates) {
    const headerEnd = output.indexOf(10, offset);
    const header = output.toString('latin1', offset, headerEnd);
    if (header.endsWith(' missing'))
      throw new UserError(`cannot read ${entry.path}: object ${entry.oid} is missing`);
    const size = Number(header.split(' ')[2]);
    const body = output.toString(
      'utf8',
      headerEnd + 1,
      headerEnd + 1 + Math.min(size, LFS_POINTER.length),
    );
    if (body === LFS_POINTER) pointers.add(entry.path);
    offset = headerEnd + 1 + size + 1;
  }
  return pointers;
}

function catFileBatch(repo: string, oids: string[], env: Env): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: repo, env });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(chunks))
        : reject(new UserError(`git cat-file --batch failed: ${stderr.trim() || `exit ${code}`}`)),
    );
    child.stdin.on('error', () => {});
    child.stdin.end(oids.join('\n') + '\n');
  });
}
