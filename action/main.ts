// The GitHub Action: event → range in local git → the same engine as `trailguard check` → report.
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upsertPullComment } from '../src/action/comment.js';
import { fetchEnvironment, fetchRange } from '../src/action/deepen.js';
import { readEvent, repoName, targetFor } from '../src/action/event.js';
import { readInputs, type ActionInputs } from '../src/action/inputs.js';
import { loadBasePolicy, policyFilesChanged } from '../src/action/policy.js';
import { reviewFacts } from '../src/action/reviews.js';
import {
  commentMarkdown,
  jobSummary,
  rangeText,
  type SummaryFacts,
} from '../src/action/summary.js';
import { runCheck } from '../src/check.js';
import { resolveExtends } from '../src/config/extends.js';
import { describePolicy } from '../src/core/policy.js';
import type { Report } from '../src/core/types.js';
import { UserError } from '../src/errors.js';
import { gitMaybe } from '../src/git/exec.js';
import { apiUrlFrom, GitHubApi, type RepoName } from '../src/github/api.js';
import { annotationsFor, ERROR_ANNOTATIONS_SHOWN } from '../src/report/annotations.js';
import { renderJson } from '../src/report/json.js';
import { shortSha, verdictLine } from '../src/report/text.js';

const env = process.env;

function writeOutputs(report: Report, reportPath: string): void {
  core.setOutput('ok', String(report.ok));
  core.setOutput('violations', String(report.violations.length));
  core.setOutput('report', reportPath);
}

function reportFile(report: Report): string {
  const path = join(env.RUNNER_TEMP || tmpdir(), 'trailguard-report.json');
  writeFileSync(path, renderJson(report));
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

async function run(): Promise<void> {
  const inputs: ActionInputs = readInputs(env);
  if (inputs.token) core.setSecret(inputs.token);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  if ((await gitMaybe(['rev-parse', '--git-dir'], { cwd: workspace, env })) === null) {
    throw new UserError(
      `${workspace} is not a git repository: run actions/checkout before trailguard`,
    );
  }
  const event = readEvent(env);
  const name = repoName(env, event);
  const target = targetFor(event, inputs);
  if (target.skip) {
    core.info(target.skip);
    const report: Report = { ok: true, commits: 0, violations: [] };
    writeOutputs(report, reportFile(report));
    return;
  }
  core.info(`trailguard: checking ${target.description}`);

  const gitEnv = await fetchEnvironment({
    cwd: workspace,
    env,
    token: inputs.token,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
  });
  core.startGroup('Commit range');
  const range = await fetchRange(target, { cwd: workspace, env: gitEnv, log: core.info });
  core.info(`range: ${range.revs.join(' ')}`);
  core.endGroup();

  const notes: string[] = [];
  const base = loadBasePolicy(workspace, range.policyRev, inputs.config, env);
  const loaded = await resolveExtends(base, { env, token: inputs.token });
  if (range.policyFromHead) {
    notes.push(
      `No earlier state of this branch was readable, so the policy came from the pushed commit ${shortSha(range.head)} itself.`,
    );
  }
  const policySource = loaded.source.replace(range.policyRev, shortSha(range.policyRev));
  const now = new Date();
  core.startGroup(`Effective policy (${policySource})`);
  core.info(describePolicy(loaded.policy, now));
  core.endGroup();

  for (const file of await policyFilesChanged(workspace, range.revs, inputs.config, gitEnv)) {
    const message = `This change edits ${file}. It is judged by the policy already in force (${policySource}); the edit applies to later changes once it has landed.`;
    core.notice(message, { title: 'trailguard: policy edit not yet in force', file });
    notes.push(message);
  }

  const api = new GitHubApi({ baseUrl: apiUrlFrom(env), token: inputs.token });
  const pull = await reviewFacts(api, name, target, loaded.policy, { log: core, notes });
  const report = await runCheck({
    repo: workspace,
    revs: range.revs,
    policy: loaded.policy,
    pull,
    branch: target.branch,
    now,
    env: gitEnv,
  });

  const reportPath = reportFile(report);
  const facts: SummaryFacts = {
    report,
    description: target.description,
    range: rangeText(range, report),
    policySource,
    mode: inputs.mode,
    notes,
    effectivePolicy: describePolicy(loaded.policy, now),
    approvalsCount: pull !== undefined,
  };
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(jobSummary(facts)).write();
  // setFailed's message is an error annotation too: keep a slot for it within GitHub's limit.
  const slots = inputs.mode === 'enforce' ? ERROR_ANNOTATIONS_SHOWN - 1 : ERROR_ANNOTATIONS_SHOWN;
  for (const { message, ...properties } of annotationsFor(report, slots))
    core.error(message, properties);
  writeOutputs(report, reportPath);
  if (target.pull && inputs.comment && inputs.token) {
    await comment(api, name, target.pull.number, report, facts);
  }

  const verdict = verdictLine(report);
  if (report.ok) core.info(verdict);
  else if (inputs.mode === 'enforce') core.setFailed(verdict);
  else core.warning(`${verdict} (report mode: not failing the job)`);
}

run().catch((error: unknown) => {
  core.setFailed(
    error instanceof UserError
      ? `trailguard: ${error.message}`
      : `trailguard: internal error: ${(error as Error).stack ?? String(error)}`,
  );
});
