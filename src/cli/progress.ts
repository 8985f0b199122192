/**
 * Progress for long runs (scan, check, verify over many commits or files): one line on stderr that
 * updates in place, on a terminal only. Pipes, files and CI logs get nothing, so a redirected
 * stderr holds only what matters. Updates come at most every PAINT_MS, so a fast run costs nothing.
 */
import type { CliIO } from './io.js';

const PAINT_MS = 100;

export interface Progress {
  update: (text: string) => void;
  /** Clears the line, before the report or an error is written. */
  done: () => void;
}

export function progressLine(io: CliIO, now: () => number = Date.now): Progress | undefined {
  if (!io.stderrIsTTY || io.env.CI) return undefined;
  let painted: number | undefined;
  return {
    update(text) {
      const time = now();
      if (painted !== undefined && time - painted < PAINT_MS) return;
      painted = time;
      io.stderr(`\r\x1b[K${text}`);
    },
    done() {
      if (painted !== undefined) io.stderr('\r\x1b[K');
    },
  };
}
