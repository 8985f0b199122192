import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeAttestation } from '../audit/attest.js';
import { UserError } from '../core/errors.js';
import { git } from '../git/exec.js';
import { isShallow } from '../git/repo.js';
import { findPolicyFile } from '../policy/locate.js';
import type { CompiledPolicy } from '../policy/types.js';
import { renderHeadText } from '../report/head.js';
import type { EventContext } from './event.js';

/** Why this run makes no statement, or undefined when it should: only a push to the default branch. */
export function attestSkipReason(event: EventContext): string | undefined {
  const payload = event.payload as { ref?: unknown; repository?: { default_branch?: unknown } };
  const branch = payload.repository?.default_branch;
  if (event.name !== 'push' || typeof branch !== 'string' || payload.ref !== `refs/heads/${branch}`)
    return `attest: only a push to the default branch is attested (this run: ${event.name}${typeof payload.ref === 'string' ? ` of ${payload.ref}` : ''})`;
  return undefined;
}

export interface AttestStep {
  workspace: string;
  /** The environment for git, with the fetch credentials. */
  gitEnv: NodeJS.ProcessEnv;
  head: string;
  policy: CompiledPolicy;
  /** The commit the policy was read at (null: the embedded default), and the config input. */
  policyRev: string | null;
  config?: string;
  outputDir: string;
  log: (message: string) => void;
}

/**
 * `trailguard attest` for the pushed commit: blame needs the whole history, so a shallow checkout
 * is completed first. Writes the statement and, for actions/attest (which makes its own statement
 * from a subject and a predicate), the predicate alone; gives their paths, or the verify report
 * when the data does not pass.
 */
export async function attestPush(
  step: AttestStep,
): Promise<{ statement: string; predicate: string } | { failed: string }> {
  const { workspace, gitEnv } = step;
  if (await isShallow(workspace, gitEnv)) {
    step.log('attest: fetching the whole history (blame reads every commit behind each line)');
    await git(['fetch', '--quiet', '--unshallow', '--no-tags', 'origin'], {
      cwd: workspace,
      env: gitEnv,
    }).catch((error: Error) => {
      throw new UserError(
        `attest needs the whole history and fetching it failed (${error.message}); use actions/checkout with fetch-depth: 0`,
      );
    });
  }
  const committedPath =
    step.policyRev === null
      ? undefined
      : (step.config?.replace(/^\.\//, '') ??
        findPolicyFile({ repoDir: workspace, rev: step.policyRev, env: gitEnv }));
  const { report, statement } = await makeAttestation({
    repo: workspace,
    rev: step.head,
    policy: step.policy,
    policyLocation: {
      committedPath,
      rev: step.policyRev ?? undefined,
      extendsRef: step.policy.extends,
    },
    version: process.env.TRAILGUARD_VERSION ?? 'dev',
    env: gitEnv,
  });
  if (!statement) return { failed: renderHeadText(report, committedPath ?? 'embedded default') };
  const statementPath = join(step.outputDir, 'trailguard-attestation.json');
  const predicatePath = join(step.outputDir, 'trailguard-predicate.json');
  writeFileSync(statementPath, JSON.stringify(statement, null, 2) + '\n');
  writeFileSync(predicatePath, JSON.stringify(statement.predicate, null, 2) + '\n');
  return { statement: statementPath, predicate: predicatePath };
}
