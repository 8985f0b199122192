/**
 * What silently stops trailguard's hooks, found by looking where git will actually look:
 * core.hooksPath changed after install, lefthook renaming our hook to `.old`, an entry whose
 * script is gone, node unreachable from a GUI client (no login shell), an invalid policy. Each
 * finding comes with the line that fixes it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitMaybe } from '../git/exec.js';
import { workTreePolicyOrProblem } from '../policy/load.js';
import { policySourceText } from '../report/policy.js';
import { readHookEnv } from '../state/hook-env.js';
import { InstallState, type HookName, type InstallRecord } from '../state/install-record.js';
import { checkHookEnv } from './hook-env-check.js';
import { ENTRY_MARKER, runsOurHook } from './entry.js';
import { sectionFor } from './git-config.js';
import { JOB_NAME, lefthookConfig, lefthookLocalConfig } from './lefthook.js';
import { currentRecord } from './recover.js';
import { CONFIG_HOOKS_SINCE, hooksTurnedOff, versionAtLeast, type InstallFacts } from './repo.js';
import { huskyDir } from './sh-lines.js';
import { isOurShim, shimSource } from './shim-file.js';

export interface Finding {
  ok: boolean;
  what: string;
  fix?: string;
}

/** How git reaches our hook for one event now, or why it does not. */
export async function reachability(facts: InstallFacts, hook: HookName): Promise<Finding> {
  const file = join(facts.hooksDir, hook);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (isOurShim(file)) return { ok: true, what: `${hook}: ${file}` };
  const via = await entryRunner(facts, hook, file, text);
  if (!via) {
    return {
      ok: false,
      what: `${hook}: git does not run trailguard (it looks in ${facts.hooksDir})`,
    };
  }
  // An entry line runs the repository's dependency, else this clone's copy (hookCommand).
  const scripts = [
    join(facts.top, 'node_modules', 'trailguard', 'hooks', hook),
    new InstallState(facts.commonDir).hookCopy(hook),
  ];
  return scripts.some((script) => existsSync(script))
    ? { ok: true, what: `${hook}: ${via}` }
    : {
        ok: false,
        what: `${hook}: ${via}, but the script it runs is gone (${scripts.join(' or ')})`,
        fix: 'trailguard install',
      };
}

/** Which hook manager entry of ours git reaches for `hook`, if any. */
async function entryRunner(
  facts: InstallFacts,
  hook: HookName,
  file: string,
  text: string,
): Promise<string | undefined> {
  if (runsOurHook(text)) return `${file} runs trailguard`;
  const husky = huskyDir(facts.top, facts.hooksPath?.value);
  if (husky && facts.hooksPath && readIf(join(husky, hook)).includes(ENTRY_MARKER)) {
    return `husky runs .husky/${hook}`;
  }
  if (text.includes('lefthook') && (await lefthookJob(facts.top, hook))) {
    return `lefthook runs the ${JOB_NAME} job`;
  }
  if (
    versionAtLeast(facts.gitVersion, CONFIG_HOOKS_SINCE) &&
    (await configHookListed(facts, hook))
  ) {
    return `git config ${sectionFor(hook)}`;
  }
  return undefined;
}

