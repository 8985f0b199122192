/**
 * The one way tests make temporary directories: each test file gets one root under the system's
 * temporary directory, every directory it asks for lives inside, and the root goes when the
 * file's tests end, whether they passed or not. Child processes get the root as TMPDIR (cleanEnv),
 * so what they leave goes with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Hook = (fn: () => unknown) => void;
/**
 * jest's lifecycle hooks, from the globals jest injects: bench/ scripts bundle these helpers and
 * run them without jest (then they remove the root themselves, with removeTempRoot).
 */
export const jestHooks = globalThis as { beforeAll?: Hook; afterAll?: Hook };

let root: string | undefined;

/** This test file's temporary root, made on first use. */
export function tempRoot(): string {
  root ??= mkdtempSync(join(tmpdir(), 'tg-'));
  return root;
}

/** A new, empty temporary directory, removed after this file's tests. */
export function tempDir(prefix = 'tg-'): string {
  return mkdtempSync(join(tempRoot(), prefix));
}

export function removeTempRoot(): void {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
}

jestHooks.afterAll?.(removeTempRoot);
