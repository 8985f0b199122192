import { UserError } from '../core/errors.js';

/** The Action's inputs (action.yml). */
export interface ActionInputs {
  /** Policy file path inside the repository; empty = the usual places. */
  config?: string;
  token?: string;
  /** audit: a report over the whole history (scan), written as files and the job summary. */
  mode: 'enforce' | 'report' | 'audit';
  base?: string;
  head?: string;
  comment: boolean;
  /** On a passing push to the default branch, write an in-toto statement for actions/attest. */
  attest: boolean;
}

/**
 * How an input is read: `core.getInput` in the Action, so action.yml's defaults apply wherever
 * the Action runs (the runner passes them as INPUT_<NAME>; @github/local-action reads them from
 * action.yml itself).
 */
export type GetInput = (name: string) => string;

/**
 * An input's value, trimmed; empty is unset. `${{ … }}` left as written is unset too: only a
 * runner expands expressions, so outside one (local-action) action.yml's `${{ github.token }}`
 * default arrives verbatim and is no token.
 */
function readInput(getInput: GetInput, name: string): string | undefined {
  const value = getInput(name).trim();
  return value && !/^\$\{\{.*\}\}$/s.test(value) ? value : undefined;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`input ${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function readInputs(getInput: GetInput): ActionInputs {
  const comment = oneOf('comment', readInput(getInput, 'comment') ?? 'true', ['true', 'false']);
  const attest = oneOf('attest', readInput(getInput, 'attest') ?? 'false', ['true', 'false']);
  return {
    config: readInput(getInput, 'config'),
    token: readInput(getInput, 'token'),
    mode: oneOf('mode', readInput(getInput, 'mode') ?? 'enforce', ['enforce', 'report', 'audit']),
    base: readInput(getInput, 'base'),
    head: readInput(getInput, 'head'),
    comment: comment === 'true',
    attest: attest === 'true',
  };
}
