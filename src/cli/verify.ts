import { readHead } from '../audit/head.js';
import { renderHeadJson, renderHeadText } from '../report/head.js';
import { revisionAndPolicy, repoPaths } from './head-context.js';
import { progressLine } from './progress.js';
import { stdoutStyle } from './style.js';
import { EXIT, commonOptions, parseVerb, requireFormat, type Verb } from './io.js';

const help = `usage: trailguard verify [PATH…] [--at REV] [--format text|json] [--config PATH] [--repo DIR]

Judges what the protected paths hold at REV (default HEAD), line by line: a file is tainted while
any of its lines comes from a commit with an outside-AI signal (binary and LFS files: any commit
of their history), and unreviewed while any line comes from a commit that lacked a required
review. PATHs narrow it to the protected files under them. The policy is the one committed at REV.
Exit 0 clean, 1 tainted or unreviewed, 2 could not tell (shallow clone, missing objects or
revision, bad arguments or policy).
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('verify', args, io, help, { ...commonOptions, at: { type: 'string' } });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  const format = requireFormat('verify', values.format, ['text', 'json'] as const);
  const { repo, rev, policy } = await revisionAndPolicy(values, io);
  const progress = progressLine(io);
  const report = await readHead({
    repo,
    rev,
    policy,
    paths: repoPaths(repo, io, positionals),
    env: io.env,
    onProgress: (blamed, toBlame) =>
      progress?.update(`trailguard verify: ${blamed} of ${toBlame} files traced…`),
  }).finally(() => progress?.done());
  io.stdout(
    format === 'json'
      ? renderHeadJson(report, policy.source)
      : renderHeadText(report, policy.source, stdoutStyle(io)),
  );
  return report.ok ? EXIT.ok : EXIT.violation;
};
