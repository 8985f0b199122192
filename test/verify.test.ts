import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliInProcess } from './support/cli-in-process.js';
import { TempRepo, runCli } from './support/repo.js';
import { tempDir } from './support/temp.js';

const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>';
const REVIEWED = 'Reviewed-by: Bo Reviewer <bo@example.com>';
const lines = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`).join('');

/** The built CLI as a process: one run per flow (verify, attest, verify-attestation, shallow). */
function cli(repo: TempRepo, ...args: string[]) {
  return runCli(args, { cwd: repo.dir, env: repo.env });
}

/** The same verbs in this process, for the variations of those flows. */
function cliIn(repo: TempRepo, ...args: string[]) {
  return runCliInProcess(args, { cwd: repo.dir, env: repo.env });
}

async function verifyJson(repo: TempRepo, ...args: string[]) {
  const result = await cliIn(repo, 'verify', '--format', 'json', ...args);
  return { code: result.code, report: JSON.parse(result.stdout), stderr: result.stderr };
}

type FileReport = Record<string, unknown> & { path: string };
const fileOf = (report: { files: FileReport[] }, path: string) =>
  report.files.find((file) => file.path === path)!;

describe('verify and attest on a file that holds an outside agent’s lines', () => {
  let repo: TempRepo;
  let agent: string;

  beforeAll(() => {
    repo = new TempRepo();
    repo.commit(`Add eval prompts\n\n${REVIEWED}\n`, { 'evals/prompts.txt': lines(1, 10) });
    agent = repo.commit(`Extend prompts\n\n${CLAUDE}\n`, {
      'evals/prompts.txt': lines(1, 10) + lines(11, 14),
    });
  });
  afterAll(() => repo.cleanup());

  test('verify fails, naming the file, the commit and the tool, with exact line counts', async () => {
    const text = await cli(repo, 'verify');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'TAINTED evals/prompts.txt: 4 of 14 lines from outside-AI commits',
    );
    expect(text.stdout).toContain(`${agent.slice(0, 12)} claude-code — 4 lines`);
    const { code, report } = await verifyJson(repo);
    expect(code).toBe(1);
    expect(fileOf(report, 'evals/prompts.txt')).toMatchObject({
      group: 'evals',
      verdict: 'tainted',
      basis: 'blame',
      lines: 14,
      externalLines: 4,
      internalLines: 0,
      reviewedLines: 10,
      unknownLines: 0,
      forbiddenLines: 4,
      tools: ['claude-code'],
    });
  });

  test('attest exits 1 and prints no statement', async () => {
    const result = await cliIn(repo, 'attest');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('verify failed, so no statement was made');
  });

  test('after a reviewed human rewrites those lines, both pass and the lines stop counting as outside-AI', async () => {
    repo.commit(`Rewrite the extension by hand\n\n${REVIEWED}\n`, {
      'evals/prompts.txt': lines(1, 10) + 'hand 11\nhand 12\nhand 13\nhand 14\n',
    });
    const { code, report } = await verifyJson(repo);
    expect(code).toBe(0);
    expect(fileOf(report, 'evals/prompts.txt')).toMatchObject({
      verdict: 'clean',
      lines: 14,
      externalLines: 0,
      reviewedLines: 14,
      tools: [],
    });
    const attest = await cliIn(repo, 'attest');
    expect(attest.code).toBe(0);
    const statement = JSON.parse(attest.stdout);
    expect(statement.predicate.properties).toEqual([
      'TRAILGUARD_VERIFY_PASSED',
      'TRAILGUARD_NO_OUTSIDE_MODEL_LINES',
      'TRAILGUARD_NO_AI_LINES',
      'TRAILGUARD_ALL_LINES_HUMAN_REVIEWED',
    ]);
  });
});

describe('line counts by source', () => {
  let repo: TempRepo;

  beforeAll(() => {
    repo = new TempRepo();
    repo.commit('Set the policy\n', {
      '.trailguard.yml':
        "version: 1\nprotected:\n  - name: data\n    paths: ['data/**']\n    require-review: false\ntools:\n  internal: [aider]\n",
    });
    repo.commit(`Reviewed part\n\n${REVIEWED}\n`, { 'data/set.txt': lines(1, 3) });
    repo.commit('Unreviewed part\n', { 'data/set.txt': lines(1, 3) + lines(4, 8) });
    repo.commit('Internal tool part\n\nCo-authored-by: aider (gpt-4) <aider@aider.chat>\n', {
      'data/set.txt': lines(1, 3) + lines(4, 8) + lines(9, 10),
    });
    repo.commit('A file nobody reviewed\n', { 'data/plain.txt': lines(1, 6) });
  });
  afterAll(() => repo.cleanup());

  test('each line counts for the commit that wrote it; a file whose commits all judge alike is not blamed', async () => {
    const { code, report } = await verifyJson(repo);
    expect(code).toBe(0);
    expect(fileOf(report, 'data/set.txt')).toMatchObject({
      basis: 'blame',
      lines: 10,
      externalLines: 0,
      internalLines: 2,
      reviewedLines: 3,
      unknownLines: 5,
      unreviewedLines: 7,
      missingReviewLines: 0,
      tools: ['aider'],
      verdict: 'clean',
    });
    expect(fileOf(report, 'data/plain.txt')).toMatchObject({
      basis: 'history',
      lines: 6,
      unknownLines: 6,
      verdict: 'clean',
    });
    expect(report.groups).toEqual([
      expect.objectContaining({
        group: 'data',
        files: 2,
        lines: 16,
        internalLines: 2,
        unknownLines: 11,
      }),
    ]);
  });

  test('scan reports the same HEAD line counts, per group and file', async () => {
    const scan = await cliIn(repo, 'scan', '--format', 'json');
    expect(scan.code).toBe(0);
    const head = JSON.parse(scan.stdout).head;
    expect(head.commit).toBe(repo.git('rev-parse', 'HEAD').trim());
    expect(head.groups).toEqual([
      expect.objectContaining({ group: 'data', lines: 16, externalLines: 0, internalLines: 2 }),
    ]);
    expect(head.groups[0].files).toEqual([
      expect.objectContaining({ path: 'data/plain.txt', lines: 6, unknownLines: 6, tools: [] }),
      expect.objectContaining({
        path: 'data/set.txt',
        lines: 10,
        externalLines: 0,
        internalLines: 2,
        reviewedLines: 3,
        unknownLines: 5,
        tools: ['aider'],
      }),
    ]);
    const text = await cliIn(repo, 'scan');
    expect(text.code).toBe(0);
  });

  test('the statement lists only the properties that hold', async () => {
    const statement = JSON.parse((await cliIn(repo, 'attest')).stdout);
    expect(statement.predicate.properties).toEqual([
      'TRAILGUARD_VERIFY_PASSED',
      'TRAILGUARD_NO_OUTSIDE_MODEL_LINES',
    ]);
    expect(statement.predicate.verifier.policies).toEqual([
      {
        name: '.trailguard.yml',
        digest: { gitBlob: repo.git('rev-parse', 'HEAD:.trailguard.yml').trim() },
        annotations: { commit: repo.git('rev-parse', 'HEAD').trim() },
      },
    ]);
  });
});

describe('history that blame must follow', () => {
  let repo: TempRepo;
  let agent: string;

  beforeAll(() => {
    repo = new TempRepo();
    agent = repo.commit(`Draft a task list\n\n${CLAUDE}\n`, { 'scratch/tasks.txt': lines(1, 20) });
    repo.git('mv', 'scratch', 'evals');
    repo.commit(`Move the tasks into the eval set\n\n${REVIEWED}\n`);
  });
  afterAll(() => repo.cleanup());

  test('a file renamed into a protected path keeps its history', async () => {
    const { code, report } = await verifyJson(repo);
    expect(code).toBe(1);
    expect(fileOf(report, 'evals/tasks.txt')).toMatchObject({
      verdict: 'tainted',
      basis: 'blame',
      externalLines: 20,
      commits: [expect.objectContaining({ sha: agent, lines: 20, tools: ['claude-code'] })],
    });
  });

  test('a binary file with an outside-AI commit in its past fails, judged by its history', async () => {
    repo.commit(`Add images\n\n${REVIEWED}\n`, {});
    repo.write('evals/img.bin', 'before\0binary');
    repo.git('add', '-A');
    repo.commit(`Agent adds an image\n\n${CLAUDE}\n`);
    repo.write('evals/img.bin', 'after\0binary, edited by a human');
    repo.commit(`Human edits the image\n\n${REVIEWED}\n`);
    const { code, report } = await verifyJson(repo, 'evals/img.bin');
    expect(code).toBe(1);
    expect(fileOf(report, 'evals/img.bin')).toMatchObject({
      kind: 'binary',
      basis: 'history',
      lines: 0,
      verdict: 'tainted',
      tools: ['claude-code'],
    });
  });

  test('an LFS pointer is judged by its history, file-level', async () => {
    const pointer =
      'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 12\n';
    repo.commit(`Agent adds LFS data\n\n${CLAUDE}\n`, { 'evals/big.parquet': pointer });
    const { report } = await verifyJson(repo, 'evals/big.parquet');
    expect(fileOf(report, 'evals/big.parquet')).toMatchObject({ kind: 'lfs', verdict: 'tainted' });
  });

  test('PATH narrows to the protected files under it; an unprotected PATH is an error (exit 2)', async () => {
    const { report } = await verifyJson(repo, 'evals/tasks.txt');
    expect(report.files.map((file: FileReport) => file.path)).toEqual(['evals/tasks.txt']);
    const outside = await cliIn(repo, 'verify', 'src');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('no protected file under "src"');
  });

  test('a revision that does not exist gives exit 2', async () => {
    const result = await cliIn(repo, 'verify', '--at', 'no-such-rev');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not a commit in this repository: 'no-such-rev'");
  });
});

describe('a shallow clone', () => {
  let origin: TempRepo;
  let cloneParent: string;

  beforeAll(() => {
    origin = new TempRepo();
    origin.commit(`One\n\n${REVIEWED}\n`, { 'evals/a.txt': lines(1, 5) });
    origin.commit(`Two\n\n${REVIEWED}\n`, { 'evals/a.txt': lines(1, 8) });
    cloneParent = tempDir('tg-shallow-');
  });
  afterAll(() => {
    origin.cleanup();
    rmSync(cloneParent, { recursive: true, force: true });
  });

  test('gives exit 2, never a pass', async () => {
    const dir = join(cloneParent, 'clone');
    origin.git('clone', '-q', '--depth', '1', `file://${origin.dir}`, dir);
    const result = await runCli(['verify'], { cwd: dir, env: origin.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shallow');
    const attest = await runCliInProcess(['attest'], { cwd: dir, env: origin.env });
    expect(attest.code).toBe(2);
    expect(attest.stdout).toBe('');
  });
});

