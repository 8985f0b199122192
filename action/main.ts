// The GitHub Action: event → range in local git → the same engine as `trailguard check` → report.
// `run()` is the Action (what @github/local-action calls); action/entry.ts calls it in the bundle.
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attestPush, attestSkipReason } from '../src/action/attest.js';
import { runAudit } from '../src/action/audit.js';
import { upsertPullComment } from '../src/action/comment.js';
import { fetchEnvironment, fetchRange } from '../src/action/deepen.js';
import { readEvent, repoName, targetFor } from '../src/action/event.js';
import { during, failureReport } from '../src/action/failure.js';
import { readInputs, type ActionInputs } from '../src/action/inputs.js';
import { basePolicyText, policyEditNote, policyFilesChanged } from '../src/policy/base.js';
import { reviewFacts } from '../src/action/reviews.js';
import {
  commentMarkdown,
  jobSummary,
  rangeText,
  type SummaryFacts,
} from '../src/report/summary.js';
import { runCheck } from '../src/policy/check.js';
import { compiledPolicy } from '../src/policy/locate.js';
import type { Report } from '../src/core/types.js';
import { UserError } from '../src/core/errors.js';
import { gitMaybe } from '../src/git/exec.js';
import { apiOptionsFrom, GitHubApi, type RepoName } from '../src/github/api.js';
import { annotationsFor, ERROR_ANNOTATIONS_SHOWN } from '../src/report/annotations.js';
import { renderJson } from '../src/report/json.js';
import { describePolicy } from '../src/report/policy.js';
import { summaryLine } from '../src/report/scan-table.js';
import { shortSha, verdictLine } from '../src/report/text.js';

const env = process.env;

function writeOutputs(report: Report, reportPath: string): void {
  core.setOutput('ok', String(report.ok));
  core.setOutput('violations', String(report.violations.length));
  core.setOutput('report', reportPath);
}

function reportFile(report: Report, context: { range: string; policySource: string }): string {
  const path = join(env.RUNNER_TEMP || tmpdir(), 'trailguard-report.json');
  writeFileSync(path, renderJson(report, context));
  return path;
}

