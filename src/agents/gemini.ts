/**
 * Gemini CLI: `.gemini/settings.json` → `hooks.BeforeTool` / `hooks.AfterTool` (hooks need
 * `tools.enableHooks` in the releases that gate them). Payload `{session_id, transcript_path,
 * cwd, hook_event_name, timestamp, tool_name, tool_input}`; tools `write_file`, `replace` (`edit`
 * in newer releases) and `run_shell_command`. Exit 2 refuses with stderr as the reason sent to
 * the agent; `systemMessage` is shown to the user.
 */
import type { AgentDef } from './agent.js';
import { claudeStylePayload, type ClaudeStyleSpec } from './claude-style.js';
import { addMatcherHooks, settingsObject } from './config-merge.js';
import { exitTwoOrSystemMessage, text } from './event.js';

const PAYLOAD = {
  phases: { BeforeTool: 'before', AfterTool: 'after' },
  editTools: ['write_file', 'replace', 'edit'],
  pathKeys: ['file_path', 'absolute_path', 'path'],
  shellTools: ['run_shell_command'],
  keys: { callId: ['tool_use_id', 'tool_call_id'] },
  // run_shell_command may name the directory it runs in.
  cwd: (payload, input) => text(input, 'dir_path', 'directory') ?? text(payload, 'cwd'),
} as const satisfies ClaudeStyleSpec;

export const gemini: AgentDef = {
  name: 'gemini',
  tool: 'gemini-cli',
  label: 'Gemini CLI',
  parse: claudeStylePayload(PAYLOAD),
  reply: exitTwoOrSystemMessage,
  configFile: '.gemini/settings.json',
  signs: { repo: ['.gemini', 'GEMINI.md'], home: ['.gemini'], commands: ['gemini'] },
  addHooks(config, command) {
    const { phases, editTools, shellTools } = PAYLOAD;
    const handler = { type: 'command', name: 'trailguard', command: command() };
    const matcher = [...editTools, ...shellTools].join('|');
    addMatcherHooks(config, this.configFile, Object.keys(phases), matcher, handler, 'gemini');
    const tools = settingsObject(config, 'tools', this.configFile);
    // The user's explicit choice stands; see setupNote.
    if (tools.enableHooks === undefined) tools.enableHooks = true;
  },
  setupNote:
    'Gemini CLI runs hooks only with tools.enableHooks (set unless you had set it yourself).',
};
