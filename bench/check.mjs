// Benchmark (not a test): reading a 100,000-commit history with readHistory, and
// `trailguard check`, against `git log` itself on the same range, measured in one run.
//
//   npm run bench:check [-- --commits 100000 --runs 5]
//
// The repository is generated once through git fast-import (test/support/big-repo.ts) and cached
// in the temporary directory. Each reader runs in its own process so its peak RSS is its own.
import { build } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const TIME = '/usr/bin/time';

/** Bundles the TypeScript the bench needs (the history reader, the repository generator). */
async function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'tg-bench-'));
  const outfile = join(dir, 'bench-lib.mjs');
  await build({
    stdin: {
      contents:
        "export { readHistory, historyArgs } from './src/git/history.ts';\n" +
        "export { bigRepo } from './test/support/big-repo.ts';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return { dir, lib: pathToFileURL(outfile).href };
}

/** In a child process: reads the range with readHistory and reports time, counts and peak RSS. */
async function child(lib, repo, range) {
  const { readHistory } = await import(lib);
  const started = process.hrtime.bigint();
  let commits = 0;
  let files = 0;
  for await (const commit of readHistory({ repo, revs: [range] })) {
    commits += 1;
    files += commit.files.length;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ ms, commits, files, rssKb }));
}

/**
 * Runs a command to completion, draining its stdout through a pipe as a reader would, and gives
 * the wall time and (through /usr/bin/time, when present) its peak RSS.
 */
function timed(command, args, cwd) {
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-f', '%M', command, ...args]] : [command, args];
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const proc = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let bytes = 0;
    proc.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      if (stdout.length < 1 << 16) stdout += chunk.toString();
    });
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const lines = stderr.trim().split('\n');
      const rssKb = useTime ? Number(lines.pop()) : NaN;
      resolvePromise({ code, ms, bytes, stdout, stderr: lines.join('\n'), rssKb });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(runs, run) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  return {
    ms: median(results.map((r) => r.ms)),
    rssKb: Math.max(...results.map((r) => r.rssKb)),
    last: results.at(-1),
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      commits: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '5' },
      child: { type: 'boolean', default: false },
    },
  });
  if (values.child) return child(...positionals);
  const runs = Number(values.runs);
  const { dir: buildDir, lib } = await bundle();
  try {
    const { bigRepo, historyArgs } = await import(lib);
    const generating = process.hrtime.bigint();
    const repo = await bigRepo({ commits: Number(values.commits) });
    const generatedS = Number(process.hrtime.bigint() - generating) / 1e9;
    const root = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: repo })
      .toString()
      .trim();
    const range = `${root}..HEAD`;
    console.log(
      `repository: ${repo} (${values.commits} commits; ready in ${generatedS.toFixed(1)} s)`,
    );
    console.log(
      `range: ${range}, median of ${runs} runs, git ${execFileSync('git', ['--version']).toString().trim().split(' ').pop()}, node ${process.version}`,
    );

    const rows = [];
    const plain = await measure(runs, () =>
      timed('git', ['log', '--name-status', '-z', range], repo),
    );
    rows.push(['git log --name-status -z', plain]);
    const same = await measure(runs, () => timed('git', historyArgs([range]), repo));
    rows.push(["git log, readHistory's arguments", same]);
    const readerRuns = [];
    for (let i = 0; i < runs; i++) {
      const run = await timed(
        process.execPath,
        [resolve(import.meta.filename), '--child', lib, repo, range],
        ROOT,
      );
      if (run.code !== 0) throw new Error(`readHistory child failed: ${run.stderr}`);
      readerRuns.push(JSON.parse(run.stdout));
    }
    const reader = {
      ms: median(readerRuns.map((r) => r.ms)),
      rssKb: Math.max(...readerRuns.map((r) => r.rssKb)),
      last: readerRuns.at(-1),
    };
    rows.push(['readHistory (node process)', reader]);
    const tenth = `HEAD~${Math.floor(Number(values.commits) / 10)}..HEAD`;
    const small = JSON.parse(
      (
        await timed(
          process.execPath,
          [resolve(import.meta.filename), '--child', lib, repo, tenth],
          ROOT,
        )
      ).stdout,
    );

    const cli = join(ROOT, 'dist', 'cli.js');
    const probe = await timed(
      process.execPath,
      [cli, 'check', range, '--format', 'json', '--repo', repo],
      repo,
    );
    let checkNote = '';
    if (probe.code === 0 || probe.code === 1) {
      const check = await measure(runs, () =>
        timed(process.execPath, [cli, 'check', range, '--format', 'json', '--repo', repo], repo),
      );
      rows.push(['trailguard check --format json', check]);
      checkNote = `check: ${JSON.parse(check.last.stdout.length < 1 << 16 ? check.last.stdout : '{}').commits ?? '?'} commits judged`;
    } else {
      checkNote = `trailguard check skipped: ${probe.stderr.trim().split('\n')[0] || `exit ${probe.code}`}`;
    }

    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(`${'reader'.padEnd(width)}  median s  vs git log  vs same args  peak RSS`);
    for (const [name, result] of rows) {
      const ratio = (floor) => (result.ms / floor.ms).toFixed(2).padStart(9);
      const rss = Number.isNaN(result.rssKb) ? '?' : `${(result.rssKb / 1024).toFixed(0)} MB`;
      console.log(
        `${name.padEnd(width)}  ${(result.ms / 1000).toFixed(2).padStart(8)}  ${ratio(plain)}  ${ratio(same).padStart(12)}  ${rss.padStart(8)}`,
      );
    }
    console.log(
      `readHistory read ${reader.last.commits} commits, ${reader.last.files} file changes; ` +
        `on ${tenth} (${small.commits} commits) its peak RSS was ${(small.rssKb / 1024).toFixed(0)} MB`,
    );
    console.log(checkNote);
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}

await main();
