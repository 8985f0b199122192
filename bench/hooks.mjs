// What trailguard's git hooks cost a commit, against floors measured in the same run: the median
// wall time of `git commit` with no hook, a no-op sh hook, a `node -e 0` hook, trailguard
// without an AI tool, and trailguard with an agent detected (all hooks of one commit together).
// Budgets: without AI ≤ 1.3× the no-op sh hook; with AI ≤ 1.3× the `node -e 0` hook.
// Cases run interleaved, so load on the machine hits them alike. Exit 1 when a budget is missed.
//
//   npm run build && npm run bench:hooks [-- --runs 40]
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '40' } } });
const RUNS = Math.max(20, Number(values.runs));
const WARMUP = 3;
const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

const home = mkdtempSync(join(tmpdir(), 'tg-bench-home-'));
const baseEnv = {
  PATH: process.env.PATH,
  HOME: home,
  LANG: 'C.UTF-8',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

function repo(setup) {
  const dir = mkdtempSync(join(tmpdir(), 'tg-bench-repo-'));
  execFileSync('git', ['init', '-q', '--initial-branch=main', dir], { env: baseEnv });
  writeFileSync(join(dir, 'README.md'), 'bench\n');
  mkdirSync(join(dir, 'src'));
  execFileSync('git', ['add', '.'], { cwd: dir, env: baseEnv });
  execFileSync('git', ['commit', '-q', '--no-verify', '-m', 'initial'], { cwd: dir, env: baseEnv });
  setup(dir);
  return dir;
}

function hook(dir, name, body) {
  const path = join(dir, '.git', 'hooks', name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

const installTrailguard = (dir) =>
  execFileSync(process.execPath, [CLI, 'install'], { cwd: dir, env: baseEnv, stdio: 'ignore' });

const trailguardRepo = repo(installTrailguard);
const installedHooks = readdirSync(join(trailguardRepo, '.git', 'hooks')).filter(
  (name) => !name.endsWith('.sample'),
);
const hookPoints = `no-op sh × ${installedHooks.length}`;

const cases = [
  { name: 'no hook', dir: repo(() => {}) },
  { name: 'no-op sh hook', dir: repo((dir) => hook(dir, 'commit-msg', 'exit 0')) },
  {
    name: hookPoints,
    dir: repo((dir) => installedHooks.forEach((name) => hook(dir, name, 'exit 0'))),
  },
  {
    name: 'node -e 0 hook',
    dir: repo((dir) => hook(dir, 'commit-msg', `'${process.execPath}' -e 0`)),
  },
  { name: 'trailguard, no AI', dir: trailguardRepo },
  { name: 'trailguard, agent', dir: repo(installTrailguard), env: { CLAUDECODE: '1' } },
];

/** One commit of a staged change to src/app.ts (staged before the clock starts). */
function commitMs(item, round) {
  const env = { ...baseEnv, ...item.env };
  writeFileSync(join(item.dir, 'src', 'app.ts'), `export const round = ${round};\n`);
  execFileSync('git', ['add', 'src/app.ts'], { cwd: item.dir, env });
  const start = process.hrtime.bigint();
  execFileSync('git', ['commit', '-q', '-m', `round ${round}`], {
    cwd: item.dir,
    env,
    stdio: 'ignore',
  });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const times = new Map(cases.map((item) => [item.name, []]));
for (let round = 0; round < WARMUP + RUNS; round++) {
  for (const item of cases) {
    const ms = commitMs(item, round);
    if (round >= WARMUP) times.get(item.name).push(ms);
  }
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const medians = Object.fromEntries([...times].map(([name, list]) => [name, median(list)]));

console.log(`git commit, median of ${RUNS} runs each (interleaved, ${WARMUP} warm-up rounds):`);
for (const [name, ms] of Object.entries(medians))
  console.log(`  ${name.padEnd(20)} ${ms.toFixed(1).padStart(7)} ms`);

const budgets = [
  ['trailguard, no AI', 'no-op sh hook'],
  ['trailguard, agent', 'node -e 0 hook'],
];
let ok = true;
for (const [subject, floor] of budgets) {
  const ratio = medians[subject] / medians[floor];
  const pass = ratio <= 1.3;
  ok &&= pass;
  console.log(
    `  ${subject} / ${floor}: ${ratio.toFixed(2)}× (budget 1.30×) ${pass ? 'ok' : 'OVER BUDGET'}`,
  );
}

// Not a budget: the shim's own cost, against no-op hooks at the same hook points (git starts one
// process per hook, whatever it does).
console.log(
  `  trailguard, no AI / ${hookPoints} (${installedHooks.join(', ')}): ${(
    medians['trailguard, no AI'] / medians[hookPoints]
  ).toFixed(2)}×`,
);

for (const item of cases) rmSync(item.dir, { recursive: true, force: true });
rmSync(home, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
