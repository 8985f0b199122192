/**
 * git's trailer grammar, reproduced from git's trailer.c and the parts of commit.c, wt-status.c
 * and pretty.c it relies on, so that we find exactly the trailers git finds and write them exactly
 * where `git interpret-trailers` writes them.
 *
 * Offsets are UTF-16 indices into the message. git works on bytes, but every character its
 * grammar inspects is ASCII and no UTF-8 multi-byte sequence contains an ASCII byte, so scanning
 * code units yields the same lines and the same decisions. Like git, we treat the message as a C
 * string: nothing after a NUL character is parsed.
 *
 * Differences between git versions, and the option that picks each behaviour:
 * - `urlRule` (default true): git since Aug 2026 ("trailers: stop recognizing URLs as trailers")
 *   does not take `:` as the separator when `//` follows it and no whitespace came before it, so
 *   `https://example.org` is prose. Older git (e.g. 2.39) parses it as the trailer `https: //…`
 *   and, when rewriting a trailer block, mangles the line into that form. `urlRule: false` gives
 *   the old behaviour.
 * - `completeLine` (default true): `git interpret-trailers` since 2.46.2 ends an unterminated last
 *   line with a newline before parsing. It matters for an input ending in `---` or in a scissors
 *   line without newline, and for where trailers are added to `subject` (no newline): newer git
 *   writes `subject\n\nKey: v\n`, older git `subject\nKey: v\n`. git log never completes lines.
 * - A scissors line below a `---` divider made git before 2.45 hang; we follow the fixed git,
 *   which ignores it.
 * - Comment lines inside the trailer block are never trailers: git log since 2.45 skips them like
 *   interpret-trailers always did (older git log printed one when `core.commentChar` was a letter,
 *   a digit or `-`). `commentChar` may be a string, like `core.commentString` in git 2.45+.
 * Not modelled: `trailer.<name>.key` config (a configured key also counts as a "recognized"
 * prefix for the 25% rule) and `trailer.separators` (we use git's default, `:`).
 */
import { UserError } from './errors.js';
import type { Trailer } from './types.js';

export interface TrailerOptions {
  /**
   * true (default): `git interpret-trailers`, where a line starting with `---` and whitespace ends
   * the message. false, when parsing: how `git log --format=%(trailers)` reads a commit (no
   * divider, blank lines before the subject skipped, no line completion); when adding:
   * `git interpret-trailers --no-divider`.
   */
  divider?: boolean;
  /** `core.commentChar` / `core.commentString`; default `#`. */
  commentChar?: string;
  /** `key://…` is not a trailer (git since Aug 2026); default true. */
  urlRule?: boolean;
  /** End an unterminated last line before parsing, as interpret-trailers ≥ 2.46.2 does; default true. */
  completeLine?: boolean;
}

/** Where git finds the trailer block. Offsets index the message passed in. */
export interface TrailerBlock {
  /** The first line of the trailer block; equal to `end` when the message has none. */
  start: number;
  /**
   * Where the log message proper ends: trailing comment and blank lines, the scissors line and
   * what follows it, and (with the divider) a `---` patch part start here.
   */
  end: number;
  /** Whether the line before `start` is blank; git writes one before new trailers otherwise. */
  blankLineBefore: boolean;
}

const LF = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const COLON = 58;
const DASH = 45;

/** Lines git itself writes; one of them makes a block with ≥ 25% trailers acceptable. */
const SIGNED_OFF_BY = 'Signed-off-by: ';
const CHERRY_PICKED = '(cherry picked from commit ';
const CUT_LINE = '------------------------ >8 ------------------------\n';

/** git's own ctype: only these four are spaces (not \v or \f), whatever the locale. */
function isSpace(code: number): boolean {
  return code === SPACE || code === LF || code === TAB || code === CR;
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function nextLine(text: string, pos: number): number {
  const newline = text.indexOf('\n', pos);
  return newline === -1 ? text.length : newline + 1;
}

/** The start of the last line of text[0, len), or -1 when len is 0 (git's last_line). */
function lastLineStart(text: string, len: number): number {
  if (len <= 1) return len - 1;
  return text.lastIndexOf('\n', len - 2) + 1;
}

/** Empty or whitespace-only up to the newline (git's is_blank_line in trailer.c). */
function isBlankLine(text: string, pos: number): boolean {
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) return true;
    if (!isSpace(code)) return false;
  }
  return true;
}

