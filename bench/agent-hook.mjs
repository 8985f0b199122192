// Benchmark (not a test): the wall time of one `trailguard agent-hook` call, as an agent runs it
// on every edit (`node dist/hook.cjs agent-hook …`, the entry the configs `init` writes call),
// against starting node itself (`node -e 0`), measured in the same run.
//
//   npm run build && npm run bench:agent-hook [-- --runs 30]
//
// Calls, in a scratch repository with a policy file (`local.on-violation: block`):
//   after edit   Claude Code PostToolUse on Edit: the file goes into the ledger
//   before edit  Claude Code PreToolUse on Write to an unprotected file: the guard allows it
//   refusal      Claude Code PreToolUse on Write to evals/: the guard refuses it (exit 2)
// Budget: each median at most 1.3 times the median of `node -e 0`. Wall time is the budget; the
// CPU time (user + system, through /usr/bin/time when present) is printed too, as it is steadier
// on a busy machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const BUDGET = 1.3;
const TIME = '/usr/bin/time';
const withCpu = existsSync(TIME);
const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'hook.cjs');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '25' } } });
const runs = Math.max(20, Number(values.runs));

const repo = mkdtempSync(join(tmpdir(), 'tg-bench-agent-'));
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo };
execFileSync('git', ['init', '-q'], { cwd: repo, env });
mkdirSync(join(repo, '.github'));
writeFileSync(
  join(repo, '.github', 'trailguard.yml'),
  'version: 1\nlocal:\n  on-violation: block\n',
);

const payload = (event, tool, file) =>
  JSON.stringify({
    session_id: 'bench-session',
    transcript_path: join(repo, 'no-transcript.jsonl'),
    cwd: repo,
    permission_mode: 'default',
    hook_event_name: event,
    tool_name: tool,
    tool_input: { file_path: join(repo, file), old_string: 'a', new_string: 'b' },
    tool_use_id: 'toolu_bench',
  });

const cases = [
  { name: 'node -e 0', args: ['-e', '0'], input: '', code: 0 },
  {
    name: 'after edit (ledger)',
    args: [CLI, 'agent-hook', 'claude'],
    input: payload('PostToolUse', 'Edit', 'src/app.ts'),
    code: 0,
  },
  {
    name: 'before edit (allowed)',
    args: [CLI, 'agent-hook', 'claude'],
    input: payload('PreToolUse', 'Write', 'src/app.ts'),
    code: 0,
  },
  {
    name: 'before edit (refused)',
    args: [CLI, 'agent-hook', 'claude'],
    input: payload('PreToolUse', 'Write', 'evals/x.jsonl'),
    code: 2,
  },
];

/** Wall and CPU milliseconds of one run (CPU: /usr/bin/time's user + system, on its last stderr line). */
function once({ args, input, code, name }) {
  const [command, argv] = withCpu
    ? [TIME, ['-f', 'cpu %U %S', process.execPath, ...args]]
    : [process.execPath, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, argv, { cwd: repo, env, input, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== code) {
    throw new Error(`${name}: exit ${result.status}, expected ${code}: ${result.stderr}`);
  }
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
}

const median = (samples) => [...samples].sort((a, b) => a - b)[samples.length >> 1];

try {
  cases.forEach((c) => once(c)); // warm the file cache and any first-call work
  const samples = cases.map(() => []);
  // Interleaved, so drift in machine load hits every case alike.
  for (let run = 0; run < runs; run++) cases.forEach((c, i) => samples[i].push(once(c)));
  const wall = samples.map((runsOf) => median(runsOf.map((sample) => sample.wall)));
  const cpu = samples.map((runsOf) => median(runsOf.map((sample) => sample.cpu)));
  console.log(`agent-hook: median of ${runs} runs each (budget ${BUDGET}x node -e 0, wall time)`);
  let over = false;
  cases.forEach((c, i) => {
    const ratio = wall[i] / wall[0];
    if (i > 0 && ratio > BUDGET) over = true;
    const cpuPart = withCpu
      ? `   cpu ${cpu[i].toFixed(0).padStart(4)} ms  ${(cpu[i] / cpu[0]).toFixed(2)}x`
      : '';
    console.log(
      `  ${c.name.padEnd(24)} wall ${wall[i].toFixed(1).padStart(6)} ms  ${ratio.toFixed(2)}x${cpuPart}`,
    );
  });
  console.log(over ? 'over budget' : 'within budget');
} finally {
  rmSync(repo, { recursive: true, force: true });
}
