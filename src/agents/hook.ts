/**
 * `trailguard agent-hook <agent>`: one agent hook call. Before an edit the guard judges the
 * files (and a shell command's work tree is snapshotted); after it the files the agent touched
 * go into the ledger. Whatever goes wrong, the agent is not blocked by accident: problems are one
 * stderr line and exit 0; only the guard's refusal blocks.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LedgerEntry } from '../core/types.js';
import { locateRepo, repoPath, type RepoFacts } from '../git/discover.js';
import { appendLedger } from '../state/ledger.js';
import type { AgentDef } from './agent.js';
import { agents, isAgentName } from './agents.js';
import { isObject, PayloadError, type AgentEvent, type HookReply, type Verdict } from './event.js';
import { workTreePolicy } from '../policy/load.js';
import { judgeEdit } from './guard.js';
import { modelFromTranscript } from './transcript.js';

export interface AgentHookInput {
  agent: string;
  /** The event name, for agents whose payload does not carry it (Copilot). */
  event?: string;
  stdin: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now?: Date;
}

/** The payload's files grouped by the repository holding each (a submodule is its own). */
async function filesByRepo(event: AgentEvent, env: NodeJS.ProcessEnv) {
  const repos = new Map<string, { repo: RepoFacts; paths: string[] }>();
  for (const path of event.paths) {
    const absolute = resolve(event.cwd, path);
    const repo = await locateRepo(dirname(absolute), env);
    const inside = repo && repoPath(absolute, event.cwd, repo);
    if (!repo || !inside) continue;
    const group = repos.get(repo.top) ?? { repo, paths: [] };
    if (!group.paths.includes(inside)) group.paths.push(inside);
    repos.set(repo.top, group);
  }
  return [...repos.values()];
}

const snapshotKey = (agent: AgentDef, event: AgentEvent) =>
  `${agent.name}-${event.session ?? 'session'}-${event.callId ?? 'call'}`;

/**
 * The files a shell command visibly writes (absolute), a destination that is a directory with
 * the names landing in it: judged before the command as an edit of them would be.
 */
async function shellTargets(event: AgentEvent): Promise<string[]> {
  if (!event.command) return [];
  const { shellWriteTargets } = await import('./shell-targets.js');
  return shellWriteTargets(event.command).flatMap(({ path, names }) => {
    const absolute = resolve(event.cwd, path);
    const directory = path.endsWith('/') || (names !== undefined && isDirectory(absolute));
    return directory && names
      ? [absolute, ...names.map((name) => join(absolute, name))]
      : [absolute];
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function before(agent: AgentDef, event: AgentEvent, input: AgentHookInput): Promise<Verdict> {
  const shellRepo = event.shell ? await locateRepo(event.cwd, input.env) : undefined;
  if (shellRepo) {
    const { takeSnapshot } = await import('../state/snapshot.js');
    takeSnapshot(shellRepo, snapshotKey(agent, event));
  }
  const judged = { ...event, paths: [...event.paths, ...(await shellTargets(event))] };
  const verdicts: Verdict[] = [];
  for (const { repo, paths } of await filesByRepo(judged, input.env)) {
    const policy = await workTreePolicy(repo);
    const now = input.now ?? new Date();
    verdicts.push(judgeEdit({ tool: agent.tool, label: agent.label, paths, policy, now }));
  }
  return (
    verdicts.find((verdict) => verdict.kind === 'deny') ??
    verdicts.find((verdict) => verdict.kind === 'warn') ?? { kind: 'allow' }
  );
}

/** A shell command's changed files (absolute), from the snapshot its before event took. */
async function shellChanges(agent: AgentDef, event: AgentEvent, env: NodeJS.ProcessEnv) {
  const repo = await locateRepo(event.cwd, env);
  if (!repo) return { paths: [] };
  const { changedSinceSnapshot } = await import('../state/snapshot.js');
  const changed = changedSinceSnapshot(repo, snapshotKey(agent, event));
  if (changed === undefined) {
    const note = `no snapshot from before this ${agent.label} command, so the files it changed are not known (is the before hook configured?)`;
    return { paths: [], note };
  }
  return { paths: changed.map((path) => join(repo.top, path)) };
}

/** Records the files the agent touched; returns a note for stderr, if any. */
async function after(agent: AgentDef, event: AgentEvent, input: AgentHookInput) {
  const shell = event.shell ? await shellChanges(agent, event, input.env) : { paths: [] };
  const touched = { ...event, paths: [...event.paths, ...shell.paths] };
  const time = (input.now ?? new Date()).toISOString();
  const model = event.model ?? modelFromTranscript(event.transcriptPath);
  for (const { repo, paths } of await filesByRepo(touched, input.env)) {
    const entries: LedgerEntry[] = paths.map((path) => ({
      tool: agent.tool,
      ...(model ? { model } : {}),
      ...(event.session ? { session: event.session } : {}),
      path,
      time,
      worktree: repo.top,
    }));
    appendLedger(repo.commonDir, entries);
  }
  return 'note' in shell ? shell.note : undefined;
}

function parsePayload(stdin: string): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(stdin);
  } catch {
    throw new PayloadError(stdin.trim() === '' ? 'no payload on stdin' : 'the payload is not JSON');
  }
  if (!isObject(payload)) throw new PayloadError('the payload is not a JSON object');
  return payload;
}

export async function runAgentHook(input: AgentHookInput): Promise<HookReply> {
  const prefix = `trailguard agent-hook ${input.agent}`;
  if (!isAgentName(input.agent)) {
    return {
      code: 0,
      stderr: `${prefix}: unknown agent (known: ${Object.keys(agents).join(', ')}); nothing checked or recorded\n`,
    };
  }
  const agent = agents[input.agent];
  try {
    const event = agent.parse(parsePayload(input.stdin), { event: input.event, cwd: input.cwd });
    if (!event) return { code: 0 };
    if (event.phase === 'before') return agent.reply(await before(agent, event, input));
    const note = await after(agent, event, input);
    return note ? { code: 0, stderr: `${prefix}: ${note}\n` } : { code: 0 };
  } catch (error) {
    const problem =
      error instanceof PayloadError
        ? `ignored a payload it cannot read (${error.message}); nothing checked or recorded`
        : `${(error as Error).message}; the edit was not checked or recorded`;
    return { code: 0, stderr: `${prefix}: ${problem}\n` };
  }
}
