import { runCheck } from '../policy/check.js';
import { UserError } from '../core/errors.js';
import { resolveRange } from '../git/range.js';
import { repoAndPolicy } from './context.js';
import { EXIT, commonOptions, parseVerb, rangeOptions, requireFormat, type Verb } from './io.js';
import { REPORT_FORMATS, renderReport } from '../report/format.js';

const help = `usage: trailguard check [range] [--from-root [REV]] [--format text|json|markdown|sarif] [--config PATH] [--repo DIR]

Judges the commits of range (default: upstream..HEAD, else the default branch..HEAD) against the
policy, as the GitHub Action does. A range is A..B, A...B, R^! (one commit) or R (R..HEAD);
--from-root judges the whole history of REV (default HEAD), root commit included.
--format sarif writes SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif).
Exit 0 clean, 1 violations, 2 usage/config/environment error.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('check', args, io, help, { ...commonOptions, ...rangeOptions });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  const format = requireFormat('check', values.format, REPORT_FORMATS);
  if (positionals.length > 1) {
    throw new UserError(`check: takes at most one range (got ${positionals.join(' ')})`);
  }
  const { repo, policy } = await repoAndPolicy(values, io);
  const range = await resolveRange({
    repo,
    spec: positionals[0],
    fromRoot: values['from-root'],
    env: io.env,
  });
  const report = await runCheck({ repo, revs: range.revs, policy, env: io.env });
  if (format === 'text')
    io.stderr(`trailguard: ${range.description}; policy: ${policy.source}
`);
  io.stdout(
    renderReport(report, format, { range: range.description, policySource: policy.source }),
  );
  return report.ok ? EXIT.ok : EXIT.violation;
};
