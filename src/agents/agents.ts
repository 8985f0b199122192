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
