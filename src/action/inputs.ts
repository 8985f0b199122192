import { UserError } from '../errors.js';

/** The Action's inputs (action.yml), read the way the runner passes them: INPUT_<NAME>. */
export interface ActionInputs {
  /** Policy file path inside the repository; empty = the usual places. */
  config?: string;
  token?: string;
  mode: 'enforce' | 'report';
  base?: string;
  head?: string;
  comment: boolean;
}

/** core.getInput's rule: `INPUT_` + the name upper-cased, spaces as underscores; trimmed. */
export function readInput(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value ? value : undefined;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`input ${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const comment = oneOf('comment', readInput(env, 'comment') ?? 'true', ['true', 'false']);
  return {
    config: readInput(env, 'config'),
    token: readInput(env, 'token'),
    mode: oneOf('mode', readInput(env, 'mode') ?? 'enforce', ['enforce', 'report']),
    base: readInput(env, 'base'),
    head: readInput(env, 'head'),
    comment: comment === 'true',
  };
}