async function comment(
  api: GitHubApi,
  name: RepoName,
  number: number,
  report: Report,
  facts: SummaryFacts,
): Promise<void> {
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${name.owner}/${name.repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  try {
    const outcome = await upsertPullComment(api, name, number, {
      ok: report.ok,
      markdown: commentMarkdown(facts, runUrl),
    });
    core.info(`pull request comment: ${outcome}`);
  } catch (error) {
    // A fork PR's token is read-only: the job summary and annotations carry the report anyway.
    core.info(
      `pull request comment not posted (${(error as Error).message}); the job summary has the report. Give the job \`pull-requests: write\` to get the comment.`,
    );
  }
}

/** The Action. It never throws: a failure is one `::error::` line and a failed step. */
export async function run(): Promise<void> {
  try {
    await check();
  } catch (error) {
    const { line, details, stack } = failureReport(error);
    if (details) core.info(details);
    if (stack && (core.isDebug() || env.ACTIONS_STEP_DEBUG === 'true')) core.info(stack);
    core.setFailed(line);
    try {
      core.setOutput('ok', 'false');
    } catch {
      // GITHUB_OUTPUT itself may be what failed; the error line above already says so.
    }
  }
}

async function check(): Promise<void> {
  const inputs: ActionInputs = readInputs((name) => core.getInput(name));
  if (inputs.token) core.setSecret(inputs.token);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  if (inputs.mode === 'audit') {
    const audit = await during('auditing the history', () => runAudit(inputs, workspace, env));
    await during('writing the job summary (GITHUB_STEP_SUMMARY)', async () => {
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(audit.markdown).write();
    });
    core.setOutput('report', audit.json);
    core.setOutput('html', audit.html);
    core.info(`trailguard audit: ${summaryLine(audit.report)}`);
    return;
  }
  const { name, target, event } = await during('reading the event', async () => {
    if ((await gitMaybe(['rev-parse', '--git-dir'], { cwd: workspace, env })) === null) {
      throw new UserError(
        `${workspace} is not a git repository: run actions/checkout before trailguard`,
      );
    }
    const event = readEvent(env);
    return { name: repoName(env, event), target: targetFor(event, inputs), event };
  });
  if (target.skip) {
    core.info(target.skip);
    const report: Report = { ok: true, commits: 0, violations: [] };
    const context = { range: 'none (nothing to check)', policySource: 'not read' };
    await during('writing the report', () => writeOutputs(report, reportFile(report, context)));
    return;
  }
  core.info(`trailguard: checking ${target.description}`);

  const gitEnv = await fetchEnvironment({
    cwd: workspace,
    env,
    token: inputs.token,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
  });
  const range = await during('reading the commits', () =>
    core.group('Commit range', async () => {
      const fetched = await fetchRange(target, { cwd: workspace, env: gitEnv, log: core.info });
      core.info(`range: ${fetched.revs.join(' ')}`);
      return fetched;
    }),
  );

  const notes: string[] = [];
  const policy = await during('reading the policy', async () =>
    compiledPolicy(basePolicyText(workspace, range.policyRev, inputs.config, env), {
      env,
      token: inputs.token,
    }),
  );
  if (range.policyRev === null) {
    const note = `This push creates ${target.branch ?? 'the branch'}, so no earlier policy exists: it is judged by the embedded default policy, never by a policy the push brings; the pushed policy applies from the next push.`;
    core.notice(note, { title: 'trailguard: embedded default policy' });
    notes.push(note);
  }
  const policySource = range.policyRev
    ? policy.source.replace(range.policyRev, shortSha(range.policyRev))
    : policy.source;
  const now = new Date();
  core.startGroup(`Effective policy (${policySource})`);
  core.info(describePolicy(policy, now));
  core.endGroup();

  const edited = await during('reading the commits', () =>
    policyFilesChanged(workspace, range.revs, inputs.config, gitEnv),
  );
  for (const file of edited) {
    const message = policyEditNote(file, policySource);
    core.notice(message, { title: 'trailguard: policy edit not yet in force', file });
    notes.push(message);
  }

  const api = new GitHubApi(apiOptionsFrom(env, inputs.token));
  const pull = await during('reading pull request reviews from the GitHub API', () =>
    reviewFacts(api, name, target, policy, {
      log: { info: core.info, warning: core.warning },
      notes,
    }),
  );
  const report = await during('judging the commits', () =>
    runCheck({
      repo: workspace,
      revs: range.revs,
      policy,
      pull,
      branch: target.branch,
      now,
      env: gitEnv,
    }),
  );

  // The range in git's own terms (full shas), as `check` would be given it.
  const [first, ...more] = range.exclude;
  const revisions = [
    first ? `${first}..${range.head}` : range.head,
    ...more.map((sha) => `^${sha}`),
  ];
  const reportPath = await during('writing the report file (RUNNER_TEMP)', () =>
    reportFile(report, { range: revisions.join(' '), policySource: policy.source }),
  );
  const facts: SummaryFacts = {
    report,
    description: target.description,
    range: rangeText(range, report),
    policySource,
    mode: inputs.mode,
    notes,
    effectivePolicy: describePolicy(policy, now),
    approvalsCount: pull !== undefined,
  };
  if (env.GITHUB_STEP_SUMMARY) {
    await during('writing the job summary (GITHUB_STEP_SUMMARY)', () =>
      core.summary.addRaw(jobSummary(facts)).write(),
    );
  }
  // setFailed's message is an error annotation too: keep a slot for it within GitHub's limit.
  const slots = inputs.mode === 'enforce' ? ERROR_ANNOTATIONS_SHOWN - 1 : ERROR_ANNOTATIONS_SHOWN;
  for (const { message, ...properties } of annotationsFor(report, slots))
    core.error(message, properties);
  await during('writing the step outputs (GITHUB_OUTPUT)', () => writeOutputs(report, reportPath));
  if (target.pull && inputs.comment && inputs.token) {
    await comment(api, name, target.pull.number, report, facts);
  }

  if (inputs.attest && report.ok) {
    const skip = attestSkipReason(event);
    if (skip) core.info(skip);
    else {
      const outcome = await during('attesting', () =>
        attestPush({
          workspace,
          gitEnv,
          head: range.head,
          policy,
          policyRev: range.policyRev,
          config: inputs.config,
          outputDir: env.RUNNER_TEMP || tmpdir(),
          log: core.info,
        }),
      );
      if ('failed' in outcome)
        core.warning(`attest: no statement, verify does not pass\n${outcome.failed}`);
      else {
        core.setOutput('attestation', outcome.statement);
        core.setOutput('predicate', outcome.predicate);
        core.info(`attest: statement written to ${outcome.statement}`);
      }
    }
  }

  const verdict = verdictLine(report);
  if (report.ok) core.info(verdict);
  else if (inputs.mode === 'enforce') core.setFailed(verdict);
  else core.warning(`${verdict} (report mode: not failing the job)`);
}
