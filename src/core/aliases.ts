/**
 * The names a tool goes by as detection compares them: its id, its name and its aliases,
 * normalised, longest first (so "claude code" wins over "claude"). The builtin catalog's table is
 * computed at build time (catalog-derived.json, written by scripts/build.mjs from aliasTable), so
 * a hook does not sort it on every commit; a catalog with a policy's own tools computes its own.
 */
import type { ToolDef } from './catalog.js';

export interface AliasEntry {
  /** The name normalised (normalizeName). */
  key: string;
  tool: string;
}

/** Lower case, with each `-`, `_` and white-space character read as a space; keeps the length. */
export function normalizeName(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, ' ');
}

/** Each normalised name once, for the first tool that has it, longest first. */
export function aliasTable(
  tools: readonly Pick<ToolDef, 'id' | 'name' | 'aliases'>[],
): AliasEntry[] {
  const aliasKeys = new Map<string, string>();
  for (const def of tools) {
    for (const alias of [def.id, def.name, ...def.aliases]) {
      const key = normalizeName(alias);
      if (!aliasKeys.has(key)) aliasKeys.set(key, def.id);
    }
  }
  return (
    [...aliasKeys]
      .map(([key, tool]) => ({ key, tool }))
      // Code-unit order breaks ties: localeCompare would load ICU collation, ~20 ms on a hook's path.
      .sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  );
}
