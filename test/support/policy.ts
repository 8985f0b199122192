/** A parsed policy as the engine uses it (compiled), for tests written against parsed policies. */
import { expect } from '@jest/globals';
import { compilePolicy } from '../../src/policy/compile.js';
import { exemptionFor, groupsProtecting } from '../../src/policy/judge.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { PolicyError, type CompiledPolicy, type Policy } from '../../src/policy/types.js';

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

/** The one-line error parsing `yaml` as `file` gives (a PolicyError); fails when it parses. */
export function policyErrorOf(yaml: string, file = '.github/trailguard.yml'): string {
  try {
    parsePolicy(yaml, file);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as Error).message;
  }
  throw new Error(`expected a PolicyError for:\n${yaml}`);
}
