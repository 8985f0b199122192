/**
 * Adding trailguard's hooks to an agent's JSON config without disturbing the user's own hooks or
 * settings. Our entries are recognised by their command, so a second run (or an older form of our
 * command) updates the entry in place instead of adding another.
 */
import { UserError } from '../core/errors.js';
import type { AgentName, HookCommand } from './agent.js';
import { isObject, type Payload } from './event.js';
import { SHARED_STATE, STATE_DIR } from '../state/paths.js';

/** hook.env, relative to the git common dir (the state table names it). */
const HOOK_ENV = `${STATE_DIR}/${SHARED_STATE.hookEnv}`;

/**
 * The command an agent's hook config runs. Agents run it through a shell from the project (or a
 * subdirectory): the repository's own install is used when present, through its lean CommonJS
 * entry (`dist/hook.cjs`, which skips the ESM start-up of the full CLI); else, where this work
 * tree has no node_modules (a linked worktree, a fresh clone), the CLI recorded by `trailguard
 * install` in the clone's hook.env (the one the git hooks use); else `trailguard` on PATH. Without
 * any of them it says so in one line and exits 0: the agent goes on (the after-the-fact record
 * and CI remain). `npx` would add half a second to every edit.
 */
export function agentHookCommand(agent: AgentName): HookCommand {
  return (event) =>
    'tg="$(git rev-parse --show-toplevel 2>/dev/null)/node_modules/trailguard/dist/hook.cjs"; ' +
    'if [ ! -f "$tg" ]; then ' +
    `tg=$(sed -n "s/^TG_CLI=//p" "$(git rev-parse --git-common-dir 2>/dev/null)/${HOOK_ENV}" 2>/dev/null | tr -d "'"); ` +
    '[ ! -f "${tg%/*}/hook.cjs" ] || tg=${tg%/*}/hook.cjs; fi; ' +
    'if [ -f "$tg" ] && command -v node >/dev/null 2>&1; then set -- node "$tg"; ' +
    'elif command -v trailguard >/dev/null 2>&1; then set -- trailguard; ' +
    `else echo "trailguard: agent hook ${agent} not run: no node_modules/trailguard here and no trailguard on PATH (run: npm install)" >&2; exit 0; fi; ` +
    `exec "$@" agent-hook ${agent}${event ? ` --event ${event}` : ''}`;
}

/** Ours in any form written so far (the `exec "$tg" agent-hook` one before hook.cjs too). */
function isOurCommand(value: unknown, agent: AgentName): boolean {
  return (
    typeof value === 'string' &&
    value.includes('trailguard') &&
    new RegExp(`\\bagent-hook\\s+${agent}\\b`).test(value)
  );
}

function child(container: Payload, key: string, file: string, kind: 'object'): Payload;
function child(container: Payload, key: string, file: string, kind: 'list'): unknown[];
function child(container: Payload, key: string, file: string, kind: 'object' | 'list') {
  const value = container[key];
  if (value === undefined) {
    const created = kind === 'list' ? [] : {};
    container[key] = created;
    return created;
  }
  if (kind === 'list' ? Array.isArray(value) : isObject(value)) return value;
  throw new UserError(
    `${file}: "${key}" is not ${kind === 'list' ? 'a list' : 'an object'}; fix it by hand (nothing was written)`,
  );
}

function hooksObject(config: Payload, file: string): Payload {
  return child(config, 'hooks', file, 'object');
}

/**
 * Claude Code, Codex and Gemini CLI: `hooks.<event>` is a list of `{matcher, hooks: [handler]}`.
 * Our handler keeps its own group, so its matcher never narrows or widens the user's hooks.
 */
export function addMatcherHooks(
  config: Payload,
  file: string,
  events: readonly string[],
  matcher: string,
  handler: Payload,
  agent: AgentName,
): void {
  for (const event of events) addMatcherHook(config, file, event, matcher, { ...handler }, agent);
}

function addMatcherHook(
  config: Payload,
  file: string,
  event: string,
  matcher: string,
  handler: Payload,
  agent: AgentName,
): void {
  const groups = child(hooksObject(config, file), event, file, 'list');
  for (const group of groups) {
    if (!isObject(group) || !Array.isArray(group.hooks)) continue;
    const index = group.hooks.findIndex(
      (hook) => isObject(hook) && isOurCommand(hook.command, agent),
    );
    if (index < 0) continue;
    group.hooks[index] = { ...(group.hooks[index] as Payload), ...handler };
    if (group.hooks.length === 1) group.matcher = matcher;
    return;
  }
  groups.push({ matcher, hooks: [handler] });
}

/** Cursor, Copilot and Windsurf: `hooks.<event>` is a flat list of handlers. */
export function addListHook(
  config: Payload,
  file: string,
  event: string,
  handler: Payload,
  commandKey: string,
  agent: AgentName,
): void {
  const handlers = child(hooksObject(config, file), event, file, 'list');
  const index = handlers.findIndex(
    (entry) => isObject(entry) && isOurCommand(entry[commandKey], agent),
  );
  if (index < 0) handlers.push(handler);
  else handlers[index] = { ...(handlers[index] as Payload), ...handler };
}

/** A settings object, created when absent (e.g. Gemini's `tools`). */
export function settingsObject(config: Payload, key: string, file: string): Payload {
  return child(config, key, file, 'object');
}

/** A hook entry of ours: a flat handler naming our command, or a group holding only ours. */
function withoutOurs(entry: unknown, agent: AgentName): unknown {
  if (!isObject(entry)) return entry;
  if (Array.isArray(entry.hooks)) {
    const kept = entry.hooks.filter((hook) => withoutOurs(hook, agent) !== undefined);
    if (kept.length === entry.hooks.length) return entry;
    return kept.length === 0 ? undefined : { ...entry, hooks: kept };
  }
  return Object.values(entry).some((value) => isOurCommand(value, agent)) ? undefined : entry;
}

/**
 * Takes trailguard's hooks out of a parsed config, dropping the lists and the `hooks` object
 * they leave empty; the user's hooks and settings stay. True when something was taken out.
 */
export function removeOurHooks(config: Payload, agent: AgentName): boolean {
  const hooks = config.hooks;
  if (!isObject(hooks)) return false;
  let removed = false;
  for (const [event, list] of Object.entries(hooks)) {
    if (!Array.isArray(list)) continue;
    const kept = list.map((entry) => withoutOurs(entry, agent));
    if (kept.every((entry, index) => entry === list[index])) continue;
    removed = true;
    const remaining = kept.filter((entry) => entry !== undefined);
    if (remaining.length > 0) hooks[event] = remaining;
    else delete hooks[event];
  }
  if (removed && Object.keys(hooks).length === 0) delete config.hooks;
  return removed;
}
