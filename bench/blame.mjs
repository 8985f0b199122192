// Benchmark (not a test): the HEAD engine (`trailguard verify`, the step `scan` runs after the
// history) against its floor, `git blame --porcelain` over the same files with the same
// parallelism (one process per file, one per core), measured in one run, rounds interleaved.
//
//   npm run build && npm run bench:blame [-- --git-git /work/data/git.git --every 1 --runs 3]
//
// Cases: a synthetic repository (generated through git fast-import into a temporary directory,
// removed at the end) and, when a clone of git.git is given (--git-git, default
// /work/data/git.git when present), every Nth file of its t/ directory at HEAD (default: all
// 2,549) under a policy protecting t/** with review required, so files whose commits differ
// must be blamed. The clone is left untouched: the bench reads it through a scratch clone that
// borrows its objects (git clone --shared) and carries a commit-graph with changed-path Bloom
// filters (git commit-graph write --reachable --changed-paths), which git blame and git log over
// paths use when present. Without one, each git blame walks every commit of git.git's history
// (about 1 s per file of t/, 40 minutes of floor for all of t/ on two cores); with it, a
// fraction of that, for the floor and for verify alike.
// Optional rows: --with-M (git blame -M, the flag the engine blames with) and --blamed-floor
// (git blame over just the files verify blamed).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const { values } = parseArgs({
  options: {
    'git-git': { type: 'string', default: '/work/data/git.git' },
    every: { type: 'string', default: '1' },
    'with-M': { type: 'boolean', default: false },
    'blamed-floor': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    'synthetic-files': { type: 'string', default: '240' },
    'synthetic-commits': { type: 'string', default: '3000' },
  },
});
const CORES = availableParallelism();

function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
    const out = [];
    let err = '';
    proc.stdout.on('data', (chunk) => out.push(chunk));
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('error', reject);
    proc.on('close', (code) =>
      resolvePromise({ code, stdout: Buffer.concat(out).toString(), stderr: err }),
    );
    proc.stdin.on('error', () => {});
    proc.stdin.end(options.input ?? '');
  });
}

