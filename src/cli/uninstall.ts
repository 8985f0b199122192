import { join, resolve } from 'node:path';
import { AGENT_NAMES, type AgentDef } from '../agents/agent.js';
import { agents, agentSuggestion, isAgentName } from '../agents/agents.js';
import { planAgentRemoval, readIfExists, writePlannedFile } from '../agents/setup.js';
import { UserError } from '../core/errors.js';
import { discoverRepo } from '../git/discover.js';
import { uninstallHooks } from '../install/index.js';
import { WORKFLOW_PATH, workflowYaml } from '../install/workflow.js';
import { DEFAULT_POLICY_YAML } from '../policy/default.js';
import { POLICY_FILES } from '../policy/load.js';
import { EXIT, parseVerb, type CliIO, type Verb } from './io.js';

const help = `usage: trailguard uninstall [--agents LIST] [--all] [--repo DIR]

Removes trailguard's git hooks and puts back every hook and file exactly as it was before
\`trailguard install\` (a file edited since keeps the edits; only trailguard's entries go).
  --agents LIST  instead, take trailguard's hooks out of these agents' configs (comma-separated:
                 ${AGENT_NAMES.join(',')}); the user's own hooks and settings stay, and a
                 config left holding nothing else is removed
  --all          the git hooks, every agent config, and the policy and workflow init wrote
                 (each only while it is still as init wrote it; an edited one stays)
The agent ledger stays. Nothing installed is no error: it says so and exits 0.
`;

function listedAgents(list: string): AgentDef[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.find((name) => !isAgentName(name));
  if (names.length === 0 || unknown !== undefined) {
    throw new UserError(
      `uninstall: --agents needs agent names (known: ${AGENT_NAMES.join(', ')}; got "${unknown ?? list}")${unknown ? agentSuggestion(unknown) : ''}`,
    );
  }
  return [...new Set(names)].map((name) => agents[name as keyof typeof agents]);
}

async function removeHooks(repoDir: string, io: CliIO): Promise<void> {
  const result = await uninstallHooks({ repoDir, env: io.env });
  io.stdout(
    result.installed
      ? 'trailguard: hooks uninstalled\n'
      : 'trailguard: hooks are not installed in this repository; nothing to remove\n',
  );
  for (const path of result.removed) io.stdout(`  undone: ${path}\n`);
  for (const note of result.notes) io.stdout(`note: ${note}\n`);
}

function removeAgentConfigs(root: string, selected: AgentDef[], io: CliIO): void {
  // Every file is read and planned before one is written: a config we cannot parse stops it all.
  const removals = selected.flatMap((agent) => planAgentRemoval(root, agent) ?? []);
  for (const removal of removals) {
    writePlannedFile(root, removal);
    io.stdout(
      removal.after === undefined
        ? `removed ${removal.path} (${removal.what})\n`
        : `took trailguard's hooks out of ${removal.path}\n`,
    );
  }
  if (removals.length === 0) {
    io.stdout('trailguard: no agent config holds trailguard hooks; nothing to remove\n');
  }
}

/** The policy and workflow init wrote: `same` while each is still exactly as written. */
function ownFiles(root: string): { path: string; text: string; same: boolean }[] {
  const policyPath = POLICY_FILES[0];
  const policy = readIfExists(join(root, policyPath));
  const workflow = readIfExists(join(root, WORKFLOW_PATH));
  const asWritten =
    workflow !== undefined &&
    workflow ===
      workflowYaml({
        defaultBranch: /^ {4}branches: \[(.+)\]$/m.exec(workflow)?.[1],
        actionRef: /- uses: (\S+)\n$/.exec(workflow)?.[1],
      });
  return [
    { path: policyPath, text: policy, same: policy === DEFAULT_POLICY_YAML },
    { path: WORKFLOW_PATH, text: workflow, same: asWritten },
  ].flatMap(({ path, text, same }) => (text === undefined ? [] : [{ path, text, same }]));
}

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('uninstall', args, io, help, {
    agents: { type: 'string' },
    all: { type: 'boolean' },
    repo: { type: 'string' },
  });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new UserError(`uninstall: unexpected argument "${positionals[0]}"`);
  }
  const repoDir = resolve(io.cwd, values.repo ?? '.');
  if (values.agents === undefined || values.all) await removeHooks(repoDir, io);
  if (values.agents === undefined && !values.all) return EXIT.ok;
  const { top: root } = await discoverRepo(repoDir, io.env);
  const selected = values.all ? Object.values(agents) : listedAgents(values.agents!);
  removeAgentConfigs(root, selected, io);
  if (!values.all) return EXIT.ok;
  for (const file of ownFiles(root)) {
    if (!file.same) {
      io.stdout(
        `kept ${file.path}: edited since init wrote it (remove it by hand if you mean to)\n`,
      );
      continue;
    }
    writePlannedFile(root, { path: file.path, before: file.text, what: '' });
    io.stdout(`removed ${file.path} (as init wrote it)\n`);
  }
  return EXIT.ok;
};
