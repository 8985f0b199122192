import { explain } from '../check.js';
import type { CommitVerdict } from '../core/evaluate.js';
import type { CommitRecord } from '../core/types.js';
import { UserError } from '../errors.js';
import { currentBranch } from '../git/repo.js';
import { escapeCell } from '../report/markdown.js';
import { repoAndPolicy } from './context.js';
import { EXIT, commonOptions, parseVerb, requireFormat, type Verb } from './io.js';

const help = `usage: trailguard explain <commit> [--format text|json|markdown] [--config PATH] [--repo DIR]

Shows every AI signal found in one commit, the protected paths it touches, its review sign-offs,
and how the policy judges it. Exit 0 when the commit passes, 1 when it violates the policy.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('explain', args, io, help, commonOptions);
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  const format = requireFormat('explain', values.format, ['text', 'json', 'markdown'] as const);
  if (positionals.length !== 1) throw new UserError('explain: name exactly one commit');
  const { repo, loaded } = await repoAndPolicy(values, io);
  const { policy, source } = loaded;
  const branch = (await currentBranch(repo)) ?? undefined;
  const { commit, verdict } = await explain({
    repo,
    commit: positionals[0],
    policy,
    branch,
    env: io.env,
  });
  if (format === 'json') io.stdout(JSON.stringify({ policy: source, ...verdict }, null, 2) + '\n');
  else io.stdout(renderExplanation(commit, verdict, source, format === 'markdown'));
  return verdict.violations.length === 0 ? EXIT.ok : EXIT.violation;
};

function renderExplanation(
  commit: CommitRecord,
  verdict: CommitVerdict,
  policySource: string,
  markdown: boolean,
): string {
  const heading = (text: string) => (markdown ? `### ${text}` : `${text}:`);
  const item = (text: string) => (markdown ? `- ${escapeCell(text)}` : `  ${text}`);
  const title = commit.message.split('\n', 1)[0];
  const lines = [
    markdown
      ? `## ${commit.sha.slice(0, 12)} ${escapeCell(title)}`
      : `commit ${commit.sha}  ${title}`,
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
    for (const signal of tool.signals) {
      const model = signal.model ? ` model ${signal.model}` : '';
      lines.push(
        item(`${tool.tool} [${tool.standing}] ${signal.kind}${model}: ${signal.evidence}`),
      );
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