function readIf(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

async function lefthookJob(top: string, hook: HookName): Promise<boolean> {
  const main = lefthookConfig(top);
  if (!main) return false;
  const { hasLefthookJob } = await import('./lefthook-yaml.js');
  return [main, lefthookLocalConfig(main)].some((file) => hasLefthookJob(readIf(file), hook));
}

async function configHookListed(facts: InstallFacts, hook: HookName): Promise<boolean> {
  const listed = await gitMaybe(['hook', 'list', hook], { cwd: facts.top, env: facts.env });
  return listed?.includes(`trailguard-${hook}`) ?? false;
}

/** What a GUI client's PATH holds without a login shell (no nvm, no shell rc files). */
export const GUI_PATH = '/usr/bin:/bin:/usr/sbin:/sbin';

/** What a hook finds, asked of the shim itself (its `doctor` mode) with a GUI client's PATH. */
export interface ShimView {
  /** The node the shim's own search finds, if any. */
  node?: string;
  /** The CLI recorded at install (hook.env), if any. */
  cli?: string;
  hookEnv: 'ok' | 'missing' | 'damaged';
}

/** The shim's own search, run with what a GUI client has: no login shell, a short PATH. */
export function shimView(facts: InstallFacts, guiPath = GUI_PATH): ShimView {
  let output = '';
  try {
    output = execFileSync('/bin/sh', [shimSource()], {
      cwd: facts.top,
      env: { HOME: facts.env.HOME ?? '', PATH: guiPath, tg_hook: 'doctor' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    output = '';
  }
  const field = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(output)?.[1] || undefined;
  const hookEnv = field('hook-env');
  return {
    node: field('node'),
    cli: field('cli'),
    hookEnv: hookEnv === 'ok' || hookEnv === 'missing' ? hookEnv : 'damaged',
  };
}

function nodeMajor(node: string): number {
  try {
    return Number(
      /^v(\d+)/.exec(execFileSync(node, ['--version'], { encoding: 'utf8' }))?.[1] ?? 0,
    );
  } catch {
    return 0;
  }
}

export async function diagnose(
  facts: InstallFacts,
  options: { guiPath?: string } = {},
): Promise<Finding[]> {
  const state = new InstallState(facts.commonDir);
  // Before the policy is read: reading a changed policy brings hook.env up to date.
  const hookEnvBefore = readHookEnv(facts.commonDir);
  const damaged: string[] = [];
  const record: InstallRecord | undefined = await currentRecord(facts, state, damaged, false);
  const findings: Finding[] = damaged.map((what) => ({
    ok: false,
    what,
    fix: 'trailguard install (rebuilds the record from the hooks on disk)',
  }));
  const turnedOff = versionAtLeast(facts.gitVersion, CONFIG_HOOKS_SINCE)
    ? undefined
    : hooksTurnedOff(facts);
  if (turnedOff) findings.push({ ok: false, ...turnedOff });
  if (!record) {
    if (damaged.length > 0 || turnedOff) return findings;
    return [
      { ok: false, what: 'trailguard hooks are not installed here', fix: 'trailguard install' },
    ];
  }
  findings.push({ ok: true, what: `installed with ${record.manager}: ${record.hooks.join(', ')}` });
  for (const hook of record.hooks) {
    const finding = await reachability(facts, hook);
    if (!finding.ok) finding.fix ??= whyUnreachable(facts, record, hook);
    findings.push(finding);
  }
  const shim = shimView(facts, options.guiPath);
  if (shim.hookEnv === 'damaged') {
    findings.push({
      ok: false,
      what: `${state.hookEnvPath} cannot be read; the hooks go on without it`,
      fix: 'trailguard install (writes it anew)',
    });
  }
  if (!shim.node) {
    findings.push({
      ok: false,
      what: 'node is not found without a login shell (GUI clients start hooks so)',
      fix: `trailguard install (records ${process.execPath}), or set TRAILGUARD_NODE for your GUI client`,
    });
  } else if (nodeMajor(shim.node) < 20) {
    findings.push({
      ok: false,
      what: `the node hooks find first (${shim.node}) is older than 20`,
      fix: 'install node 20 or newer there, or set TRAILGUARD_NODE to a newer one',
    });
  } else findings.push({ ok: true, what: `node without a login shell: ${shim.node}` });
  if (
    shim.cli &&
    !existsSync(shim.cli) &&
    !existsSync(join(facts.top, 'node_modules/trailguard/dist/cli.js'))
  ) {
    findings.push({
      ok: false,
      what: `the trailguard CLI recorded at install is gone (${shim.cli})`,
      fix: 'npm install --save-dev trailguard && npx trailguard install',
    });
  }
  const policy = await workTreePolicyOrProblem(facts);
  findings.push(
    !policy.policy
      ? {
          ok: false,
          what: `invalid policy: ${policy.problem}`,
          fix: 'correct that line (`trailguard schema` prints the JSON Schema); until then hooks record but do not judge',
        }
      : { ok: true, what: `policy: ${policySourceText(policy.policy.source)}` },
  );
  const hookEnv = checkHookEnv(facts, hookEnvBefore, policy.policy);
  if (hookEnv) findings.push(hookEnv);
  return findings;
}

function whyUnreachable(facts: InstallFacts, record: InstallRecord, hook: HookName): string {
  for (const change of record.changes) {
    if (change.kind !== 'hook-file' || !change.path.endsWith(`/${hook}`)) continue;
    if (isOurShim(`${change.path}.old`)) {
      return `lefthook renamed it to ${change.path}.old and never runs it: trailguard install (adds a lefthook job)`;
    }
    if (!change.path.startsWith(facts.hooksDir + '/')) {
      const now = facts.hooksPath
        ? `core.hooksPath is now ${facts.hooksPath.value} (${facts.hooksPath.scope})`
        : 'core.hooksPath was unset';
      return `${now} since install: trailguard install (installs where git looks now)`;
    }
  }
  if (record.manager === 'git-config' && !versionAtLeast(facts.gitVersion, CONFIG_HOOKS_SINCE)) {
    return `git ${facts.gitVersion.join('.')} ignores config hooks: trailguard install --manager hooks-dir`;
  }
  return 'trailguard install';
}
