import { resolve } from 'node:path';
import { resolveExtends } from '../config/extends.js';
import { loadPolicy, type LoadedPolicy } from '../config/load.js';
import { discoverRepo } from '../git/discover.js';
import type { CliIO } from './io.js';

/** The repository (`--repo`, else the cwd) and its effective policy (`--config`, `extends`). */
export async function repoAndPolicy(
  values: { repo?: string; config?: string },
  io: CliIO,
): Promise<{ repo: string; loaded: LoadedPolicy }> {
  const { top: repo } = await discoverRepo(resolve(io.cwd, values.repo ?? '.'), io.env);
  const configPath = values.config === undefined ? undefined : resolve(io.cwd, values.config);
  const loaded = await resolveExtends(loadPolicy({ repoDir: repo, configPath, env: io.env }), {
    env: io.env,
  });
  return { repo, loaded };
}
