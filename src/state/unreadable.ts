/**
 * A state file that is there but cannot be read (a directory in its place, no permission) never
 * stops a hook: the caller goes on without it, and says so once per file and process.
 */
const reported = new Set<string>();

export function warnUnreadable(file: string, error: unknown, fix: string): void {
  if (reported.has(file)) return;
  reported.add(file);
  const { code, message } = error as NodeJS.ErrnoException;
  process.stderr.write(
    `trailguard: cannot read ${file} (${code ?? message}); going on without it (${fix})\n`,
  );
}
