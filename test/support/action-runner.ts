import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FakeGitHub, type ReviewSpec } from './github-server.js';
import { cleanEnv, ROOT, runProcess, TempRepo, type RunResult } from './repo.js';
import { jestHooks, tempDir } from './temp.js';

/**
 * Runs the committed Action bundle (action/index.js) as the runner would: a child process with
 * GITHUB_EVENT_NAME/GITHUB_EVENT_PATH, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT,
 * GITHUB_API_URL and INPUT_* (action.yml's defaults filled in, as the runner does), then reads
 * back what a workflow would see: exit code, log, workflow commands, outputs, summary, report.
 */
export const ACTION = join(ROOT, 'action', 'index.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'github');
export const OWNER = 'octo-org';
export const REPO = 'octo-repo';
export const FULL_NAME = `${OWNER}/${REPO}`;

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  commands: WorkflowCommand[];
  /** `::error` commands, i.e. annotations and the setFailed message. */
  errors: WorkflowCommand[];
  /** The JSON report the `report` output names, parsed. */
  report?: { ok: boolean; commits: number; violations: Record<string, unknown>[] };
  reportText?: string;
}

const unescapeData = (text: string) =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string) =>
  unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** `::name key=value,key=value::message` lines, as @actions/core writes them to stdout. */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescapeData(match[3]!) });
  }
  return commands;
}

/** The GITHUB_OUTPUT file: `name<<delimiter\nvalue\ndelimiter` blocks (or `name=value` lines). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      outputs[heredoc[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return outputs;
}

/** action.yml's input defaults, `${{ github.token }}` standing for the job's token. */
export function actionDefaults(token: string): Record<string, string> {
  const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(manifest.inputs)) {
    if (input.default !== undefined) {
      defaults[name] = input.default.replace(/\$\{\{\s*github\.token\s*\}\}/, token);
    }
  }
  return defaults;
}

export interface RunActionOptions {
  workspace: string;
  event: string;
  payload: unknown;
  apiUrl: string;
  /** The job's token (what `${{ github.token }}` gives); '' for none. */
  token: string;
  inputs?: Record<string, string>;
  /** GITHUB_SHA / GITHUB_REF as the runner sets them for the event. */
  sha?: string;
  ref?: string;
  env?: Record<string, string>;
  /** Run the bundle from another path (the check-dist test builds one). */
  bundle?: string;
}

/** A runner's files for one step and the environment naming them (action.yml's defaults filled in). */
export interface RunnerStep {
  env: NodeJS.ProcessEnv;
  summaryPath: string;
  outputPath: string;
}

export function runnerStep(options: RunActionOptions): RunnerStep {
  const runner = tempDir('tg-runner-');
  const eventPath = join(runner, 'event.json');
  const summaryPath = join(runner, 'step_summary.md');
  const outputPath = join(runner, 'output.txt');
  const runnerTemp = join(runner, 'temp');
  mkdirSync(runnerTemp);
  writeFileSync(eventPath, JSON.stringify(options.payload, null, 2));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const inputs = { ...actionDefaults(options.token), ...options.inputs };
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
  const env = cleanEnv(join(runner, 'home'), {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: FULL_NAME,
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: runnerTemp,
    ...(options.sha && { GITHUB_SHA: options.sha }),
    ...(options.ref && { GITHUB_REF: options.ref }),
    ...inputEnv,
    ...options.env,
  });
  mkdirSync(join(runner, 'home'));
  return { env, summaryPath, outputPath };
}

/** What a workflow sees of a finished step: its outputs, summary, workflow commands and report. */
export function stepResult(step: RunnerStep, result: RunResult): ActionRun {
  const outputs = parseOutputs(readFileSync(step.outputPath, 'utf8'));
  const commands = workflowCommands(result.stdout);
  const run: ActionRun = {
    ...result,
    summary: readFileSync(step.summaryPath, 'utf8'),
    outputs,
    commands,
    errors: commands.filter((c) => c.command === 'error'),
  };
  if (outputs.report) {
    run.reportText = readFileSync(outputs.report, 'utf8');
    run.report = JSON.parse(run.reportText) as ActionRun['report'];
  }
  return run;
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const step = runnerStep(options);
  const result = await runProcess(process.execPath, [options.bundle ?? ACTION], {
    cwd: options.workspace,
    env: step.env,
  });
  return stepResult(step, result);
}

/** A JSON payload from test/fixtures/github with the test's values merged in (objects deeply). */
export function payload(
  name: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  return merge(base, overrides);
}