function trimmedSlice(text: string, from: number, to: number): string {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

/**
 * The offset of the separator in the line at `pos`: a `[A-Za-z0-9-]` run, optional spaces or
 * tabs, then `:`. -1 when the line has no separator there; 0 when it starts with `:`.
 */
function findSeparator(text: string, pos: number, urlRule: boolean): number {
  let whitespaceFound = false;
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON) {
      if (urlRule && !whitespaceFound && text.startsWith('//', i + 1)) return -1;
      return i - pos;
    }
    if (!whitespaceFound && (isAlnum(code) || code === DASH)) continue;
    if (i !== pos && (code === SPACE || code === TAB)) {
      whitespaceFound = true;
      continue;
    }
    break;
  }
  return -1;
}

/** Where the scissors line starts (wt_status_locate_end), or text.length when there is none. */
function scissorsLine(text: string, commentChar: string): number {
  const pattern = `\n${commentChar} ${CUT_LINE}`;
  if (text.startsWith(pattern.slice(1))) return 0;
  const found = text.indexOf(pattern);
  return found === -1 ? text.length : found + 1;
}

/**
 * The end of the log message (find_end_of_log_message): the `---` divider and the scissors line
 * end it, then trailing comment and blank lines and an old-style `Conflicts:` block are cut off.
 * One pass over the lines above the scissors line; a scissors line below the divider changes
 * nothing, as in git 2.45+.
 */
function findLogMessageEnd(text: string, divider: boolean, commentChar: string): number {
  const cutoff = scissorsLine(text, commentChar);
  // git's ignored_log_message_bytes; 0 doubles as "no run yet", so a run of comment lines that
  // starts at the very first line is not cut off, as in git.
  let runStart = 0;
  let inConflicts = false;
  let pos = 0;
  for (; pos < cutoff; pos = nextLine(text, pos)) {
    if (divider && text.startsWith('---', pos) && isSpace(text.charCodeAt(pos + 3))) break;
    const code = text.charCodeAt(pos);
    if (text.startsWith(commentChar, pos) || code === LF) {
      if (!runStart) runStart = pos;
    } else if (text.startsWith('Conflicts:\n', pos)) {
      inConflicts = true;
      if (!runStart) runStart = pos;
    } else if (inConflicts && code === TAB) {
      // a path listed in the conflicts block
    } else if (runStart) {
      runStart = 0;
      inConflicts = false;
    }
  }
  return runStart || pos;
}

/**
 * The first line of the trailer block in text[0, len), or len when there is none: scanning up
 * from the end, the last paragraph (after the title) counts when all its lines are trailers, or
 * when one is git-generated and at least 25% are trailers.
 */
function findTrailerStart(
  text: string,
  len: number,
  commentChar: string,
  urlRule: boolean,
): number {
  let endOfTitle = 0;
  while (endOfTitle < len) {
    if (!text.startsWith(commentChar, endOfTitle) && isBlankLine(text, endOfTitle)) break;
    endOfTitle = nextLine(text, endOfTitle);
  }

  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  // Indented lines seen below: continuations of a trailer above them, else non-trailers.
  let possibleContinuationLines = 0;
  for (let pos = lastLineStart(text, len); pos >= endOfTitle; pos = lastLineStart(text, pos)) {
    if (text.startsWith(commentChar, pos)) {
      nonTrailerLines += possibleContinuationLines;
      possibleContinuationLines = 0;
      continue;
    }
    if (isBlankLine(text, pos)) {
      if (onlySpaces) continue;
      nonTrailerLines += possibleContinuationLines;
      if (
        (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) ||
        (trailerLines > 0 && nonTrailerLines === 0)
      ) {
        return nextLine(text, pos);
      }
      return len;
    }
    onlySpaces = false;
    const first = text.charCodeAt(pos);
    if (text.startsWith(SIGNED_OFF_BY, pos) || text.startsWith(CHERRY_PICKED, pos)) {
      trailerLines++;
      possibleContinuationLines = 0;
      recognizedPrefix = true;
    } else if (isSpace(first)) {
      possibleContinuationLines++;
    } else if (findSeparator(text, pos, urlRule) >= 1) {
      trailerLines++;
      possibleContinuationLines = 0;
    } else {
      nonTrailerLines += 1 + possibleContinuationLines;
      possibleContinuationLines = 0;
    }
  }
  return len;
}

