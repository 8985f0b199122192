import { join } from 'node:path';
import { AGENT_NAMES } from '../agents/agent.js';
import { agents, isAgentName } from '../agents/agents.js';
import {
  planAgentConfig,
  readIfExists,
  writePlannedFile,
  type PlannedFile,
} from '../agents/setup.js';
import { starterPolicy } from '../agents/starter-policy.js';
import { unifiedDiff } from '../agents/unified-diff.js';
import { POLICY_FILES } from '../config/load.js';
import { defaultPolicy } from '../core/policy.js';
import { UserError } from '../errors.js';
import { topLevel } from '../git/repo.js';
import { commonOptions, EXIT, parseVerbArgs, type Verb } from './io.js';

const usage = `usage: trailguard init [--agents LIST] [--config] [--dry-run] [--repo DIR]

One-step setup of a repository. Without a choice it sets up everything listed below.
  --agents LIST  hook configs for these agents (comma-separated: ${AGENT_NAMES.join(',')}),
                 merged into the files already there; each agent then records which files it
                 edits and is kept out of protected paths
  --config       a starter .github/trailguard.yml (the default policy, commented)
  --dry-run      print the changes as a unified diff and write nothing
Running it again changes nothing.
`;

function chosenAgents(list: string | undefined) {
  if (list === undefined) return [];
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UserError('init: --agents needs at least one agent name');
  const unknown = names.filter((name) => !isAgentName(name));
  if (unknown.length > 0) {
    throw new UserError(
      `init: unknown agent "${unknown[0]}" in --agents (known: ${AGENT_NAMES.join(', ')})`,
    );
  }
  return [...new Set(names)].map((name) => agents[name as keyof typeof agents]);
}

function planPolicy(root: string): PlannedFile | string {
  const existing = POLICY_FILES.find((path) => readIfExists(join(root, path)) !== undefined);
  if (existing) return `${existing} exists; left as it is`;
  return { path: POLICY_FILES[0], after: starterPolicy(defaultPolicy), what: 'policy' };
}

export const run: Verb = async (args, io) => {
  const { values, positionals } = parseVerbArgs('init', args, {
    agents: { type: 'string' },
    config: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    repo: commonOptions.repo,
    help: commonOptions.help,
  });
  if (values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UserError(`init: unexpected argument "${positionals[0]}"`);
  const everything = values.agents === undefined && !values.config;
  const root = await topLevel(values.repo ?? io.cwd, io.env);

  const selected = everything ? Object.values(agents) : chosenAgents(values.agents);
  const planned: PlannedFile[] = selected.map((agent) => planAgentConfig(root, agent));
  const notes = selected.flatMap((agent) => (agent.setupNote ? [agent.setupNote] : []));
  if (everything || values.config) {
    const policy = planPolicy(root);
    if (typeof policy === 'string') notes.unshift(policy);
    else planned.unshift(policy);
  }

  const changes = planned.filter((file) => file.before !== file.after);
  if (values['dry-run']) {
    for (const file of changes) io.stdout(unifiedDiff(file.path, file.before, file.after));
    for (const file of planned.filter((candidate) => !changes.includes(candidate))) {
      io.stdout(`# ${file.path}: already set up\n`);
    }
    io.stdout('# dry run: nothing was written\n');
    return EXIT.ok;
  }
  for (const file of changes) writePlannedFile(root, file);
  for (const file of planned) {
    io.stdout(
      changes.includes(file)
        ? `wrote ${file.path} (${file.what})\n`
        : `${file.path}: already set up\n`,
    );
  }
  for (const note of notes) io.stdout(`note: ${note}\n`);
  if (changes.length > 0)
    io.stdout('Commit these files so everyone working on the repository gets them.\n');
  return EXIT.ok;
};
