/**
 * pre-commit (the Python framework) installs only the hook types a config asks for, and moves a
 * hook file it did not write to `<hook>.legacy` and runs it first, so trailguard's own hook files
 * keep working beside it. For those who want pre-commit to run trailguard, this prints the
 * stanza; the package ships `.pre-commit-hooks.yaml` for the remote form.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hookCommand } from './entry.js';
import type { HookName } from '../state/install-record.js';

export const PRE_COMMIT_CONFIG = '.pre-commit-config.yaml';

export function usesPreCommit(top: string): boolean {
  return existsSync(join(top, PRE_COMMIT_CONFIG));
}

const quoteYaml = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A `repo: local` stanza for .pre-commit-config.yaml, running this clone's or the dependency's shim. */
export function preCommitStanza(hooks: readonly HookName[]): string {
  const lines = ['  - repo: local', '    hooks:'];
  for (const hook of hooks) {
    lines.push(
      `      - id: trailguard-${hook}`,
      `        name: trailguard ${hook}`,
      `        entry: sh -c ${quoteYaml(hookCommand(hook, '"$@"'))} trailguard`,
      '        language: system',
      `        stages: [${hook}]`,
      ...(hook === 'post-commit' || hook === 'pre-push'
        ? ['        always_run: true', '        pass_filenames: false']
        : []),
    );
  }
  return lines.join('\n') + '\n';
}