/** What git parses: the line completed, cut at a NUL, and for git log started at the subject. */
interface Prepared {
  /** The text git works on. */
  text: string;
  /** The offset of text[0] in the message. */
  base: number;
  /** The text that follows text's end, as git copies it through when rewriting. */
  rest: string;
  start: number;
  end: number;
  commentChar: string;
  urlRule: boolean;
}

/** `rewriting`: interpret-trailers adding trailers, where no divider means `--no-divider`. */
function prepare(message: string, options: TrailerOptions, rewriting: boolean): Prepared {
  const divider = options.divider ?? true;
  const readsLikeGitLog = !divider && !rewriting;
  const commentChar = options.commentChar ?? '#';
  const urlRule = options.urlRule ?? true;
  if (commentChar !== '#' && (commentChar === '' || /[\n\0]/.test(commentChar))) {
    throw new UserError(`invalid comment string ${JSON.stringify(commentChar)}`);
  }
  let full = message;
  const completeLine = (options.completeLine ?? true) && !readsLikeGitLog;
  if (completeLine && full.length > 0 && full.charCodeAt(full.length - 1) !== LF) full += '\n';
  const nul = full.indexOf('\0');
  let text = nul === -1 ? full : full.slice(0, nul);
  const rest = nul === -1 ? '' : full.slice(nul);
  let base = 0;
  if (readsLikeGitLog) {
    base = subjectOffset(text);
    text = text.slice(base);
  }
  const end = findLogMessageEnd(text, divider, commentChar);
  const start = findTrailerStart(text, end, commentChar, urlRule);
  return { text, base, rest, start, end, commentChar, urlRule };
}

/** git log starts a message at its first non-blank line (pretty.c skip_blank_lines). */
function subjectOffset(text: string): number {
  let pos = 0;
  while (pos < text.length) {
    const next = nextLine(text, pos);
    let i = pos;
    while (i < next && isSpace(text.charCodeAt(i))) i++;
    if (i < next) break;
    pos = next;
  }
  return pos;
}

/**
 * Calls `visit` for each entry of the block: a line plus the indented lines that continue it
 * (only a line with a separator takes continuations). `separator` is relative to `start`.
 */
function forEachEntry(
  prepared: Prepared,
  visit: (start: number, end: number, separator: number) => void,
): void {
  const { text, end, urlRule } = prepared;
  let entryStart = -1;
  let entryEnd = -1;
  let separator = -1;
  for (let pos = prepared.start; pos < end;) {
    const newline = text.indexOf('\n', pos);
    const next = newline === -1 || newline >= end ? end : newline + 1;
    if (separator >= 1 && isSpace(text.charCodeAt(pos))) {
      entryEnd = next;
    } else {
      if (entryStart !== -1) visit(entryStart, entryEnd, separator);
      entryStart = pos;
      entryEnd = next;
      separator = findSeparator(text, pos, urlRule);
    }
    pos = next;
  }
  if (entryStart !== -1) visit(entryStart, entryEnd, separator);
}

/** A folded value on one line: each newline and the whitespace after it become one space. */
function unfold(value: string): string {
  let newline = value.indexOf('\n');
  if (newline === -1) return value;
  let out = '';
  let from = 0;
  while (newline !== -1) {
    out += value.slice(from, newline) + ' ';
    from = newline + 1;
    while (from < value.length && isSpace(value.charCodeAt(from))) from++;
    newline = value.indexOf('\n', from);
  }
  out += value.slice(from);
  return trimmedSlice(out, 0, out.length);
}

/** Whether the last line of text[0, len) is blank (git's ends_with_blank_line). */
function endsWithBlankLine(text: string, len: number): boolean {
  const last = lastLineStart(text, len);
  return last >= 0 && isBlankLine(text, last);
}

/**
 * The trailers of a message, as `git interpret-trailers --parse` prints them (keys keep their
 * case; values unfolded and trimmed), or with `divider: false` as `git log
 * --format=%(trailers:only,unfold)` does.
 */
