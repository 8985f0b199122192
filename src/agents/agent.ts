import type { AgentEvent, HookReply, ParseContext, Payload, Verdict } from './event.js';

export const AGENT_NAMES = ['claude', 'codex', 'cursor', 'gemini', 'copilot', 'windsurf'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

/** The shell command an agent's hook config runs, for one agent (and event, where needed). */
export type HookCommand = (event?: string) => string;

/** One agent: its payloads, its blocking protocol, and its in-repo hook config. */
export interface AgentDef {
  name: AgentName;
  /** The catalog id recorded in the ledger and in `Assisted-by:` trailers. */
  tool: string;
  label: string;
  /** An edit or shell event, or null for a tool call that touches no files (the hook stays quiet). */
  parse(payload: Payload, context: ParseContext): AgentEvent | null;
  /** The answer to a before-edit event, in the agent's protocol (after an edit nothing is said). */
  reply(verdict: Verdict): HookReply;
  /** The in-repo config file, relative to the repository root. */
  configFile: string;
  /** Adds (or updates) trailguard's hooks in the parsed config, keeping everything else. */
  addHooks(config: Payload, command: HookCommand): void;
  /**
   * Where the agent shows that it is used, for a bare `init`: paths in the repository and in
   * $HOME (a trailing `*` matches a name prefix), commands on PATH.
   */
  signs: { repo: string[]; home: string[]; commands: string[] };
  /** What the user still has to do by hand, if anything (a feature flag outside the repo, say). */
  setupNote?: string;
}
