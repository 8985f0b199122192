import { closestName } from '../core/suggest.js';
import { AGENT_NAMES, type AgentDef, type AgentName } from './agent.js';
import { claude } from './claude.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';
import { windsurf } from './windsurf.js';

export const agents: Record<AgentName, AgentDef> = {
  claude,
  codex,
  cursor,
  gemini,
  copilot,
  windsurf,
};

export function isAgentName(name: string): name is AgentName {
  return (AGENT_NAMES as readonly string[]).includes(name);
}

/** " (did you mean claude?)" for a mistyped agent or one named by its tool id or label. */
export function agentSuggestion(name: string): string {
  const names = new Map(
    Object.values(agents).map((agent) => [agent.name, [agent.tool, agent.label]]),
  );
  const suggestion = closestName(name, names);
  return suggestion ? `; did you mean ${suggestion}?` : '';
}
