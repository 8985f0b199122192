/**
 * git 2.54+ runs hooks named in config (`hook.<name>.command` / `hook.<name>.event`), beside
 * whatever core.hooksPath or a hook manager does, so nothing is written into the work tree. Each
 * of our hooks gets its own `hook.trailguard-<hook>` section pointing at this clone's copy of the
 * shim (a section named like an event is reportedly rejected).
 *
 * The sections go through simple-git's config API, off every hook's path; it is the one place
 * simple-git is used (src/git/exec.ts runs git everywhere else), loaded only when a section is
 * written or removed (doctor and status only name sections).
 */
import type { SimpleGit } from 'simple-git';
import type { HookName } from '../state/install-record.js';
import type { InstallRun } from './run.js';

/**
 * The caller's environment is the user's own (GIT_CONFIG_GLOBAL, GIT_EDITOR, … as their shell or
 * test set them) and every argument we pass is ours, so simple-git's guards against injected
 * variables are opened for exactly those variables.
 */
const ENVIRONMENT_GUARDS = {
  allowUnsafeConfigPaths: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeEditor: true,
  allowUnsafeExec: true,
  allowUnsafeDiffExternal: true,
  allowUnsafePager: true,
  allowUnsafeGitProxy: true,
  allowUnsafeTemplateDir: true,
  allowUnsafeSshCommand: true,
  allowUnsafeAskPass: true,
  allowUnsafeHooksPath: true,
};

async function gitClient(cwd: string, env: NodeJS.ProcessEnv): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  const clean = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return simpleGit({
    baseDir: cwd,
    allowEnvironment: Object.keys(clean),
    unsafe: ENVIRONMENT_GUARDS,
  }).env(clean);
}

export const sectionFor = (hook: HookName) => `hook.trailguard-${hook}`;

export async function installConfigHooks(
  run: InstallRun,
  hooks: readonly HookName[],
): Promise<void> {
  const git = await gitClient(run.facts.top, run.facts.env);
  for (const hook of hooks) {
    const section = sectionFor(hook);
    const command = `sh '${run.state.hookCopy(hook).replace(/'/g, `'\\''`)}'`;
    const current = await configValues(git, `${section}.command`);
    const events = await configValues(git, `${section}.event`);
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

async function configValues(git: SimpleGit, key: string): Promise<string[]> {
  const result = await git.getConfig(key, 'local');
  return [...result.values];
}

export async function removeSection(
  top: string,
  env: NodeJS.ProcessEnv,
  section: string,
): Promise<void> {
  try {
    await (await gitClient(top, env)).raw(['config', '--local', '--remove-section', section]);
  } catch {
    // No such section: nothing to remove.
  }
}