export function parseTrailers(message: string, options: TrailerOptions = {}): Trailer[] {
  const prepared = prepare(message, options, false);
  const { text, commentChar } = prepared;
  const trailers: Trailer[] = [];
  forEachEntry(prepared, (start, end, separator) => {
    if (separator < 1 || text.startsWith(commentChar, start)) return;
    trailers.push({
      key: trimmedSlice(text, start, start + separator),
      value: unfold(trimmedSlice(text, start + separator + 1, end)),
    });
  });
  return trailers;
}

/** Where git finds the trailer block of a message (see TrailerBlock). */
export function findTrailerBlock(message: string, options: TrailerOptions = {}): TrailerBlock {
  const { text, base, start, end } = prepare(message, options, false);
  // A newline git completed is not in the message.
  return {
    start: Math.min(base + start, message.length),
    end: Math.min(base + end, message.length),
    blankLineBefore: endsWithBlankLine(text, start),
  };
}

/** `Key: value` lines, exactly as `git interpret-trailers --parse` prints them. */
export function formatTrailers(trailers: readonly Trailer[]): string {
  let out = '';
  for (const trailer of trailers) out += `${trailer.key}: ${trailer.value}\n`;
  return out;
}

/** git compares keys case-insensitively up to the shorter one, ignoring trailing punctuation. */
function sameKey(a: string, b: string): boolean {
  const length = Math.min(keyLength(a), keyLength(b));
  for (let i = 0; i < length; i++) {
    if (lowerAscii(a.charCodeAt(i)) !== lowerAscii(b.charCodeAt(i))) return false;
  }
  return true;
}

function keyLength(key: string): number {
  let length = key.length;
  while (length > 0 && !isAlnum(key.charCodeAt(length - 1))) length--;
  return length;
}

function sameValue(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (lowerAscii(a.charCodeAt(i)) !== lowerAscii(b.charCodeAt(i))) return false;
  }
  return true;
}

function checkTrailer(trailer: Trailer): void {
  const { key, value } = trailer;
  let validKey = key.length > 0;
  for (let i = 0; validKey && i < key.length; i++) {
    const code = key.charCodeAt(i);
    validKey = isAlnum(code) || code === DASH;
  }
  if (!validKey) {
    throw new UserError(
      `trailer key ${JSON.stringify(key)} is not one git recognizes (use letters, digits and -)`,
    );
  }
  if (/[\r\n\0]/.test(value)) {
    throw new UserError(`trailer ${key}: the value must be one line`);
  }
}

/**
 * The message with the trailers added, byte for byte as `git interpret-trailers --if-exists
 * addIfDifferent --trailer 'Key: value' …` writes it (where=end, ifMissing=add, no trailer.*
 * config): a trailer whose key and value (compared as git compares them) are already present is
 * not added again. Like git, this rewrites the existing trailer block in git's normal form
 * (`Key: value`, comment lines inside the block dropped) and inserts a blank line before the
 * trailers when the last paragraph is not a trailer block.
 */
export function addTrailers(
  message: string,
  trailers: readonly Trailer[],
  options: TrailerOptions = {},
): string {
  for (const trailer of trailers) checkTrailer(trailer);
  const prepared = prepare(message, options, true);
  const { text, commentChar, start, end } = prepared;
  const items: { key?: string; value: string }[] = [];
  forEachEntry(prepared, (entryStart, entryEnd, separator) => {
    if (text.startsWith(commentChar, entryStart)) return;
    if (separator >= 1) {
      items.push({
        key: trimmedSlice(text, entryStart, entryStart + separator),
        value: trimmedSlice(text, entryStart + separator + 1, entryEnd),
      });
    } else {
      const stop = text.charCodeAt(entryEnd - 1) === LF ? entryEnd - 1 : entryEnd;
      items.push({ value: text.slice(entryStart, stop) });
    }
  });
  for (const { key, value } of trailers) {
    const trimmedValue = trimmedSlice(value, 0, value.length);
    const present = items.some(
      (item) =>
        item.key !== undefined && sameKey(item.key, key) && sameValue(item.value, trimmedValue),
    );
    if (!present) items.push({ key, value: trimmedValue });
  }
  let out = text.slice(0, start);
  if (!endsWithBlankLine(text, start)) out += '\n';
  for (const item of items) {
    out += item.key === undefined ? `${item.value}\n` : `${item.key}: ${item.value}\n`;
  }
  return out + text.slice(end) + prepared.rest;
}
