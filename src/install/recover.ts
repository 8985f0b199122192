/**
 * An install record that cannot be read (cut short, overwritten, a directory in its place) is
 * rebuilt from what is on disk: our config sections, our shim files (and the hooks they chain
 * to), our entries in hook managers' files, with the originals install kept of them. An edited
 * file is recorded as changed since install, so uninstall takes out only our entries and never
 * overwrites a file with a backup it cannot match.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitMaybe } from '../git/exec.js';
import {
  HOOK_NAMES,
  type Change,
  type EditFormat,
  type HookName,
  type InstallRecord,
  type InstallState,
} from '../state/install-record.js';
import { runsOurHook } from './entry.js';
import { CHAINED_SUFFIX } from './hooks-dir.js';
import { lefthookConfig, lefthookLocalConfig } from './lefthook.js';
import type { InstallFacts } from './repo.js';
import { huskyDir } from './sh-lines.js';
import { isOurShim } from './shim-file.js';
import { simpleGitHooksConfig } from './simple-git-hooks.js';

const readIf = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** The hooks an entry text runs: each names `trailguard/hooks/<hook>`. */
const hooksNamedIn = (text: string) =>
  HOOK_NAMES.filter((hook) => text.includes(`trailguard/hooks/${hook}`));

async function configSections(facts: InstallFacts): Promise<Map<string, HookName>> {
  const listed = await gitMaybe(
    ['config', '--local', '--name-only', '--get-regexp', '^hook\\.trailguard-.*\\.command$'],
    { cwd: facts.top, env: facts.env },
  );
  const sections = new Map<string, HookName>();
  for (const key of (listed ?? '').split('\n').filter(Boolean)) {
    const hook = HOOK_NAMES.find((name) => key === `hook.trailguard-${name}.command`);
    if (hook) sections.set(`hook.trailguard-${hook}`, hook);
  }
  return sections;
}

/** The record that matches what is on disk, or undefined when nothing of ours is there. */
export async function rebuildRecord(
  facts: InstallFacts,
  state: InstallState,
): Promise<InstallRecord | undefined> {
  const changes: Change[] = [];
  const hooks = new Set<HookName>();
  const managers: string[] = [];
  const edit = (path: string, format: EditFormat, manager: string) => {
    const text = readIf(path);
    const named = hooksNamedIn(text);
    if (!runsOurHook(text) || named.length === 0) return;
    const backup = state.backupPath(path);
    changes.push({
      kind: 'edit',
      path,
      backup: existsSync(backup) ? backup : null,
      written: '',
      format,
    });
    named.forEach((hook) => hooks.add(hook));
    managers.push(manager);
  };

  for (const [section, hook] of await configSections(facts)) {
    changes.push({ kind: 'git-config', section });
    hooks.add(hook);
    managers.push('git-config');
  }
  const husky = huskyDir(facts.top, facts.hooksPath?.value);
  for (const hook of HOOK_NAMES) {
    if (husky) edit(join(husky, hook), 'sh-lines', 'husky');
    if (facts.hooksPath) edit(join(facts.hooksDir, hook), 'sh-lines', 'tracked-dir');
  }
  const lefthook = lefthookConfig(facts.top);
  if (lefthook) {
    for (const file of [lefthook, lefthookLocalConfig(lefthook)])
      edit(file, 'lefthook', 'lefthook');
  }
  const simple = simpleGitHooksConfig(facts.top);
  if (simple) edit(simple.file, 'simple-git-hooks', 'simple-git-hooks');
  for (const dir of new Set([facts.hooksDir, join(facts.commonDir, 'hooks')])) {
    for (const hook of HOOK_NAMES) {
      const path = join(dir, hook);
      if (!isOurShim(path)) continue;
      const chained = path + CHAINED_SUFFIX;
      changes.push({ kind: 'hook-file', path, ...(existsSync(chained) ? { chained } : {}) });
      hooks.add(hook);
      managers.push('hooks-dir');
    }
  }
  if (changes.length === 0) return undefined;
  return {
    version: 1,
    manager: managers[0],
    hooks: HOOK_NAMES.filter((hook) => hooks.has(hook)),
    changes,
  };
}

/**
 * The install record as it stands, or as rebuilt from disk when it is missing or damaged; a
 * damaged one is said so in `notes` and, with `repair`, written back.
 */
export async function currentRecord(
  facts: InstallFacts,
  state: InstallState,
  notes: string[],
  repair: boolean,
): Promise<InstallRecord | undefined> {
  const read = state.read();
  if (read.state === 'ok') return read.record;
  const rebuilt = await rebuildRecord(facts, state);
  if (read.state === 'damaged') {
    notes.push(
      `${state.recordPath} was damaged (${read.problem}); ` +
        (!rebuilt
          ? 'no trailguard hooks are on disk'
          : repair
            ? 'rebuilt it from the hooks on disk'
            : 'what is installed was read from the hooks on disk'),
    );
    if (repair && rebuilt) state.write(rebuilt);
  }
  return rebuilt;
}
