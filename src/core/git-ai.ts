/**
 * git-ai's authorship notes (`refs/notes/ai`, the Git AI Standard v3.0.0) read as evidence: a
 * commit whose note attributes lines to an AI session was written (in part) by that session's
 * tool and model.
 *
 * A note is an attestation section, a `---` line, then JSON metadata. Attestations list a file
 * path, then indented `<key> <line ranges>` entries: `s_<hex>::t_<hex>` is an AI session (and a
 * checkpoint of it), `h_<hex>` a known human, a bare 16-hex key a prompt (notes before git-ai
 * 1.4). The metadata's `sessions` (or, for bare keys, `prompts`) give each key's
 * `agent_id: { tool, id, model }`. Lines no key covers are unknown, never human.
 */

export interface GitAiAttribution {
  /** git-ai's tool name (`claude`, `cursor`, `droid`, …). */
  tool: string;
  model?: string;
  /** Lines the note attributes to the tool's sessions. */
  lines: number;
  /** Files those lines are in. */
  files: string[];
}

interface AgentRecord {
  agent_id?: { tool?: unknown; model?: unknown };
}

const SCHEMA = /^authorship\/3\./;
const ENTRY = /^\s+(\S+)\s+(\S+)\s*$/;

function countLines(ranges: string): number {
  let total = 0;
  for (const part of ranges.split(',')) {
    const [from, to] = part.split('-').map((n) => Number.parseInt(n, 10));
    if (Number.isNaN(from)) continue;
    total += Number.isNaN(to ?? NaN) ? 1 : Math.max(0, to - from + 1);
  }
  return total;
}

function records(value: unknown): Record<string, AgentRecord> {
  return value && typeof value === 'object' ? (value as Record<string, AgentRecord>) : {};
}

/**
 * The AI attributions of a git-ai note, one per tool and model; empty for a note of another
 * schema, an unreadable one, or one that attributes nothing to AI.
 */
export function parseGitAiNote(note: string): GitAiAttribution[] {
  const split = note.search(/^---\s*$/m);
  if (split < 0) return [];
  let metadata: { schema_version?: unknown; sessions?: unknown; prompts?: unknown };
  try {
    metadata = JSON.parse(note.slice(note.indexOf('\n', split) + 1));
  } catch {
    return [];
  }
  if (typeof metadata.schema_version !== 'string' || !SCHEMA.test(metadata.schema_version)) {
    return [];
  }
  const agents = { ...records(metadata.prompts), ...records(metadata.sessions) };
  const byAgent = new Map<string, GitAiAttribution>();
  let file = '';
  for (const line of note.slice(0, split).split('\n')) {
    const entry = ENTRY.exec(line);
    if (!entry) {
      if (line.trim()) file = line.trim();
      continue;
    }
    const key = entry[1];
    if (key.startsWith('h_')) continue;
    const agent = agents[key.split('::', 1)[0]]?.agent_id;
    if (!agent || typeof agent.tool !== 'string' || !agent.tool) continue;
    const model = typeof agent.model === 'string' && agent.model ? agent.model : undefined;
    const id = `${agent.tool}\u0000${model ?? ''}`;
    const found = byAgent.get(id) ?? { tool: agent.tool, model, lines: 0, files: [] };
    found.lines += countLines(entry[2]);
    if (file && !found.files.includes(file)) found.files.push(file);
    byAgent.set(id, found);
  }
  return [...byAgent.values()].filter((found) => found.lines > 0);
}
