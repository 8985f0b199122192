/**
 * GitHub Copilot CLI and coding agent: `.github/hooks/*.json` `{version: 1, hooks: {preToolUse,
 * postToolUse}}`, each handler `{type: "command", bash, timeoutSec}`. The payload has no event
 * name, so the config passes it (`--event`); `{timestamp, cwd, toolName, toolArgs}` where
 * toolArgs is a JSON string (an object in newer releases), and postToolUse adds `toolResult`.
 * Configured under the PascalCase names the payload is Claude-like (`hook_event_name`,
 * `tool_name`, `tool_input`), which is read too. preToolUse refuses with
 * `{permissionDecision: "deny", permissionDecisionReason}` on stdout.
 */
import type { AgentDef } from './agent.js';
import { addListHook } from './config-merge.js';
import { objectField, PayloadError, text } from './event.js';

const EDIT_TOOLS = ['create', 'edit', 'write', 'str_replace', 'str_replace_editor'];
const SHELL_TOOLS = ['bash', 'powershell'];
const PHASES: Record<string, 'before' | 'after'> = {
  preToolUse: 'before',
  PreToolUse: 'before',
  postToolUse: 'after',
  PostToolUse: 'after',
};

export const copilot: AgentDef = {
  name: 'copilot',
  tool: 'copilot',
  label: 'GitHub Copilot',
  parse(payload, context) {
    const event = context.event ?? text(payload, 'hook_event_name');
    const phase = event
      ? PHASES[event]
      : payload.toolResult !== undefined || payload.tool_result !== undefined
        ? 'after'
        : 'before';
    if (!phase) return null;
    const toolName = text(payload, 'toolName', 'tool_name');
    if (!toolName) throw new PayloadError('missing "toolName"');
    const shell = SHELL_TOOLS.includes(toolName);
    if (!shell && !EDIT_TOOLS.includes(toolName)) return null;
    const args = objectField(payload, 'toolArgs', 'tool_input') ?? {};
    const path = text(args, 'path', 'file_path', 'filePath');
    if (!shell && !path) throw new PayloadError(`${toolName} without a path in toolArgs`);
    return {
      phase,
      shell,
      paths: shell || !path ? [] : [path],
      cwd: text(payload, 'cwd') ?? context.cwd,
      session: text(payload, 'sessionId', 'session_id'),
      callId: text(payload, 'toolCallId', 'tool_use_id'),
    };
  },
  reply(verdict) {
    if (verdict.kind === 'deny') {
      const answer = { permissionDecision: 'deny', permissionDecisionReason: verdict.message };
      return { code: 0, stdout: `${JSON.stringify(answer)}\n`, stderr: `${verdict.message}\n` };
    }
    return verdict.kind === 'warn' ? { code: 0, stderr: `${verdict.message}\n` } : { code: 0 };
  },
  configFile: '.github/hooks/trailguard.json',
  addHooks(config, command) {
    if (config.version === undefined) config.version = 1;
    for (const event of ['preToolUse', 'postToolUse']) {
      const handler = { type: 'command', bash: command(event), timeoutSec: 30 };
      addListHook(config, this.configFile, event, handler, 'bash', 'copilot');
    }
  },
};
