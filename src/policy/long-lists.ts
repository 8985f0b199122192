/**
 * A fast path for the one thing large policies hold: long block lists of globs, one plain or
 * quoted text per line. The YAML parser spends about 25 µs on each such line (half a second for
 * 12,000 globs); here a run of them is read with one regular expression and stands in the
 * document as a single placeholder item, so the parser sees a small file.
 *
 * Only forms whose meaning is plain text are taken; anything else ends a run and is left to the
 * parser. The caller falls back to parsing the file as written whenever the result is in any
 * doubt (a placeholder not found as a list item, a YAML or schema problem), so every error is
 * still reported from the file itself, at its exact line and column.
 */

/** A list item holding one text: 'single' ('' for '), "double" (no escapes), or a plain word. */
const ITEM =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
  /^( *)- (?:'((?:[^'\x00-\x1f\x7f-\uffff]|'')*)'|"([^"\\\x00-\x1f\x7f-\uffff]*)"|([A-Za-z_][\x21-\x39\x3b-\x7e]*)) *(\r?)$/;

/** A line the parser skips between list items. */
const BLANK_OR_COMMENT = /^ *(?:#.*)?\r?$/;

/** Plain words the YAML core schema reads as something other than text. */
const NOT_TEXT = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/** Shorter runs are left to the parser: the fast path pays off only for long lists. */
const MIN_RUN = 64;

export interface CollapsedLists {
  /** The source with each long run reduced to one placeholder item (lines are not kept). */
  text: string;
  /** Puts each run's items back in place of its placeholder; false if one was not found as a list item. */
  restore(data: unknown): boolean;
}

function itemText(match: RegExpExecArray): string | undefined {
  const [, , single, double, plain] = match;
  if (single !== undefined) return single.replace(/''/g, "'");
  if (double !== undefined) return double;
  return NOT_TEXT.test(plain!) ? undefined : plain;
}

/** The source with its long lists collapsed, or undefined when it has none. */
export function collapseLongLists(source: string): CollapsedLists | undefined {
  const lines = source.split('\n');
  const runs: string[][] = [];
  const marker = `trailguard-list-${Math.random().toString(36).slice(2)}-`;
  if (source.includes(marker)) return undefined;
  const out: string[] = [];
  let start = 0;
  while (start < lines.length) {
    let end = start;
    const items: string[] = [];
    let indent: string | undefined;
    for (; end < lines.length; end++) {
      if (items.length > 0 && BLANK_OR_COMMENT.test(lines[end]!)) continue;
      const match = ITEM.exec(lines[end]!);
      const text = match ? itemText(match) : undefined;
      if (!match || text === undefined || (indent !== undefined && match[1] !== indent)) break;
      indent = match[1]!;
      items.push(text);
    }
    if (items.length >= MIN_RUN) {
      out.push(`${indent}- ${marker}${runs.length}`);
      runs.push(items);
    } else out.push(...lines.slice(start, Math.max(end, start + 1)));
    start = Math.max(end, start + 1);
  }
  if (runs.length === 0) return undefined;
  return {
    text: out.join('\n'),
    restore(data) {
      const found = new Set<number>();
      const runOf = (item: unknown) => {
        if (typeof item !== 'string' || !item.startsWith(marker)) return undefined;
        const index = Number(item.slice(marker.length));
        return Number.isInteger(index) && index < runs.length ? index : undefined;
      };
      const visit = (value: unknown): void => {
        if (Array.isArray(value)) {
          if (!value.some((item) => runOf(item) !== undefined)) return value.forEach(visit);
          for (const item of value.splice(0)) {
            const run = runOf(item);
            if (run === undefined) {
              visit(item);
              value.push(item);
            } else {
              found.add(run);
              for (const text of runs[run]!) value.push(text);
            }
          }
        } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
      };
      visit(data);
      return found.size === runs.length;
    },
  };
}
