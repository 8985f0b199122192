/**
 * The embedded default policy (default.ts) as the build parsed, validated and compiled it
 * (default-policy.json, written by scripts/build.mjs from compileDefaultPolicy): a run without a
 * policy file loads no YAML parser, schema or glob compiler. test/policy-embedded.test.ts checks
 * the file against a fresh parse.
 */
import data from './default-policy.json' with { type: 'json' };
import type { CompiledPolicy, Policy } from './types.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// JSON's inferred types are wider (string for a union, arrays for tuples); the build wrote
// these from a Policy and a CompiledPolicy.

/** The policy that applies when a repository has no policy file. */
export const defaultPolicy = deepFreeze(data.policy as Policy);

/** The same, compiled: what every consumer judges with when there is no policy file. */
export const compiledDefault = deepFreeze(data.compiled as unknown as CompiledPolicy);
