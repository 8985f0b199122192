/**
 * Which `Assisted-by:` trailers a commit gets: one per AI tool seen (model when known) in the
 * agent environment, the agent ledger, the tools' own signatures in the message (normalised into
 * our trailer, theirs kept) and AI identities. Pure.
 */
import { UNKNOWN_TOOL } from '../core/catalog.js';
import { assistedByTrailer } from '../core/detect.js';
import { addTrailers, formatTrailers, parseTrailers } from '../core/trailers.js';
import type { Signal, SignalKind, Trailer } from '../core/types.js';

/** A branch prefix alone does not say an AI made this commit (humans check out agent branches). */
const RECORDED_KINDS: ReadonlySet<SignalKind> = new Set([
  'env',
  'ledger',
  'trailer',
  'footer',
  'identity',
]);

/**
 * Tools that already have an `Assisted-by:` trailer in the message, with or without a model, where
 * `git log` finds trailers: in the last paragraph, a `---` line above it notwithstanding.
 */
function toolsAlreadyRecorded(message: string, commentChar: string): Set<string> {
  return new Set(
    parseTrailers(message, { commentChar, divider: false })
      .filter((trailer) => trailer.key.toLowerCase() === 'assisted-by')
      .map((trailer) => trailer.value.split(':')[0].trim().toLowerCase()),
  );
}

/** Whether the message already records a tool in an Assisted-by trailer. */
export function hasAssistedBy(message: string, commentChar = '#'): boolean {
  return toolsAlreadyRecorded(message, commentChar).size > 0;
}

/**
 * The trailers to add: a tool already recorded is never added again (so an amend never
 * duplicates), and an unknown tool is written only when the environment names it (a message that
 * claims an unknown tool already says so itself).
 */
export function trailersToAdd(
  message: string,
  signals: readonly Signal[],
  commentChar = '#',
): Trailer[] {
  const present = toolsAlreadyRecorded(message, commentChar);
  const models = new Map<string, string | undefined>();
  for (const signal of signals) {
    if (!RECORDED_KINDS.has(signal.kind)) continue;
    if (signal.tool === UNKNOWN_TOOL && signal.kind !== 'env') continue;
    if (present.has(signal.tool)) continue;
    if (!models.has(signal.tool) || (!models.get(signal.tool) && signal.model)) {
      models.set(signal.tool, signal.model);
    }
  }
  return [...models].map(([tool, model]) => assistedByTrailer(tool, model));
}

/**
 * `add` and, of the `carried` trailers (an amended commit's), those for tools neither the message
 * nor `add` records.
 */
export function withCarried(
  message: string,
  add: readonly Trailer[],
  carried: readonly Trailer[],
  commentChar = '#',
): Trailer[] {
  const tool = (trailer: Trailer) => trailer.value.split(':')[0].trim().toLowerCase();
  const recorded = toolsAlreadyRecorded(message, commentChar);
  for (const trailer of add) recorded.add(tool(trailer));
  return [...add, ...carried.filter((trailer) => !recorded.has(tool(trailer)))];
}

/**
 * Text with one character per byte (latin1 read): the trailer writer works on a message's ASCII
 * structure (newlines, `#`, `key:`) and leaves every other byte as it found it, so a message in
 * ISO-8859-1, Shift-JIS or with invalid UTF-8 comes back byte for byte. What we add is UTF-8.
 */
const byteText = (bytes: Buffer) => bytes.toString('latin1');
const utf8ByteText = (text: string) => byteText(Buffer.from(text, 'utf8'));

/**
 * The message's bytes with the trailers written by the core writer (git's rules, comments kept
 * below), in its last paragraph even below a `---` line (a Markdown rule in a commit message):
 * there `git log --format=%(trailers)` finds them, where interpret-trailers' patch divider would
 * put them above.
 */
export function withTrailers(
  message: Buffer,
  trailers: readonly Trailer[],
  commentChar = '#',
): Buffer {
  if (trailers.length === 0) return message;
  const added = trailers.map(({ key, value }) => ({ key, value: utf8ByteText(value) }));
  const options = { commentChar: utf8ByteText(commentChar), divider: false };
  return Buffer.from(addTrailers(byteText(message), added, options), 'latin1');
}

/**
 * A message without content that git opens the editor on: the trailers below an empty subject
 * line, as `git commit -s` puts its sign-off, the message's own bytes (comments) after them.
 */
export function withTrailersBelowSubject(message: Buffer, trailers: readonly Trailer[]): Buffer {
  let start = 0;
  while (message[start] === 0x0a) start += 1;
  return Buffer.concat([Buffer.from(`\n\n${formatTrailers(trailers)}`), message.subarray(start)]);
}
