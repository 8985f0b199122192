/**
 * Cursor: `.cursor/hooks.json` `{version: 1, hooks: {preToolUse, postToolUse, afterFileEdit}}`.
 * Payloads carry `hook_event_name, conversation_id, generation_id, model, workspace_roots`;
 * preToolUse/postToolUse add `tool_name, tool_input, tool_use_id, cwd`, afterFileEdit adds
 * `file_path, edits`. A preToolUse hook refuses with `{permission: "deny", user_message,
 * agent_message}` on stdout; warnings go to stderr (answering "allow" would skip the user's own
 * approval settings).
 */
import type { AgentDef } from './agent.js';
import { claudeStylePayload, sessionFields, type ClaudeStyleSpec } from './claude-style.js';
import { addListHook } from './config-merge.js';
import { requireText, stdoutDenyReply, text, type Payload } from './event.js';

function workspaceRoot(payload: Payload): string | undefined {
  const roots = payload.workspace_roots;
  return Array.isArray(roots) && typeof roots[0] === 'string' ? roots[0] : undefined;
}

const PAYLOAD = {
  phases: { preToolUse: 'before', postToolUse: 'after' },
  editTools: ['Write', 'StrReplace', 'Edit', 'MultiEdit', 'Delete', 'EditNotebook'],
  pathKeys: ['file_path', 'path', 'filePath', 'target_file', 'target_notebook'],
  patch: { tools: ['ApplyPatch'], inputKeys: ['patch', 'input'], rawInput: true },
  shellTools: ['Shell'],
  // After an edit, afterFileEdit records the file; postToolUse is only needed for the shell.
  shellOnlyAfter: true,
  keys: { session: ['conversation_id'] },
  cwd: (payload) => text(payload, 'cwd') ?? workspaceRoot(payload),
} as const satisfies ClaudeStyleSpec;
const FILE_EDITED = 'afterFileEdit';

const parseToolCall = claudeStylePayload(PAYLOAD);

export const cursor: AgentDef = {
  name: 'cursor',
  tool: 'cursor',
  label: 'Cursor',
  parse(payload, context) {
    if (requireText(payload, 'hook_event_name') !== FILE_EDITED) {
      return parseToolCall(payload, context);
    }
    const paths = [requireText(payload, 'file_path')];
    return { ...sessionFields(PAYLOAD, payload, context), phase: 'after', shell: false, paths };
  },
  reply: (verdict) =>
    stdoutDenyReply(verdict, (reason) => ({
      permission: 'deny',
      user_message: reason,
      agent_message: reason,
    })),
  configFile: '.cursor/hooks.json',
  signs: {
    repo: ['.cursor', '.cursorrules'],
    home: ['.cursor'],
    commands: ['cursor-agent', 'cursor'],
  },
  addHooks(config, command) {
    if (config.version === undefined) config.version = 1;
    for (const event of [...Object.keys(PAYLOAD.phases), FILE_EDITED]) {
      addListHook(config, this.configFile, event, { command: command() }, 'command', 'cursor');
    }
  },
};
