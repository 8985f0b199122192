/** `extends`: an org policy in another repository, read through the GitHub API and merged onto. */
import { UserError } from '../core/errors.js';
import { apiOptionsFrom, GitHubApi, GitHubApiError, repoPath } from '../github/api.js';
import { mergePolicies } from './merge.js';
import { parsePolicy } from './parse.js';
import type { LoadedPolicy } from './read.js';
import type { Policy } from './types.js';

/** `owner/repo/path/to/file.yml[@ref]`: an org policy in another repository. */
export interface ExtendsRef {
  owner: string;
  repo: string;
  path: string;
  ref?: string;
}

export function parseExtendsRef(value: string): ExtendsRef {
  const match =
    /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)\/([^@]+?)(?:@([^@]+))?$/.exec(
      value,
    );
  const path = match?.[3];
  if (
    !match ||
    !path ||
    path.split('/').some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new UserError(
      `extends: "${value}" is not a policy reference; expected owner/repo/path/to/file.yml@ref, e.g. my-org/.github/trailguard.yml@main`,
    );
  }
  return { owner: match[1]!, repo: match[2]!, path, ...(match[4] && { ref: match[4] }) };
}

export function formatExtendsRef(ref: ExtendsRef): string {
  return `${ref.owner}/${ref.repo}/${ref.path}${ref.ref ? `@${ref.ref}` : ''}`;
}

interface ApiContent {
  type: string;
  encoding?: string;
  content?: string;
}

/**
 * Reads the org policy through the contents API. A workflow's GITHUB_TOKEN can read only its own
 * repository, so a private central repository needs a token that can read it (a GitHub App
 * installation token or a fine-grained PAT); a public one is readable with any token or none.
 */
export async function fetchOrgPolicy(ref: ExtendsRef, api: GitHubApi): Promise<Policy> {
  const shown = formatExtendsRef(ref);
  const query = ref.ref ? `?ref=${encodeURIComponent(ref.ref)}` : '';
  const path = ref.path.split('/').map(encodeURIComponent).join('/');
  let content: ApiContent;
  try {
    ({ data: content } = await api.request<ApiContent>(
      'GET',
      `${repoPath(ref)}/contents/${path}${query}`,
    ));
  } catch (error) {
    if (
      error instanceof GitHubApiError &&
      (error.status === 404 || error.status === 401 || error.status === 403)
    ) {
      const token = api.hasToken ? 'the token' : 'no token (set GITHUB_TOKEN)';
      throw new UserError(
        `extends: cannot read ${shown} (HTTP ${error.status}${error.apiMessage ? `: ${error.apiMessage}` : ''}): it does not exist or ${token} cannot read ${ref.owner}/${ref.repo}; a private policy repository needs a token with read access to it (a GitHub App installation token or a fine-grained PAT)`,
      );
    }
    // A server error, a timeout, no connection: nothing to change but to try again.
    throw new UserError(
      `extends: cannot read ${shown}: ${(error as Error).message}; re-run when the GitHub API answers`,
    );
  }
  if (Array.isArray(content) || content.type !== 'file' || content.encoding !== 'base64') {
    throw new UserError(`extends: ${shown} is not a file`);
  }
  const text = Buffer.from(content.content ?? '', 'base64').toString('utf8');
  const org = parsePolicy(text, shown);
  if (org.extends) {
    throw new UserError(
      `extends: ${shown} itself extends ${org.extends}; an org policy cannot extend another`,
    );
  }
  return org;
}

/**
 * The effective policy: a policy that `extends` an org policy is merged onto it, tighten-only
 * (mergePolicies); any other is returned as it is. Both the Action and `trailguard check` call
 * this, so both enforce the same policy.
 */
export async function resolveExtends(
  loaded: LoadedPolicy,
  options: { env: NodeJS.ProcessEnv; token?: string },
): Promise<LoadedPolicy> {
  const value = loaded.layer.extends;
  if (!value) return loaded;
  const ref = parseExtendsRef(value);
  const api = new GitHubApi(apiOptionsFrom(options.env, options.token ?? options.env.GITHUB_TOKEN));
  const org = await fetchOrgPolicy(ref, api);
  return {
    policy: mergePolicies({ ...org, extends: formatExtendsRef(ref) }, loaded.layer),
    layer: loaded.layer,
    source: `${loaded.source} (extends ${formatExtendsRef(ref)})`,
  };
}
