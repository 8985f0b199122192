// Benchmark (not a test): `trailguard check` and `trailguard scan --history-only` over whole
// histories, against the floor — `git log -z --name-status` with the same fields over the same
// commits — measured in one run, rounds interleaved so a change in machine load hits every row
// alike. Then scan's other step, what HEAD holds (blame), against its own floor: bench/blame.mjs
// with the same --git-git and --runs (--skip-head leaves it out).
//
//   npm run build && npm run bench:check -- --git-git /work/data/git.git [--commits 100000 --runs 3]
//
// Cases: a synthetic history (generated once through git fast-import, test/support/big-repo.ts,
// cached in the temporary directory) and, when given a clone of git.git (--git-git PATH or
// TG_BENCH_GIT_GIT), git.git's whole history: ~82k commits, ~21k merges, for speed only.
// Every reader is its own process, timed from spawn to exit; peak RSS is git's own for the git
// rows (/usr/bin/time) and node's own for the node rows (git excluded).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { bundleSources } from './import-sources.mjs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TIME = '/usr/bin/time';
const RSS_MARK = 'TG_BENCH_MAXRSS_KB';
/** Preloaded into node readers: prints the process's own peak RSS when it exits. */
const RSS_HOOK = `--import=data:text/javascript,${encodeURIComponent(
  `process.on('exit', () => process.stderr.write('\\n${RSS_MARK} ' + process.resourceUsage().maxRSS + '\\n'));`,
)}`;

