/**
 * What `trailguard init` writes: each agent's in-repo hook config (merged into the user's file, in
 * its own style) and the starter policy; and what `uninstall --agents` takes out again. Everything is planned (and every existing file parsed) before anything
 * is written, so a file we cannot read leaves the repository untouched.
 */
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { AgentDef } from './agent.js';
import { agentHookCommand, removeOurHooks } from './config-merge.js';
import { isObject, type Payload } from './event.js';
import { parseJsonConfig, renderJsonConfig } from './json-text.js';

export interface PlannedFile {
  /** Relative to the repository root. */
  path: string;
  /** The current content; undefined when the file does not exist. */
  before?: string;
  after: string;
  /** What the file is for, in the summary. */
  what: string;
}

/** A config to take trailguard's hooks out of; `after` undefined removes the file. */
export type PlannedRemoval = Omit<PlannedFile, 'before' | 'after'> & {
  before: string;
  after?: string;
};

export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The agent's config with trailguard's hooks added; `after` equals `before` when they are there. */
export function planAgentConfig(topLevel: string, agent: AgentDef): PlannedFile {
  const before = readIfExists(join(topLevel, agent.configFile));
  const { config, style } = parseJsonConfig(agent.configFile, before);
  const original = JSON.stringify(config);
  agent.addHooks(config, agentHookCommand(agent.name));
  const unchanged = before !== undefined && JSON.stringify(config) === original;
  return {
    path: agent.configFile,
    before,
    after: unchanged ? before : renderJsonConfig(config, style),
    what: `${agent.label} hooks`,
  };
}

/**
 * The agent's config without trailguard's hooks, or undefined when it has none. A file left
 * holding only what init adds around the hooks (Cursor's `version`, Gemini's `enableHooks`) is
 * removed (`after` undefined), as init had created it.
 */
export function planAgentRemoval(topLevel: string, agent: AgentDef): PlannedRemoval | undefined {
  const before = readIfExists(join(topLevel, agent.configFile));
  if (before === undefined) return undefined;
  const { config, style } = parseJsonConfig(agent.configFile, before);
  if (!removeOurHooks(config, agent.name)) return undefined;
  const skeleton: Payload = {};
  agent.addHooks(skeleton, agentHookCommand(agent.name));
  removeOurHooks(skeleton, agent.name);
  const onlyOurs = JSON.stringify(sortedKeys(config)) === JSON.stringify(sortedKeys(skeleton));
  return {
    path: agent.configFile,
    before,
    after: onlyOurs ? undefined : renderJsonConfig(config, style),
    what: `${agent.label} hooks`,
  };
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys(value[key])]),
  );
}

export function writePlannedFile(topLevel: string, file: PlannedFile | PlannedRemoval): void {
  const full = join(topLevel, file.path);
  if (file.after !== undefined) {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.after);
    return;
  }
  rmSync(full, { force: true });
  // The folders init made for it (.codex/, .github/hooks/) go too when nothing else is in them.
  for (let dir = dirname(full); dir !== topLevel && dir.startsWith(topLevel); dir = dirname(dir)) {
    if (readdirSync(dir).length > 0) break;
    rmdirSync(dir);
  }
}
