import { runCheck } from '../policy/check.js';
import { UserError } from '../core/errors.js';
import { resolveRange } from '../git/range.js';
import { policyEditNote, policyFilesChanged } from '../policy/base.js';
import { policyFor, repoOf } from './context.js';
import { progressLine } from './progress.js';
import { EXIT, commonOptions, parseVerb, rangeOptions, requireFormat, type Verb } from './io.js';
import { REPORT_FORMATS, renderReport } from '../report/format.js';
import { DEFAULT_MAX } from '../report/text.js';
import { stdoutStyle } from './style.js';

const help = `usage: trailguard check [range] [--from-root [REV]] [--format text|json|markdown|sarif] [--max N] [--config PATH] [--repo DIR]

Judges the commits of range (default: upstream..HEAD, else the default branch..HEAD) against the
policy, as the GitHub Action does. A range is A..B, A...B, R^! (one commit) or R (R..HEAD);
--from-root judges the whole history of REV (default HEAD), root commit included.
A range you name is judged by the policy committed at its base (A; R^ for R^!), as CI reads the
base branch's, so a branch cannot loosen its own check; without a range, or with --config, the
policy is the work tree's file.
The text groups findings per commit and per file and shows the first --max N violations (default
${DEFAULT_MAX}; 0 shows all), counting the rest; --format json lists every one, with the range and
the policy's source.
--format sarif writes SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif).
Exit 0 clean, 1 violations, 2 usage/config/environment error.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('check', args, io, help, {
    ...commonOptions,
    ...rangeOptions,
    max: { type: 'string' },
  });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  const format = requireFormat('check', values.format, REPORT_FORMATS);
  const max = values.max === undefined ? DEFAULT_MAX : Number(values.max);
  if (!Number.isInteger(max) || max < 0) {
    throw new UserError(`check: --max takes a whole number, 0 for all (got "${values.max}")`);
  }
  if (positionals.length > 1) {
    throw new UserError(`check: takes at most one range (got ${positionals.join(' ')})`);
  }
  const repo = await repoOf(values, io);
  const range = await resolveRange({
    repo,
    spec: positionals[0],
    fromRoot: values['from-root'],
    env: io.env,
  });
  // A range the user names is judged as CI judges it; the default one by the work tree's policy.
  const named = positionals[0] !== undefined && values.config === undefined;
  const base = named ? range.base : undefined;
  const policy = await policyFor(repo, values, io, base);
  const progress = progressLine(io);
  const report = await runCheck({
    repo,
    revs: range.revs,
    policy,
    env: io.env,
    onProgress: (commits) =>
      progress?.update(`trailguard check: ${commits.toLocaleString('en-US')} commits…`),
  }).finally(() => progress?.done());
  if (format === 'text')
    io.stderr(`trailguard: ${range.description}; ${policyLine(policy.source, base)}\n`);
  if (range.base !== undefined && values.config === undefined) {
    for (const file of await policyFilesChanged(repo, range.revs, undefined, io.env)) {
      const note = named
        ? policyEditNote(file, policy.source)
        : `This range edits ${file} and was judged by the work tree's copy; CI judges it by ${range.base}'s policy, as \`trailguard check ${range.base}..HEAD\` does.`;
      io.stderr(`trailguard: note: ${note}\n`);
    }
  }
  const context = { range: range.description, policySource: policy.source };
  const text = { max, paint: stdoutStyle(io) };
  for (const part of renderReport(report, format, context, text)) await io.stdout(part);
  return report.ok ? EXIT.ok : EXIT.violation;
};

function policyLine(source: string, base: string | null | undefined): string {
  if (base === undefined) return `policy: ${source}`;
  if (base === null)
    return `policy: ${source} (the range starts at a root commit: no earlier policy)`;
  return `policy read from ${base}, the range's base, as CI reads it: ${source}`;
}
