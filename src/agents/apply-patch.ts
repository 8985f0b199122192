/**
 * The file paths an `apply_patch` envelope touches (Codex, and Cursor's ApplyPatch tool):
 * `*** Add File: p`, `*** Update File: p` (optionally followed by `*** Move to: q`) and
 * `*** Delete File: p`. A move touches both its source and its target.
 */
const HEADER = /^\*\*\* (?:Add File|Update File|Delete File|Move to): (.+)$/;

export const PATCH_BEGIN = '*** Begin Patch';

export function patchPaths(patch: string): string[] {
  const paths: string[] = [];
  for (const line of patch.split(/\r?\n/)) {
    const match = HEADER.exec(line.trim());
    if (match) {
      const path = match[1].trim();
      if (path && !paths.includes(path)) paths.push(path);
    }
  }
  return paths;
}
