/**
 * Which agents a repository or machine shows signs of, so a bare `init` writes hook configs only
 * for those: the agent's folders or files in the repository or $HOME, its command on PATH.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import type { AgentDef } from './agent.js';

function exists(base: string, path: string): boolean {
  if (!path.endsWith('*')) {
    try {
      statSync(join(base, path));
      return true;
    } catch {
      return false;
    }
  }
  const prefix = basename(path).slice(0, -1);
  try {
    return readdirSync(join(base, dirname(path))).some((name) => name.startsWith(prefix));
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      const file = join(dir, command);
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** The signs found for one agent, as the user would name them; empty when there are none. */
export function agentSigns(agent: AgentDef, root: string, env: NodeJS.ProcessEnv): string[] {
  const { repo, home, commands } = agent.signs;
  return [
    ...repo.filter((path) => exists(root, path)).map((path) => `${path} in the repository`),
    ...(env.HOME ? home.filter((path) => exists(env.HOME!, path)).map((path) => `~/${path}`) : []),
    ...commands.filter((command) => onPath(command, env)).map((command) => `${command} on PATH`),
  ];
}
