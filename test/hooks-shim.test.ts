import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { agentEnvNames, createCatalog } from '../src/core/catalog.js';
import derived from '../src/core/catalog-derived.json' with { type: 'json' };
import { mayCarrySignature } from '../src/core/may-carry-signature.js';
import { signatureMarkers } from '../src/core/signature-markers.js';
import {
  BLOCK_END,
  BLOCK_START,
  SIGNATURE_BLOCK_START,
  renderShimBlock,
  renderShimBlocks,
  withShimBlock,
} from '../src/install/shim-block.js';
import { ROOT } from './support/repo.js';

const HOOKS = join(ROOT, 'hooks');
const SHIM = join(HOOKS, 'trailguard-hook.sh');

function generatedBlock(text: string, start = BLOCK_START): string {
  const from = text.indexOf(start);
  return text.slice(from, text.indexOf(BLOCK_END, from) + BLOCK_END.length);
}

/** Runs the generated functions of the shim in a real POSIX shell. */
function shell(script: string, env: Record<string, string> = {}): number {
  try {
    const shim = readFileSync(SHIM, 'utf8');
    const blocks = `${generatedBlock(shim)}\n${generatedBlock(shim, SIGNATURE_BLOCK_START)}`;
    execFileSync('sh', ['-c', `${blocks}\n${script}`], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: 'ignore',
    });
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('hook shims', () => {
  test('the committed shim carries exactly the blocks the catalog and the state table generate (npm run build writes them)', () => {
    const shim = readFileSync(SHIM, 'utf8');
    expect(generatedBlock(shim)).toBe(renderShimBlock());
    for (const block of renderShimBlocks(shim)) {
      expect(shim).toContain(block);
      expect(withShimBlock(shim, block)).toBe(shim);
    }
  });

  test('node reads the signature markers the catalog gives, as the build computed them (npm run build writes them)', () => {
    expect(derived.signatureMarkers).toEqual(signatureMarkers());
    for (const marker of signatureMarkers()) {
      expect(mayCarrySignature(`x ${marker.replaceAll('*', 'y').toUpperCase()} z`)).toBe(true);
    }
    expect(mayCarrySignature('fix: the parser\n\nCo-authored-by: Bo <bo@example.com>\n')).toBe(
      false,
    );
  });

  test('every agent variable of the catalog starts node, and only a non-empty one', () => {
    for (const name of agentEnvNames(createCatalog())) {
      expect(shell('tg_agent_env', { [name]: '1' })).toBe(0);
      expect(shell('tg_agent_env', { [name]: '' })).toBe(1);
    }
    expect(shell('tg_agent_env', { TERM_PROGRAM: 'kiro', CURSOR_TRACE_ID: 'x' })).toBe(1);
  });

  test('tool signatures in a message line are found in any letter case; prose is not', () => {
    const lines = [
      'Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>',
      'Co-authored-by: aider (gpt-5) <AIDER@aider.chat>',
      'Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>',
      '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
      'Amp-Thread-ID: https://ampcode.com/threads/T-1',
    ];
    for (const line of lines) expect(shell('tg_signature_line "$LINE"', { LINE: line })).toBe(0);
    for (const line of ['Fix the Claude API client', 'Co-authored-by: Bo <bo@example.com>']) {
      expect(shell('tg_signature_line "$LINE"', { LINE: line })).toBe(1);
    }
    expect(signatureMarkers()).not.toContain('assisted-by:');
  });

  test('the quick line test passes every signature line, so the full list is read whenever it could match', () => {
    const markers = signatureMarkers();
    const marked = markers.map((marker) => `x ${marker.replaceAll('*', 'y').toUpperCase()} z`);
    const script = 'for LINE in "$@"; do tg_may_sign_line "$LINE" || exit 3; done';
    expect(
      shell(
        `set -- ${marked.map((line) => `'${line.replaceAll("'", "'\\''")}'`).join(' ')}\n${script}`,
      ),
    ).toBe(0);
    for (const line of ['round 12', 'fix: the parser', 'Refactor: split the reader']) {
      expect(shell('tg_may_sign_line "$LINE"', { LINE: line })).toBe(1);
    }
  });

  test('every shim parses as POSIX sh, has LF endings and is executable', () => {
    const files = readdirSync(HOOKS);
    expect(files.sort()).toEqual(
      ['commit-msg', 'post-commit', 'pre-push', 'prepare-commit-msg', 'trailguard-hook.sh'].sort(),
    );
    for (const file of files) {
      const path = join(HOOKS, file);
      const text = readFileSync(path, 'utf8');
      expect(text.startsWith('#!/bin/sh\n')).toBe(true);
      expect(text).not.toContain('\r');
      expect(statSync(path).mode & 0o111).toBe(0o111);
      execFileSync('sh', ['-n', path]);
    }
  });

  test('the lean hook bundles load no child_process (and its streams, ~2.5 ms) until a hook runs git', () => {
    for (const bundle of ['hook-main.cjs', 'agent-hook-main.cjs']) {
      const script = `require(${JSON.stringify(join(ROOT, 'dist', bundle))}); process.stdout.write(String(process.moduleLoadList.includes('NativeModule child_process')))`;
      expect([
        bundle,
        execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }),
      ]).toEqual([bundle, 'false']);
    }
  });
});
