/**
 * lefthook's YAML config, edited: a trailguard job per hook added or taken out, comments and
 * layout kept. Loaded only when a lefthook config is read or written (lefthook.ts).
 */
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { UserError } from '../core/errors.js';
import type { HookName } from '../state/install-record.js';
import { hookCommand } from './entry.js';
import { JOB_NAME } from './lefthook.js';

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

/** Whether the config (as lefthook reads it, so leniently) runs trailguard's job for `hook`. */
export function hasLefthookJob(text: string, hook: HookName): boolean {
  const node = parseDocument(text).get(hook);
  if (!isMap(node)) return false;
  const jobs = node.get('jobs');
  const commands = node.get('commands');
  return (
    (isSeq(jobs) && jobs.items.some((job) => isMap(job) && job.get('name') === JOB_NAME)) ||
    (isMap(commands) && commands.has(JOB_NAME))
  );
}
