/**
 * Whether hook.env follows the policy: the shims decide a commit without node unless an agent
 * variable is set, and tools.extra's variables are known to them only through hook.env's
 * TG_EXTRA_ENV. `status` and `doctor` read hook.env before they read the policy (which may bring
 * it up to date: policy/refresh.ts) and say what they found.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_FILES } from '../policy/load.js';
import { extraAgentEnv } from '../policy/evaluate.js';
import type { CompiledPolicy } from '../policy/types.js';
import { extraEnvDrift, readHookEnv, type HookEnvRead } from '../state/hook-env.js';
import { sharedStatePath } from '../state/paths.js';
import type { InstallFacts } from './repo.js';

export interface HookEnvCheck {
  ok: boolean;
  what: string;
  fix?: string;
}

const names = (list: string[]) => list.join(', ');

/**
 * `before`: hook.env as read before the policy was; `policy`: the work tree's. Undefined when
 * there is nothing to say (hook.env missing or damaged is reported apart, or no policy).
 */
export function checkHookEnv(
  facts: InstallFacts,
  before: HookEnvRead,
  policy: CompiledPolicy | undefined,
): HookEnvCheck | undefined {
  if (before.state !== 'ok' || !policy) return undefined;
  const wanted = extraAgentEnv(policy);
  const drift = extraEnvDrift(before.extraEnv, wanted);
  const now = readHookEnv(facts.commonDir);
  const fixed = now.state === 'ok' && !hasDrift(extraEnvDrift(now.extraEnv, wanted));
  if (hasDrift(drift)) {
    const problem = drift.missing.length
      ? `lacks ${names(drift.missing)} (tools.extra), so a commit with only that set records nothing`
      : `still names ${names(drift.unused)}, which the policy no longer has`;
    return fixed
      ? {
          ok: true,
          what: `hook.env was stale (its TG_EXTRA_ENV ${problem}); reading the policy just brought it up to date`,
        }
      : {
          ok: false,
          what: `hook.env is stale: its TG_EXTRA_ENV ${problem}`,
          fix: 'trailguard install',
        };
  }
  const newer = newerPolicy(facts);
  if (newer) {
    return {
      ok: false,
      what: `${newer} is newer than hook.env, so every commit starts node to read it`,
      fix: 'trailguard install',
    };
  }
  return {
    ok: true,
    what: `hook.env follows the policy (${wanted.length ? `tools.extra: ${names(wanted)}` : 'no tools.extra variables'})`,
  };
}

const hasDrift = (drift: ReturnType<typeof extraEnvDrift>) =>
  drift.missing.length > 0 || drift.unused.length > 0;

/** The policy file newer than hook.env, as the shim's test builtin sees it. */
function newerPolicy(facts: InstallFacts): string | undefined {
  const hookEnv = statSync(sharedStatePath(facts.commonDir, 'hookEnv'), { throwIfNoEntry: false });
  if (!hookEnv) return undefined;
  return POLICY_FILES.find(
    (file) =>
      (statSync(join(facts.top, file), { throwIfNoEntry: false })?.mtimeMs ?? 0) > hookEnv.mtimeMs,
  );
}
