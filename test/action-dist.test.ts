import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ACTION } from './support/action-runner.js';
import { ROOT } from './support/repo.js';
import { tempDir } from './support/temp.js';

describe('the committed Action bundle', () => {
  test('is byte for byte what a fresh build makes from the sources (check-dist)', () => {
    const out = tempDir('tg-dist-');
    execFileSync(process.execPath, ['scripts/build.mjs', '--only-action', '--action-out', out], {
      cwd: ROOT,
    });
    const fresh = readFileSync(join(out, 'index.js'));
    const committed = execFileSync('git', ['show', 'HEAD:action/index.js'], {
      cwd: ROOT,
      maxBuffer: 256 * 1024 * 1024,
    });
    if (!fresh.equals(committed)) {
      throw new Error(
        'action/index.js as committed differs from a fresh build: run `npm run build` and commit action/index.js',
      );
    }
  });

  test('action.yml runs it on node24 and it imports nothing but node built-ins', () => {
    const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
    };
    expect(manifest.runs).toEqual({ using: 'node24', main: 'action/index.js' });
    const bundle = readFileSync(ACTION, 'utf8');
    const imported = [
      ...bundle.matchAll(/(?:^|\n)import\s[^'"]*?from\s*["']([^"']+)["']/g),
      ...bundle.matchAll(/\b__require\(["']([^"']+)["']\)/g),
    ].map((match) => match[1]!);
    expect(imported.length).toBeGreaterThan(0);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    expect(imported.filter((name) => !builtins.has(name))).toEqual([]);
  });
});
