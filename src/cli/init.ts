import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { AGENT_NAMES, type AgentDef } from '../agents/agent.js';
import { agents, agentSuggestion, isAgentName } from '../agents/agents.js';
import {
  planAgentConfig,
  readIfExists,
  writePlannedFile,
  type PlannedFile,
} from '../agents/setup.js';
import { agentSigns } from '../agents/presence.js';
import { unifiedDiff } from '../agents/unified-diff.js';
import { UserError } from '../core/errors.js';
import { gitMaybe } from '../git/exec.js';
import { discoverRepo } from '../git/discover.js';
import { currentBranch } from '../git/repo.js';
import { detectManager, installHooks } from '../install/index.js';
import { installFacts } from '../install/repo.js';
import { ACTION_REF, WORKFLOW_PATH, workflowYaml } from '../install/workflow.js';
import { DEFAULT_POLICY_YAML } from '../policy/default.js';
import { POLICY_FILES } from '../policy/load.js';
import { commonOptions, EXIT, parseVerb, type CliIO, type Verb } from './io.js';

const usage = `usage: trailguard init [--agents LIST] [--hooks] [--config] [--workflow] [--action-ref REF] [--dry-run] [--repo DIR]

One-step setup of a repository. Without a choice it sets up the git hooks, the policy, the
workflow, and hook configs for the agents the repository or this machine shows signs of (their
folders in the repository or ~, their commands on PATH).
  --agents LIST  hook configs for these agents (comma-separated: ${AGENT_NAMES.join(',')}),
                 merged into the files already there, in their own formatting; each agent then
                 records which files it edits and is kept out of protected paths
  --hooks        the git hooks that write Assisted-by trailers (as \`trailguard install\`)
  --config       a starter .github/trailguard.yml (the default policy, commented)
  --workflow     ${WORKFLOW_PATH}, running the trailguard Action on pull requests
  --action-ref REF  what the workflow's \`uses:\` names (default ${ACTION_REF}; a fork, a
                 tag or a commit sha, e.g. my-org/trailguard@<sha>)
  --dry-run      print the changes as a unified diff and write nothing
Running it again changes nothing; \`trailguard uninstall --all\` takes it all out again.
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
      `init: unknown agent "${unknown[0]}" in --agents (known: ${AGENT_NAMES.join(', ')})${agentSuggestion(unknown[0]!)}`,
    );
  }
  return [...new Set(names)].map((name) => agents[name as keyof typeof agents]);
}

function planPolicy(root: string): PlannedFile | string {
  const existing = POLICY_FILES.find((path) => readIfExists(join(root, path)) !== undefined);
  if (existing) return `${existing} exists; left as it is`;
  return { path: POLICY_FILES[0], after: DEFAULT_POLICY_YAML, what: 'policy' };
}

/** The branch pushes are checked on: the remote's default, else the one checked out. */
async function defaultBranch(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  const remote = await gitMaybe(
    ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'],
    {
      cwd: root,
      env,
    },
  );
  if (remote?.trim().startsWith('origin/')) return remote.trim().slice('origin/'.length);
  return (await currentBranch(root, env)) ?? 'main';
}

async function planWorkflow(
  root: string,
  env: NodeJS.ProcessEnv,
  actionRef: string | undefined,
): Promise<PlannedFile | string> {
  if (readIfExists(join(root, WORKFLOW_PATH)) !== undefined) {
    return `${WORKFLOW_PATH} exists; left as it is`;
  }
  if (actionRef !== undefined && !/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w./-]+$/.test(actionRef)) {
    throw new UserError(
      `init: --action-ref must look like owner/repo@ref (got "${actionRef}"), e.g. ${ACTION_REF}`,
    );
  }
  const after = workflowYaml({ defaultBranch: await defaultBranch(root, env), actionRef });
  return { path: WORKFLOW_PATH, after, what: 'GitHub Action workflow' };
}

/** Bare init: the agents with signs of use, saying what was found and how to add the rest. */
function foundAgents(root: string, io: CliIO): AgentDef[] {
  const found = Object.values(agents).flatMap((agent) => {
    const signs = agentSigns(agent, root, io.env);
    return signs.length > 0 ? [{ agent, signs }] : [];
  });
  for (const { agent, signs } of found) {
    io.stdout(`found ${agent.label}: ${signs.join(', ')}\n`);
  }
  const others = Object.values(agents).filter((agent) => !found.some((f) => f.agent === agent));
  if (others.length > 0) {
    io.stdout(
      `${found.length > 0 ? 'no signs of' : 'no agent found (config folders in the repository or ~, commands on PATH):'} ${others.map((agent) => agent.label).join(', ')}; add their hook configs with: trailguard init --agents ${others.map((agent) => agent.name).join(',')}\n`,
    );
  }
  return found.map(({ agent }) => agent);
}

/**
 * What to do next: commit exactly the files init wrote in the work tree (git's own view, so
 * ignored files and anything under .git stay out), then let doctor check the setup.
 */
async function nextSteps(root: string, env: NodeJS.ProcessEnv, written: string[]): Promise<string> {
  const candidates = written.filter((path) => !isAbsolute(path) && existsSync(join(root, path)));
  const status =
    candidates.length === 0
      ? ''
      : ((await gitMaybe(
          ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...candidates],
          { cwd: root, env },
        )) ?? '');
  const toCommit = status
    .split('\0')
    .filter((entry) => /^.. /.test(entry))
    .map((entry) => entry.slice(3));
  const cli = existsSync(join(root, 'node_modules', '.bin', 'trailguard'))
    ? 'npx trailguard'
    : 'trailguard';
  const commit =
    toCommit.length === 0
      ? ''
      : `  git add ${toCommit.join(' ')}\n  git commit -m "Set up trailguard"   # so every clone gets them\n`;
  return `next steps:\n${commit}  ${cli} doctor   # checks that the hooks run and the policy is valid\n`;
}

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('init', args, io, usage, {
    agents: { type: 'string' },
    hooks: { type: 'boolean' },
    config: { type: 'boolean' },
    workflow: { type: 'boolean' },
    'action-ref': { type: 'string' },
    'dry-run': { type: 'boolean' },
    repo: commonOptions.repo,
  });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UserError(`init: unexpected argument "${positionals[0]}"`);
  const everything =
    values.agents === undefined && !values.hooks && !values.config && !values.workflow;
  const { top: root } = await discoverRepo(resolve(io.cwd, values.repo ?? '.'), io.env);

  const selected = everything ? foundAgents(root, io) : chosenAgents(values.agents);
  const planned: PlannedFile[] = selected.map((agent) => planAgentConfig(root, agent));
  const notes = selected.flatMap((agent) => (agent.setupNote ? [agent.setupNote] : []));
  const extras = [
    everything || values.config ? planPolicy(root) : undefined,
    everything || values.workflow
      ? await planWorkflow(root, io.env, values['action-ref'])
      : undefined,
  ];
  for (const extra of extras.reverse()) {
    if (typeof extra === 'string') notes.unshift(extra);
    else if (extra) planned.unshift(extra);
  }
  const hooks = everything || values.hooks;

  const changes = planned.filter((file) => file.before !== file.after);
  if (values['dry-run']) {
    for (const file of changes) io.stdout(unifiedDiff(file.path, file.before, file.after));
    for (const file of planned.filter((candidate) => !changes.includes(candidate))) {
      io.stdout(`# ${file.path}: already set up\n`);
    }
    if (hooks) {
      const { manager, reason } = detectManager(await installFacts(root, io.env));
      io.stdout(`# git hooks: would be installed with ${manager} (${reason})\n`);
    }
    io.stdout('# dry run: nothing was written\n');
    return EXIT.ok;
  }
  // The git hooks first: the step most likely to fail, before any file of ours is written.
  const written = changes.map((file) => file.path);
  if (hooks) {
    const installed = await installHooks({ repoDir: root, env: io.env });
    const state =
      installed.changed.length > 0
        ? `installed (${installed.changed.join(', ')})`
        : 'already installed';
    io.stdout(
      `git hooks ${installed.hooks.join(', ')}: ${state} with ${installed.manager} (${installed.reason})\n`,
    );
    notes.push(...installed.notes);
    written.push(...installed.changed);
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
  io.stdout(await nextSteps(root, io.env, written));
  return EXIT.ok;
};