async function git(cwd, args, input) {
  const result = await run('git', args, { cwd, input });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

async function seconds(work) {
  const started = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

/** The floor: one `git blame` per file, CORES at a time, output drained. */
async function blameAll(repo, files, flags) {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const result = await run('git', ['blame', '--porcelain', ...flags, 'HEAD', '--', file], {
        cwd: repo,
      });
      if (result.code !== 0) throw new Error(`git blame ${file}: ${result.stderr}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CORES, files.length) }, worker));
}

const RSS_MARK = 'TG_BENCH_MAXRSS_KB';
/** Preloaded into verify: prints the node process's own peak RSS when it exits. */
const RSS_HOOK = `--import=data:text/javascript,${encodeURIComponent(
  `process.on('exit', () => process.stderr.write('\\n${RSS_MARK} ' + process.resourceUsage().maxRSS + '\\n'));`,
)}`;

async function verify(repo, policy, paths) {
  const result = await run(
    process.execPath,
    [RSS_HOOK, CLI, 'verify', '--format', 'json', '--config', policy, '--repo', repo, ...paths],
    { cwd: repo },
  );
  if (result.code !== 0 && result.code !== 1)
    throw new Error(`verify exited ${result.code}: ${result.stderr}`);
  const rss = result.stderr.match(new RegExp(`${RSS_MARK} (\\d+)`));
  return { report: JSON.parse(result.stdout), rssKb: rss ? Number(rss[1]) : NaN };
}

/** A seeded generator, so every run builds the same repository. */
function random(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * A repository whose data/ files are edited line by line by commits of every kind: an outside
 * agent (10%), reviewed humans (40%), unreviewed humans; data/stable/ is written once, reviewed.
 */
async function syntheticRepo(dir, fileCount, commitCount) {
  await git(dir, ['init', '-q', '--initial-branch=main']);
  const pick = random(42);
  const files = Array.from({ length: fileCount }, (_, i) =>
    Array.from({ length: 120 }, (_, j) => `row ${i}.${j}`),
  );
  const stable = Array.from({ length: fileCount / 2 }, (_, i) => `data/stable/s${i}.txt`);
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const parts = [];
  let time = 1_700_000_000;
  const commit = (message, changes) => {
    time += 60;
    parts.push(
      'commit refs/heads/main\n',
      `author Ada Human <ada@example.com> ${time} +0000\n`,
      `committer Ada Human <ada@example.com> ${time} +0000\n`,
      data(message),
      ...changes.map(([path, text]) => `M 100644 inline ${path}\n${data(text)}`),
      '\n',
    );
  };
  const reviewed = 'Reviewed-by: Bo Reviewer <bo@example.com>';
  commit(`Initial data\n\n${reviewed}\n`, [
    ['.trailguard.yml', "version: 1\nprotected:\n  - name: data\n    paths: ['data/**']\n"],
    ...files.map((lines, i) => [`data/f${i}.txt`, lines.join('\n') + '\n']),
    ...stable.map((path) => [
      path,
      Array.from({ length: 120 }, (_, j) => `${path} ${j}`).join('\n') + '\n',
    ]),
  ]);
  for (let c = 0; c < commitCount; c += 1) {
    const roll = pick(10);
    const message =
      roll === 0
        ? 'Agent edit\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n'
        : roll < 5
          ? `Reviewed edit\n\n${reviewed}\n`
          : 'Unreviewed edit\n';
    const index = pick(fileCount);
    for (let k = 0; k < 4; k += 1) files[index][pick(files[index].length)] = `edit ${c}.${k}`;
    commit(message, [[`data/f${index}.txt`, files[index].join('\n') + '\n']]);
  }
  await git(dir, ['fast-import', '--quiet'], parts.join(''));
  await git(dir, ['reset', '-q', '--hard', 'main']);
  return join(dir, '.trailguard.yml');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(name, repo, policy, files, paths) {
  const runs = Number(values.runs);
  const floor = [];
  const floorM = [];
  const ours = [];
  const floorBlamed = [];
  let report;
  let rssKb = 0;
  for (let r = 0; r < runs; r += 1) {
    floor.push((await seconds(() => blameAll(repo, files, []))).seconds);
    if (values['with-M']) floorM.push((await seconds(() => blameAll(repo, files, ['-M']))).seconds);
    const timed = await seconds(() => verify(repo, policy, paths));
    ours.push(timed.seconds);
    report = timed.result.report;
    rssKb = Math.max(rssKb, timed.result.rssKb);
    if (values['blamed-floor']) {
      // The files verify had to blame, alone: what its blame step would cost at the floor.
      const blamed = report.files.filter((file) => file.basis === 'blame').map((file) => file.path);
      floorBlamed.push((await seconds(() => blameAll(repo, [...new Set(blamed)], []))).seconds);
    }
  }
  const verdicts = {};
  for (const file of report.files) verdicts[file.verdict] = (verdicts[file.verdict] ?? 0) + 1;
  const [f, o] = [median(floor), median(ours)];
  const lines = [
    `${name}: ${report.files.length} files, ${report.blamed} blamed by verify; verdicts ${JSON.stringify(verdicts)}`,
    `  floor: git blame --porcelain, ${CORES} at a time  ${f.toFixed(2).padStart(8)} s`,
    `  trailguard verify (the HEAD step)       ${o.toFixed(2).padStart(8)} s  ${(o / f).toFixed(2)}x floor (budget 1.5x), peak RSS ${(rssKb / 1024).toFixed(0)} MB`,
  ];
  if (floorM.length > 0) {
    const fm = median(floorM);
    lines.push(
      `  git blame --porcelain -M                ${fm.toFixed(2).padStart(8)} s  ${(fm / f).toFixed(2)}x floor`,
    );
  }
  if (floorBlamed.length > 0) {
    const fb = median(floorBlamed);
    lines.push(
      `  git blame --porcelain, only the ${report.blamed} files verify blamed: ${fb.toFixed(2)} s (verify is ${(o / fb).toFixed(2)}x that)`,
    );
  }
  console.log(lines.join('\n'));
}

console.log(
  `bench:blame — ${CORES} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, runs ${values.runs}`,
);
const scratch = mkdtempSync(join(tmpdir(), 'tg-bench-blame-'));
try {
  const policy = await syntheticRepo(
    scratch,
    Number(values['synthetic-files']),
    Number(values['synthetic-commits']),
  );
  const files = (await git(scratch, ['ls-files', 'data'])).split('\n').filter(Boolean);
  await measure(`synthetic (${values['synthetic-commits']} commits)`, scratch, policy, files, []);

  const gitGit = values['git-git'];
  if (existsSync(gitGit)) {
    // A scratch clone borrowing the objects, with a commit-graph of its own (see the top).
    const graphed = join(scratch, 'git.git');
    await git(scratch, ['clone', '--quiet', '--shared', '--no-checkout', resolve(gitGit), graphed]);
    const graph = await seconds(() =>
      git(graphed, ['commit-graph', 'write', '--reachable', '--changed-paths']),
    );
    console.log(
      `git.git: scratch clone of ${resolve(gitGit)} (objects shared), commit-graph with ` +
        `changed-path Bloom filters written in ${graph.seconds.toFixed(1)} s`,
    );
    const every = Number(values.every);
    const all = (await git(graphed, ['ls-tree', '-r', '--name-only', 'HEAD', 't/']))
      .split('\n')
      .filter(Boolean);
    const sample = all.filter((_, i) => i % every === every - 1);
    const gitPolicy = join(scratch, 'git-git-policy.yml');
    writeFileSync(gitPolicy, "version: 1\nprotected:\n  - name: tests\n    paths: ['t/**']\n");
    await measure(
      every === 1
        ? `git.git t/ (all ${all.length} files)`
        : `git.git t/ (every ${every}th file of ${all.length})`,
      graphed,
      gitPolicy,
      sample,
      every === 1 ? ['t'] : sample,
    );
  } else {
    console.log(`git.git: skipped (no clone at ${gitGit}; pass --git-git DIR)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
