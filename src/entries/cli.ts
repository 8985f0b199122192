import { readFileSync } from 'node:fs';
import { main } from '../cli/main.js';

/** Writes to stdout; when the pipe is full, a promise that settles once it drains. */
function writeStdout(text: string): void | Promise<void> {
  if (process.stdout.write(text)) return;
  return new Promise((resolve) => {
    const done = () => {
      process.stdout.off('drain', done).off('close', done);
      resolve();
    };
    process.stdout.on('drain', done).on('close', done);
  });
}

const io = {
  stdout: writeStdout,
  stderr: (text: string) => void process.stderr.write(text),
  readStdin: async () => readFileSync(0, 'utf8'),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
};

const code = await main(process.argv.slice(2), io);
// Flush stdout before leaving: process.exit would cut a large report written to a pipe.
process.stdout.write('', () => process.exit(code));
