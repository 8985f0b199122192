/**
 * Claude Code: `.claude/settings.json` → `hooks.PreToolUse` / `hooks.PostToolUse`, payload
 * `{session_id, transcript_path, cwd, hook_event_name, tool_name, tool_input, tool_use_id}`.
 * Exit 2 refuses the tool call and shows stderr to Claude; `systemMessage` warns the user.
 */
import type { AgentDef } from './agent.js';
import { claudeStylePayload, type ClaudeStyleSpec } from './claude-style.js';
import { addMatcherHooks } from './config-merge.js';
import { exitTwoOrSystemMessage } from './event.js';

const PAYLOAD = {
  phases: { PreToolUse: 'before', PostToolUse: 'after' },
  editTools: ['Write', 'Edit', 'MultiEdit', 'NotebookEdit'],
  pathKeys: ['file_path', 'notebook_path'],
  shellTools: ['Bash'],
} as const satisfies ClaudeStyleSpec;

export const claude: AgentDef = {
  name: 'claude',
  tool: 'claude-code',
  label: 'Claude Code',
  parse: claudeStylePayload(PAYLOAD),
  reply: exitTwoOrSystemMessage,
  configFile: '.claude/settings.json',
  signs: {
    repo: ['.claude', 'CLAUDE.md'],
    home: ['.claude', '.claude.json'],
    commands: ['claude'],
  },
  addHooks(config, command) {
    const { phases, editTools, shellTools } = PAYLOAD;
    const handler = { type: 'command', command: command() };
    const matcher = [...editTools, ...shellTools].join('|');
    addMatcherHooks(config, this.configFile, Object.keys(phases), matcher, handler, 'claude');
  },
};
