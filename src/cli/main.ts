import { UserError } from '../core/errors.js';
import { EXIT, type CliIO, type Verb } from './io.js';

interface VerbEntry {
  load: () => Promise<{ run: Verb }>;
  /** One line for the top-level help; none for verbs only hooks call. */
  summary?: string;
}

/** Each verb lives in its own module, loaded only when called, so a hook pays for one verb. */
const verbs: Record<string, VerbEntry> = {
  init: {
    load: () => import('./init.js'),
    summary: 'set up a repository: git hooks, policy, CI workflow, agent configs',
  },
  check: {
    load: () => import('./check.js'),
    summary: "judge a range of commits against the policy (the Action's verdict)",
  },
  explain: {
    load: () => import('./explain.js'),
    summary: 'every AI signal in one commit, and how the policy judges it',
  },
  scan: {
    load: () => import('./scan.js'),
    summary: 'audit history: AI help per tool, directory and time',
  },
  verify: {
    load: () => import('./verify.js'),
    summary: 'are the protected paths free of outside-AI lines, and reviewed?',
  },
  attest: {
    load: () => import('./attest.js'),
    summary: 'an in-toto statement for what verify passed',
  },
  'verify-attestation': {
    load: () => import('./verify-attestation.js'),
    summary: 'does a statement still match the tree?',
  },
  status: {
    load: () => import('./status.js'),
    summary: 'which tools a commit made now would record, and why',
  },
  ledger: {
    load: () => import('./ledger.js'),
    summary: 'agent edits not yet committed; drop those no agent content remains in',
  },
  doctor: {
    load: () => import('./doctor.js'),
    summary: 'find what silently stops the hooks, with the fix',
  },
  install: {
    load: () => import('./install.js'),
    summary: 'install the git hooks beside the hook manager in use',
  },
  uninstall: {
    load: () => import('./uninstall.js'),
    summary: 'remove the git hooks and put back what was there',
  },
  trailers: {
    load: () => import('./trailers.js'),
    summary: "a message's trailers, as git interpret-trailers --parse",
  },
  schema: { load: () => import('./schema.js'), summary: "the config file's JSON Schema" },
  hook: { load: () => import('./hook.js') },
  'agent-hook': { load: () => import('./agent-hook.js') },
};

const width = Math.max(...Object.keys(verbs).map((name) => name.length));
const usage = `usage: trailguard <command> [options]

commands:
${Object.entries(verbs)
  .filter(([, verb]) => verb.summary)
  .map(([name, verb]) => `  ${name.padEnd(width)}  ${verb.summary}`)
  .join('\n')}

\`trailguard <command> --help\` for a command's options; \`trailguard --version\` for the version.
exit codes: 0 clean, 1 policy violation, 2 usage, config or environment error`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`${process.env.TRAILGUARD_VERSION ?? 'dev'}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(verbs, name) ? verbs[name]!.load : undefined;
  if (!load) {
    io.stderr(`trailguard: unknown command "${name}"\n\n${usage}\n`);
    return EXIT.usage;
  }
  try {
    return await (await load()).run(args, io);
  } catch (error) {
    if (error instanceof UserError) {
      // A message of several lines (every problem of a policy file) gets the prefix on each.
      io.stderr(`trailguard: ${error.message.replaceAll('\n', '\ntrailguard: ')}\n`);
      return EXIT.usage;
    }
    const detail = io.env.TRAILGUARD_DEBUG
      ? ((error as Error).stack ?? String(error))
      : String(error);
    io.stderr(`trailguard: internal error: ${detail}\n`);
    return EXIT.usage;
  }
}