function merge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object'
        ? merge(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

/**
 * GitHub in miniature: a bare repository as `origin` (what fetch and deepen talk to), a
 * developer's clone to make commits in, and actions/checkout's way of making a workspace.
 */
export class GitHubRepo {
  readonly origin: TempRepo;
  readonly dev: TempRepo;
  /**
   * Commits checked out before (by commit, depth and ref), and the workspace kept to copy when
   * the same checkout is asked for again.
   */
  private readonly checkouts = new Map<string, string | null>();

  /** `template`: start as a copy of that repository (origin and clone), not empty. */
  constructor(template?: GitHubRepo) {
    this.origin = new TempRepo({ bare: true, copyOf: template?.origin });
    this.dev = new TempRepo({ copyOf: template?.dev });
    if (!template) {
      this.dev.git('remote', 'add', 'origin', this.url);
      return;
    }
    const config = join(this.dev.dir, '.git', 'config');
    writeFileSync(config, readFileSync(config, 'utf8').replace(template.url, this.url));
  }

  get url(): string {
    return `file://${this.origin.dir}`;
  }

  push(...refspecs: string[]): void {
    this.dev.git('push', '-q', '--force', 'origin', ...refspecs);
  }

  sha(rev: string): string {
    return this.dev.git('rev-parse', rev).trim();
  }

  /**
   * What GitHub does when a PR is opened or updated: refs/pull/N/head is the head commit and
   * refs/pull/N/merge a merge of it into the base branch's tip.
   */
  openPull(
    number: number,
    head: string,
    base = 'main',
  ): { headSha: string; baseSha: string; mergeSha: string } {
    this.push(`${head}:refs/heads/${head}`);
    const [baseSha, headSha] = this.origin
      .git('rev-parse', `refs/heads/${base}`, `refs/heads/${head}`)
      .split('\n') as [string, string];
    const tree = this.origin.git('merge-tree', '--write-tree', baseSha, headSha).split('\n')[0]!;
    const mergeSha = this.origin
      .gitWith(
        {},
        'commit-tree',
        tree,
        '-p',
        baseSha,
        '-p',
        headSha,
        '-m',
        `Merge ${headSha} into ${baseSha}`,
      )
      .trim();
    execFileSync('git', ['update-ref', '--stdin'], {
      cwd: this.origin.dir,
      env: this.origin.env,
      input: `update refs/pull/${number}/head ${headSha}\nupdate refs/pull/${number}/merge ${mergeSha}\n`,
    });
    return { headSha, baseSha, mergeSha };
  }

  /**
   * A workspace the way actions/checkout makes one: init, add origin, fetch the one commit
   * (`depth` 1 by default; 0 = all branches with full history), check it out detached (only the
   * `sparse` folders in the work tree when given, as its `sparse-checkout` input does).
   */
  checkout(sha: string, options: { depth?: number; ref?: string; sparse?: string[] } = {}): string {
    const depth = options.depth ?? 1;
    const local = options.ref ?? 'refs/remotes/origin/checkout';
    const sparse = options.sparse ?? [];
    // A shallow fetch of one commit gets the same objects whatever else origin holds, so the
    // second time a pristine copy is kept and the third on copies it. A full one (depth 0, every
    // branch) depends on origin's branches at the time: it is always fetched.
    const key = `${sha} ${depth} ${local} ${sparse.join(' ')}`;
    const kept = depth === 0 ? undefined : this.checkouts.get(key);
    if (kept === undefined) {
      this.checkouts.set(key, null);
      return this.fetchCheckout(sha, depth, local, sparse);
    }
    const pristine = kept ?? this.fetchCheckout(sha, depth, local, sparse);
    this.checkouts.set(key, pristine);
    const dir = tempDir('tg-workspace-');
    cpSync(pristine, dir, { recursive: true, preserveTimestamps: true });
    return dir;
  }

  private fetchCheckout(sha: string, depth: number, local: string, sparse: string[]): string {
    const dir = tempDir('tg-workspace-');
    const env = this.dev.env;
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    git('init', '-q');
    git('remote', 'add', 'origin', this.url);
    if (depth === 0) {
      git('fetch', '-q', '--no-tags', '--prune', 'origin', '+refs/heads/*:refs/remotes/origin/*');
      git('fetch', '-q', '--no-tags', 'origin', `+${sha}:${local}`);
    } else {
      git('fetch', '-q', '--no-tags', `--depth=${depth}`, 'origin', `+${sha}:${local}`);
    }
    if (sparse.length) git('sparse-checkout', 'set', '--cone', ...sparse);
    git('checkout', '-q', '--force', '--detach', sha);
    return dir;
  }

  cleanup(): void {
    this.origin.cleanup();
    this.dev.cleanup();
  }
}

/** A PR opened by `GitHubRepo.openPull`, and the `pull_request` fields its event payload carries. */
export interface OpenedPull {
  headSha: string;
  baseSha: string;
  mergeSha: string;
  fields: {
    number: number;
    user: { login: string };
    head: { sha: string; ref: string };
    base: { sha: string; ref: string };
  };
}

/**
 * Opens PR `number` from branch `head` into main (as GitHub would) and registers it with the fake
 * API: opened by `author` (default mona), with the reviews made for its head commit.
 */
export function publishPull(
  github: FakeGitHub,
  repo: GitHubRepo,
  number: number,
  head: string,
  options: { author?: string; reviews?: (headSha: string) => ReviewSpec[] } = {},
): OpenedPull {
  const { headSha, baseSha, mergeSha } = repo.openPull(number, head);
  const fields = {
    number,
    user: { login: options.author ?? 'mona' },
    head: { sha: headSha, ref: head },
    base: { sha: baseSha, ref: 'main' },
  };
  github.addPull(FULL_NAME, { ...fields, reviews: options.reviews?.(headSha) ?? [] });
  return { headSha, baseSha, mergeSha, fields };
}

/**
 * A fake GitHub API for a test file, started before its tests and stopped after them, and the
 * GitHubRepos they create, cleaned up with it. Call at the top level, before the file's own hooks.
 */
export function useFakeGitHub(): {
  github: FakeGitHub;
  createRepo: (template?: GitHubRepo) => GitHubRepo;
} {
  const github = new FakeGitHub();
  const repos: GitHubRepo[] = [];
  jestHooks.beforeAll!(() => github.start());
  jestHooks.afterAll!(async () => {
    await github.stop();
    for (const repo of repos) repo.cleanup();
  });
  const createRepo = (template?: GitHubRepo) => {
    const repo = new GitHubRepo(template);
    repos.push(repo);
    return repo;
  };
  return { github, createRepo };
}
