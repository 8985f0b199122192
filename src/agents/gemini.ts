/**
 * Gemini CLI: `.gemini/settings.json` → `hooks.BeforeTool` / `hooks.AfterTool` (hooks need
 * `tools.enableHooks` in the releases that gate them). Payload `{session_id, transcript_path,
 * cwd, hook_event_name, timestamp, tool_name, tool_input}`; tools `write_file`, `replace` (`edit`
 * in newer releases) and `run_shell_command`. Exit 2 refuses with stderr as the reason sent to
 * the agent; `systemMessage` is shown to the user.
 */
import type { AgentDef } from './agent.js';
import { addMatcherHook, settingsObject } from './config-merge.js';
import { exitTwoOrSystemMessage, objectField, PayloadError, requireText, text } from './event.js';

const EDIT_TOOLS = ['write_file', 'replace', 'edit'];
const SHELL_TOOLS = ['run_shell_command'];
const PHASES: Record<string, 'before' | 'after'> = { BeforeTool: 'before', AfterTool: 'after' };

export const gemini: AgentDef = {
  name: 'gemini',
  tool: 'gemini-cli',
  label: 'Gemini CLI',
  parse(payload, context) {
    const phase = PHASES[requireText(payload, 'hook_event_name')];
    if (!phase) return null;
    const toolName = requireText(payload, 'tool_name');
    const shell = SHELL_TOOLS.includes(toolName);
    if (!shell && !EDIT_TOOLS.includes(toolName)) return null;
    const input = objectField(payload, 'tool_input') ?? {};
    const path = text(input, 'file_path', 'absolute_path', 'path');
    if (!shell && !path) throw new PayloadError(`${toolName} without tool_input.file_path`);
    return {
      phase,
      shell,
      paths: shell || !path ? [] : [path],
      cwd: text(input, 'dir_path', 'directory') ?? text(payload, 'cwd') ?? context.cwd,
      session: text(payload, 'session_id'),
      callId: text(payload, 'tool_use_id', 'tool_call_id'),
      model: text(payload, 'model'),
      transcriptPath: text(payload, 'transcript_path'),
    };
  },
  reply: exitTwoOrSystemMessage,
  configFile: '.gemini/settings.json',
  addHooks(config, command) {
    const matcher = [...EDIT_TOOLS, ...SHELL_TOOLS].join('|');
    for (const event of Object.keys(PHASES)) {
      const handler = { type: 'command', name: 'trailguard', command: command() };
      addMatcherHook(config, this.configFile, event, matcher, handler, 'gemini');
    }
    const tools = settingsObject(config, 'tools', this.configFile);
    // The user's explicit choice stands; see setupNote.
    if (tools.enableHooks === undefined) tools.enableHooks = true;
  },
  setupNote:
    'Gemini CLI runs hooks only with tools.enableHooks (set unless you had set it yourself).',
};
