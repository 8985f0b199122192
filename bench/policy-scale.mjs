// What a large policy costs `trailguard check`: a 12,000-glob policy against a 10-glob one, both
// loading the policy (YAML, schema, globs) and judging the same 1,000-commit range, measured in the
// same run, interleaved. Budget (issue 10): the large one under 2x the small one.
//
//   npm run build && npm run bench:policy [-- --runs 7]
//
// The large policy is what data directories look like: 11,000 literal directories (`data/shard-N/**`)
// and 1,000 directory names at any depth (`**/set-N/**`). Every commit touches a protected path of
// the large policy, so every commit is judged in full.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const BUDGET = 2;
const COMMITS = 1000;
const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(3, Number(values.runs));

const dir = mkdtempSync(join(tmpdir(), 'tg-bench-policy-'));
const env = {
  PATH: process.env.PATH,
  HOME: dir,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(dir, 'gitconfig'),
};

/** 1,000 commits through fast-import: each adds a file under a shard, a set and src/. */
function makeRepo(repo) {
  execFileSync('git', ['init', '-q', '--initial-branch=main', repo], { env });
  const lines = [];
  for (let i = 0; i < COMMITS; i++) {
    const message =
      i % 3 === 0 ? `c${i}\n\nCo-authored-by: Claude <noreply@anthropic.com>\n` : `c${i}\n`;
    const files = [
      `data/shard-${(i * 11) % 11000}/part-${i}.jsonl`,
      `team/set-${i}/x.json`,
      `src/f${i}.ts`,
    ];
    lines.push(
      'commit refs/heads/main',
      `committer Ada <ada@example.com> ${1700000000 + i} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...files.flatMap((file) => [`M 100644 inline ${file}`, 'data 2', 'x']),
      '',
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, env, input: lines.join('\n') });
}

const policyFile = (name, globs) => {
  const file = join(dir, name);
  const list = globs.map((glob) => `      - '${glob}'`).join('\n');
  writeFileSync(file, `version: 1\nprotected:\n  - name: data\n    paths:\n${list}\n`);
  return file;
};

const range = (count, make) => Array.from({ length: count }, (_, i) => make(i));
const small = policyFile('small.yml', [
  ...range(5, (i) => `data/shard-${i}/**`),
  ...range(5, (i) => `**/set-${i}/**`),
]);
const large = policyFile('large.yml', [
  ...range(11000, (i) => `data/shard-${i}/**`),
  ...range(1000, (i) => `**/set-${i}/**`),
]);

const repo = join(dir, 'repo');
try {
  makeRepo(repo);
  const root = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], {
    cwd: repo,
    env,
    encoding: 'utf8',
  }).trim();
  const once = (config) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [CLI, 'check', `${root}..HEAD`, '--config', config, '--format', 'json'],
      {
        cwd: repo,
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 1) throw new Error(`check exited ${result.status}: ${result.stderr}`);
    return { ms, violations: JSON.parse(result.stdout).violations.length };
  };
  once(small);
  once(large);
  const times = { small: [], large: [] };
  let found;
  for (let run = 0; run < runs; run++) {
    times.small.push(once(small).ms);
    const judged = once(large);
    times.large.push(judged.ms);
    found = judged.violations;
  }
  const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
  const ratio = median(times.large) / median(times.small);
  console.log(
    `policy scale: check over ${COMMITS - 1} commits, median of ${runs} runs each (budget ${BUDGET}x)`,
  );
  console.log(`  10 globs       ${median(times.small).toFixed(0).padStart(6)} ms`);
  console.log(
    `  12,000 globs   ${median(times.large).toFixed(0).padStart(6)} ms  ${ratio.toFixed(2)}x  (${found} violations)`,
  );
  console.log(ratio < BUDGET ? 'within budget' : 'over budget');
  process.exitCode = ratio < BUDGET ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
