/**
 * Globs: which are usable (globProblem, for the schema) and their compiled form (a GlobSet, see
 * match.ts). Only the policy's slow path loads this module and the glob compiler behind it.
 */
import picomatch from 'picomatch';
import { GLOB_FLAGS, type GlobSet } from './match.js';

const MATCH_OPTIONS = { dot: true, nocase: true } as const;
const MAX_GLOB = 4096;
/**
 * Wildcards a glob may hold: regular expressions backtrack, so a path costs a power of the
 * wildcards in its way (three `*` in one name already take a quarter second on a 255-character
 * name). These keep every path's cost bounded; a longer pattern is always expressible as several.
 */
const MAX_GLOBSTARS = 3;
const MAX_STARS_PER_NAME = 2;

/** Characters with a meaning in a glob; a glob without any is a literal path. */
const GLOB_SYNTAX = /[*?[\]{}()!+@]/;

/** A glob without a leading `./` or a trailing `/`, the form it is matched in. */
function globBase(glob: string): string {
  return glob.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/** The literal path a glob names (`a/b`, `a/b/**`: both cover a/b and what is under it), or undefined. */
function literalPath(glob: string): string | undefined {
  const base = globBase(glob).replace(/\/\*\*$/, '');
  return GLOB_SYNTAX.test(base) ? undefined : base;
}

/** The literal path a glob names at any depth (`**‌/a/b`, `**‌/a/b/**`), or undefined. */
function anywherePath(glob: string): string | undefined {
  const base = globBase(glob);
  return base.startsWith('**/') ? literalPath(base.slice(3)) : undefined;
}

/** Why a protected or exempt glob is unusable, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob === '') return 'empty glob';
  if (glob.length > MAX_GLOB)
    return `glob longer than ${MAX_GLOB} characters; split it into several`;
  if (glob.trim() !== glob) return 'leading or trailing whitespace in glob';
  if (glob.includes('\\'))
    return 'backslash in glob; use forward slashes (escapes are not supported)';
  if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob))
    return 'absolute glob; globs are relative to the repository root';
  if (glob.startsWith('!'))
    return 'negated globs are not supported; list what to protect and use exemptions for carve-outs';
  const segments = globBase(glob).split('/');
  if (segments.includes('..'))
    return '".." segment in glob; globs are relative to the repository root';
  if (segments.join('') === '')
    return 'glob names the repository root; use "**" to protect everything';
  if (segments.some((segment) => segment === '' || segment === '.'))
    return 'empty or "." segment in glob';
  if (literalPath(glob) !== undefined || anywherePath(glob) !== undefined) return undefined;
  if (segments.filter((segment) => segment === '**').length > MAX_GLOBSTARS)
    return `more than ${MAX_GLOBSTARS} "**" in one glob (each makes matching slower); split it into several`;
  const stars = (segment: string) => segment.replace(/[*+]\(/g, '**').split('*').length - 1;
  if (segments.some((segment) => segment !== '**' && stars(segment) > MAX_STARS_PER_NAME))
    return `more than ${MAX_STARS_PER_NAME} "*" in one name (each makes matching slower); split the glob into several`;
  const unbalanced = unbalancedBracket(glob);
  if (unbalanced) return `unbalanced "${unbalanced}" in glob`;
  try {
    if (picomatch.makeRe(glob, { ...MATCH_OPTIONS, strictBrackets: true }).source === '$^')
      return 'glob can never match (an invalid character range?)';
  } catch (error) {
    return `invalid glob: ${(error as Error).message.replace(/ - use .*$/, '')}`;
  }
  return undefined;
}

function unbalancedBracket(glob: string): string | undefined {
  let braces = 0;
  let inClass = false;
  for (const char of glob) {
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') inClass = true;
    else if (char === ']') return ']';
    else if (char === '{') braces += 1;
    else if (char === '}' && --braces < 0) return '}';
  }
  if (inClass) return '[';
  return braces > 0 ? '{' : undefined;
}

/**
 * Texts (lowercased ASCII) of which every path the glob matches holds one, or undefined: the
 * longest literal run outside brackets and braces (`data` in `**‌/{train,sft}[-_]data/**`), or else
 * a brace group's alternatives (`{eval,benchmark}`). A path with none of them is not matched, so
 * its check never builds the glob's regular expression (about a millisecond for the default
 * policy's, on every hook run).
 */
function requiredTexts(base: string): string[] | undefined {
  const candidates: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run !== '') candidates.push([run]);
    run = '';
  };
  for (let i = 0; i < base.length; i += 1) {
    const char = base[i];
    if (char === '\\' && i + 1 < base.length) {
      run += base[(i += 1)];
    } else if (char === '[' || char === '(' || char === '{') {
      endRun();
      const close = { '[': ']', '(': ')', '{': '}' }[char];
      let depth = 1;
      let j = i + 1;
      for (; j < base.length && depth > 0; j += 1) {
        if (base[j] === '\\') j += 1;
        else if (base[j] === char) depth += 1;
        else if (base[j] === close) depth -= 1;
      }
      const inside = base.slice(i + 1, j - 1);
      const alternatives = inside.split(',');
      // {1..3} is a range, not the text "1..3".
      const plain = (text: string) =>
        text !== '' && !GLOB_SYNTAX.test(text) && !text.includes('..');
      if (char === '{' && alternatives.every(plain)) {
        candidates.push(alternatives);
      }
      i = j - 1;
    } else if (GLOB_SYNTAX.test(char) || char === '/') {
      endRun();
    } else {
      run += char;
    }
  }
  endRun();
  const usable = candidates
    .map((texts) => texts.map((text) => text.toLowerCase()))
    .filter((texts) => texts.every((text) => /^[\x20-\x7e]+$/.test(text)));
  const shortest = (texts: string[]) => Math.min(...texts.map((text) => text.length));
  const best = usable.sort((a, b) => shortest(b) - shortest(a))[0];
  return (
    best && best.filter((text) => !best.some((other) => other !== text && text.includes(other)))
  );
}

