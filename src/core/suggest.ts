/** "Did you mean …?" for a mistyped name: the closest known name by edit distance. */

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The form names are compared in: lowercase, spaces and underscores as "-". */
function normal(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/**
 * The name to suggest for `input`: the id whose own name or one of its aliases is closest, when
 * close enough to be a typo (at most a third of the input's length, and at least 1 edit off
 * unless an alias matches exactly). `names` maps each id to what it is also called.
 */
export function closestName(
  input: string,
  names: ReadonlyMap<string, readonly string[]>,
): string | undefined {
  const wanted = normal(input);
  let best: { id: string; distance: number } | undefined;
  for (const [id, aliases] of names) {
    for (const name of [id, ...aliases]) {
      const distance = editDistance(wanted, normal(name));
      if (!best || distance < best.distance) best = { id, distance };
    }
  }
  if (!best || best.id === input) return undefined;
  return best.distance <= Math.max(1, Math.floor(wanted.length / 3)) ? best.id : undefined;
}
