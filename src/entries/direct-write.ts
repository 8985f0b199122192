/**
 * The lean entries' stdout and stderr: written straight to the descriptor, without the stream
 * node builds for it on first use (~3 ms for a pipe, the case of every hook that prints: an agent
 * hook's refusal, a policy warning). A descriptor that would block (a full non-blocking pipe)
 * gets the rest, and all later text, through node's stream, which waits for it.
 */
import { writeSync } from 'node:fs';

const streamed = new Set<number>();

export function writeDirect(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  if (!streamed.has(fd)) {
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
      return;
    } catch {
      streamed.add(fd);
    }
  }
  // Touched only here: reading process.stdout or process.stderr is what builds the stream.
  (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(done));
}
