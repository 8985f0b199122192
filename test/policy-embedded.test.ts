/**
 * The embedded default is parsed, validated and compiled at build time (src/policy/embedded.ts
 * reads what scripts/build.mjs wrote): the committed file must be what reading default.ts's YAML
 * gives now, and a run without a policy file must judge exactly as one with that YAML written out.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePolicy } from '../src/policy/compile.js';
import { DEFAULT_POLICY_YAML, EMBEDDED_DEFAULT } from '../src/policy/default.js';
import { compileDefaultPolicy } from '../src/policy/default-compile.js';
import { compiledDefault, defaultPolicy } from '../src/policy/embedded.js';
import { compiledPolicy } from '../src/policy/locate.js';
import { groupsProtecting } from '../src/policy/judge.js';
import { parsePolicy } from '../src/policy/parse.js';
import { ROOT } from './support/repo.js';

describe('the embedded default policy, compiled at build time', () => {
  test('default-policy.json is what parsing and compiling default.ts gives (run npm run build)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(ROOT, 'src', 'policy', 'default-policy.json'), 'utf8'),
    );
    expect(committed).toEqual(compileDefaultPolicy());
  });

  test('equals the YAML read and compiled at run time', () => {
    const parsed = parsePolicy(DEFAULT_POLICY_YAML, EMBEDDED_DEFAULT);
    expect(defaultPolicy).toEqual(parsed);
    expect(compiledDefault).toEqual(compilePolicy(parsed, EMBEDDED_DEFAULT));
  });

  test('no policy file gives it, named as the embedded default', async () => {
    expect(await compiledPolicy(undefined)).toBe(compiledDefault);
    expect(compiledDefault.source).toBe(EMBEDDED_DEFAULT);
  });

  test('it protects what the YAML says', () => {
    const protectedBy = (path: string) =>
      groupsProtecting(compiledDefault, path).map((group) => group.name);
    expect(protectedBy('ml/training_data/a.jsonl')).toEqual(['training-data']);
    expect(protectedBy('EVALS/x.json')).toEqual(['evals']);
    expect(protectedBy('src/data/loader.py')).toEqual([]);
  });

  test('is frozen: no consumer can change the policy another judges with', () => {
    expect(Object.isFrozen(compiledDefault.groups[0]!.matcher)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.protected)).toBe(true);
  });
});