/** Alternations of at most this many globs, or this much source, per regular expression. */
const CHUNK_GLOBS = 200;
const CHUNK_SOURCE = 64 * 1024;

function chunked(sources: readonly string[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const source of sources) {
    if (
      current.length > 0 &&
      (current.length >= CHUNK_GLOBS || size + source.length > CHUNK_SOURCE)
    ) {
      chunks.push(`^(?:${current.join('|')})`);
      current = [];
      size = 0;
    }
    current.push(`(?:${source})`);
    size += source.length + 5;
  }
  if (current.length > 0) chunks.push(`^(?:${current.join('|')})`);
  return chunks;
}

/** The regular-expression source of one glob, covering everything under what it matches. */
function globSource(base: string): string {
  const patterns = base.endsWith('**') ? [base] : [base, `${base}/**`];
  return patterns.map((pattern) => picomatch.makeRe(pattern, MATCH_OPTIONS).source).join('|');
}

/**
 * One matcher for a list of globs (see match.ts). Case-insensitive, because on a case-insensitive
 * file system `EVALS/x` is `evals/x` (fail closed); a glob also covers everything under a
 * directory it matches, so `evals` protects what `evals/**` does instead of silently matching
 * nothing; every character of a name is a name character (newlines, U+2028 and the like too).
 */
export function compileGlobSet(globs: readonly string[]): GlobSet {
  const literals = new Set<string>();
  const anywhere = new Set<string>();
  const byText = new Map<string, string[]>();
  const other: string[] = [];
  for (const glob of globs) {
    const literal = literalPath(glob);
    if (literal !== undefined) {
      literals.add(literal.toLowerCase());
      continue;
    }
    const atAnyDepth = anywherePath(glob);
    if (atAnyDepth !== undefined) {
      anywhere.add(atAnyDepth.toLowerCase());
      continue;
    }
    const base = globBase(glob);
    const source = globSource(base);
    const texts = requiredTexts(base);
    if (texts === undefined) other.push(source);
    for (const text of texts ?? []) {
      if (byText.has(text)) byText.get(text)!.push(source);
      else byText.set(text, [source]);
    }
  }
  const set: GlobSet = {
    literals: [...literals],
    anywhere: [...anywhere],
    byText: [...byText].map(([text, sources]) => [text, chunked(sources)]),
    other: chunked(other),
  };
  for (const source of [...set.other, ...set.byText.flatMap(([, sources]) => sources)])
    new RegExp(source, GLOB_FLAGS); // fails here, at load, rather than on the first path
  return set;
}
