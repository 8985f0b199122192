/**
 * What trailguard needs from one agent hook call, whatever the agent: every agent module turns
 * its own payload into an `AgentEvent` and turns a guard verdict back into its own protocol.
 */

export type Phase = 'before' | 'after';

export interface AgentEvent {
  phase: Phase;
  /** The files the payload names: absolute, or relative to `cwd`. */
  paths: string[];
  /**
   * A shell command, whose files are not all known: the work tree is compared between its before
   * and after events, and the files that changed are recorded too.
   */
  shell: boolean;
  /** The shell command's text, where the files it visibly writes are read (shell-targets.ts). */
  command?: string;
  cwd: string;
  session?: string;
  /** The agent's id of one tool call, the same in its before and after events. */
  callId?: string;
  model?: string;
  /** The session transcript, where the model can be read when the payload lacks it. */
  transcriptPath?: string;
}

export type Verdict =
  { kind: 'allow' } | { kind: 'warn'; message: string } | { kind: 'deny'; message: string };

/** What the hook process answers: exit code and output, in the agent's own protocol. */
export interface HookReply {
  code: number;
  stdout?: string;
  stderr?: string;
}

export interface ParseContext {
  /** The event name given on the command line (`--event`), for agents whose payload lacks it. */
  event?: string;
  /** The hook process's working directory, used when the payload names none. */
  cwd: string;
}

/** The payload is not what the agent documents: reported on one stderr line, the agent not blocked. */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

export type Payload = Record<string, unknown>;

export function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `keys` that holds a non-empty string. */
export function text(payload: Payload | undefined, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = payload?.[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** A nested object; some agents send tool arguments as a JSON string instead of an object. */
export function objectField(payload: Payload, ...keys: string[]): Payload | undefined {
  for (const key of keys) {
    const value = payload[key];
    if (isObject(value)) return value;
    if (typeof value === 'string' && value.trimStart().startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (isObject(parsed)) return parsed;
      } catch {
        throw new PayloadError(`"${key}" is a string but not a JSON object`);
      }
    }
  }
  return undefined;
}

export function requireText(payload: Payload, ...keys: string[]): string {
  const value = text(payload, ...keys);
  if (value === undefined) throw new PayloadError(`missing "${keys[0]}"`);
  return value;
}

/** A warning shown from stderr; the tool call goes ahead. */
export function stderrWarning(message: string): HookReply {
  return { code: 0, stderr: `${message}\n` };
}

/** The agents that refuse a tool call on exit 2, with stderr as the reason the agent reads. */
export function exitTwoReply(verdict: Verdict, warn: (message: string) => HookReply): HookReply {
  if (verdict.kind === 'deny') return { code: 2, stderr: `${verdict.message}\n` };
  if (verdict.kind === 'warn') return warn(verdict.message);
  return { code: 0 };
}

/** Claude Code, Codex and Gemini CLI: exit 2 refuses; a JSON `systemMessage` warns the user. */
export function exitTwoOrSystemMessage(verdict: Verdict): HookReply {
  return exitTwoReply(verdict, (message) => ({
    code: 0,
    stdout: `${JSON.stringify({ systemMessage: message })}\n`,
  }));
}

/** Cursor and Copilot: a JSON answer on stdout refuses (stderr repeats the reason); stderr warns. */
export function stdoutDenyReply(verdict: Verdict, answer: (reason: string) => Payload): HookReply {
  if (verdict.kind === 'deny') {
    const stdout = `${JSON.stringify(answer(verdict.message))}\n`;
    return { code: 0, stdout, stderr: `${verdict.message}\n` };
  }
  return verdict.kind === 'warn' ? stderrWarning(verdict.message) : { code: 0 };
}
