// Benchmark (not a test): reading a 100,000-commit history with readHistory, and
// `trailguard check`, against `git log` itself on the same range, measured in one run.
//
//   npm run build && npm run bench:check [-- --commits 100000 --runs 3]
//
// The repository is generated once through git fast-import (test/support/big-repo.ts) and cached
// in the temporary directory. Every reader is its own process, timed from spawn to exit; peak RSS
// is git's own for the git rows (/usr/bin/time) and node's own for the node rows (git excluded).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TIME = '/usr/bin/time';
const RSS_MARK = 'TG_BENCH_MAXRSS_KB';
/** Preloaded into node readers: prints the process's own peak RSS when it exits. */
const RSS_HOOK = `--import=data:text/javascript,${encodeURIComponent(
  `process.on('exit', () => process.stderr.write('\\n${RSS_MARK} ' + process.resourceUsage().maxRSS + '\\n'));`,
)}`;

/** Bundles the TypeScript the bench needs (the history reader, the repository generator). */
async function bundle() {
  const { build } = await import('esbuild');
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

/** The readHistory reader, run as `node bench/check.mjs --child LIB REPO RANGE`. */
async function child(lib, repo, range) {
  const { readHistory } = await import(lib);
  let commits = 0;
  let files = 0;
  for await (const commit of readHistory({ repo, revs: [range] })) {
    commits += 1;
    files += commit.files.length;
  }
  process.stdout.write(JSON.stringify({ commits, files }));
}

/**
 * Runs a reader to completion, draining its stdout through a pipe, and gives its wall time and
 * peak RSS: node readers report their own, other commands are measured by /usr/bin/time.
 */
function timed(command, args, cwd) {
  const isNode = command === process.execPath;
  const useTime = !isNode && existsSync(TIME);
  const [file, argv] = isNode
    ? [command, [RSS_HOOK, ...args]]
    : useTime
      ? [TIME, ['-f', `${RSS_MARK} %M`, command, ...args]]
      : [command, args];
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const proc = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    let stderr = '';
    proc.stdout.on('data', (chunk) => isNode && stdout.push(chunk));
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const mark = stderr.match(new RegExp(`\\n?${RSS_MARK} (\\d+)\\n?`));
      resolvePromise({
        code,
        ms,
        rssKb: mark ? Number(mark[1]) : NaN,
        stdout: Buffer.concat(stdout).toString(),
        stderr: stderr.replace(mark?.[0] ?? '', '').trim(),
      });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs every reader once per round, so a change in machine load hits all of them alike. */
async function measure(runs, rows) {
  const results = rows.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (const [index, [, run]] of rows.entries()) {
      const result = await run();
      if (result.code !== 0 && result.code !== 1) {
        throw new Error(`${rows[index][0]} failed (exit ${result.code}): ${result.stderr}`);
      }
      results[index].push(result);
    }
  }
  return results.map((runsOfRow, index) => [
    rows[index][0],
    {
      ms: median(runsOfRow.map((r) => r.ms)),
      rssKb: Math.max(...runsOfRow.map((r) => r.rssKb)),
      last: runsOfRow.at(-1),
    },
  ]);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      commits: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
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
    const readyS = Number(process.hrtime.bigint() - generating) / 1e9;
    const root = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: repo })
      .toString()
      .trim();
    const range = `${root}..HEAD`;
    const gitVersion = execFileSync('git', ['--version']).toString().trim().split(' ').pop();
    console.log(`repository: ${repo} (${values.commits} commits, ready in ${readyS.toFixed(1)} s)`);
    console.log(
      `range: ${range}; median of ${runs} runs; git ${gitVersion}, node ${process.version}`,
    );

    const readHistoryRun =
      (revs, nodeOptions = []) =>
      () =>
        timed(
          process.execPath,
          [...nodeOptions, import.meta.filename, '--child', lib, repo, revs],
          ROOT,
        );
    const rows = [
      ['git log --name-status -z', () => timed('git', ['log', '--name-status', '-z', range], repo)],
      ["git log with readHistory's arguments", () => timed('git', historyArgs([range]), repo)],
      ['readHistory (node, git excluded)', readHistoryRun(range)],
    ];
    const checkArgs = [CLI, 'check', range, '--format', 'json', '--repo', repo];
    const probe = existsSync(CLI) ? await timed(process.execPath, checkArgs, repo) : undefined;
    const checkRuns = probe && (probe.code === 0 || probe.code === 1);
    if (checkRuns)
      rows.push(['trailguard check --format json', () => timed(process.execPath, checkArgs, repo)]);

    const results = await measure(runs, rows);
    const [, plain] = results[0];
    const [, same] = results[1];
    const width = Math.max(...results.map(([name]) => name.length));
    console.log(`${'reader'.padEnd(width)}  median s  vs git log  vs same args  peak RSS`);
    for (const [name, result] of results) {
      const ratio = (floor) => (result.ms / floor.ms).toFixed(2);
      const rss = Number.isNaN(result.rssKb) ? '?' : `${(result.rssKb / 1024).toFixed(0)} MB`;
      console.log(
        `${name.padEnd(width)}  ${(result.ms / 1000).toFixed(2).padStart(8)}  ` +
          `${ratio(plain).padStart(9)}  ${ratio(same).padStart(12)}  ${rss.padStart(8)}`,
      );
    }
    const read = JSON.parse(results[2][1].last.stdout);
    // Bounded memory: the whole range again, with V8's heap capped far below the history's size.
    const capped = await readHistoryRun(range, ['--max-old-space-size=16'])();
    if (capped.code !== 0)
      throw new Error(`readHistory with a 16 MB heap failed: ${capped.stderr}`);
    console.log(
      `readHistory: ${read.commits} commits, ${read.files} file changes; with the heap capped at ` +
        `16 MB (--max-old-space-size=16) it reads them all again, peak RSS ${(capped.rssKb / 1024).toFixed(0)} MB`,
    );
    if (checkRuns) {
      const report = JSON.parse(results[3][1].last.stdout);
      console.log(
        `check: ${report.commits} commits judged, ${report.violations.length} violations`,
      );
    } else {
      const why = probe
        ? probe.stderr.split('\n')[0] || `exit ${probe.code}`
        : 'dist/cli.js not built';
      console.log(`trailguard check skipped: ${why}`);
    }
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}

await main();
