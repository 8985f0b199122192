import { afterAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL_NAME, publishPull, useFakeGitHub } from './support/action-runner.js';
import { cleanEnv, ROOT, runProcess, tempDir } from './support/repo.js';

/**
 * GitHub's own local runner, @github/local-action, runs the Action from its TypeScript source:
 * it imports action/main.ts, stubs @actions/core with its own, and calls the exported run() — no
 * adapter of ours in between. Here it runs a scratch pull request whose git history lives in a
 * local `origin` and whose API calls go to the loopback GitHub.
 */
const { github, createRepo } = useFakeGitHub();
const LOCAL_ACTION_PACKAGE = join(ROOT, 'node_modules', '@github', 'local-action');
const TOKEN = 'ghs_local_action';
const scratch = tempDir('tg-local-action-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, never>;

/**
 * `npm run local-action` (README) runs package.json's script: its command is a bin of
 * @github/local-action, given the script's arguments.
 */
function localActionScript(): { bin: string; args: string[] } {
  const [command, ...args] = (
    readJson(join(ROOT, 'package.json')).scripts as Record<string, string>
  )['local-action']!.split(' ');
  const bins = readJson(join(LOCAL_ACTION_PACKAGE, 'package.json')).bin as Record<string, string>;
  return { bin: join(LOCAL_ACTION_PACKAGE, bins[command!]!), args };
}

/**
 * A PATH where `npm exec tsx …` (how the bin starts local-action in an npm project) runs
 * node_modules/.bin/tsx, which is what npm exec resolves it to, without npm's own start-up
 * (~0.5 CPU-s); every other npm command (local-action's `npm ls`) is the real npm's.
 */
function pathWithNpmExecDirect(): string {
  const bin = join(scratch, 'npm-exec-direct');
  mkdirSync(bin);
  const realNpm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  writeFileSync(
    join(bin, 'npm'),
    `#!/bin/sh\nif [ "$1" = exec ] && [ "$2" = tsx ]; then\n  shift 2; script=$1; shift; [ "$1" = -- ] && shift\n  exec ${tsx} "$script" "$@"\nfi\nexec ${realNpm} "$@"\n`,
    { mode: 0o755 },
  );
  return `${bin}:${process.env.PATH}`;
}

test('runs under @github/local-action with no adapter: git history, the API, the verdict, outputs', async () => {
  github.addToken(TOKEN, { repos: [FULL_NAME], write: false });
  const repo = createRepo();
  repo.dev.commit('Initial commit\n', {
    'README.md': '# scratch\n',
    '.github/trailguard.yml': 'version: 1\nprotected:\n  - name: evals\n    paths: ["evals/**"]\n',
  });
  repo.push('HEAD:refs/heads/main');
  repo.dev.git('checkout', '-q', '-b', 'scratch');
  repo.dev.commit('Add eval task\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', {
    'evals/task.jsonl': '{}\n',
  });
  const pull = publishPull(github, repo, 5, 'scratch', {
    reviews: (headSha) => [
      {
        user: { login: 'octocat' },
        state: 'APPROVED',
        commitId: headSha,
        submittedAt: '2026-11-02T10:00:00Z',
      },
    ],
  });

  // The sample files with the scratch pull request's values filled in, as the README says.
  const event = JSON.parse(
    readFileSync(join(ROOT, 'action', 'local-event.example.json'), 'utf8'),
  ) as { pull_request: Record<string, unknown>; repository: Record<string, unknown> };
  Object.assign(event.pull_request, pull.fields);
  event.repository.full_name = FULL_NAME;
  writeFileSync(join(scratch, 'event.json'), JSON.stringify(event));
  const values: Record<string, string> = {
    GITHUB_EVENT_PATH: join(scratch, 'event.json'),
    GITHUB_WORKSPACE: repo.checkout(pull.mergeSha),
    GITHUB_REPOSITORY: FULL_NAME,
    GITHUB_API_URL: github.url,
    GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
    RUNNER_TEMP: scratch,
    INPUT_TOKEN: TOKEN,
  };
  const sample = readFileSync(join(ROOT, 'action', 'local.env.example'), 'utf8');
  const envFile = sample.replace(/^([A-Z_]+)=.*$/gm, (line, name: string) =>
    name in values ? `${name}=${values[name]}` : line,
  );
  writeFileSync(join(scratch, 'local.env'), envFile);
  writeFileSync(join(scratch, 'summary.md'), '');

  // The script's command and arguments, the env file being the scratch one.
  const { bin, args } = localActionScript();
  expect(args).toEqual(['.', 'action/main.ts', 'action/local.env']);
  const run = await runProcess(
    process.execPath,
    [bin, ...args.slice(0, -1), join(scratch, 'local.env')],
    {
      cwd: ROOT,
      env: cleanEnv(join(scratch, 'home'), { NO_COLOR: '1', PATH: pathWithNpmExecDirect() }),
    },
  );
  const log = run.stdout + run.stderr;
  expect(log).not.toContain('does not export a run() function');
  expect(log).toContain(`read 1 review(s) of pull request #5`);
  // An approval counts only for missing-review: the outside-AI commit still fails the run.
  expect(log).toMatch(/::error::trailguard: FAILED — 1 violation in 1 of 1 commit\./);
  expect(log).toMatch(/'ok'\s*│\s*'false'/);
  expect(log).toMatch(/'violations'\s*│\s*'1'/);
  expect(readFileSync(join(scratch, 'summary.md'), 'utf8')).toContain('external-ai');
  expect(
    github.requests.some((r) => r.token === TOKEN && r.path.endsWith('/pulls/5/reviews')),
  ).toBe(true);
});
