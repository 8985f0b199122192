/**
 * Reading a policy file found by locate.ts: parsed and validated (parse.ts), `extends` merged,
 * compiled. The YAML parser, the schema and the glob compiler load with this module, so the
 * light modules import it only when there is a file to read.
 */
import { EMBEDDED_DEFAULT } from './default.js';
import { defaultPolicy } from './embedded.js';
import { compilePolicy } from './compile.js';
import { resolveExtends } from './extends.js';
import { policyText, type ExtendsOptions, type PolicyLocation, type PolicyText } from './locate.js';
import { parsePolicyLayer, resolvePolicy } from './parse.js';
import type { CompiledPolicy, Policy, PolicyLayer } from './types.js';

export interface LoadedPolicy {
  policy: Policy;
  /** What the file said, before defaults: what mergePolicies takes as the repository's side. */
  layer: PolicyLayer;
  /** The file read (`path`, or `rev:path` for a revision), or "embedded default". */
  source: string;
}

/** The policy `found` says (the embedded default for undefined). Throws a UserError on an invalid file. */
export function readPolicyText(found: PolicyText | undefined): LoadedPolicy {
  if (found === undefined)
    return { policy: defaultPolicy, layer: defaultPolicy, source: EMBEDDED_DEFAULT };
  const layer = parsePolicyLayer(found.text, found.source);
  return { policy: resolvePolicy(layer), layer, source: found.source };
}

/** locate.ts compiledPolicy, once a file is found. */
export async function compileText(
  found: PolicyText,
  extendsFrom: ExtendsOptions | undefined,
): Promise<CompiledPolicy> {
  const read = readPolicyText(found);
  const loaded = extendsFrom ? await resolveExtends(read, extendsFrom) : read;
  return compilePolicy(loaded.policy, loaded.source);
}

/**
 * The policy for a repository, read (locate.ts policyText says which file); the embedded default
 * when there is none. Errors (a missing --config file, a git failure, an invalid file) are
 * UserErrors.
 */
export function loadPolicy(options: PolicyLocation & { configPath?: string }): LoadedPolicy {
  return readPolicyText(policyText(options));
}
