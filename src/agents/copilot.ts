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
import { claudeStylePayload } from './claude-style.js';
import { addListHook } from './config-merge.js';
import { stdoutDenyReply, text, type Phase } from './event.js';

const PHASES = new Map<string, Phase>([
  ['preToolUse', 'before'],
  ['PreToolUse', 'before'],
  ['postToolUse', 'after'],
  ['PostToolUse', 'after'],
]);

export const copilot: AgentDef = {
  name: 'copilot',
  tool: 'copilot',
  label: 'GitHub Copilot',
  parse: claudeStylePayload({
    phases(payload, context) {
      const event = context.event ?? text(payload, 'hook_event_name');
      if (event) return PHASES.get(event);
      return payload.toolResult !== undefined || payload.tool_result !== undefined
        ? 'after'
        : 'before';
    },
    editTools: ['create', 'edit', 'write', 'str_replace', 'str_replace_editor'],
    pathKeys: ['path', 'file_path', 'filePath'],
    shellTools: ['bash', 'powershell'],
    keys: {
      tool: ['toolName', 'tool_name'],
      input: ['toolArgs', 'tool_input'],
      session: ['sessionId', 'session_id'],
      callId: ['toolCallId', 'tool_use_id'],
      // The payload names neither; the ledger records no model for Copilot.
      model: [],
      transcriptPath: [],
    },
  }),
  reply: (verdict) =>
    stdoutDenyReply(verdict, (reason) => ({
      permissionDecision: 'deny',
      permissionDecisionReason: reason,
    })),
  configFile: '.github/hooks/trailguard.json',
  signs: { repo: ['.github/copilot-*'], home: ['.copilot'], commands: ['copilot'] },
  addHooks(config, command) {
    if (config.version === undefined) config.version = 1;
    for (const event of ['preToolUse', 'postToolUse']) {
      const handler = { type: 'command', bash: command(event), timeoutSec: 30 };
      addListHook(config, this.configFile, event, handler, 'bash', 'copilot');
    }
  },
};
