import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Enough of a transcript's end to hold the latest assistant message's metadata. */
const TAIL_BYTES = 64 * 1024;

/**
 * The model named last in a session transcript (Claude Code and Gemini CLI write
 * `"model": "…"` into each assistant message), for payloads that do not carry the model.
 */
export function modelFromTranscript(path: string | undefined): string | undefined {
  if (!path) return undefined;
  let tail: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      tail = buffer.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  let model: string | undefined;
  for (const match of tail.matchAll(/"model"\s*:\s*"([A-Za-z0-9][\w.:/@-]{0,100})"/g))
    model = match[1];
  return model;
}
