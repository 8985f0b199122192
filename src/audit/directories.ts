import type { FileChange } from '../core/types.js';

/** The groups protecting a path, in policy order (policy/judge.ts groupsProtecting). */
type ProtectionMatcher = (path: string) => { name: string }[];

/** A name no real file has: probes whether a group covers everything directly in a directory. */
const PROBE = '\u0001probe';
const CACHE_LIMIT = 50_000;

/** Where a commit's files lie: the top levels, and per protected group its directories. */
export interface Directories {
  topLevels: Set<string>;
  groupDirectories: Map<string, Set<string>>;
}

/**
 * The directories a report counts a commit in. A top level is a path's first segment (`.` for
 * files at the top). A group's directory is the shallowest directory the group covers whole
 * (`**\/evals/**` gives `a/evals` for `a/evals/x/y.json`); where a glob covers only some names
 * (`evals/*.jsonl`), the file's own directory.
 */
export function createDirectories(protection: ProtectionMatcher) {
  /** Per parent directory: each group's directory for the files in it. */
  const cache = new Map<string, Map<string, string>>();
  /** Per path: the groups protecting it (histories touch the same paths again and again). */
  const groupsOfPath = new Map<string, ReturnType<ProtectionMatcher>>();

  function groupsOf(path: string): ReturnType<ProtectionMatcher> {
    let groups = groupsOfPath.get(path);
    if (groups === undefined) {
      groups = protection(path);
      if (groupsOfPath.size >= CACHE_LIMIT) groupsOfPath.clear();
      groupsOfPath.set(path, groups);
    }
    return groups;
  }

  function groupDirectoriesIn(parent: string): Map<string, string> {
    let found = cache.get(parent);
    if (found) return found;
    found = new Map();
    const segments = parent === '.' ? [] : parent.split('/');
    for (let depth = 1; depth <= segments.length; depth++) {
      const dir = segments.slice(0, depth).join('/');
      for (const group of protection(`${dir}/${PROBE}`)) {
        if (!found.has(group.name)) found.set(group.name, dir);
      }
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(parent, found);
    return found;
  }

  return (files: readonly FileChange[]): Directories => {
    const topLevels = new Set<string>();
    const groupDirectories = new Map<string, Set<string>>();
    for (const file of files) {
      for (const path of file.oldPath ? [file.oldPath, file.path] : [file.path]) {
        const slash = path.indexOf('/');
        topLevels.add(slash === -1 ? '.' : path.slice(0, slash));
        const groups = groupsOf(path);
        if (groups.length === 0) continue;
        const last = path.lastIndexOf('/');
        const parent = last === -1 ? '.' : path.slice(0, last);
        const dirs = groupDirectoriesIn(parent);
        for (const group of groups) {
          let set = groupDirectories.get(group.name);
          if (!set) groupDirectories.set(group.name, (set = new Set()));
          set.add(dirs.get(group.name) ?? parent);
        }
      }
    }
    return { topLevels, groupDirectories };
  };
}
