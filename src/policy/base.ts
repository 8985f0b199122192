/**
 * The policy a range is judged by: the one committed at its base, never one the range itself
 * writes. The Action and `trailguard check A..B` both read it here, and say here how they note a
 * range that edits it.
 */
import { UserError } from '../core/errors.js';
import { readHistory } from '../git/history.js';
import { POLICY_FILES } from './load.js';
import { policyFileTextAt, policyText, type PolicyText } from './locate.js';

/**
 * The policy file committed at `rev` (the base branch), never the work tree's, or undefined for
 * the embedded default: on `pull_request` the work tree is the PR's merge commit, so a PR could
 * otherwise loosen its own check. The `config` input names a file in the repository and is read
 * at `rev` too. A null `rev` (no earlier state exists: a push creating the default branch) gives
 * the embedded default, never the pushed file.
 */
export function basePolicyText(
  repoDir: string,
  rev: string | null,
  config: string | undefined,
  env: NodeJS.ProcessEnv,
): PolicyText | undefined {
  if (rev === null) return undefined;
  if (config === undefined) return policyText({ repoDir, rev, env });
  const path = config.replace(/^\.\//, '');
  const found = policyFileTextAt(repoDir, rev, path, env);
  if (!found) throw new UserError(`config input: ${path} does not exist at ${rev}`);
  return found;
}

/** The policy files the range's commits change (so the run can say the change is not yet in force). */
export async function policyFilesChanged(
  repoDir: string,
  revs: string[],
  config: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const files = new Set<string>(config ? [config.replace(/^\.\//, '')] : POLICY_FILES);
  const changed = new Set<string>();
  for await (const commit of readHistory({ repo: repoDir, revs, paths: [...files], env })) {
    for (const file of commit.files) {
      for (const path of [file.path, file.oldPath]) if (path && files.has(path)) changed.add(path);
    }
  }
  return [...changed];
}

/** What CI and `check` say of a change that edits a policy file it is not judged by. */
export function policyEditNote(file: string, policySource: string): string {
  return `This change edits ${file}. It is judged by the policy already in force (${policySource}); the edit applies to later changes once it has landed.`;
}
