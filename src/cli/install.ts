import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { MANAGERS, installHooks, type ManagerName } from '../install/index.js';
import { DEFAULT_HOOKS } from '../install/shim-file.js';
import { HOOK_NAMES, type HookName } from '../state/install-record.js';
import { EXIT, parseVerb, requireFormat, type Verb } from './io.js';

const help = `usage: trailguard install [--manager NAME] [--pre-push] [--hooks LIST] [--local] [--repo DIR] [--format text|json]

Installs trailguard's git hooks next to the hook manager the repository already uses, so every
commit an AI tool helped produce gets Assisted-by trailers. Running it again changes nothing.

  --manager NAME  ${MANAGERS.join(' | ')} (default: detected)
  --pre-push      also check what is pushed (trailguard check on the outgoing commits)
  --hooks LIST    comma-separated hooks (default: ${DEFAULT_HOOKS.join(',')};
                  each costs a commit one process, about a no-op hook's)
  --local         lefthook: write lefthook-local.yml (this clone only) instead of lefthook.yml
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('install', args, io, help, {
    manager: { type: 'string' },
    'pre-push': { type: 'boolean' },
    hooks: { type: 'string' },
    local: { type: 'boolean' },
    repo: { type: 'string' },
    format: { type: 'string', default: 'text' },
  });
  if (!parsed) return EXIT.ok;
  const { values } = parsed;
  const format = requireFormat('install', values.format, ['text', 'json'] as const);
  const manager = values.manager as ManagerName | undefined;
  if (manager !== undefined && !MANAGERS.includes(manager)) {
    throw new UserError(
      `install: --manager must be one of ${MANAGERS.join(', ')} (got "${manager}")`,
    );
  }
  const hooks = values.hooks?.split(',').map((hook) => hook.trim());
  for (const hook of hooks ?? []) {
    if (!(HOOK_NAMES as readonly string[]).includes(hook)) {
      throw new UserError(
        `install: --hooks: unknown hook "${hook}" (known: ${HOOK_NAMES.join(', ')})`,
      );
    }
  }
  const result = await installHooks({
    repoDir: resolve(io.cwd, values.repo ?? '.'),
    env: io.env,
    manager,
    hooks: hooks as HookName[] | undefined,
    prePush: values['pre-push'],
    lefthookLocal: values.local,
  });
  if (format === 'json') {
    io.stdout(JSON.stringify(result, null, 2) + '\n');
    return EXIT.ok;
  }
  io.stdout(
    `trailguard: hooks installed with ${result.manager} (${result.reason}): ${result.hooks.join(', ')}\n`,
  );
  for (const path of result.changed) io.stdout(`  wrote ${path}\n`);
  if (result.changed.length === 0) io.stdout('  already installed; nothing changed\n');
  for (const note of result.notes) io.stdout(`note: ${note}\n`);
  return EXIT.ok;
};
