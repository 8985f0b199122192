import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../audit/scan.js';
import type { ScanReport } from '../audit/types.js';
import { UserError } from '../core/errors.js';
import { isShallow } from '../git/repo.js';
import { renderScanHtml } from '../report/scan-html.js';
import { renderScanMarkdown } from '../report/scan-markdown.js';
import { renderScanJson } from '../report/scan-text.js';
import type { ActionInputs } from './inputs.js';
import { basePolicyText } from '../policy/base.js';
import { compiledPolicy } from '../policy/locate.js';

export interface AuditResult {
  report: ScanReport;
  /** Paths of the files written (for upload-artifact). */
  json: string;
  html: string;
  /** The job summary. */
  markdown: string;
}

/**
 * `mode: audit` (a scheduled workflow): `trailguard scan` over the whole history of the checked-out
 * commit (or base..head when given), judged by the policy committed there. Writes the JSON and
 * HTML reports next to each other in RUNNER_TEMP and gives the Markdown for the job summary.
 * A shallow checkout is an error, never a partial audit.
 */
export async function runAudit(
  inputs: ActionInputs,
  workspace: string,
  env: NodeJS.ProcessEnv,
): Promise<AuditResult> {
  if (await isShallow(workspace, env)) {
    throw new UserError(
      'mode: audit reads the whole history, and this checkout is shallow: give actions/checkout fetch-depth: 0',
    );
  }
  const head = inputs.head ?? 'HEAD';
  const policy = await compiledPolicy(basePolicyText(workspace, head, inputs.config, env), {
    env,
    token: inputs.token,
  });
  const revs = inputs.base ? [`${inputs.base}..${head}`] : [head];
  const report = await runScan({
    repo: workspace,
    revs,
    range: inputs.base ? revs[0]! : `${head} (its whole history, root commit included)`,
    policy,
    policySource: policy.source,
    repository: env.GITHUB_REPOSITORY,
    env,
    headRev: head,
  });
  const dir = env.RUNNER_TEMP || tmpdir();
  const json = join(dir, 'trailguard-audit.json');
  const html = join(dir, 'trailguard-audit.html');
  writeFileSync(json, renderScanJson(report));
  writeFileSync(html, renderScanHtml(report));
  return { report, json, html, markdown: renderScanMarkdown(report) };
}
