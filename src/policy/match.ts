/**
 * Matching paths against compiled globs, without the glob compiler (globs.ts makes a GlobSet;
 * this module only reads one): what the hooks and the agent guard load from the cache.
 *
 * A GlobSet is plain data, bounded in size and in the time one path costs, however many globs a
 * policy lists: literal globs are a set of paths, looked up per ancestor of the path, and
 * literal names at any depth (`**‌/evals/**`) a set looked up per run of the path's names; other
 * globs are regular expressions indexed by a literal segment they require (`**‌/evals/**` only
 * runs for a path with an `evals` segment), in chunks small enough for the regular-expression
 * engine; only globs without any literal segment are tried on every path.
 */

/** The flags of every compiled glob: case-insensitive, and `.` matches every character of a name (newlines too). */
export const GLOB_FLAGS = 'is';

export interface GlobSet {
  /** Lowercased literal paths; each matches itself and everything under it. */
  literals: string[];
  /** Lowercased literal paths matched at any depth (`**‌/a/b`, `**‌/a/b/**`), covering what is under them. */
  anywhere?: string[];
  /** Regular-expression sources (chunks) of globs requiring a literal segment, by that segment (lowercased). */
  bySegment: [segment: string, sources: string[]][];
  /** Regular-expression sources (chunks) of globs with no literal segment. */
  other: string[];
  /** Texts (lowercased) of which a path those globs match holds one; absent: no such texts. */
  otherNeedles?: string[];
}

const NEEDS_NORMALIZING = /\\|\/\/|^\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;

/**
 * A repository-relative path in the one form globs are matched against: forward slashes, no
 * `./`, empty or `..` segments (resolved lexically).
 */
export function normalizePath(path: string): string {
  if (!NEEDS_NORMALIZING.test(path)) return path;
  const segments: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments.at(-1) !== '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

const compileAll = (sources: readonly string[]) =>
  sources.map((source) => new RegExp(source, GLOB_FLAGS));

/** Whether a normalized path is matched; regular expressions are built on first use. */
export function globSetMatcher(set: GlobSet): (normalizedPath: string) => boolean {
  const literals = new Set(set.literals);
  const anywhere = new Set(set.anywhere);
  let anywhereNames = 0;
  for (const path of anywhere) anywhereNames = Math.max(anywhereNames, path.split('/').length);
  const bySegment = new Map(set.bySegment);
  const built = new Map<string, RegExp[]>();
  let other: RegExp[] | undefined;
  return (path) => {
    const lower = path.toLowerCase();
    if (literals.size > 0) {
      if (literals.has(lower)) return true;
      for (let slash = lower.indexOf('/'); slash >= 0; slash = lower.indexOf('/', slash + 1)) {
        if (literals.has(lower.slice(0, slash))) return true;
      }
    }
    const segments = lower.split('/');
    if (anywhere.size > 0) {
      for (let start = 0; start < segments.length; start++) {
        let run = segments[start]!;
        if (anywhere.has(run)) return true;
        const last = Math.min(segments.length, start + anywhereNames);
        for (let end = start + 1; end < last; end++) {
          run += `/${segments[end]}`;
          if (anywhere.has(run)) return true;
        }
      }
    }
    if (bySegment.size > 0) {
      for (const segment of new Set(segments)) {
        const sources = bySegment.get(segment);
        if (!sources) continue;
        let regExps = built.get(segment);
        if (!regExps) built.set(segment, (regExps = compileAll(sources)));
        if (regExps.some((regExp) => regExp.test(path))) return true;
      }
    }
    if (set.otherNeedles && !set.otherNeedles.some((needle) => lower.includes(needle)))
      return false;
    other ??= compileAll(set.other);
    return other.some((regExp) => regExp.test(path));
  };
}
