/**
 * The judge: the one place the policy's rules are applied. Pure and synchronous; it reads only
 * the compiled policy (no YAML, schema or glob compiler), so the git hooks and the agent guard
 * call it as cheaply as `trailguard check` and the Action do.
 *
 * - A protected group's paths may not carry the tools it forbids: `external` forbids tools not in
 *   `tools.internal` (an AI claim naming no known tool is outside unless `tools.unknown: ignore`),
 *   `any-ai` every AI tool, `none` no tool.
 * - A group with `require-review` needs a human review of every change touching it (when the
 *   caller can know: before a commit exists there is no review yet).
 * - Active path exemptions take paths out of the judgement, a commit exemption the whole commit.
 */
import type { Rule } from '../core/types.js';
import { globSetMatcher, normalizePath } from './match.js';
import type { CompiledExemption, CompiledGroup, CompiledPolicy, Forbid } from './types.js';

export type ToolStanding = 'internal' | 'external' | 'ignored';

/** An AI tool seen in a change, with what showed it (the first item is the one quoted in messages). */
export interface ToolSeen extends ToolProviders {
  evidence: readonly string[];
}

/**
 * A tool and whose models wrote its output, where its signals tell (Signal.provider: a named
 * model's provider, else the tool's own). Without `providers` the tool's own provider counts.
 */
export interface ToolProviders {
  tool: string;
  providers?: readonly string[];
}

export interface GroupTouched {
  group: string;
  paths: string[];
  exemptPaths: { path: string; reason: string }[];
}

export interface Touched {
  /** The reason of an active commit exemption covering the whole change. */
  exemption?: string;
  groups: GroupTouched[];
}

export interface Finding {
  rule: Rule;
  group: string;
  forbid: Forbid;
  paths: string[];
  /** The forbidden tools (external-ai), or every AI tool of the change (missing-review). */
  tools: string[];
  /** What shows the rule is broken, e.g. `codex (Co-authored-by: Codex <…>)`. */
  evidence: string;
  /** How to fix it, one sentence. */
  fix: string;
}

const FIX = {
  external:
    'keep outside-model output out of this path — redo the change without that tool, move it out of the protected path, or (if the tool is your own) list it under tools.internal.',
  'any-ai':
    'keep AI output out of this path — make the change by hand, or move it out of the protected path; a maintainer can exempt the path in the policy.',
  review:
    'have someone other than the author review it and add a trailer (git commit --amend --trailer "Reviewed-by: Name <email>")',
  approval: "or get an approving review on the pull request's current head",
} as const;

/** The fix for a rule: for a review, whether an approving pull request review would count. */
export function fixFor(rule: Rule, options: { forbid?: Forbid; approvals: boolean }): string {
  if (rule === 'external-ai') return FIX[options.forbid === 'any-ai' ? 'any-ai' : 'external'];
  return options.approvals ? `${FIX.review}, ${FIX.approval}.` : `${FIX.review}.`;
}

interface Matchers {
  groups: { group: CompiledGroup; matches: (path: string) => boolean }[];
  exemptions: {
    exemption: CompiledExemption;
    covers?: (path: string) => boolean;
    orgProtects?: (path: string) => boolean;
  }[];
}

// A compiled policy is never changed once made, so its matchers are built once.
const matchersOf = new WeakMap<CompiledPolicy, Matchers>();

function matchers(policy: CompiledPolicy): Matchers {
  let built = matchersOf.get(policy);
  if (!built) {
    built = {
      groups: policy.groups.map((group) => ({ group, matches: globSetMatcher(group.matcher) })),
      exemptions: policy.exemptions.map((exemption) => ({
        exemption,
        covers: exemption.matcher && globSetMatcher(exemption.matcher),
        orgProtects: exemption.notFor && globSetMatcher(exemption.notFor),
      })),
    };
    matchersOf.set(policy, built);
  }
  return built;
}

/** Whether an exemption still applies on `now`: it expires at the end of its `expires` day, UTC. */
export function exemptionActive(exemption: { expires?: string }, now: Date): boolean {
  return exemption.expires === undefined || now.toISOString().slice(0, 10) <= exemption.expires;
}

/**
 * The first active exemption covering a commit (`sha`, by prefix) or a path (by glob).
 * `{sha}` alone finds commit exemptions that cover the whole commit; `{path}` alone finds path
 * exemptions; `{sha, path}` finds either, and is the only form that can apply a repository's
 * commit exemption (mergePolicies scopes those to paths the org does not protect).
 */
export function exemptionFor(
  policy: CompiledPolicy,
  target: { sha?: string; path?: string },
  now: Date,
): CompiledExemption | undefined {
  const sha = target.sha?.toLowerCase();
  const path = target.path === undefined ? undefined : normalizePath(target.path);
  for (const { exemption, covers, orgProtects } of matchers(policy).exemptions) {
    const matches =
      exemption.commit !== undefined
        ? sha !== undefined && sha.startsWith(exemption.commit)
        : path !== undefined && covers!(path);
    if (!matches || !exemptionActive(exemption, now)) continue;
    if (orgProtects && (path === undefined || orgProtects(path))) continue;
    return exemption;
  }
  return undefined;
}

/** The groups protecting a path, in policy order. */
export function groupsProtecting(policy: CompiledPolicy, path: string): CompiledGroup[] {
  const normalized = normalizePath(path);
  return matchers(policy)
    .groups.filter(({ matches }) => matches(normalized))
    .map(({ group }) => group);
}

