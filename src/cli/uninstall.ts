import { resolve } from 'node:path';
import { uninstallHooks } from '../install/index.js';
import { EXIT, parseVerb, type Verb } from './io.js';

const help = `usage: trailguard uninstall [--repo DIR]

Removes trailguard's git hooks and puts back every hook and file exactly as it was before
\`trailguard install\` (a file edited since keeps the edits; only trailguard's entries go).
The agent ledger stays.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('uninstall', args, io, help, {
    repo: { type: 'string' },
  });
  if (!parsed) return EXIT.ok;
  const { values } = parsed;
  const result = await uninstallHooks({
    repoDir: resolve(io.cwd, values.repo ?? '.'),
    env: io.env,
  });
  io.stdout(
    result.installed
      ? 'trailguard: hooks uninstalled\n'
      : 'trailguard: hooks are not installed in this repository; nothing to remove\n',
  );
  for (const path of result.removed) io.stdout(`  undone: ${path}\n`);
  for (const note of result.notes) io.stdout(`note: ${note}\n`);
  return EXIT.ok;
};
