/**
 * Cursor: `.cursor/hooks.json` `{version: 1, hooks: {preToolUse, postToolUse, afterFileEdit}}`.
 * Payloads carry `hook_event_name, conversation_id, generation_id, model, workspace_roots`;
 * preToolUse/postToolUse add `tool_name, tool_input, tool_use_id, cwd`, afterFileEdit adds
 * `file_path, edits`. A preToolUse hook refuses with `{permission: "deny", user_message,
 * agent_message}` on stdout; warnings go to stderr (answering "allow" would skip the user's own
 * approval settings).
 */
import type { AgentDef } from './agent.js';
import { patchPaths } from './apply-patch.js';
import { addListHook } from './config-merge.js';
import { objectField, PayloadError, requireText, text, type Payload } from './event.js';

const EDIT_TOOLS = ['Write', 'StrReplace', 'Edit', 'MultiEdit', 'Delete', 'EditNotebook'];
const PATCH_TOOLS = ['ApplyPatch'];
const SHELL_TOOLS = ['Shell'];
const EVENTS = ['preToolUse', 'postToolUse', 'afterFileEdit'];

function workspaceRoot(payload: Payload): string | undefined {
  const roots = payload.workspace_roots;
  return Array.isArray(roots) && typeof roots[0] === 'string' ? roots[0] : undefined;
}

function toolPaths(toolName: string, payload: Payload): string[] | undefined {
  const input = objectField(payload, 'tool_input');
  if (PATCH_TOOLS.includes(toolName)) {
    const patch = text(input, 'patch', 'input') ?? text(payload, 'tool_input');
    if (!patch) throw new PayloadError(`${toolName} without the patch in tool_input`);
    return patchPaths(patch);
  }
  if (!EDIT_TOOLS.includes(toolName)) return undefined;
  const path = text(input, 'file_path', 'path', 'filePath', 'target_file', 'target_notebook');
  if (!path) throw new PayloadError(`${toolName} without tool_input.file_path`);
  return [path];
}

export const cursor: AgentDef = {
  name: 'cursor',
  tool: 'cursor',
  label: 'Cursor',
  parse(payload, context) {
    const event = requireText(payload, 'hook_event_name');
    if (!EVENTS.includes(event)) return null;
    const base = {
      cwd: text(payload, 'cwd') ?? workspaceRoot(payload) ?? context.cwd,
      session: text(payload, 'conversation_id'),
      callId: text(payload, 'tool_use_id'),
      model: text(payload, 'model'),
      transcriptPath: text(payload, 'transcript_path'),
    };
    if (event === 'afterFileEdit') {
      return { ...base, phase: 'after', shell: false, paths: [requireText(payload, 'file_path')] };
    }
    const phase = event === 'preToolUse' ? 'before' : 'after';
    const toolName = requireText(payload, 'tool_name');
    if (SHELL_TOOLS.includes(toolName)) return { ...base, phase, shell: true, paths: [] };
    // After an edit, afterFileEdit records the file; postToolUse is only needed for the shell.
    const paths = phase === 'before' ? toolPaths(toolName, payload) : undefined;
    return paths ? { ...base, phase, shell: false, paths } : null;
  },
  reply(verdict) {
    if (verdict.kind === 'deny') {
      const answer = {
        permission: 'deny',
        user_message: verdict.message,
        agent_message: verdict.message,
      };
      return { code: 0, stdout: `${JSON.stringify(answer)}\n`, stderr: `${verdict.message}\n` };
    }
    return verdict.kind === 'warn' ? { code: 0, stderr: `${verdict.message}\n` } : { code: 0 };
  },
  configFile: '.cursor/hooks.json',
  addHooks(config, command) {
    if (config.version === undefined) config.version = 1;
    for (const event of EVENTS) {
      addListHook(config, this.configFile, event, { command: command() }, 'command', 'cursor');
    }
  },
};
