/**
 * The policy and the judge's findings as people read them: the effective policy for logs, the
 * report a git hook prints, and the agent guard's message. Pure renderers; the fix text itself
 * is the judge's (policy/judge.ts).
 */
import { EMBEDDED_DEFAULT } from '../policy/default.js';
import type { Finding, ToolSeen } from '../policy/judge.js';
import type { CompiledPolicy, Forbid } from '../policy/types.js';
import { LEDGER_EVIDENCE } from '../state/ledger.js';

/** Where a policy came from, as a refusal names it. */
export function policySourceText(source: string): string {
  return source === EMBEDDED_DEFAULT ? 'the default policy (no .github/trailguard.yml)' : source;
}

const FORBID_TEXT: Record<Forbid, string> = {
  external: 'outside AI tools forbidden',
  'any-ai': 'all AI tools forbidden',
  none: 'no tool forbidden',
};

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The effective policy in a few lines, for logs ("what did this run enforce?"). */
export function describePolicy(policy: CompiledPolicy, now?: Date): string {
  const list = (items: string[], empty: string) => (items.length ? items.join(', ') : empty);
  const lines = [`trailguard policy v1${policy.extends ? ` (extends ${policy.extends})` : ''}`];
  lines.push(policy.groups.length ? 'protected:' : 'protected: nothing');
  for (const group of policy.groups) {
    const review = group.requireReview ? 'human review required' : 'no review required';
    lines.push(
      `  ${group.name}: ${group.paths.join(', ')} — ${FORBID_TEXT[group.forbid]}; ${review}`,
    );
  }
  const { tools, review } = policy;
  lines.push(
    `tools: internal ${list(tools.internal, 'none')}${tools.providers?.length ? `; internal model providers ${tools.providers.join(', ')}` : ''}; unknown AI signals ${tools.unknown === 'external' ? 'count as external' : 'are ignored'}; extra ${list(
      tools.extra.map((tool) => tool.id),
      'none',
    )}`,
  );
  const approvals = review.approvals
    ? `approving PR reviews count${review.dismissStale ? ' (on the current head only)' : ''}`
    : 'PR approvals do not count';
  lines.push(
    `review: trailers ${list(review.trailers, 'none')}; ${approvals}; reviewers ${list(review.reviewers, 'any human but the author')}`,
  );
  lines.push(`local: ${policy.onViolation} on violation`);
  lines.push(policy.exemptions.length ? 'exemptions:' : 'exemptions: none');
  for (const exemption of policy.exemptions) {
    const what =
      exemption.commit !== undefined ? `commit ${exemption.commit}` : `path ${exemption.path}`;
    const expired = now && exemption.expires && now.toISOString().slice(0, 10) > exemption.expires;
    const until = exemption.expires
      ? ` until ${exemption.expires}${expired ? ' (expired)' : ''}`
      : '';
    const scope = exemption.notFor ? ' (not in org-protected paths)' : '';
    lines.push(`  ${what}${until}${scope}: ${exemption.reason}`);
  }
  return lines.join('\n');
}

function quoteArg(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** What a git hook prints about a commit being made: each group with its files, the tools with their evidence, the fix. */
export function describeCommitFindings(
  findings: readonly Finding[],
  seen: readonly ToolSeen[],
): string {
  const evidence = new Map(seen.map((tool) => [tool.tool, [...new Set(tool.evidence)]]));
  const lines = ['trailguard: outside AI output in protected paths'];
  for (const finding of findings) {
    lines.push(`  ${finding.group}: ${finding.paths.join(', ')}`);
    const tools = finding.tools.map((tool) => {
      const shown = evidence.get(tool) ?? [];
      return shown.length ? `${tool} (${shown.join('; ')})` : tool;
    });
    lines.push(`  tools: ${tools.join(', ')}`);
  }
  const paths = [...new Set(findings.flatMap((finding) => finding.paths))];
  const fixes = [...new Set(findings.map((finding) => finding.fix))];
  lines.push(
    `  fix: leave those files out of this commit (git restore --staged -- ${paths.map(quoteArg).join(' ')}),`,
    ...fixes.map((fix) => `       then ${fix}`),
  );
  const evidenceOfFound = seen
    .filter((tool) => findings.some((finding) => finding.tools.includes(tool.tool)))
    .flatMap((tool) => tool.evidence);
  // Said only where an agent variable is what named the tool (evidence `NAME=value`).
  const variables = evidenceOfFound.filter((text) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(text));
  if (variables.length > 0) {
    const names = [...new Set(variables.map((text) => text.slice(0, text.indexOf('='))))];
    lines.push(
      `       If no agent made this change, unset ${names.join(', ')} (it may be inherited`,
      '       from an agent terminal).',
    );
  }
  if (evidenceOfFound.some((text) => text.startsWith(LEDGER_EVIDENCE))) {
    lines.push(
      '       If no agent content is left in them (you restored or rewrote them), drop their',
      `       agent-ledger entries (logged): trailguard ledger drop ${paths.map(quoteArg).join(' ')} --reason "…"`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The agent guard's message for an edit the findings forbid: every file once (with its group
 * when it is not the first finding's), the first finding's rule, and its fix.
 */
export function describeEditFindings(
  findings: readonly Finding[],
  edit: { tool: string; label: string; source: string; block: boolean },
): string {
  const [first] = findings;
  const files = new Map<string, string>();
  for (const finding of findings)
    for (const path of finding.paths) if (!files.has(path)) files.set(path, finding.group);
  const named = [...files].map(([path, group]) =>
    group === first.group ? path : `${path} (group "${group}")`,
  );
  const what = first.forbid === 'any-ai' ? 'AI tools' : 'outside AI tools';
  const subject = `${edit.label} (${edit.tool}) ${edit.block ? 'may not edit' : 'is editing'} ${named.join(', ')}`;
  const rule = `protected group "${first.group}" in ${policySourceText(edit.source)} forbids ${what}`;
  const fix = `Fix: ${capitalised(first.fix)}`;
  return edit.block
    ? `trailguard: ${subject}: ${rule}. ${fix}`
    : `trailguard: warning: ${subject}: ${rule}. The edit goes ahead (local.on-violation: warn), but a commit carrying it fails trailguard check. ${fix}`;
}
