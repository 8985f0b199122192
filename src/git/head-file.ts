/**
 * HEAD's commit read from the git directory's files, as `git rev-parse -q --verify HEAD` gives
 * it, without starting git (a hook pays ~2 ms per git process, more for node's child_process on
 * first use). Only the stable, documented files-backend layout is read: HEAD, a loose branch ref,
 * packed-refs. Anything else (the reftable backend, a symbolic ref chain, a HEAD outside
 * refs/heads/, a file that does not read as expected) answers undefined: ask git.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function readText(file: string): string | null | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    // A missing file is an answer (no such ref); any other failure is not.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}

/** The object id `ref` has in packed-refs: null when it is not there, undefined when unsure. */
function packedRef(commonDir: string, ref: string): string | null | undefined {
  const packed = readText(join(commonDir, 'packed-refs'));
  if (packed === undefined) return undefined;
  for (const line of packed?.split('\n') ?? []) {
    const space = line.indexOf(' ');
    if (line.slice(space + 1) === ref) {
      const id = line.slice(0, space);
      return OBJECT_ID.test(id) ? id : undefined;
    }
  }
  return null;
}

/**
 * HEAD's commit ('' on an unborn branch), from the files of `gitDir` (this worktree's: HEAD) and
 * `commonDir` (the refs); undefined when git itself must be asked.
 */
export function headFromFiles(gitDir: string, commonDir: string): string | undefined {
  if (existsSync(join(commonDir, 'reftable'))) return undefined;
  const head = readText(join(gitDir, 'HEAD'))?.trim();
  if (!head) return undefined;
  if (OBJECT_ID.test(head)) return head;
  const ref = /^ref: (refs\/heads\/[^\s]+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  const loose = readText(join(commonDir, ref));
  if (loose === undefined) return undefined;
  if (loose !== null) {
    const id = loose.trim();
    return OBJECT_ID.test(id) ? id : undefined;
  }
  const packed = packedRef(commonDir, ref);
  return packed === null ? '' : packed;
}