describe('the statement and verify-attestation', () => {
  let repo: TempRepo;
  let statementFile: string;

  beforeAll(() => {
    repo = new TempRepo();
    repo.commit(`Data\n\n${REVIEWED}\n`, {
      'evals/math/q1.txt': lines(1, 3),
      'evals/code/q2.txt': lines(1, 4),
      'lab/training-data/part1.txt': lines(1, 2),
      'src/app.py': 'print(1)\n',
    });
    statementFile = join(repo.home, 'statement.json');
  });
  afterAll(() => repo.cleanup());

  test('one subject per protected directory, digested by git rev-parse REV:<dir>', async () => {
    const result = await cli(repo, 'attest', '--output', statementFile);
    expect(result.code).toBe(0);
    const statement = JSON.parse(readFileSync(statementFile, 'utf8'));
    const commit = repo.git('rev-parse', 'HEAD').trim();
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://in-toto.io/attestation/svr/v0.2');
    expect(statement.subject).toEqual([
      {
        name: 'lab/training-data',
        digest: { gitTree: repo.git('rev-parse', 'HEAD:lab/training-data').trim() },
        annotations: { commit, groups: ['training-data'] },
      },
      {
        name: 'evals',
        digest: { gitTree: repo.git('rev-parse', 'HEAD:evals').trim() },
        annotations: { commit, groups: ['evals'] },
      },
    ]);
    expect(statement.predicate.verifier).toMatchObject({
      id: 'pkg:npm/trailguard#verify/v1',
      policies: [
        { name: 'trailguard embedded default policy', digest: { sha256: expect.any(String) } },
      ],
    });
    expect(Date.parse(statement.predicate.timeCreated)).not.toBeNaN();
    expect(statement.predicate.properties).toContain('SLSA_SOURCE_TWO_PARTY_REVIEWED');
    const check = await cli(repo, 'verify-attestation', statementFile);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('OK — 2 subjects match HEAD');
  });

  test('a change outside the subjects keeps it valid; any change under a subject breaks it', async () => {
    repo.commit('Unrelated code\n', { 'src/app.py': 'print(2)\n' });
    expect((await cliIn(repo, 'verify-attestation', statementFile)).code).toBe(0);
    repo.commit(`Edit one question\n\n${REVIEWED}\n`, { 'evals/code/q2.txt': lines(1, 5) });
    const result = await cliIn(repo, 'verify-attestation', statementFile);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('evals: gitTree at HEAD is');
    expect((await cliIn(repo, 'verify-attestation', statementFile, '--at', 'HEAD~1')).code).toBe(0);
  });

  test('a file added under a subject breaks it too, and so do a wrong type and a missing property', async () => {
    repo.commit(`New file\n\n${REVIEWED}\n`, { 'lab/training-data/part2.txt': 'x\n' });
    const statement = JSON.parse(readFileSync(statementFile, 'utf8'));
    const changed = await cliIn(repo, 'verify-attestation', statementFile, '--at', 'HEAD');
    expect(changed.stdout).toContain('lab/training-data: gitTree');
    const wrongType = join(repo.home, 'wrong-type.json');
    writeFileSync(
      wrongType,
      JSON.stringify({ ...statement, predicateType: 'https://slsa.dev/provenance/v1' }),
    );
    const typed = await cliIn(repo, 'verify-attestation', wrongType, '--at', 'HEAD~2');
    expect(typed.code).toBe(1);
    expect(typed.stdout).toContain('predicateType is not https://in-toto.io/attestation/svr/v0.2');
    const required = await cliIn(
      repo,
      'verify-attestation',
      statementFile,
      '--at',
      'HEAD~2',
      '--require',
      'TRAILGUARD_NO_SUCH',
    );
    expect(required.code).toBe(1);
    expect(required.stdout).toContain('does not assert TRAILGUARD_NO_SUCH');
  });

  test('a DSSE envelope around the statement is read the same way', async () => {
    const envelope = join(repo.home, 'envelope.json');
    writeFileSync(
      envelope,
      JSON.stringify({
        payloadType: 'application/vnd.in-toto+json',
        payload: Buffer.from(readFileSync(statementFile)).toString('base64'),
        signatures: [],
      }),
    );
    expect((await cliIn(repo, 'verify-attestation', envelope, '--at', 'HEAD~2')).code).toBe(0);
  });

  test('an unreadable statement file is exit 2', async () => {
    const result = await cliIn(repo, 'verify-attestation', join(repo.home, 'missing.json'));
    expect(result.code).toBe(2);
  });
});
