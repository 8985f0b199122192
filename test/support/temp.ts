/**
 * The one way tests make temporary directories: each test file gets one root under the system's
 * temporary directory, every directory it asks for lives inside, and the root goes when the
 * file's tests end, whether they passed or not. Child processes get the root as TMPDIR (cleanEnv),
 * so what they leave goes with it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Hook = (fn: () => unknown) => void;
/**
 * jest's lifecycle hooks, from the globals jest injects: bench/ scripts bundle these helpers and
 * run them without jest (then they remove the root themselves, with removeTempRoot).
 */
export const jestHooks = globalThis as { beforeAll?: Hook; afterAll?: Hook };

const MEMORY_DIR = '/dev/shm';
const MEMORY_DIR_MIN_FREE = 2 ** 30;

/**
 * /dev/shm when TMPDIR is unset and it is a memory file system with room that can run the hooks
 * the tests write: the tests' git repositories make and remove tens of thousands of small files,
 * which on a disk file system cost more system time than all the git processes.
 */
function memoryDir(): string | undefined {
  if (process.env.TMPDIR || process.platform !== 'linux') return undefined;
  try {
    const mount = readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .findLast(([, mountPoint]) => mountPoint === MEMORY_DIR);
    if (!mount || mount[2] !== 'tmpfs' || mount[3]!.split(',').includes('noexec')) return undefined;
    const { bavail, bsize } = statfsSync(MEMORY_DIR);
    return bavail * bsize >= MEMORY_DIR_MIN_FREE ? MEMORY_DIR : undefined;
  } catch {
    return undefined;
  }
}

let root: string | undefined;

/** This test file's temporary root, made on first use. */
export function tempRoot(): string {
  root ??= mkdtempSync(join(memoryDir() ?? tmpdir(), 'tg-'));
  return root;
}

let template: string | undefined;

/**
 * git init's template for the tests' repositories: an empty hooks folder, without the sample hooks
 * and other files git copies into every new repository (see cleanEnv's GIT_TEMPLATE_DIR).
 */
export function gitTemplate(): string {
  if (!template) {
    template = join(tempRoot(), 'git-template');
    mkdirSync(join(template, 'hooks'), { recursive: true });
  }
  return template;
}

/** A new, empty temporary directory, removed after this file's tests. */
export function tempDir(prefix = 'tg-'): string {
  return mkdtempSync(join(tempRoot(), prefix));
}

export function removeTempRoot(): void {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
  template = undefined;
}

jestHooks.afterAll?.(removeTempRoot);
