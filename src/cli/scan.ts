import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { mergeReports, parseReport } from '../audit/merge.js';
import { runScan } from '../audit/scan.js';
import type { ScanReport } from '../audit/types.js';
import { UserError } from '../core/errors.js';
import { resolveRange } from '../git/range.js';
import { renderScanCsv } from '../report/scan-csv.js';
import { renderScanHtml } from '../report/scan-html.js';
import { renderScanMarkdown } from '../report/scan-markdown.js';
import { renderScanJson, renderScanText } from '../report/scan-text.js';
import { repoAndPolicy } from './context.js';
import { progressLine } from './progress.js';
import { EXIT, commonOptions, parseVerb, rangeOptions, requireFormat, type Verb } from './io.js';

const FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const;
const renderers: Record<(typeof FORMATS)[number], (report: ScanReport) => string> = {
  text: renderScanText,
  json: renderScanJson,
  markdown: renderScanMarkdown,
  csv: renderScanCsv,
  html: renderScanHtml,
};

const help = `usage: trailguard scan [range] [--from-root [REV]] [--history-only] [--format text|json|markdown|csv|html] [--output FILE]
       trailguard scan --merge REPORT.json… [--format …] [--output FILE]

Audits history: per AI tool, provider and model, per protected group and directory, and over
time, how many commits carry AI signals, how many carry none (unknown — never proof of human
work) and how many were reviewed; and what HEAD holds now, per protected group and file, line by
line (as trailguard verify counts them). Default range: the whole history of HEAD, root commit
included; a range is A..B, R^! or R (R..HEAD) as for check; --from-root REV reads REV's whole
history. --history-only leaves out what HEAD holds (no blame: history alone, at git log's pace).
--merge combines several repositories' JSON reports into one. --name NAME names the
repository in the report (default: origin's owner/name, else the directory).
Exit 0 when the report was written, 2 on usage/config/environment errors.
`;

const options = {
  ...commonOptions,
  ...rangeOptions,
  output: { type: 'string', short: 'o' },
  merge: { type: 'boolean', default: false },
  'history-only': { type: 'boolean', default: false },
  name: { type: 'string' },
} as const;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('scan', args, io, help, options);
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  const format = requireFormat('scan', values.format, FORMATS);
  let report: ScanReport;
  if (values.merge) {
    if (positionals.length === 0) {
      throw new UserError(
        'scan --merge: name the JSON reports to combine (scan --merge a.json b.json)',
      );
    }
    report = mergeReports(
      await Promise.all(
        positionals.map(async (file) => {
          const path = resolve(io.cwd, file);
          const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new UserError(
              `scan --merge: cannot read ${file} (${error.code ?? error.message})`,
            );
          });
          return parseReport(text, file);
        }),
      ),
    );
  } else {
    if (positionals.length > 1) {
      throw new UserError(`scan: takes at most one range (got ${positionals.join(' ')})`);
    }
    const { repo, policy } = await repoAndPolicy(values, io);
    const spec = positionals[0];
    const range = await resolveRange({
      repo,
      spec,
      fromRoot: values['from-root'] || spec === undefined,
      env: io.env,
    });
    const progress = progressLine(io);
    report = await runScan({
      repo,
      revs: range.revs,
      range: range.description,
      policy,
      policySource: policy.source,
      repository: values.name,
      env: io.env,
      onProgress: (commits) =>
        progress?.update(`trailguard scan: ${commits.toLocaleString('en-US')} commits…`),
      onHeadProgress: (traced, toTrace) =>
        progress?.update(`trailguard scan: HEAD: ${traced} of ${toTrace} files traced…`),
      headRev: values['history-only'] ? undefined : 'HEAD',
    }).finally(() => progress?.done());
  }
  const output = renderers[format](report);
  if (values.output === undefined) {
    io.stdout(output);
  } else {
    const path = resolve(io.cwd, values.output);
    await writeFile(path, output).catch((error: NodeJS.ErrnoException) => {
      throw new UserError(`scan: cannot write ${values.output} (${error.code ?? error.message})`);
    });
    io.stderr(`trailguard scan: wrote ${values.output} (${format}, ${report.commits} commits)\n`);
  }
  return EXIT.ok;
};
