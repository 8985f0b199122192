/** The commit message file as the hooks handle it: its bytes, and what counts as written. */
import { readFileSync } from 'node:fs';

/** The lines of a message git's cleanup keeps: not blank, not comments; trailing space trimmed. */
export function writtenLines(message: string, commentChar: string): string[] {
  return message
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !line.startsWith(commentChar));
}

/** Whether the message has anything a person wrote (not only comments and blank lines). */
export function hasContent(message: string, commentChar: string): boolean {
  return writtenLines(message, commentChar).length > 0;
}

/**
 * The message file's bytes (empty when git gave none). A message is read as text only to be
 * looked at; it is rewritten from these bytes (record.ts), since it may be in any encoding.
 */
export function readMessage(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}
