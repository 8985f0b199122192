import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors.js';

/** What a verb may touch of the outside world; tests and the bundle pass the real process. */
export interface CliIO {
  /** May return a promise that settles once the text is handed on (a full pipe): a verb that
   * writes a large report awaits it, so the report is not queued in memory. */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout / stderr are terminals (colour, progress); absent means not. */
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

export type Verb = (args: string[], io: CliIO) => Promise<number>;

export const EXIT = { ok: 0, violation: 1, usage: 2 } as const;

export const commonOptions = {
  format: { type: 'string', default: 'text' },
  config: { type: 'string' },
  repo: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The verbs that read a range of history (check, scan). */
export const rangeOptions = {
  'from-root': { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** util.parseArgs with its errors turned into one-line usage errors. */
export function parseVerbArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  verb: string,
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(`${verb}: ${(error as Error).message}`);
  }
}

/** parseVerbArgs plus `--help`/`-h`: prints the verb's usage and gives undefined. */
export function parseVerb<O extends NonNullable<ParseArgsConfig['options']>>(
  verb: string,
  args: string[],
  io: CliIO,
  usage: string,
  options: O,
) {
  let parsed;
  try {
    parsed = parseVerbArgs(verb, args, { ...options, help: commonOptions.help });
  } catch (error) {
    // An unknown or malformed flag: one line, with the verb's usage line saying what it takes.
    const problem = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UserError(`${problem} — ${usage.split('\n')[0]}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(usage);
    return undefined;
  }
  return parsed;
}

export function requireFormat<F extends string>(
  verb: string,
  value: unknown,
  allowed: readonly F[],
): F {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as F;
  throw new UserError(
    `${verb}: --format must be one of ${allowed.join(', ')} (got "${String(value)}")`,
  );
}