/** The protected groups a change's paths fall in, and what exemptions take out. */
export function touchedGroups(
  policy: CompiledPolicy,
  change: { sha?: string; paths: Iterable<string> },
  now: Date,
): Touched {
  const commitExemption = change.sha && exemptionFor(policy, { sha: change.sha }, now);
  if (commitExemption) return { exemption: commitExemption.reason, groups: [] };
  const groups = new Map<string, GroupTouched>();
  for (const path of change.paths) {
    for (const group of groupsProtecting(policy, path)) {
      let touched = groups.get(group.name);
      if (!touched)
        groups.set(group.name, (touched = { group: group.name, paths: [], exemptPaths: [] }));
      const exemption = exemptionFor(policy, { sha: change.sha, path }, now);
      if (exemption) touched.exemptPaths.push({ path, reason: exemption.reason });
      else touched.paths.push(path);
    }
  }
  return { groups: [...groups.values()] };
}

/** The provider of a tool's own models (the catalog's), for a tool seen without its signals. */
export function ownProviders(policy: CompiledPolicy, tool: string): string[] {
  const provider = policy.toolProviders?.[tool];
  return provider ? [provider] : [];
}

/**
 * How the policy counts a tool's output: internal when the tool is in `tools.internal`, or when
 * every provider whose model wrote it is in `tools.providers` (whose model wrote the text is
 * what matters: Cursor running Claude is Anthropic output); an AI claim naming no known tool as
 * `tools.unknown` says; everything else is outside output.
 */
export function standingOf(policy: CompiledPolicy, seen: ToolProviders): ToolStanding {
  const { internal, unknown, providers: internalProviders = [] } = policy.tools;
  if (internal.includes(seen.tool)) return 'internal';
  if (internalProviders.length > 0) {
    const whose = seen.providers?.length ? seen.providers : ownProviders(policy, seen.tool);
    if (whose.length > 0 && whose.every((provider) => internalProviders.includes(provider)))
      return 'internal';
  }
  if (seen.tool === 'unknown') return unknown === 'ignore' ? 'ignored' : 'external';
  return 'external';
}

/** A change's AI tools by standing: the ignored ones dropped, the outside ones apart. */
export function byStanding<Seen extends ToolProviders>(
  policy: CompiledPolicy,
  tools: readonly Seen[],
): { ai: Seen[]; external: Seen[] } {
  const ai = tools.filter((seen) => standingOf(policy, seen) !== 'ignored');
  return { ai, external: ai.filter((seen) => standingOf(policy, seen) === 'external') };
}

/**
 * One protected group's rule applied to one change: the tools it forbids among those seen, and
 * whether the change lacks a review the group needs (`reviewed` undefined: not judged). The
 * judge and the HEAD engine (scan, verify, attest) both decide with this.
 */
export function groupRule<Seen extends ToolProviders>(
  policy: CompiledPolicy,
  group: Pick<CompiledGroup, 'forbid' | 'requireReview'>,
  tools: readonly Seen[],
  reviewed?: boolean,
): { forbidden: Seen[]; needsReview: boolean } {
  const { ai, external } = byStanding(policy, tools);
  return {
    forbidden: group.forbid === 'any-ai' ? ai : group.forbid === 'external' ? external : [],
    needsReview: reviewed === false && group.requireReview,
  };
}

/**
 * The findings for a change: `touched` (touchedGroups), the AI tools seen, and whether a human
 * review counts (`undefined` where no review can exist yet: the review rule is then not judged).
 */
export function judge(
  policy: CompiledPolicy,
  touched: Touched,
  tools: readonly ToolSeen[],
  reviewed?: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const { ai } = byStanding(policy, tools);
  const approvals = policy.review.approvals;
  for (const { group: name, paths } of touched.groups) {
    if (paths.length === 0) continue;
    const group = policy.groups.find((candidate) => candidate.name === name)!;
    const { forbidden, needsReview } = groupRule(policy, group, tools, reviewed);
    if (forbidden.length > 0) {
      findings.push({
        rule: 'external-ai',
        group: name,
        forbid: group.forbid,
        paths,
        tools: forbidden.map((seen) => seen.tool),
        evidence: forbidden.map((seen) => `${seen.tool} (${seen.evidence[0]})`).join('; '),
        fix: fixFor('external-ai', { forbid: group.forbid, approvals }),
      });
    }
    if (needsReview) {
      findings.push({
        rule: 'missing-review',
        group: name,
        forbid: group.forbid,
        paths,
        tools: ai.map((seen) => seen.tool),
        evidence: 'no human review counts',
        fix: fixFor('missing-review', { approvals }),
      });
    }
  }
  return findings;
}

/** The one-sentence statement of a finding, as `check` and the Action report it. */
export function findingMessage(finding: Finding): string {
  const fix = `Fix: ${finding.fix.charAt(0).toUpperCase()}${finding.fix.slice(1)}`;
  if (finding.rule === 'missing-review')
    return `Protected group "${finding.group}" needs a human review and none counts for this commit. ${fix}`;
  const what = finding.forbid === 'any-ai' ? 'AI tools' : 'outside AI tools';
  return `Protected group "${finding.group}" forbids ${what}; this commit carries ${finding.evidence}. ${fix}`;
}
