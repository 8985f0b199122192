import { explain } from '../policy/check.js';
import { UserError } from '../core/errors.js';
import { currentBranch } from '../git/repo.js';
import { renderExplanation, renderExplanationJson } from '../report/explain.js';
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
  if (positionals[0].includes('..')) {
    throw new UserError(
      `explain: takes one commit, not a range ("${positionals[0]}"); \`trailguard check ${positionals[0]}\` judges a range`,
    );
  }
  const { repo, policy } = await repoAndPolicy(values, io);
  const { source } = policy;
  const branch = (await currentBranch(repo, io.env)) ?? undefined;
  const { commit, verdict, catalog } = await explain({
    repo,
    commit: positionals[0],
    policy,
    branch,
    env: io.env,
  });
  const explanation = { commit, verdict, policySource: source, catalog };
  io.stdout(
    format === 'json'
      ? renderExplanationJson(explanation)
      : renderExplanation(explanation, format === 'markdown'),
  );
  return verdict.violations.length === 0 ? EXIT.ok : EXIT.violation;
};
