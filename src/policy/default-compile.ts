/**
 * What the build writes to default-policy.json (embedded.ts reads it): the embedded default read
 * like any policy file (the schema validates it) and compiled.
 */
import { compilePolicy } from './compile.js';
import { DEFAULT_POLICY_YAML, EMBEDDED_DEFAULT } from './default.js';
import { parsePolicy } from './parse.js';
import type { CompiledPolicy, Policy } from './types.js';

export function compileDefaultPolicy(): { policy: Policy; compiled: CompiledPolicy } {
  const policy = parsePolicy(DEFAULT_POLICY_YAML, EMBEDDED_DEFAULT);
  return { policy, compiled: compilePolicy(policy, EMBEDDED_DEFAULT) };
}
