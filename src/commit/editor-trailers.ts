/**
 * Trailers in a message the developer has yet to write. When git opens the editor on a message
 * without content, prepare-commit-msg puts our trailers below an empty subject line; but they make
 * the message non-empty (git treats only `Signed-off-by:` lines as empty), so quitting the editor
 * without writing anything, the usual way to abort, would commit a message of nothing but
 * `Assisted-by:`. prepare-commit-msg therefore leaves a note. After the editor, commit-msg empties
 * a message that is still only those trailers, and git's own check aborts the commit ("Aborting
 * commit due to empty commit message.", exit 1, nothing committed), exactly as without us. With
 * --no-verify git skips commit-msg (the trailers must be in the message before the editor for
 * such a commit to keep them), so post-commit, which the shim runs synchronously while a note
 * exists, undoes the commit instead: HEAD goes back, the index and work tree stay, the reflog
 * keeps the commit.
 *
 * A note belongs to one commit: the shim's prepare-commit-msg removes any it finds, commit-msg and
 * post-commit remove it whatever they decide, and a note older than a day, or made on another HEAD
 * than the new commit's parent, is never acted on by post-commit (the note itself:
 * src/state/editor-note.ts).
 */
import { writeFileSync } from 'node:fs';
import { formatTrailers } from '../core/trailers.js';
import type { Trailer } from '../core/types.js';
import type { RepoFacts } from '../git/discover.js';
import { takeEditorNote, writeEditorNote, type EditorNote } from '../state/editor-note.js';
import { headCommit, hookGit } from './context.js';
import { writtenLines } from './message.js';

const ABORTED =
  'Aborting commit due to empty commit message (trailguard removed the commit its Assisted-by ' +
  'trailer had kept alive; your changes are still staged).\n';

/** prepare-commit-msg: the trailers it added to a message without content that git opens the editor on. */
export async function noteEditorTrailers(
  ctx: RepoFacts,
  trailers: readonly Trailer[],
  commentChar: string,
): Promise<void> {
  writeEditorNote(ctx.gitDir, {
    head: await headCommit(ctx),
    commentChar,
    trailers: writtenLines(formatTrailers(trailers), commentChar),
  });
}

/** Whether the written lines of `message` are exactly the noted trailers (nothing written above). */
function onlyNoted(message: string, note: EditorNote): boolean {
  return writtenLines(message, note.commentChar).join('\n') === note.trailers.join('\n');
}

/**
 * commit-msg: empties a message that is still nothing but the trailers noted for it, so that git
 * aborts the commit itself; true when it did. The note goes either way.
 */
export function emptyUnwrittenMessage(
  gitDir: string,
  messageFile: string,
  message: string,
): boolean {
  const note = takeEditorNote(gitDir);
  if (!note || !onlyNoted(message, note)) return false;
  writeFileSync(messageFile, '');
  return true;
}

/**
 * post-commit: undoes the commit just made when its message is nothing but the trailers noted for
 * it; true when it did.
 */
export async function undoUnwrittenCommit(
  ctx: RepoFacts,
  io: { stderr: (text: string) => void },
): Promise<boolean> {
  const note = takeEditorNote(ctx.gitDir);
  if (!note) return false;
  const [commit, parents, ...message] = (
    await hookGit(ctx, ['log', '-1', '--no-show-signature', '--format=%H%n%P%n%B', 'HEAD'])
  ).split('\n');
  if (parents !== note.head) return false;
  if (!onlyNoted(message.join('\n'), note)) return false;
  // On an unborn branch the branch goes again (HEAD's own reflog keeps the commit).
  const move = note.head ? ['HEAD', note.head, commit] : ['-d', 'HEAD', commit];
  await hookGit(ctx, ['update-ref', '-m', 'trailguard: undo empty-message commit', ...move]);
  io.stderr(ABORTED);
  return true;
}
