import type { Signal } from '../core/types.js';

/** What `trailguard status` found; its JSON form is this object as it is. */
export interface StatusView {
  policy: string;
  policyProblem?: string;
  trailers: string[];
  signals: Signal[];
  ledger: {
    path: string;
    staged: boolean;
    tools: { tool: string; models: string[]; edits: number }[];
  }[];
  ambient: Signal[];
  hooks: {
    installed: string | null;
    reachable: { ok: boolean; what: string }[];
    problem?: string;
    /** Whether hook.env's TG_EXTRA_ENV follows the policy (install/hook-env-check.ts). */
    hookEnv?: { ok: boolean; what: string; fix?: string };
  };
}

/** `trailguard status` as text; `damaged` are the install record's problems, one line each. */
export function renderStatus(status: StatusView, damaged: readonly string[]): string {
  const out: string[] = [];
  const invalid = status.policyProblem ? ` (invalid: ${status.policyProblem})` : '';
  out.push(`policy: ${status.policy}${invalid}`);
  out.push(
    status.trailers.length
      ? 'a commit made now would record:'
      : 'a commit made now would record no AI tool',
  );
  for (const trailer of status.trailers) out.push(`  ${trailer}`);
  for (const signal of status.signals) out.push(`    because ${signal.tool}: ${signal.evidence}`);
  if (status.ledger.length) out.push('agent ledger (edited since last committed):');
  for (const file of status.ledger) {
    const tools = file.tools.map(
      (t) => `${t.tool}${t.models.length ? ` (${t.models.join(', ')})` : ''} ×${t.edits}`,
    );
    out.push(`  ${file.path}${file.staged ? ' [staged]' : ''}: ${tools.join(', ')}`);
  }
  for (const signal of status.ambient)
    out.push(`not recorded (human terminals have it too): ${signal.evidence}`);
  for (const problem of damaged) out.push(`hooks: ${problem} (repair: trailguard install)`);
  if (status.hooks.installed === null) out.push('hooks: not installed (trailguard install)');
  else {
    out.push(`hooks: installed with ${status.hooks.installed}`);
    for (const finding of status.hooks.reachable)
      out.push(`  ${finding.ok ? 'reachable' : 'NOT REACHED'} ${finding.what}`);
    const hookEnv = status.hooks.hookEnv;
    if (hookEnv) out.push(`  ${hookEnv.what}${hookEnv.fix ? ` (fix: ${hookEnv.fix})` : ''}`);
  }
  return out.join('\n') + '\n';
}
