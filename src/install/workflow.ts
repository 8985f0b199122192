/**
 * The workflow that runs the trailguard Action: what `trailguard init --workflow` writes and what
 * the README shows (a test keeps the two identical).
 */
export const WORKFLOW_PATH = '.github/workflows/trailguard.yml';

/**
 * How a workflow refers to this Action by default: the package's own repository (package.json
 * `repository`, built in) at the moving major tag of this release line, e.g. `owner/name@v1`.
 */
export const ACTION_REF = `${process.env.TRAILGUARD_REPOSITORY}@v${process.env.TRAILGUARD_VERSION?.split('.')[0]}`;

/**
 * Least privilege: the job reads the repository and the PR's reviews. The Action deepens the
 * shallow checkout itself (with the job's token, so credentials need not stay in the checkout),
 * and the job itself is the check a ruleset can require, on pull requests and in the merge queue.
 */
export function workflowYaml(options: { defaultBranch?: string; actionRef?: string } = {}): string {
  const branch = options.defaultBranch ?? 'main';
  return `# Keeps outside-AI output out of protected training-data and eval paths.
name: trailguard

on:
  pull_request:
  pull_request_review:
    types: [submitted, dismissed]
  merge_group:
  push:
    branches: [${branch}]

permissions:
  contents: read
  pull-requests: read # write adds a sticky PR comment with the report

jobs:
  trailguard:
    name: trailguard
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
        with:
          persist-credentials: false
      - uses: ${options.actionRef ?? ACTION_REF}
`;
}
