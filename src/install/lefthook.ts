/**
 * lefthook: a `trailguard` job per hook in lefthook.yml (shared) or lefthook-local.yml (this
 * clone only), then `lefthook install` so git gets a hook file for every hook the config names.
 * lefthook renames a hook file it did not write to `<hook>.old` and never runs it, so trailguard
 * must be a job, not a file beside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document } from 'yaml';
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

function parse(text: string, file: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new UserError(`${file}: ${doc.errors[0].message.split('\n')[0]}`);
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new UserError(`${file}: expected a mapping of hook names at the top level`);
  }
  return doc;
}

function jobFor(hook: HookName): Record<string, unknown> {
  return {
    name: JOB_NAME,
    run: hookCommand(hook, '{0}'),
    ...(hook === 'pre-push' ? { use_stdin: true } : {}),
  };
}

/** The config with a trailguard job for each hook (lefthook 1.x `commands:` maps are kept). */
export function addLefthookJobs(text: string, hooks: readonly HookName[], file: string): string {
  const doc = parse(text, file);
  for (const hook of hooks) {
    const node = doc.get(hook);
    if (node === undefined || node === null) {
      doc.set(hook, doc.createNode({ jobs: [jobFor(hook)] }));
      continue;
    }
    if (!isMap(node)) throw new UserError(`${file}: ${hook}: expected a mapping`);
    const commands = node.get('commands');
    if (isMap(commands) && !node.has('jobs')) {
      const command: Record<string, unknown> = jobFor(hook);
      delete command.name;
      commands.set(JOB_NAME, doc.createNode(command));
      continue;
    }
    let jobs = node.get('jobs');
    if (!isSeq(jobs)) {
      jobs = new YAMLSeq();
      node.set('jobs', jobs);
    }
    const seq = jobs as YAMLSeq;
    const at = seq.items.findIndex((item) => isMap(item) && item.get('name') === JOB_NAME);
    if (at >= 0) seq.items[at] = doc.createNode(jobFor(hook));
    else seq.items.push(doc.createNode(jobFor(hook)));
  }
  const out = doc.toString();
  return out === text ? text : out;
}

/** The config without trailguard's jobs (and without hooks that had nothing else). */
export function removeLefthookJobs(text: string, file: string): string {
  const doc = parse(text, file);
  if (!isMap(doc.contents)) return text;
  for (const pair of [...(doc.contents as YAMLMap).items]) {
    const node = pair.value;
    if (!isMap(node)) continue;
    const jobs = node.get('jobs');
    if (isSeq(jobs)) {
      jobs.items = jobs.items.filter((item) => !(isMap(item) && item.get('name') === JOB_NAME));
      if (jobs.items.length === 0) node.delete('jobs');
    }
    const commands = node.get('commands');
    if (isMap(commands)) {
      commands.delete(JOB_NAME);
      if (commands.items.length === 0) node.delete('commands');
    }
    if (node.items.length === 0) doc.delete(pair.key);
  }
  return doc.toString();
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

export function installLefthook(run: InstallRun, hooks: readonly HookName[], local: boolean): void {
  const { top, env } = run.facts;
  const main = lefthookConfig(top) ?? join(top, 'lefthook.yml');
  if (!YAML_EXTENSIONS.some((ext) => main.endsWith(ext))) {
    throw new UserError(
      `${run.show(main)}: only YAML lefthook configs can be edited; add a job to each of ${hooks.join(', ')}:\n` +
        `  run: ${hookCommand('prepare-commit-msg', '{0}')}\n(with the hook's name in place of prepare-commit-msg)`,
    );
  }
  const file = local ? lefthookLocalConfig(main) : main;
  run.edit(file, 'lefthook', (text) => addLefthookJobs(text, hooks, run.show(file)));
  const binary = lefthookBinary(top, env);
  if (!binary) {
    run.notes.push('lefthook was not found; run `lefthook install` so git runs the new jobs');
    return;
  }
  execFileSync(binary, ['install'], { cwd: top, env, stdio: 'ignore' });
}
