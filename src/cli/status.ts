import { resolve } from 'node:path';
import { detectAmbientEnv } from '../core/detect.js';
import { touchedPaths } from '../commit/context.js';
import { trailersForNow } from '../commit/hooks.js';
import { workTreePolicyOrProblem } from '../policy/load.js';
import { policySourceText } from '../report/policy.js';
import { reachability } from '../install/doctor.js';
import { installFacts } from '../install/repo.js';
import { currentRecord } from '../install/recover.js';
import { InstallState } from '../state/install-record.js';
import { renderStatus, type StatusView } from '../report/status.js';
import { readLedger, summarizeLedger } from '../state/ledger.js';
import { readHookEnv } from '../state/hook-env.js';
import { checkHookEnv } from '../install/hook-env-check.js';
import { EXIT, parseVerb, requireFormat, type Verb } from './io.js';

const help = `usage: trailguard status [--repo DIR] [--format text|json]

Which tools a commit made now would be recorded as (Assisted-by trailers) and why: agent
variables in this environment, agent-ledger entries per file and tool, whether git reaches the hooks.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('status', args, io, help, {
    repo: { type: 'string' },
    format: { type: 'string', default: 'text' },
  });
  if (!parsed) return EXIT.ok;
  const { values } = parsed;
  const format = requireFormat('status', values.format, ['text', 'json'] as const);
  const facts = await installFacts(resolve(io.cwd, values.repo ?? '.'), io.env);
  const hookEnvBefore = readHookEnv(facts.commonDir);
  const now = await trailersForNow(facts, { loadPolicy: workTreePolicyOrProblem });
  const hookEnv = checkHookEnv(facts, hookEnvBefore, now.local.policy);
  const staged = new Set(touchedPaths(now.changes));
  const ledger = summarizeLedger(readLedger(facts.commonDir)).map((file) => ({
    ...file,
    staged: staged.has(file.path),
  }));
  const ambient = detectAmbientEnv(io.env, now.catalog);
  const damaged: string[] = [];
  const record = await currentRecord(facts, new InstallState(facts.commonDir), damaged, false);
  const hooks = record
    ? await Promise.all(record.hooks.map((hook) => reachability(facts, hook)))
    : [];
  const status: StatusView = {
    policy: now.local.policy ? policySourceText(now.local.policy.source) : 'invalid',
    ...(now.local.problem ? { policyProblem: now.local.problem } : {}),
    trailers: now.trailers.split('\n').filter(Boolean),
    signals: now.signals,
    ledger,
    ambient,
    hooks: {
      installed: record?.manager ?? null,
      reachable: hooks,
      ...(damaged.length ? { problem: damaged.join('; ') } : {}),
      ...(record && hookEnv ? { hookEnv } : {}),
    },
  };
  io.stdout(
    format === 'json' ? JSON.stringify(status, null, 2) + '\n' : renderStatus(status, damaged),
  );
  return EXIT.ok;
};
