/**
 * Codex: `.codex/hooks.json` (Claude's shape) → `hooks.PreToolUse` / `hooks.PostToolUse`, payload
 * Claude's plus `turn_id` and `model`. `tool_name` is `apply_patch` (the patch body in
 * `tool_input.command`) or a shell tool (`Bash`), whose command may itself carry a patch.
 * Exit 2 refuses the call with stderr as the reason; `systemMessage` warns the user.
 */
import type { AgentDef } from './agent.js';
import { PATCH_BEGIN, patchPaths } from './apply-patch.js';
import { claudeStylePayload, type ClaudeStyleSpec } from './claude-style.js';
import { addMatcherHooks } from './config-merge.js';
import { exitTwoOrSystemMessage, type Payload } from './event.js';

/** The shell tools send the command as a string or as an argv list. */
function commandText(input: Payload): string {
  const command = input.command ?? input.cmd;
  if (Array.isArray(command)) return command.filter((part) => typeof part === 'string').join(' ');
  return typeof command === 'string' ? command : '';
}

const PAYLOAD = {
  phases: { PreToolUse: 'before', PostToolUse: 'after' },
  patch: { tools: ['apply_patch'], inputKeys: ['command', 'patch', 'input'] },
  /** Edit and Write are the aliases Codex accepts in matchers for apply_patch. */
  editTools: ['Edit', 'Write'],
  pathKeys: ['file_path', 'path'],
  shellTools: ['Bash', 'shell', 'local_shell', 'exec_command', 'unified_exec'],
  shellPaths(input) {
    const command = commandText(input);
    return command.includes(PATCH_BEGIN) ? patchPaths(command) : [];
  },
} as const satisfies ClaudeStyleSpec;

export const codex: AgentDef = {
  name: 'codex',
  tool: 'codex',
  label: 'Codex',
  parse: claudeStylePayload(PAYLOAD),
  reply: exitTwoOrSystemMessage,
  configFile: '.codex/hooks.json',
  signs: { repo: ['.codex'], home: ['.codex'], commands: ['codex'] },
  addHooks(config, command) {
    const { phases, patch, editTools } = PAYLOAD;
    const handler = { type: 'command', command: command() };
    const matcher = [...patch.tools, ...editTools, 'Bash'].join('|');
    addMatcherHooks(config, this.configFile, Object.keys(phases), matcher, handler, 'codex');
  },
  setupNote:
    'Codex runs hooks only when they are enabled in ~/.codex/config.toml ([features] codex_hooks = true) and trusted (/hooks in Codex).',
};
