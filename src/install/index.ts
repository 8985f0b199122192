/**
 * `trailguard install` / `uninstall`: put trailguard's git hooks next to whatever the repository
 * already uses, and take them out again leaving every file as it was.
 *
 * Which way, in order: git 2.54+ config hooks (nothing touched in the work tree); husky; a
 * core.hooksPath directory inside the work tree (lines in its files) or outside it (hook files);
 * lefthook (a job); simple-git-hooks (its config, preserveUnused); else `.git/hooks` files (also
 * when pre-commit is used: it keeps running them, and the stanza is printed).
 */
import { readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { extraAgentEnv } from '../policy/evaluate.js';
import { workTreePolicyOrProblem } from '../policy/load.js';
import { removeEntryLines } from './entry.js';
import { installConfigHooks, removeSection } from './git-config.js';
import { installHookFiles, removeHookFile } from './hooks-dir.js';
import { installLefthook, lefthookConfig } from './lefthook.js';
import { preCommitStanza, usesPreCommit } from './pre-commit.js';
import {
  CONFIG_HOOKS_SINCE,
  hooksTurnedOff,
  isInside,
  installFacts,
  versionAtLeast,
  type InstallFacts,
} from './repo.js';
import { InstallRun } from './run.js';
import { huskyDir, installEntryLines } from './sh-lines.js';
import {
  applySimpleGitHooks,
  installSimpleGitHooks,
  removeSimpleGitHooksEntries,
  simpleGitHooksConfig,
} from './simple-git-hooks.js';
import { InstallState, hash, type Change, type HookName } from '../state/install-record.js';
import { currentRecord } from './recover.js';
import { removeAssistedMark } from '../state/assisted-head.js';
import { UserError } from '../core/errors.js';
import { DEFAULT_HOOKS, packageCli, writeShim } from './shim-file.js';

export const MANAGERS = [
  'git-config',
  'husky',
  'tracked-dir',
  'hooks-dir',
  'lefthook',
  'simple-git-hooks',
  'pre-commit',
] as const;
export type ManagerName = (typeof MANAGERS)[number];

export interface InstallOptions {
  /** Any directory inside the work tree. */
  repoDir: string;
  env?: NodeJS.ProcessEnv;
  /** Force a way of installing instead of detecting it. */
  manager?: ManagerName;
  /** Default: DEFAULT_HOOKS (prepare-commit-msg, commit-msg). */
  hooks?: readonly HookName[];
  /** Also install the pre-push hook (runs `trailguard check` on what is pushed). */
  prePush?: boolean;
  /** lefthook: write the jobs to lefthook-local.yml (this clone only) instead of lefthook.yml. */
  lefthookLocal?: boolean;
}

export interface InstallResult {
  manager: ManagerName;
  /** Why that manager was chosen. */
  reason: string;
  hooks: HookName[];
  /** Files and config sections written or changed, as the user knows them. */
  changed: string[];
  notes: string[];
}

export interface Detected {
  manager: ManagerName;
  reason: string;
}

/** Which way to install, and why. */
export function detectManager(facts: InstallFacts): Detected {
  const { top, hooksPath, gitVersion } = facts;
  if (versionAtLeast(gitVersion, CONFIG_HOOKS_SINCE)) {
    return {
      manager: 'git-config',
      reason: `git ${gitVersion.join('.')} runs hooks named in config`,
    };
  }
  if (huskyDir(top, hooksPath?.value)) {
    return { manager: 'husky', reason: 'the repository uses husky (.husky)' };
  }
  if (hooksPath) {
    const inside = isInside(top, facts.hooksDir);
    return inside
      ? {
          manager: 'tracked-dir',
          reason: `core.hooksPath is ${hooksPath.value}, inside the work tree`,
        }
      : {
          manager: 'hooks-dir',
          reason: `core.hooksPath is ${hooksPath.value} (${hooksPath.scope} config)`,
        };
  }
  const lefthook = lefthookConfig(top);
  if (lefthook)
    return {
      manager: 'lefthook',
      reason: `the repository uses lefthook (${lefthook.slice(top.length + 1)})`,
    };
  if (simpleGitHooksConfig(top)) {
    return { manager: 'simple-git-hooks', reason: 'the repository configures simple-git-hooks' };
  }
  if (usesPreCommit(top)) {
    return {
      manager: 'hooks-dir',
      reason: 'pre-commit runs hook files it did not write first (as .legacy)',
    };
  }
  return { manager: 'hooks-dir', reason: 'plain git hooks' };
}

/** Variables of the policy's own tools (tools.extra), for the shims' fast path. */
async function extraAgentEnvOf(facts: InstallFacts): Promise<string[]> {
  const { policy } = await workTreePolicyOrProblem(facts);
  return policy ? extraAgentEnv(policy) : [];
}

export async function installHooks(options: InstallOptions): Promise<InstallResult> {
  const env = options.env ?? process.env;
  const facts = await installFacts(options.repoDir, env);
  const detected = options.manager
    ? { manager: options.manager, reason: 'chosen with --manager' }
    : detectManager(facts);
  // Refused before anything is changed: the hooks that work now stay.
  const turnedOff = detected.manager !== 'git-config' && hooksTurnedOff(facts);
  if (turnedOff)
    throw new UserError(`${turnedOff.what}; to let it run trailguard's: ${turnedOff.fix}`);
  if (detected.manager === 'husky' && !huskyDir(facts.top, facts.hooksPath?.value)) {
    throw new UserError(
      'husky is not set up in this repository (no .husky with hooks, core.hooksPath is not ' +
        "husky's), so git would never run hooks written there: set up husky first (npx husky init), " +
        'or leave out --manager',
    );
  }
  const hooks = [
    ...new Set([
      ...(options.hooks ?? DEFAULT_HOOKS),
      ...(options.prePush ? (['pre-push'] as const) : []),
    ]),
  ];
  const state = new InstallState(facts.commonDir);
  const notes: string[] = [];
  let before = await currentRecord(facts, state, notes, true);
  // Another manager, or hooks no longer asked for (an older version's default post-commit): what
  // was installed goes first, so the record never loses a change uninstall must undo.
  if (
    before &&
    (before.manager !== detected.manager || before.hooks.some((hook) => !hooks.includes(hook)))
  ) {
    notes.push(...(await removeChanges(facts, before.changes)));
    before = undefined;
  }
  const run = new InstallRun(facts, state, before);
  run.notes.push(...notes);
  for (const hook of hooks) writeShim(state.hookCopy(hook));
  state.writeHookEnv({
    cli: packageCli(),
    node: process.execPath,
    extraEnv: await extraAgentEnvOf(facts),
  });

  switch (detected.manager) {
    case 'git-config':
      await installConfigHooks(run, hooks);
      break;
    case 'husky': {
      const dir = huskyDir(facts.top, facts.hooksPath?.value) ?? `${facts.top}/.husky`;
      installEntryLines(run, dir, hooks);
      if (!facts.hooksPath)
        run.notes.push(
          'husky is not active in this clone yet: run `npx husky` (your prepare script)',
        );
      break;
    }
    case 'tracked-dir':
      installEntryLines(run, facts.hooksDir, hooks);
      break;
    case 'hooks-dir':
      installHookFiles(run, facts.hooksDir, hooks);
      if (facts.hooksPath && facts.hooksPath.scope !== 'local') {
        run.notes.push(
          `${facts.hooksDir} comes from ${facts.hooksPath.scope} config: every repository using it now runs trailguard's hooks`,
        );
      }
      if (usesPreCommit(facts.top)) {
        run.notes.push(
          `to let pre-commit run trailguard instead, add to .pre-commit-config.yaml (repos:):\n${preCommitStanza(hooks)}`,
        );
      }
      break;
    case 'lefthook':
      await installLefthook(run, hooks, options.lefthookLocal ?? false);
      break;
    case 'simple-git-hooks':
      installSimpleGitHooks(run, hooks);
      break;
    case 'pre-commit':
      run.notes.push(
        `add to .pre-commit-config.yaml (repos:), then run \`pre-commit install --hook-type ${hooks.join(' --hook-type ')}\`:\n${preCommitStanza(hooks)}`,
      );
      break;
  }
  state.write({ version: 1, manager: detected.manager, hooks, changes: run.changes });
  return { ...detected, hooks, changed: run.changed, notes: run.notes };
}

export interface UninstallResult {
  /** False when nothing of trailguard's was installed (uninstalling again is no error). */
  installed: boolean;
  removed: string[];
  notes: string[];
}

/** Undoes the changes (last first): each file back as it was, or our entry taken out if edited since. */
async function removeChanges(facts: InstallFacts, changes: readonly Change[]): Promise<string[]> {
  const notes: string[] = [];
  let simpleGitHooksChanged = false;
  for (const change of [...changes].reverse()) {
    if (change.kind === 'hook-file') removeHookFile(change, notes);
    else if (change.kind === 'git-config')
      await removeSection(facts.top, facts.env, change.section);
    else {
      simpleGitHooksChanged ||= change.format === 'simple-git-hooks';
      await restoreEdit(change, notes);
    }
  }
  if (simpleGitHooksChanged) applySimpleGitHooks(facts.top, facts.env, notes);
  return notes;
}

async function restoreEdit(
  change: Extract<Change, { kind: 'edit' }>,
  notes: string[],
): Promise<void> {
  if (!existsSync(change.path)) return;
  const current = readFileSync(change.path, 'utf8');
  if (hash(current) === change.written) {
    if (change.backup === null) rmSync(change.path);
    else writeFileSync(change.path, readFileSync(change.backup));
    return;
  }
  const remove = {
    'sh-lines': removeEntryLines,
    lefthook: async (text: string) =>
      (await import('./lefthook-yaml.js')).removeLefthookJobs(text, change.path),
    'simple-git-hooks': (text: string) => removeSimpleGitHooksEntries(text, change.path),
  }[change.format];
  writeFileSync(change.path, await remove(current));
  notes.push(`${change.path} changed since install: only trailguard's entries were taken out`);
}

export async function uninstallHooks(options: {
  repoDir: string;
  env?: NodeJS.ProcessEnv;
}): Promise<UninstallResult> {
  const facts = await installFacts(options.repoDir, options.env ?? process.env);
  const state = new InstallState(facts.commonDir);
  const notes: string[] = [];
  const record = await currentRecord(facts, state, notes, false);
  if (record) notes.push(...(await removeChanges(facts, record.changes)));
  state.clear();
  // The hooks' own mark in this worktree goes with them (src/commit/amend.ts).
  removeAssistedMark(facts.gitDir);
  if (!record) return { installed: false, removed: [], notes };
  const removed = record.changes.map((c) => ('path' in c ? c.path : `git config ${c.section}`));
  return { installed: true, removed, notes };
}
