/**
 * Codex: `.codex/hooks.json` (Claude's shape) → `hooks.PreToolUse` / `hooks.PostToolUse`, payload
 * Claude's plus `turn_id` and `model`. `tool_name` is `apply_patch` (the patch body in
 * `tool_input.command`) or a shell tool (`Bash`), whose command may itself carry a patch.
 * Exit 2 refuses the call with stderr as the reason; `systemMessage` warns the user.
 */
import type { AgentDef } from './agent.js';
import { PATCH_BEGIN, patchPaths } from './apply-patch.js';
import { addMatcherHook } from './config-merge.js';
import {
  exitTwoOrSystemMessage,
  objectField,
  PayloadError,
  requireText,
  text,
  type Payload,
} from './event.js';

const PATCH_TOOLS = ['apply_patch'];
/** Edit and Write are the aliases Codex accepts in matchers for apply_patch. */
const FILE_TOOLS = ['Edit', 'Write'];
const SHELL_TOOLS = ['Bash', 'shell', 'local_shell', 'exec_command', 'unified_exec'];
const PHASES: Record<string, 'before' | 'after'> = { PreToolUse: 'before', PostToolUse: 'after' };

/** The shell tools send the command as a string or as an argv list. */
function commandText(input: Payload): string {
  const command = input.command ?? input.cmd;
  if (Array.isArray(command)) return command.filter((part) => typeof part === 'string').join(' ');
  return typeof command === 'string' ? command : '';
}

export const codex: AgentDef = {
  name: 'codex',
  tool: 'codex',
  label: 'Codex',
  parse(payload, context) {
    const phase = PHASES[requireText(payload, 'hook_event_name')];
    if (!phase) return null;
    const toolName = requireText(payload, 'tool_name');
    const input = objectField(payload, 'tool_input') ?? {};
    const base = {
      phase,
      cwd: text(payload, 'cwd') ?? context.cwd,
      session: text(payload, 'session_id'),
      callId: text(payload, 'tool_use_id'),
      model: text(payload, 'model'),
      transcriptPath: text(payload, 'transcript_path'),
    };
    if (PATCH_TOOLS.includes(toolName)) {
      const patch = text(input, 'command', 'patch', 'input');
      if (!patch) throw new PayloadError('apply_patch without the patch in tool_input.command');
      return { ...base, shell: false, paths: patchPaths(patch) };
    }
    if (FILE_TOOLS.includes(toolName)) {
      const path = text(input, 'file_path', 'path');
      if (!path) throw new PayloadError(`${toolName} without tool_input.file_path`);
      return { ...base, shell: false, paths: [path] };
    }
    if (!SHELL_TOOLS.includes(toolName)) return null;
    const command = commandText(input);
    return {
      ...base,
      shell: true,
      paths: command.includes(PATCH_BEGIN) ? patchPaths(command) : [],
    };
  },
  reply: exitTwoOrSystemMessage,
  configFile: '.codex/hooks.json',
  addHooks(config, command) {
    const matcher = [...PATCH_TOOLS, ...FILE_TOOLS, 'Bash'].join('|');
    for (const event of Object.keys(PHASES)) {
      addMatcherHook(
        config,
        this.configFile,
        event,
        matcher,
        { type: 'command', command: command() },
        'codex',
      );
    }
  },
  setupNote:
    'Codex runs hooks only when they are enabled in ~/.codex/config.toml ([features] codex_hooks = true) and trusted (/hooks in Codex).',
};
