/**
 * Claude Code: `.claude/settings.json` → `hooks.PreToolUse` / `hooks.PostToolUse`, payload
 * `{session_id, transcript_path, cwd, hook_event_name, tool_name, tool_input, tool_use_id}`.
 * Exit 2 refuses the tool call and shows stderr to Claude; `systemMessage` warns the user.
 */
import type { AgentDef } from './agent.js';
import { addMatcherHook } from './config-merge.js';
import { exitTwoOrSystemMessage, objectField, PayloadError, requireText, text } from './event.js';

const EDIT_TOOLS = ['Write', 'Edit', 'MultiEdit', 'NotebookEdit'];
const SHELL_TOOLS = ['Bash'];
const PHASES: Record<string, 'before' | 'after'> = { PreToolUse: 'before', PostToolUse: 'after' };

export const claude: AgentDef = {
  name: 'claude',
  tool: 'claude-code',
  label: 'Claude Code',
  parse(payload, context) {
    const phase = PHASES[requireText(payload, 'hook_event_name')];
    if (!phase) return null;
    const toolName = requireText(payload, 'tool_name');
    const shell = SHELL_TOOLS.includes(toolName);
    if (!shell && !EDIT_TOOLS.includes(toolName)) return null;
    const input = objectField(payload, 'tool_input') ?? {};
    const path = text(input, 'file_path', 'notebook_path');
    if (!shell && !path) throw new PayloadError(`${toolName} without tool_input.file_path`);
    return {
      phase,
      shell,
      paths: shell || !path ? [] : [path],
      cwd: text(payload, 'cwd') ?? context.cwd,
      session: text(payload, 'session_id'),
      callId: text(payload, 'tool_use_id'),
      model: text(payload, 'model'),
      transcriptPath: text(payload, 'transcript_path'),
    };
  },
  reply: exitTwoOrSystemMessage,
  configFile: '.claude/settings.json',
  addHooks(config, command) {
    const matcher = [...EDIT_TOOLS, ...SHELL_TOOLS].join('|');
    for (const event of Object.keys(PHASES)) {
      addMatcherHook(
        config,
        this.configFile,
        event,
        matcher,
        { type: 'command', command: command() },
        'claude',
      );
    }
  },
};
