import { expect, test } from '@jest/globals';
import { join } from 'node:path';
import { cleanEnv, ROOT, runProcess, tempDir } from './support/repo.js';
import { readdirSync, rmSync } from 'node:fs';

/** `npm run demo` (README, Try it) shows the headline features and leaves nothing behind. */
test('the demo: a trailer by itself, the guard refusing an edit, the gate failing and passing', async () => {
  const tmp = tempDir('tg-demo-');
  try {
    const run = await runProcess(process.execPath, [join(ROOT, 'scripts', 'demo.mjs')], {
      cwd: ROOT,
      env: cleanEnv(tmp, { TMPDIR: tmp }),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Assisted-by: claude-code');
    expect(run.stdout).toMatch(
      /agent-hook claude.*\n.*may not edit evals\/arith\/task-001\.jsonl[\s\S]*?\(exit 2\)/,
    );
    expect(run.stdout).toContain('trailguard: FAILED');
    expect(run.stdout).toContain('forbids outside AI tools');
    expect(run.stdout.match(/\(exit (\d)\)/g)).toEqual([
      '(exit 0)', // install
      '(exit 2)', // the agent guard refuses the edit
      '(exit 1)', // the commit hook refuses the commit
      '(exit 1)', // check fails the commit made without hooks
      '(exit 0)', // internal tool + review
    ]);
    expect(run.stdout).toContain('trailguard: OK');
    const last = run.stdout.trimEnd().split('\n').at(-1)!;
    expect(last).toBe('The scratch repository was removed (TRAILGUARD_DEMO_KEEP=1 keeps it).');
    expect(readdirSync(tmp).filter((name) => name.startsWith('trailguard-demo-'))).toEqual([]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
