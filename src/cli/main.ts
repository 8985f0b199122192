import { UserError } from '../errors.js';
import { EXIT, type CliIO, type Verb } from './io.js';

/** Each verb lives in its own module, loaded only when called, so a hook pays for one verb. */
const verbs: Record<string, () => Promise<{ run: Verb }>> = {
  check: () => import('./check.js'),
  scan: () => import('./scan.js'),
  explain: () => import('./explain.js'),
  trailers: () => import('./trailers.js'),
  schema: () => import('./schema.js'),
  hook: () => import('./hook.js'),
  install: () => import('./install.js'),
  uninstall: () => import('./uninstall.js'),
  status: () => import('./status.js'),
  doctor: () => import('./doctor.js'),
  'agent-hook': () => import('./agent-hook.js'),
  init: () => import('./init.js'),
  verify: () => import('./verify.js'),
  attest: () => import('./attest.js'),
  'verify-attestation': () => import('./verify-attestation.js'),
};

const usage = `usage: trailguard <command> [options]

commands:
${Object.keys(verbs)
  .map((name) => `  ${name}`)
  .join('\n')}

common options: --format text|json|markdown  --config PATH  --repo DIR
exit codes: 0 clean, 1 policy violation, 2 usage, config or environment error`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout(`${process.env.TRAILGUARD_VERSION ?? 'dev'}\n`);
    return EXIT.ok;
  }
  const load = verbs[name];
  if (!load) {
    io.stderr(`trailguard: unknown command "${name}"\n\n${usage}\n`);
    return EXIT.usage;
  }
  try {
    return await (await load()).run(args, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`trailguard: ${error.message}\n`);
      return EXIT.usage;
    }
    const detail = io.env.TRAILGUARD_DEBUG
      ? ((error as Error).stack ?? String(error))
      : String(error);
    io.stderr(`trailguard: internal error: ${detail}\n`);
    return EXIT.usage;
  }
}
