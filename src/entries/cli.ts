import { readFileSync } from 'node:fs';
import { main } from '../cli/main.js';

const io = {
  stdout: (text: string) => void process.stdout.write(text),
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
