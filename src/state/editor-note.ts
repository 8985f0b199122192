/**
 * The editor note: what prepare-commit-msg leaves when it put trailers into a message the
 * developer has yet to write, for post-commit to act on (src/commit/editor-trailers.ts). Per
 * worktree, since each has its own HEAD. A note belongs to one commit: taking it removes it, and
 * a note older than a day, or one that cannot be read, is never acted on.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { worktreeStateDir, worktreeStatePath } from './paths.js';

export interface EditorNote {
  /** HEAD when prepare-commit-msg ran ('' on an unborn branch): the new commit's only parent. */
  head: string;
  commentChar: string;
  /** The trailer lines we added, the whole message if the developer writes nothing. */
  trailers: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function writeEditorNote(gitDir: string, note: EditorNote): void {
  mkdirSync(worktreeStateDir(gitDir), { recursive: true });
  writeFileSync(worktreeStatePath(gitDir, 'editorNote'), `${JSON.stringify(note)}\n`);
}

function isNote(value: unknown): value is EditorNote {
  const note = value as Partial<EditorNote> | null;
  return (
    typeof note?.head === 'string' &&
    typeof note.commentChar === 'string' &&
    Array.isArray(note.trailers) &&
    note.trailers.every((line) => typeof line === 'string')
  );
}

/** The note, removed from disk; undefined when there is none, or it is stale or unreadable. */
export function takeEditorNote(gitDir: string): EditorNote | undefined {
  const file = worktreeStatePath(gitDir, 'editorNote');
  let text: string;
  let fresh: boolean;
  try {
    fresh = Date.now() - statSync(file).mtimeMs < DAY_MS;
    text = readFileSync(file, 'utf8');
  } catch {
    text = '';
    fresh = false;
  }
  rmSync(file, { recursive: true, force: true });
  try {
    const note: unknown = JSON.parse(text);
    return fresh && isNote(note) ? note : undefined;
  } catch {
    return undefined;
  }
}
