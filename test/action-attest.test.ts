import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  FULL_NAME,
  payload,
  runAction,
  useFakeGitHub,
  type GitHubRepo,
} from './support/action-runner.js';
import { runCli } from './support/repo.js';

/** The Action's `attest` input, end to end: the committed bundle on a push event. */
const { github, createRepo } = useFakeGitHub();
const TOKEN = 'ghs_job_token';
const REVIEWED = 'Reviewed-by: Grace Hopper <grace@example.com>';
const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>';

beforeAll(() => {
  github.addToken(TOKEN, { repos: [FULL_NAME], write: true });
});

/** main holding a README and the policy: made once, each test gets a copy. */
let template: GitHubRepo | undefined;
function newRepo(): GitHubRepo {
  template ??= initialRepo();
  return createRepo(template);
}

function initialRepo(): GitHubRepo {
  const repo = createRepo();
  repo.dev.commit(`Initial commit\n\n${REVIEWED}\n`, {
    'README.md': '# octo-repo\n',
    '.github/trailguard.yml': 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n',
  });
  repo.push('HEAD:refs/heads/main');
  return repo;
}

function push(repo: GitHubRepo, branch: string, before: string, after: string) {
  return runAction({
    workspace: repo.checkout(after, { ref: `refs/remotes/origin/${branch}` }),
    event: 'push',
    apiUrl: github.url,
    token: TOKEN,
    sha: after,
    ref: `refs/heads/${branch}`,
    payload: payload('push', { ref: `refs/heads/${branch}`, before, after }),
    inputs: { attest: 'true' },
  });
}

describe('attest: true', () => {
  test('a passing push to the default branch writes the statement and its predicate, from a shallow checkout', async () => {
    const repo = newRepo();
    const before = repo.sha('HEAD');
    repo.dev.commit(`Add eval tasks\n\n${REVIEWED}\n`, { 'evals/tasks.jsonl': '{"q": 1}\n' });
    const after = repo.dev.commit(`More tasks\n\n${REVIEWED}\n`, {
      'evals/tasks.jsonl': '{"q": 1}\n{"q": 2}\n',
    });
    repo.push('HEAD:refs/heads/main');
    const run = await push(repo, 'main', before, after);
    expect(run.code).toBe(0);
    const statement = JSON.parse(readFileSync(run.outputs.attestation!, 'utf8'));
    expect(statement.subject).toEqual([
      {
        name: 'evals',
        digest: { gitTree: repo.sha(`${after}:evals`) },
        annotations: { commit: after, groups: ['evals'] },
      },
    ]);
    expect(statement.predicate.verifier.policies[0]).toEqual({
      name: '.github/trailguard.yml',
      digest: { gitBlob: repo.sha(`${before}:.github/trailguard.yml`) },
      annotations: { commit: before },
    });
    expect(JSON.parse(readFileSync(run.outputs.predicate!, 'utf8'))).toEqual(statement.predicate);
    const check = await runCli(['verify-attestation', run.outputs.attestation!, '--at', after], {
      cwd: repo.dev.dir,
      env: repo.dev.env,
    });
    expect(check.code).toBe(0);
  });

  test('a push to another branch makes no statement', async () => {
    const repo = newRepo();
    const before = repo.sha('HEAD');
    repo.dev.git('checkout', '-q', '-b', 'topic');
    const after = repo.dev.commit(`Add eval\n\n${REVIEWED}\n`, { 'evals/a.jsonl': '{}\n' });
    repo.push('topic:refs/heads/topic');
    const run = await push(repo, 'topic', before, after);
    expect(run.code).toBe(0);
    expect(run.outputs.attestation).toBeUndefined();
    expect(run.stdout).toContain('attest: only a push to the default branch is attested');
  });

  test('a push that passes while older outside-AI lines remain: a warning and no statement', async () => {
    const repo = newRepo();
    repo.dev.commit(`Imported before the policy\n\n${CLAUDE}\n${REVIEWED}\n`, {
      'evals/old.jsonl': '{"old": 1}\n',
    });
    repo.push('HEAD:refs/heads/main');
    const before = repo.sha('HEAD');
    const after = repo.dev.commit(`Unrelated\n\n${REVIEWED}\n`, { 'src/x.ts': 'export {};\n' });
    repo.push('HEAD:refs/heads/main');
    const run = await push(repo, 'main', before, after);
    expect(run.code).toBe(0);
    expect(run.outputs.attestation).toBeUndefined();
    const warning = run.commands.find((c) => c.command === 'warning');
    expect(warning?.message).toContain('attest: no statement, verify does not pass');
    expect(warning?.message).toContain('TAINTED evals/old.jsonl');
  });
});
