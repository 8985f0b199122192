import type { Catalog, Provenance } from '../core/catalog.js';
import { provenanceOf } from '../core/detect.js';
import type { CommitVerdict } from '../policy/evaluate.js';
import type { CommitRecord, Signal } from '../core/types.js';
import { escapeCell } from './markdown.js';
import { shortSha } from './text.js';

export interface Explanation {
  commit: CommitRecord;
  verdict: CommitVerdict;
  /** Where the policy came from, e.g. ".trailguard.yml". */
  policySource: string;
  catalog: Catalog;
}

/** `trailguard explain` as text or Markdown: signals (with where each signature is documented), paths, review, verdict. */
export function renderExplanation(explanation: Explanation, markdown: boolean): string {
  const { commit, verdict, policySource, catalog } = explanation;
  const heading = (text: string) => (markdown ? `### ${text}` : `${text}:`);
  const item = (text: string) => (markdown ? `- ${escapeCell(text)}` : `  ${text}`);
  const detail = (text: string) => (markdown ? `  - ${escapeCell(text)}` : `    ${text}`);
  const title = commit.message.split('\n', 1)[0];
  const lines = [
    markdown ? `## ${shortSha(commit.sha)} ${escapeCell(title)}` : `commit ${commit.sha}  ${title}`,
    item(
      `author ${commit.author.name} <${commit.author.email}>, committer ${commit.committer.name} <${commit.committer.email}>`,
    ),
    item(`policy: ${policySource}`),
    '',
    heading('AI signals'),
  ];
  if (verdict.tools.length === 0)
    lines.push(item('none found (which means unknown, not proven human)'));
  for (const tool of verdict.tools) {
    const def = catalog.get(tool.tool);
    for (const signal of tool.signals) {
      const ran = [signal.provider, signal.model].filter(Boolean).join(' ');
      const model = ran ? ` (${ran})` : '';
      lines.push(
        item(`${tool.tool} [${tool.standing}] ${signal.kind}${model}: ${signal.evidence}`),
      );
      const documented = provenanceOf(signal);
      if (documented) {
        const surface = documented.variant ? ` (${documented.variant})` : '';
        const who = def ? `${def.name}${surface} by ${def.vendor}; ` : '';
        lines.push(detail(`${who}${provenanceText(documented)}`));
      }
    }
  }
  lines.push('', heading('Protected paths touched'));
  if (verdict.exemption) lines.push(item(`whole commit exempt: ${verdict.exemption}`));
  else if (verdict.groups.length === 0) lines.push(item('none'));
  for (const group of verdict.groups) {
    for (const path of group.paths) lines.push(item(`${group.group}: ${path}`));
    for (const exempt of group.exemptPaths)
      lines.push(item(`${group.group}: ${exempt.path} (exempt: ${exempt.reason})`));
  }
  lines.push('', heading('Human review'));
  lines.push(
    ...(verdict.review.notes.length
      ? verdict.review.notes.map(item)
      : [item('no sign-off trailer')]),
  );
  lines.push('', heading('Verdict'));
  if (verdict.violations.length === 0) lines.push(item('passes the policy'));
  for (const violation of verdict.violations)
    lines.push(item(`${violation.rule} [${violation.group}]: ${violation.message}`));
  return lines.join('\n') + '\n';
}

function provenanceText(documented: Provenance): string {
  const seen = documented.seen?.length ? `; seen in ${documented.seen.join(', ')}` : '';
  return `documented: ${documented.source}${seen}`;
}

/** `trailguard explain --format json`: the verdict, each signal with its signature's provenance. */
export function renderExplanationJson(explanation: Explanation): string {
  const { verdict, policySource } = explanation;
  const withProvenance = (signal: Signal) => {
    const documented = provenanceOf(signal);
    if (!documented) return signal;
    const { source, variant, seen } = documented;
    return { ...signal, documented: { source, variant, seen } };
  };
  const tools = verdict.tools.map((tool) => ({
    ...tool,
    signals: tool.signals.map(withProvenance),
  }));
  return JSON.stringify({ policy: policySource, ...verdict, tools }, null, 2) + '\n';
}
