/**
 * git 2.54+ runs hooks named in config (`hook.<name>.command` / `hook.<name>.event`), beside
 * whatever core.hooksPath or a hook manager does, so nothing is written into the work tree. Each
 * of our hooks gets its own `hook.trailguard-<hook>` section pointing at this clone's copy of the
 * shim (a section named like an event is reportedly rejected).
 */
import type { InstallRun } from './run.js';
import type { HookName } from '../state/install-record.js';
import { gitClient } from './repo.js';

export const sectionFor = (hook: HookName) => `hook.trailguard-${hook}`;

export async function installConfigHooks(
  run: InstallRun,
  hooks: readonly HookName[],
): Promise<void> {
  const { git } = run.facts;
  for (const hook of hooks) {
    const section = sectionFor(hook);
    const command = `sh '${run.state.hookCopy(hook).replace(/'/g, `'\\''`)}'`;
    const current = await configValues(run, `${section}.command`);
    const events = await configValues(run, `${section}.event`);
    if (
      current.length === 1 &&
      current[0] === command &&
      events.length === 1 &&
      events[0] === hook
    ) {
      run.keep({ kind: 'git-config', section });
      continue;
    }
    await removeSection(run.facts.top, run.facts.env, section);
    await git.addConfig(`${section}.command`, command, false, 'local');
    await git.addConfig(`${section}.event`, hook, false, 'local');
    run.record({ kind: 'git-config', section }, `git config ${section}`);
  }
}

async function configValues(run: InstallRun, key: string): Promise<string[]> {
  const result = await run.facts.git.getConfig(key, 'local');
  return [...result.values];
}

export async function removeSection(
  top: string,
  env: NodeJS.ProcessEnv,
  section: string,
): Promise<void> {
  try {
    await gitClient(top, env).raw(['config', '--local', '--remove-section', section]);
  } catch {
    // No such section: nothing to remove.
  }
}
