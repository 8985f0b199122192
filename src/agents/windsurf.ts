/**
 * Windsurf (Cascade): workspace hooks in `.windsurf/hooks.json` → `hooks.pre_write_code`,
 * `post_write_code`, `pre_run_command`, `post_run_command`, each handler `{command,
 * show_output}`. Payload `{agent_action_name, trajectory_id, execution_id, timestamp,
 * model_name, tool_info}`; `tool_info.file_path` for writes, `tool_info.command_line` and
 * `tool_info.cwd` for commands. A pre-hook refuses the action on exit 2; with show_output the
 * user sees what the hook printed.
 */
import type { AgentDef } from './agent.js';
import { addListHook } from './config-merge.js';
import { exitTwoReply, objectField, requireText, stderrWarning, text } from './event.js';

const EVENTS: Record<string, { phase: 'before' | 'after'; shell: boolean }> = {
  pre_write_code: { phase: 'before', shell: false },
  post_write_code: { phase: 'after', shell: false },
  pre_run_command: { phase: 'before', shell: true },
  post_run_command: { phase: 'after', shell: true },
};

export const windsurf: AgentDef = {
  name: 'windsurf',
  tool: 'windsurf',
  label: 'Windsurf',
  parse(payload, context) {
    const event = EVENTS[requireText(payload, 'agent_action_name')];
    if (!event) return null;
    const info = objectField(payload, 'tool_info') ?? {};
    const model = text(payload, 'model_name');
    // No call id: commands within one trajectory run one at a time, so it keys the snapshot.
    return {
      ...event,
      paths: event.shell ? [] : [requireText(info, 'file_path')],
      command: event.shell ? text(info, 'command_line') : undefined,
      cwd: text(info, 'cwd') ?? text(payload, 'cwd') ?? context.cwd,
      session: text(payload, 'trajectory_id'),
      model: model === 'Unknown' ? undefined : model,
    };
  },
  reply: (verdict) => exitTwoReply(verdict, stderrWarning),
  configFile: '.windsurf/hooks.json',
  signs: {
    repo: ['.windsurf', '.windsurfrules'],
    home: ['.codeium/windsurf'],
    commands: ['windsurf'],
  },
  addHooks(config, command) {
    for (const event of Object.keys(EVENTS)) {
      const handler = { command: command(), show_output: EVENTS[event].phase === 'before' };
      addListHook(config, this.configFile, event, handler, 'command', 'windsurf');
    }
  },
};