/** The readHistory reader, run as `node bench/check.mjs --child LIB REPO REVS`. */
async function child(lib, repo, revs) {
  const { readHistory } = await import(lib);
  let commits = 0;
  let merges = 0;
  let files = 0;
  for await (const commit of readHistory({ repo, revs: revs.split(' '), env: process.env })) {
    commits += 1;
    if (commit.parents.length > 1) merges += 1;
    files += commit.files.length;
  }
  process.stdout.write(JSON.stringify({ commits, merges, files }));
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

/** The same fields readHistory asks for, in the floor's plain `git log -z --name-status`. */
function floorArgs(historyArgs, revs) {
  const format = historyArgs(revs).find((arg) => arg.startsWith('--format='));
  return ['log', '-z', '--name-status', format, ...revs];
}

function printTable(results, floorIndex) {
  const floor = results[floorIndex][1];
  const width = Math.max(...results.map(([name]) => name.length));
  console.log(`${'reader'.padEnd(width)}  median s  vs floor  peak RSS`);
  for (const [name, result] of results) {
    const rss = Number.isNaN(result.rssKb) ? '?' : `${(result.rssKb / 1024).toFixed(0)} MB`;
    console.log(
      `${name.padEnd(width)}  ${(result.ms / 1000).toFixed(2).padStart(8)}  ` +
        `${(result.ms / floor.ms).toFixed(2).padStart(8)}  ${rss.padStart(8)}`,
    );
  }
}

const uptime = () => execFileSync('uptime').toString().trim();

/** One history: the floor, git with readHistory's arguments, readHistory, check and scan. */
async function benchCase({ title, repo, revs, runs, lib, historyArgs, checkRange }) {
  console.log(`\n== ${title}`);
  console.log(`load before: ${uptime()}`);
  const readHistoryRun =
    (nodeOptions = []) =>
    () =>
      timed(
        process.execPath,
        [...nodeOptions, import.meta.filename, '--child', lib, repo, revs.join(' ')],
        ROOT,
      );
  const cli =
    (...args) =>
    () =>
      timed(process.execPath, [CLI, ...args, '--repo', repo], repo);
  const rows = [
    [
      'floor: git log -z --name-status, same fields',
      () => timed('git', floorArgs(historyArgs, revs), repo),
    ],
    ["git log with readHistory's arguments", () => timed('git', historyArgs(revs), repo)],
    ['readHistory (node, git excluded)', readHistoryRun()],
    ['trailguard check --format json', cli('check', ...checkRange, '--format', 'json')],
    [
      'trailguard scan --history-only --format json',
      cli('scan', '--history-only', '--format', 'json'),
    ],
  ];
  const results = await measure(runs, rows);
  printTable(results, 0);
  console.log(`load after: ${uptime()}`);
  const read = JSON.parse(results[2][1].last.stdout);
  const check = JSON.parse(results[3][1].last.stdout);
  const scan = JSON.parse(results[4][1].last.stdout);
  console.log(
    `readHistory: ${read.commits} commits (${read.merges} merges), ${read.files} file changes; ` +
      `check: ${check.commits} commits judged, ${check.violations.length} violations; ` +
      `scan: ${scan.commits} commits, ${scan.totals.ai} with AI signals, ${scan.paths.length} directories`,
  );
  return results;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      commits: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
      'git-git': { type: 'string', default: process.env.TG_BENCH_GIT_GIT },
      child: { type: 'boolean', default: false },
      'skip-head': { type: 'boolean', default: false },
    },
  });
  if (values.child) return child(...positionals);
  if (!existsSync(CLI)) throw new Error('dist/cli.js is not built: npm run build');
  const runs = Number(values.runs);
  const { dir: buildDir, url: lib } = await bundleSources({
    './src/git/history.ts': ['readHistory', 'historyArgs'],
    './test/support/big-repo.ts': ['bigRepo'],
  });
  try {
    const { bigRepo, historyArgs } = await import(lib);
    const gitVersion = execFileSync('git', ['--version']).toString().trim().split(' ').pop();
    console.log(`median of ${runs} runs; git ${gitVersion}, node ${process.version}`);
    const generating = process.hrtime.bigint();
    const synthetic = await bigRepo({ commits: Number(values.commits) });
    const readyS = Number(process.hrtime.bigint() - generating) / 1e9;
    await benchCase({
      title: `synthetic: ${synthetic} (${values.commits} commits, ready in ${readyS.toFixed(1)} s), whole history of HEAD`,
      repo: synthetic,
      revs: ['HEAD'],
      runs,
      lib,
      historyArgs,
      checkRange: ['--from-root'],
    });
    // Bounded memory: the whole history again, with V8's heap capped far below its size.
    const capped = await timed(
      process.execPath,
      ['--max-old-space-size=16', import.meta.filename, '--child', lib, synthetic, 'HEAD'],
      ROOT,
    );
    if (capped.code !== 0)
      throw new Error(`readHistory with a 16 MB heap failed: ${capped.stderr}`);
    console.log(
      `readHistory with the heap capped at 16 MB (--max-old-space-size=16) reads it all again, ` +
        `peak RSS ${(capped.rssKb / 1024).toFixed(0)} MB`,
    );
    if (values['git-git']) {
      const repo = resolve(values['git-git']);
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo })
        .toString()
        .trim();
      await benchCase({
        title: `git.git: ${repo} at ${head}, whole history of HEAD`,
        repo,
        revs: ['HEAD'],
        runs,
        lib,
        historyArgs,
        checkRange: ['--from-root'],
      });
    } else {
      console.log('\ngit.git skipped: give a clone with --git-git PATH (or TG_BENCH_GIT_GIT)');
    }
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
  if (values['skip-head']) return;
  console.log(`\n== scan's HEAD step (trailguard verify, the engine scan runs after the history)`);
  const head = spawn(
    process.execPath,
    [
      join(ROOT, 'bench', 'blame.mjs'),
      '--runs',
      String(runs),
      ...(values['git-git'] ? ['--git-git', values['git-git']] : ['--git-git', '']),
    ],
    { stdio: 'inherit' },
  );
  const code = await new Promise((done) => head.on('close', done));
  if (code !== 0) throw new Error(`bench/blame.mjs failed (exit ${code})`);
}

await main();
