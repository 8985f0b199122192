/**
 * Model names as tools write them ("Claude Opus 4.6 (1M context)", "claude-opus-4-5-20251101",
 * "vertex_ai/gemini-2.5-pro", "GLM-5", "Opus 4.7") turned into one canonical id per model, and the
 * provider whose model it is. The families and their providers are data: `modelFamilies` in
 * catalog.json.
 *
 * The canonical id, decided once here: lower case, words joined by "-", any routing prefix
 * (`anthropic/`, `openrouter/qwen/`) and any trailing context note ("(1M context)", "[1m]")
 * dropped, and a trailing snapshot date (`-20251101`, `-2024-08-06`, `@20251101`) dropped: a
 * policy judges a model, not a snapshot of it. Anthropic ids use "-" between version numbers
 * (`claude-opus-4-5`, as Anthropic's API spells them) and name the family before the version
 * (`claude-4.5-sonnet` is `claude-sonnet-4-5`); a bare family ("Opus 4.7") gains `claude-`. Other
 * families keep their dots (`gpt-5.1-codex`, `gemini-2.5-pro`, `glm-4.6`, `qwen3.7-max`).
 */
import { modelFamilies } from './catalog.js';

export interface ModelRef {
  /** The canonical id (see above). */
  id: string;
  /** Whose model it is (`anthropic`, `openai`, `google`, …), when the family is known. */
  provider?: string;
}

/** Family names, longest first, each with its provider. */
const familyNames = modelFamilies
  .flatMap((family) => family.names.map((name) => ({ name, provider: family.provider })))
  .sort((a, b) => b.name.length - a.name.length);

const ROUTE_PREFIX = /^(?:[a-z0-9_.-]+\/)+/;
/** Bedrock-style ids: `eu.anthropic.claude-sonnet-4-6`, `anthropic.claude-3-5-sonnet-20241022-v2:0`. */
const VENDOR_DOT_PREFIX =
  /^(?:(?:us|eu|apac|global)\.)?(?:anthropic|amazon|meta|mistral|deepseek|qwen|openai|google)\./;
const BEDROCK_VERSION = /(?:-v\d+)?:\d+$/;
const CONTEXT_NOTE = /\s*(?:\([^)]*\)|\[[^\]]*\])\s*$/;
const SNAPSHOT_DATE = /(?:[-@](?:20\d{6}|20\d{2}-\d{2}-\d{2}))$/;
const CLAUDE_FAMILY = /^(?:claude-)?(opus|sonnet|haiku|fable)-(\d+(?:[.-]\d+)*)(.*)$/;
const CLAUDE_VERSION_FIRST = /^claude-(\d+(?:[.-]\d+)?)-(opus|sonnet|haiku)(.*)$/;

function slug(text: string): string {
  let id = text.trim().toLowerCase();
  while (CONTEXT_NOTE.test(id)) id = id.replace(CONTEXT_NOTE, '');
  id = id
    .replace(ROUTE_PREFIX, '')
    .replace(VENDOR_DOT_PREFIX, '')
    .replace(BEDROCK_VERSION, '')
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return id.replace(SNAPSHOT_DATE, '');
}

/** Anthropic's spelling: family before version (from Claude 4 on), "-" between version numbers. */
function claudeId(id: string): string {
  const versionFirst = CLAUDE_VERSION_FIRST.exec(id);
  if (versionFirst && Number.parseInt(versionFirst[1], 10) >= 4) {
    id = `claude-${versionFirst[2]}-${versionFirst[1]}${versionFirst[3]}`;
  }
  const family = CLAUDE_FAMILY.exec(id);
  if (family) id = `claude-${family[1]}-${family[2]}${family[3]}`;
  return id.startsWith('claude') ? id.replace(/(\d)\.(?=\d)/g, '$1-') : id;
}

/** "qwen 3" → "qwen3" (Qwen's own spelling); "gpt5", "glm5" → "gpt-5", "glm-5". */
function familySpelling(id: string): string {
  return id.replace(/^qwen-(?=\d)/, 'qwen').replace(/^(gpt|glm|grok|kimi)(?=\d)/, '$1-');
}

/** The provider of a canonical model id, from the catalog's model families. */
export function providerOfModel(id: string): string | undefined {
  for (const { name, provider } of familyNames) {
    if (!id.startsWith(name)) continue;
    const next = id.charAt(name.length);
    if (next === '' || next === '-' || next === '.' || /\d/.test(next)) return provider;
  }
  return undefined;
}

/** A version or variant word that may follow a family name in a model's written name. */
const MODEL_PART =
  /^(?:v?\d[\w.]*|[a-z]\d[\w.]*|opus|sonnet|haiku|fable|pro|flash|lite|mini|nano|max|plus|turbo|preview|coder|codex|instruct|thinking|high|low|medium|latest|exp)$/i;

/**
 * The first model a free text names ("GLM-5 via Crush", "AWS Claude Opus 4.5", "Qwen 3.6 27B"):
 * a family name and the version and variant words after it. Undefined when none is named or the
 * family name stands alone without a version (a person called Claude names no model).
 */
export function findModel(text: string): ModelRef | undefined {
  // Every model named with a version has a digit: most names (people's) leave here.
  if (!/\d/.test(text)) return undefined;
  const words = text.split(/[\s,;:()<>[\]]+/).filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    if (!canonicalModel(words[i])?.provider) continue;
    let end = i + 1;
    while (end < words.length && MODEL_PART.test(words[end])) end += 1;
    const written = words.slice(i, end).join(' ');
    if (!/\d/.test(written)) continue;
    return canonicalModel(written);
  }
  return undefined;
}

/**
 * A model named in free text, or undefined when `text` names no known model family. Used for
 * claims that name only a model (`Assisted-by: Opus 4.7`).
 */
export function knownModel(text: string): ModelRef | undefined {
  const ref = canonicalModel(text);
  return ref?.provider ? ref : undefined;
}

/** The canonical id and provider of a model name as a tool wrote it. */
export function canonicalModel(text: string): ModelRef | undefined {
  const base = slug(text);
  if (!base) return undefined;
  const id = familySpelling(claudeId(base));
  const provider = providerOfModel(id);
  return provider ? { id, provider } : { id };
}
