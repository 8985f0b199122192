import { resolve } from 'node:path';
import { discoverRepo } from '../git/discover.js';
import { basePolicyText } from '../policy/base.js';
import { compiledPolicy, policyText } from '../policy/locate.js';
import type { CompiledPolicy } from '../policy/types.js';
import type { CliIO } from './io.js';

/** The repository: `--repo`, else the cwd. */
export async function repoOf(values: { repo?: string }, io: CliIO): Promise<string> {
  return (await discoverRepo(resolve(io.cwd, values.repo ?? '.'), io.env)).top;
}

/**
 * The effective policy (`extends` merged): the file `--config` names, else the one committed at
 * `base` (a revision; null for none before the range: the embedded default) as the Action reads
 * the base branch's, else the work tree's.
 */
export async function policyFor(
  repo: string,
  values: { config?: string },
  io: CliIO,
  base?: string | null,
): Promise<CompiledPolicy> {
  const configPath = values.config === undefined ? undefined : resolve(io.cwd, values.config);
  const found =
    configPath === undefined && base !== undefined
      ? basePolicyText(repo, base, undefined, io.env)
      : policyText({ repoDir: repo, configPath, env: io.env });
  return compiledPolicy(found, { env: io.env });
}

/** The repository (`--repo`, else the cwd) and its effective policy (`--config`, `extends`). */
export async function repoAndPolicy(
  values: { repo?: string; config?: string },
  io: CliIO,
): Promise<{ repo: string; policy: CompiledPolicy }> {
  const repo = await repoOf(values, io);
  return { repo, policy: await policyFor(repo, values, io) };
}
