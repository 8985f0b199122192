// What the bundles know about the package itself, from package.json: its version, and the
// owner/name of its repository (where the Action lives, so `init` writes a workflow that uses it).
// build.mjs defines them in the bundles; jest.config.js sets them for tests that import sources.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** `github:owner/name`, `owner/name` or a git URL ending in owner/name(.git), as npm accepts. */
function repositorySlug(repository) {
  const url = typeof repository === 'string' ? repository : repository?.url;
  const slug = /(?:^github:|^|[/:])([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url ?? '')?.[1];
  if (!slug) throw new Error(`package.json: repository must name owner/name (got ${url})`);
  return slug;
}

export const packageFacts = {
  TRAILGUARD_VERSION: manifest.version,
  TRAILGUARD_REPOSITORY: repositorySlug(manifest.repository),
};
