/** A parsed policy as the engine uses it (compiled), for tests written against parsed policies. */
import { compilePolicy } from '../../src/policy/compile.js';
import { exemptionFor, groupsProtecting } from '../../src/policy/judge.js';
import type { CompiledPolicy, Policy } from '../../src/policy/types.js';

const compiledOf = new WeakMap<Policy, CompiledPolicy>();

export function compiled(policy: Policy, source = 'test'): CompiledPolicy {
  let result = compiledOf.get(policy);
  if (!result) compiledOf.set(policy, (result = compilePolicy(policy, source)));
  return result;
}

/** The groups protecting a path, in policy order. */
export function protection(policy: Policy): (path: string) => { name: string }[] {
  const compiledPolicy = compiled(policy);
  return (path) => groupsProtecting(compiledPolicy, path);
}

/** The exemption covering a commit or path (judge.ts exemptionFor). */
export function exemptionOf(target: { sha?: string; path?: string }, policy: Policy, now: Date) {
  return exemptionFor(compiled(policy), target, now);
}
