/** The effective policy compiled into the one form every consumer judges with (types.ts CompiledPolicy). */
import { builtinTools } from '../core/catalog.js';
import { compileGlobSet } from './globs.js';
import type { CompiledPolicy, Policy } from './types.js';

export function compilePolicy(policy: Policy, source: string): CompiledPolicy {
  return {
    source,
    ...(policy.extends !== undefined && { extends: policy.extends }),
    groups: policy.protected.map((group) => ({
      ...group,
      matcher: compileGlobSet(group.paths),
    })),
    tools: policy.tools,
    review: policy.review,
    onViolation: policy.local.onViolation,
    exemptions: policy.exemptions.map(({ notFor, ...exemption }) => ({
      ...exemption,
      ...(exemption.path !== undefined && { matcher: compileGlobSet([exemption.path]) }),
      ...(notFor?.length && { notFor: compileGlobSet(notFor) }),
    })),
    ...(policy.tools.providers.length > 0 && { toolProviders: ownProviders() }),
  };
}

function ownProviders(): Record<string, string> {
  return Object.fromEntries(
    builtinTools.flatMap((tool) => (tool.provider ? [[tool.id, tool.provider]] : [])),
  );
}
