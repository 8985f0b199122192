import { resolve } from 'node:path';
import { discoverRepo } from '../git/discover.js';
import { compilePolicy } from '../policy/compile.js';
import { resolveExtends } from '../policy/extends.js';
import { loadPolicy } from '../policy/read.js';
import type { CompiledPolicy } from '../policy/types.js';
import type { CliIO } from './io.js';

/** The repository (`--repo`, else the cwd) and its effective policy (`--config`, `extends`). */
export async function repoAndPolicy(
  values: { repo?: string; config?: string },
  io: CliIO,
): Promise<{ repo: string; policy: CompiledPolicy }> {
  const { top: repo } = await discoverRepo(resolve(io.cwd, values.repo ?? '.'), io.env);
  const configPath = values.config === undefined ? undefined : resolve(io.cwd, values.config);
  const loaded = await resolveExtends(loadPolicy({ repoDir: repo, configPath, env: io.env }), {
    env: io.env,
  });
  return { repo, policy: compilePolicy(loaded.policy, loaded.source) };
}
