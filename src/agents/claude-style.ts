/**
 * The payload shape Claude Code set and Codex, Gemini CLI, Cursor and Copilot follow: an event
 * name, a tool name with the tool's input, and the session's fields at the top level. Reading it
 * is here; an agent module states only its own event, tool and field names.
 */
import { patchPaths } from './apply-patch.js';
import {
  objectField,
  PayloadError,
  requireText,
  text,
  type AgentEvent,
  type ParseContext,
  type Payload,
  type Phase,
} from './event.js';

/** Where a payload keeps each field: the first of the keys holding a non-empty string. */
export interface PayloadKeys {
  event: readonly string[];
  tool: readonly string[];
  /** The tool's arguments: an object, or a JSON string of one. */
  input: readonly string[];
  session: readonly string[];
  callId: readonly string[];
  model: readonly string[];
  transcriptPath: readonly string[];
}

const CLAUDE_KEYS: PayloadKeys = {
  event: ['hook_event_name'],
  tool: ['tool_name'],
  input: ['tool_input'],
  session: ['session_id'],
  callId: ['tool_use_id'],
  model: ['model'],
  transcriptPath: ['transcript_path'],
};

export interface ClaudeStyleSpec {
  /**
   * The phase of each event that matters, by name (any other event touches no files); or a
   * function, for payloads that may not name their event.
   */
  phases:
    | Readonly<Record<string, Phase>>
    | ((payload: Payload, context: ParseContext) => Phase | undefined);
  /** Tools that write the one file their input names under the first of `pathKeys`. */
  editTools: readonly string[];
  pathKeys: readonly string[];
  /** Tools that run a shell command. */
  shellTools: readonly string[];
  /** The files a shell command names itself (Codex: a patch inside the command). */
  shellPaths?: (input: Payload) => string[];
  /**
   * Tools whose input carries an apply_patch envelope under the first of `inputKeys`, or with
   * `rawInput`, may be the envelope itself as a plain string.
   */
  patch?: { tools: readonly string[]; inputKeys: readonly string[]; rawInput?: boolean };
  /**
   * Another event records the edited files (Cursor's afterFileEdit), so an after event matters
   * only for a shell command.
   */
  shellOnlyAfter?: boolean;
  /** The field names where this agent's payload differs from Claude Code's. */
  keys?: Partial<PayloadKeys>;
  /** Where the work happens, when the payload's `cwd` is not the answer (before the hook's own). */
  cwd?: (payload: Payload, input: Payload) => string | undefined;
}

type ToolKind = 'edit' | 'patch' | 'shell';

/**
 * The command a shell tool runs, as shell text: a string as sent, an argv list (Codex) quoted
 * word by word so that `["bash", "-lc", "cd x && …"]` reads as one argument.
 */
export function shellCommand(input: Payload): string | undefined {
  const command = input.command ?? input.cmd;
  if (typeof command === 'string') return command;
  if (!Array.isArray(command)) return undefined;
  return command
    .filter((part): part is string => typeof part === 'string')
    .map((part) => `'${part.replaceAll("'", `'\\''`)}'`)
    .join(' ');
}

const keysOf = (spec: ClaudeStyleSpec): PayloadKeys => ({ ...CLAUDE_KEYS, ...spec.keys });

/** The fields every Claude-style event carries, whatever its tool. */
export type SessionFields = Omit<AgentEvent, 'phase' | 'shell' | 'paths' | 'command'>;

export function sessionFields(
  spec: ClaudeStyleSpec,
  payload: Payload,
  context: ParseContext,
  input: Payload = {},
): SessionFields {
  const keys = keysOf(spec);
  return {
    cwd: (spec.cwd ? spec.cwd(payload, input) : text(payload, 'cwd')) ?? context.cwd,
    session: text(payload, ...keys.session),
    callId: text(payload, ...keys.callId),
    model: text(payload, ...keys.model),
    transcriptPath: text(payload, ...keys.transcriptPath),
  };
}

/** An agent's `parse` for Claude-style payloads, from what that agent names differently. */
export function claudeStylePayload(spec: ClaudeStyleSpec) {
  const keys = keysOf(spec);
  const { phases, pathKeys, patch } = spec;
  const phaseByEvent = new Map(Object.entries(phases));
  const phaseOf =
    typeof phases === 'function'
      ? phases
      : (payload: Payload) => phaseByEvent.get(requireText(payload, ...keys.event));
  const kinds = new Map<string, ToolKind>([
    ...spec.editTools.map((tool) => [tool, 'edit'] as const),
    ...(patch?.tools ?? []).map((tool) => [tool, 'patch'] as const),
    ...spec.shellTools.map((tool) => [tool, 'shell'] as const),
  ]);

  function touched(kind: ToolKind, toolName: string, input: Payload, payload: Payload) {
    if (kind === 'shell') {
      const command = shellCommand(input);
      return {
        shell: true,
        paths: spec.shellPaths?.(input) ?? [],
        ...(command ? { command } : {}),
      };
    }
    if (kind === 'patch' && patch) {
      const envelope =
        text(input, ...patch.inputKeys) ??
        (patch.rawInput ? text(payload, ...keys.input) : undefined);
      if (!envelope) {
        throw new PayloadError(
          `${toolName} without the patch in ${keys.input[0]}.${patch.inputKeys[0]}`,
        );
      }
      return { shell: false, paths: patchPaths(envelope) };
    }
    const path = text(input, ...pathKeys);
    if (!path) throw new PayloadError(`${toolName} without ${keys.input[0]}.${pathKeys[0]}`);
    return { shell: false, paths: [path] };
  }

  return (payload: Payload, context: ParseContext): AgentEvent | null => {
    const phase = phaseOf(payload, context);
    if (!phase) return null;
    const toolName = requireText(payload, ...keys.tool);
    const kind = kinds.get(toolName);
    if (!kind || (kind !== 'shell' && phase === 'after' && spec.shellOnlyAfter)) return null;
    const input = objectField(payload, ...keys.input) ?? {};
    return {
      phase,
      ...touched(kind, toolName, input, payload),
      ...sessionFields(spec, payload, context, input),
    };
  };
}
