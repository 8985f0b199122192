/**
 * Matching paths against compiled globs, without the glob compiler (globs.ts makes a GlobSet;
 * this module only reads one): what the hooks and the agent guard load from the cache.
 *
 * A GlobSet is plain data, bounded in size and in the time one path costs, however many globs a
 * policy lists: literal globs are a set of paths, looked up per ancestor of the path, and
 * literal names at any depth (`**‌/evals/**`) a set looked up per run of the path's names; other
 * globs are regular expressions indexed by a text every path they match holds (`run-7-` for
 * `data/run-7-*`), looked up per piece of the path and built on first use, in chunks small
 * enough for the regular-expression engine; only globs without such a text run on every path.
 */

/** The flags of every compiled glob: case-insensitive, and `.` matches every character of a name (newlines too). */
export const GLOB_FLAGS = 'is';

export interface GlobSet {
  /** Lowercased literal paths; each matches itself and everything under it. */
  literals: string[];
  /** Lowercased literal paths matched at any depth (`**‌/a/b`, `**‌/a/b/**`), covering what is under them. */
  anywhere?: string[];
  /**
   * Regular-expression sources (chunks) of the other globs, by a text (lowercased) every path the
   * glob matches holds: `run-7-` for `data/run-7-*`; a glob whose paths hold one of several
   * (`{eval,benchmark}[-_]sets`) is listed under each.
   */
  byText: [text: string, sources: string[]][];
  /** Regular-expression sources (chunks) of globs without such a text. */
  other: string[];
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
  const byText = new Map(set.byText);
  const textLengths = [...new Set(set.byText.map(([text]) => text.length))];
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
    for (const length of textLengths) {
      for (let start = 0; start + length <= lower.length; start++) {
        const text = lower.slice(start, start + length);
        const sources = byText.get(text);
        if (!sources) continue;
        let regExps = built.get(text);
        if (!regExps) built.set(text, (regExps = compileAll(sources)));
        if (regExps.some((regExp) => regExp.test(path))) return true;
      }
    }
    other ??= compileAll(set.other);
    return other.some((regExp) => regExp.test(path));
  };
}
