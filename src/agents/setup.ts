/**
 * What `trailguard init` writes: each agent's in-repo hook config (merged into the user's file)
 * and the starter policy. Everything is planned (and every existing file parsed) before anything
 * is written, so a file we cannot read leaves the repository untouched.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { AgentDef } from './agent.js';
import { agentHookCommand } from './config-merge.js';
import { isObject, type Payload } from './event.js';

export interface PlannedFile {
  /** Relative to the repository root. */
  path: string;
  /** The current content; undefined when the file does not exist. */
  before?: string;
  after: string;
  /** What the file is for, in the summary. */
  what: string;
}

export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function parseConfig(path: string, text: string | undefined): Payload {
  if (text === undefined || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `${path}: not valid JSON (${(error as Error).message}); fix it or move it away (nothing was written)`,
    );
  }
  if (!isObject(parsed)) {
    throw new UserError(`${path}: expected a JSON object at the top (nothing was written)`);
  }
  return parsed;
}

/** The agent's config with trailguard's hooks added; `after` equals `before` when they are there. */
export function planAgentConfig(topLevel: string, agent: AgentDef): PlannedFile {
  const before = readIfExists(join(topLevel, agent.configFile));
  const config = parseConfig(agent.configFile, before);
  const original = JSON.stringify(config);
  agent.addHooks(config, agentHookCommand(agent.name));
  const unchanged = before !== undefined && JSON.stringify(config) === original;
  return {
    path: agent.configFile,
    before,
    after: unchanged ? before : `${JSON.stringify(config, null, 2)}\n`,
    what: `${agent.label} hooks`,
  };
}

export function writePlannedFile(topLevel: string, file: PlannedFile): void {
  const full = join(topLevel, file.path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, file.after);
}
