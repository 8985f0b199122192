/**
 * lefthook: a `trailguard` job per hook in lefthook.yml (shared) or lefthook-local.yml (this
 * clone only), then `lefthook install` so git gets a hook file for every hook the config names.
 * lefthook renames a hook file it did not write to `<hook>.old` and never runs it, so trailguard
 * must be a job, not a file beside it. The YAML editing (lefthook-yaml.ts) loads only when a
 * lefthook config is read or written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { hookCommand } from './entry.js';
import type { InstallRun } from './run.js';
import type { HookName } from '../state/install-record.js';

const CONFIG_NAMES = ['lefthook', '.lefthook', '.config/lefthook'];
const YAML_EXTENSIONS = ['.yml', '.yaml'];
const OTHER_EXTENSIONS = ['.json', '.jsonc', '.toml'];
export const JOB_NAME = 'trailguard';

/** The main lefthook config file of the repository, if it has one. */
export function lefthookConfig(top: string): string | undefined {
  for (const name of CONFIG_NAMES) {
    for (const ext of [...YAML_EXTENSIONS, ...OTHER_EXTENSIONS]) {
      if (existsSync(join(top, name + ext))) return join(top, name + ext);
    }
  }
  return undefined;
}

/** lefthook-local.yml beside the main config (lefthook merges it over the main one). */
export function lefthookLocalConfig(main: string): string {
  return main.replace(/(lefthook)(\.[a-z]+)$/, '$1-local$2');
}

/** The lefthook binary: the repository's npm package, else one on PATH. */
export function lefthookBinary(top: string, env: NodeJS.ProcessEnv): string | undefined {
  const arch = process.arch === 'x64' ? 'x64' : process.arch;
  const candidates = [
    join(top, 'node_modules', `lefthook-${process.platform}-${arch}`, 'bin', 'lefthook'),
    join(top, 'node_modules', '.bin', 'lefthook'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  try {
    execFileSync('lefthook', ['version'], { env, stdio: 'ignore' });
    return 'lefthook';
  } catch {
    return undefined;
  }
}

export async function installLefthook(
  run: InstallRun,
  hooks: readonly HookName[],
  local: boolean,
): Promise<void> {
  const { top, env } = run.facts;
  const main = lefthookConfig(top) ?? join(top, 'lefthook.yml');
  if (!YAML_EXTENSIONS.some((ext) => main.endsWith(ext))) {
    throw new UserError(
      `${run.show(main)}: only YAML lefthook configs can be edited; add a job to each of ${hooks.join(', ')}:\n` +
        `  run: ${hookCommand('prepare-commit-msg', '{0}')}\n(with the hook's name in place of prepare-commit-msg)`,
    );
  }
  const file = local ? lefthookLocalConfig(main) : main;
  const { addLefthookJobs } = await import('./lefthook-yaml.js');
  run.edit(file, 'lefthook', (text) => addLefthookJobs(text, hooks, run.show(file)));
  const binary = lefthookBinary(top, env);
  if (!binary) {
    run.notes.push('lefthook was not found; run `lefthook install` so git runs the new jobs');
    return;
  }
  execFileSync(binary, ['install'], { cwd: top, env, stdio: 'ignore' });
}
