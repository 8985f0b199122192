/**
 * simple-git-hooks writes `.git/hooks/<hook>` from its config, overwriting what is there, and
 * deletes every hook file its config does not name unless `preserveUnused` lists it. So: a hook
 * its config already has gets our line appended to its command; any other hook becomes a plain
 * hook file of ours, listed in `preserveUnused` so the next `npx simple-git-hooks` keeps it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { hookCommand, runsOurHook } from './entry.js';
import { installHookFiles } from './hooks-dir.js';
import type { InstallRun } from './run.js';
import type { HookName } from '../state/install-record.js';

const JS_CONFIGS = [
  '.simple-git-hooks.cjs',
  '.simple-git-hooks.js',
  '.simple-git-hooks.mjs',
  'simple-git-hooks.cjs',
  'simple-git-hooks.js',
  'simple-git-hooks.mjs',
];
const JSON_CONFIGS = ['.simple-git-hooks.json', 'simple-git-hooks.json'];
const PACKAGE_KEY = 'simple-git-hooks';

type Config = Record<string, unknown>;

export interface SimpleGitHooksConfig {
  /** The file holding the config. */
  file: string;
  /** Whether it is the `simple-git-hooks` key of package.json rather than a file of its own. */
  inPackageJson: boolean;
}

/** Where simple-git-hooks reads its config, in its own order; undefined when it has none. */
export function simpleGitHooksConfig(top: string): SimpleGitHooksConfig | undefined {
  const js = JS_CONFIGS.find((name) => existsSync(join(top, name)));
  if (js) return { file: join(top, js), inPackageJson: false };
  const json = JSON_CONFIGS.find((name) => existsSync(join(top, name)));
  if (json) return { file: join(top, json), inPackageJson: false };
  const pkg = join(top, 'package.json');
  if (existsSync(pkg)) {
    try {
      const data = JSON.parse(readText(pkg)) as Config;
      if (data[PACKAGE_KEY] !== undefined) return { file: pkg, inPackageJson: true };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const readText = (path: string) => readFileSync(path, 'utf8');

/** Edits the config object inside a JSON text, keeping its indentation and final newline. */
function editJson(
  text: string,
  where: SimpleGitHooksConfig,
  change: (config: Config) => void,
): string {
  const data = JSON.parse(text) as Config;
  if (where.inPackageJson && typeof data[PACKAGE_KEY] === 'string') {
    throw new UserError(
      `package.json: "${PACKAGE_KEY}" names another file; edit that file instead`,
    );
  }
  const config = (where.inPackageJson ? data[PACKAGE_KEY] : data) as Config;
  change(config);
  const indent = /^[ \t]+/m.exec(text)?.[0] ?? '  ';
  return JSON.stringify(data, null, indent) + (text.endsWith('\n') ? '\n' : '');
}

export function addToConfig(
  config: Config,
  ownHooks: readonly HookName[],
  fileHooks: readonly HookName[],
): void {
  for (const hook of ownHooks) {
    const command = config[hook];
    if (typeof command === 'string' && !runsOurHook(command)) {
      config[hook] = `${command}\n${hookCommand(hook, '"$@"')}`;
    }
  }
  if (fileHooks.length === 0 || config.preserveUnused === true) return;
  const preserved = Array.isArray(config.preserveUnused) ? (config.preserveUnused as string[]) : [];
  config.preserveUnused = [...preserved, ...fileHooks.filter((hook) => !preserved.includes(hook))];
}

/** Our lines out of the commands; hooks we added to preserveUnused stay (they do no harm). */
export function removeFromConfig(config: Config): void {
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'string' || !runsOurHook(value)) continue;
    config[key] = value
      .split('\n')
      .filter((line) => !runsOurHook(line))
      .join('\n');
  }
}

export function removeSimpleGitHooksEntries(text: string, file: string): string {
  const inPackageJson = file.endsWith('package.json');
  return editJson(text, { file, inPackageJson }, removeFromConfig);
}

export function installSimpleGitHooks(run: InstallRun, hooks: readonly HookName[]): void {
  const { top, env } = run.facts;
  const where = simpleGitHooksConfig(top);
  if (!where) throw new UserError('no simple-git-hooks config found');
  if (!where.file.endsWith('.json')) {
    throw new UserError(
      `${run.show(where.file)} is JavaScript and cannot be edited safely; add to it, for each of ${hooks.join(', ')}:\n` +
        `  '<hook>': '${hookCommand('prepare-commit-msg', '"$@"')}'  (with the hook's name in place of prepare-commit-msg)`,
    );
  }
  const configured = JSON.parse(readText(where.file)) as Config;
  const config = (where.inPackageJson ? configured[PACKAGE_KEY] : configured) as Config;
  const ownHooks = hooks.filter((hook) => typeof config[hook] === 'string');
  const fileHooks = hooks.filter((hook) => !ownHooks.includes(hook));
  run.edit(where.file, 'simple-git-hooks', (text) =>
    editJson(text, where, (c) => addToConfig(c, ownHooks, fileHooks)),
  );
  if (ownHooks.length > 0) applySimpleGitHooks(top, env, run.notes);
  installHookFiles(run, run.facts.hooksDir, fileHooks);
}

/** simple-git-hooks rewrites the hook files only when it runs (npm 11 blocks its postinstall). */
export function applySimpleGitHooks(top: string, env: NodeJS.ProcessEnv, notes: string[]): void {
  const cli = join(top, 'node_modules', 'simple-git-hooks', 'cli.js');
  if (!existsSync(cli)) {
    notes.push('run `npx simple-git-hooks` so git runs the updated commands');
    return;
  }
  execFileSync(process.execPath, [cli], { cwd: top, env, stdio: 'ignore' });
}
