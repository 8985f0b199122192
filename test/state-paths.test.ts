/**
 * The state table (src/state/paths.ts) is the only place a state file is named: no source file
 * spells one out, and the hook shim uses only the names generated from the table.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderStateBlock, shellName } from '../src/install/shim-block.js';
import { SHARED_STATE, WORKTREE_STATE } from '../src/state/paths.js';
import { ROOT } from './support/repo.js';

const TABLE = join(ROOT, 'src', 'state', 'paths.ts');
const SHIM = join(ROOT, 'hooks', 'trailguard-hook.sh');

/** Names distinctive enough to find in code (plain words like `hooks` are not). */
const names = [...Object.values(SHARED_STATE), ...Object.values(WORKTREE_STATE)].filter((name) =>
  /[.-]/.test(name),
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The lines of a file that are code: comments left out. */
function codeLines(text: string, comment: RegExp): string[] {
  return text.split('\n').filter((line) => !comment.test(line));
}

describe('state paths', () => {
  test('no TypeScript source but the table names a state file', () => {
    const found: string[] = [];
    for (const file of [...sources(join(ROOT, 'src')), join(ROOT, 'action', 'main.ts')]) {
      if (file === TABLE) continue;
      for (const line of codeLines(readFileSync(file, 'utf8'), /^\s*(\/\/|\/?\*)/)) {
        for (const name of names) {
          if (new RegExp(`['"\`/]${name.replace('.', '\\.')}['"\`]`).test(line)) {
            found.push(`${relative(ROOT, file)}: ${name}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  test('the shim names state files only in the block generated from the table', () => {
    const shim = readFileSync(SHIM, 'utf8');
    const block = renderStateBlock(shim);
    const rest = codeLines(shim.replace(block, ''), /^\s*#/).join('\n');
    for (const name of names) expect(rest).not.toContain(name);
    // Every tg_<state> variable the shim reads is one the block sets.
    const keys = [...Object.keys(SHARED_STATE), ...Object.keys(WORKTREE_STATE)];
    for (const key of keys) {
      if (rest.includes(`$${shellName(key)}`)) expect(block).toContain(`${shellName(key)}=`);
    }
  });
});
