import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatTrailers, parseTrailers } from '../core/trailers.js';
import { UserError } from '../core/errors.js';
import { EXIT, parseVerb, requireFormat, type Verb } from './io.js';

const usage = `usage: trailguard trailers [--no-divider] [--format text|json] [FILE]

Prints the trailers of a commit message (FILE, or stdin when FILE is absent or -), one
"Key: value" a line, as \`git interpret-trailers --parse\` prints them.
  --no-divider   read the message as \`git log --format=%(trailers)\` does: a "---" line does
                 not end the message
  --format json  a JSON array of {"key", "value"}
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('trailers', args, io, usage, {
    format: { type: 'string', default: 'text' },
    'no-divider': { type: 'boolean', default: false },
  });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  const format = requireFormat('trailers', values.format, ['text', 'json'] as const);
  if (positionals.length > 1) {
    throw new UserError(`trailers: expected at most one FILE (got ${positionals.length})`);
  }
  const file = positionals[0];
  const message =
    file === undefined || file === '-' ? await io.readStdin() : await read(file, io.cwd);
  const trailers = parseTrailers(message, { divider: !values['no-divider'] });
  io.stdout(format === 'json' ? `${JSON.stringify(trailers)}\n` : formatTrailers(trailers));
  return EXIT.ok;
};

const readErrors: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

async function read(file: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = readErrors[code] ?? (code || (error as Error).message);
    throw new UserError(`trailers: cannot read ${file}: ${reason}`);
  }
}
