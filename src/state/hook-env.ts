/**
 * hook.env: what the git hook shims read before anything else (the CLI and node found at install,
 * and TG_EXTRA_ENV, the agent variables the policy's tools.extra adds to the catalog's). The shim
 * decides a commit without node when none of those variables is set, so TG_EXTRA_ENV has to follow
 * the policy: every full read of a changed policy (policy/refresh.ts) brings it up to date here,
 * and the shim sends a commit to node while a policy file is newer than hook.env.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { replaceFile, sharedStatePath } from './paths.js';

const KEYS = ['TG_CLI', 'TG_NODE', 'TG_EXTRA_ENV'] as const;
type Key = (typeof KEYS)[number];

const HEADER = '# Written by `trailguard install`, read by the git hook shims.\n';

/** A value with a line break could not be read back by the shim: it is left empty. */
const line = (key: Key, value: string) => `${key}=${/[\n\r]/.test(value) ? '' : value}\n`;

export function hookEnvText(values: { cli: string; node: string; extraEnv: readonly string[] }) {
  return (
    HEADER +
    line('TG_CLI', values.cli) +
    line('TG_NODE', values.node) +
    line('TG_EXTRA_ENV', values.extraEnv.join(' '))
  );
}

export type HookEnvRead =
  { state: 'ok'; text: string; extraEnv: string[] } | { state: 'missing' | 'damaged' };

/** hook.env as the shim reads it: each key once, its last line ended, else damaged. */
export function readHookEnv(commonDir: string): HookEnvRead {
  let text: string;
  try {
    text = readFileSync(sharedStatePath(commonDir, 'hookEnv'), 'utf8');
  } catch (error) {
    return { state: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'damaged' };
  }
  const values = new Map<string, string>();
  const lines = text.split('\n');
  if (lines.pop() !== '') return { state: 'damaged' };
  for (const entry of lines) {
    if (entry.startsWith('#')) continue;
    const eq = entry.indexOf('=');
    const key = entry.slice(0, eq);
    if (eq < 0 || !(KEYS as readonly string[]).includes(key) || values.has(key))
      return { state: 'damaged' };
    values.set(key, entry.slice(eq + 1).replace(/^'(.*)'$/, '$1'));
  }
  if (values.size !== KEYS.length) return { state: 'damaged' };
  return { state: 'ok', text, extraEnv: values.get('TG_EXTRA_ENV')!.split(' ').filter(Boolean) };
}

/** The names `wanted` has that hook.env's TG_EXTRA_ENV lacks, and those it has that `wanted` does not. */
export function extraEnvDrift(recorded: readonly string[], wanted: readonly string[]) {
  return {
    missing: wanted.filter((name) => !recorded.includes(name)),
    unused: recorded.filter((name) => !wanted.includes(name)),
  };
}

/**
 * Makes hook.env's TG_EXTRA_ENV `wanted` (its other lines kept as they are) and marks it newer
 * than the policy just read, so the shim stops sending commits to node for it. A missing or
 * damaged hook.env is left alone: `trailguard install` writes it. Best effort, as every cache.
 */
export function syncHookEnv(
  commonDir: string,
  wanted: readonly string[],
): 'updated' | 'current' | 'absent' {
  const read = readHookEnv(commonDir);
  if (read.state !== 'ok') return 'absent';
  const file = sharedStatePath(commonDir, 'hookEnv');
  const drift = extraEnvDrift(read.extraEnv, wanted);
  try {
    if (drift.missing.length === 0 && drift.unused.length === 0) {
      const now = new Date();
      utimesSync(file, now, now);
      return 'current';
    }
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(
      temporary,
      read.text.replace(/^TG_EXTRA_ENV=.*$/m, line('TG_EXTRA_ENV', wanted.join(' ')).trimEnd()),
    );
    replaceFile(temporary, file);
    return 'updated';
  } catch {
    return 'absent';
  }
}
