// Figures (not a test): how long the committed Action bundle takes on a 5,000-commit pull request
// and on a 20,000-file commit, each from a depth-1 checkout against a local fake GitHub API, and
// which fetches it made. test/action-scale.test.ts asserts what the Action reports for the same PRs.
//
//   npm run bench:action-scale
import { importSources } from './import-sources.mjs';

const lib = await importSources({
  './test/support/scale-pulls.ts': '*',
  './test/support/action-runner.ts': ['GitHubRepo'],
  './test/support/github-server.ts': ['FakeGitHub'],
  './test/support/temp.ts': ['removeTempRoot'],
});

const github = new lib.FakeGitHub();
await github.start();
github.addToken(lib.SCALE_TOKEN, { repos: [lib.FULL_NAME], write: true });
try {
  const long = await lib.importedPull(
    github,
    new lib.GitHubRepo(),
    500,
    'big',
    lib.longPull(5000),
    5000,
  );
  const fetches = long.run.stdout.split('\n').filter((line) => line.startsWith('git fetch'));
  console.log(`5,000-commit PR, depth-1 checkout: the Action took ${long.seconds.toFixed(1)} s`);
  for (const fetch of fetches) console.log(`  ${fetch}`);
  const files = lib.evalSet(20_000);
  const wide = await lib.importedPull(
    github,
    new lib.GitHubRepo(),
    501,
    'wide',
    [lib.widePull(files)],
    1,
  );
  console.log(`20,000-file commit: the Action took ${wide.seconds.toFixed(1)} s`);
} finally {
  await github.stop();
  lib.removeTempRoot();
}
