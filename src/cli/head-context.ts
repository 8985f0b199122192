import { resolve, relative } from 'node:path';
import { discoverRepo } from '../git/discover.js';
import { resolveCommit } from '../git/repo.js';
import { compiledPolicy, policyText } from '../policy/locate.js';
import type { CompiledPolicy } from '../policy/types.js';
import type { CliIO } from './io.js';

/**
 * For the verbs that judge what a revision holds (verify, attest): the repository, the commit
 * `--at` names (default HEAD), and the policy committed at that commit (`--config` overrides),
 * so the verdict and the policy's digest describe the same revision.
 */
export async function revisionAndPolicy(
  values: { repo?: string; config?: string; at?: string },
  io: CliIO,
): Promise<{ repo: string; rev: string; commit: string; policy: CompiledPolicy }> {
  const { top: repo } = await discoverRepo(resolve(io.cwd, values.repo ?? '.'), io.env);
  const rev = values.at ?? 'HEAD';
  const commit = await resolveCommit(repo, rev, io.env);
  const configPath = values.config === undefined ? undefined : resolve(io.cwd, values.config);
  const found = policyText({ repoDir: repo, rev: commit, configPath, env: io.env });
  return { repo, rev, commit, policy: await compiledPolicy(found, { env: io.env }) };
}

/** PATH arguments, given from the current directory, as repository-relative paths. */
export function repoPaths(repo: string, io: CliIO, paths: string[]): string[] {
  return paths.map((path) => relative(repo, resolve(io.cwd, path)).split('\\').join('/'));
}
