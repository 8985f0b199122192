/**
 * A unified diff of two texts (what `init --dry-run` shows), in the format of `diff -u` and
 * `git diff`: `---`/`+++` headers, `@@ -a,b +c,d @@` hunks with three lines of context. The
 * texts are small config files, so a plain longest-common-subsequence table is fast enough.
 */
const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string; oldIndex: number; newIndex: number };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function edits(a: string[], b: string[]): Op[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i], oldIndex: i++, newIndex: j++ });
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push({ kind: '-', line: a[i], oldIndex: i++, newIndex: j });
    } else {
      ops.push({ kind: '+', line: b[j], oldIndex: i, newIndex: j++ });
    }
  }
  return ops;
}

/** `start,count`, or just `start` for one line; an empty range starts at the line before it. */
const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);

/** The diff of `before` (undefined: the file is new) to `after`, or '' when they are equal. */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  const ops = edits(splitLines(before ?? ''), splitLines(after));
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - CONTEXT);
    const end = Math.min(ops.length, index + CONTEXT + 1);
    const last = hunks.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else hunks.push([start, end]);
  }
  const lines = [before === undefined ? '--- /dev/null' : `--- a/${path}`, `+++ b/${path}`];
  for (const [start, end] of hunks) {
    const slice = ops.slice(start, end);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? slice[0].oldIndex : slice[0].oldIndex + 1;
    const newStart = newCount === 0 ? slice[0].newIndex : slice[0].newIndex + 1;
    lines.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const op of slice) lines.push(`${op.kind}${op.line}`);
  }
  return `${lines.join('\n')}\n`;
}
