/**
 * The part of the hook shim (hooks/trailguard-hook.sh) that comes from the tool catalog: which
 * environment variables mean "an agent is running this commit" and which message lines carry a
 * tool's own signature. scripts/build.mjs writes it between the markers; a test fails when the
 * committed shim differs from what the catalog gives, so the list is never copied by hand.
 */
import {
  agentEnvNames,
  builtinTools,
  claimTrailers,
  createCatalog,
  type Catalog,
} from '../core/catalog.js';

export const BLOCK_START =
  '# >>> generated from the tool catalog by scripts/build.mjs; do not edit >>>';
export const BLOCK_END = '# <<< generated <<<';

/** Our own trailer: a message that has it already needs no normalising. */
const OWN_TRAILER = 'assisted-by';

/** A case pattern matching `text` anywhere in a line, ignoring ASCII case; `*` stays a wildcard. */
function caseInsensitiveGlob(text: string): string {
  let out = '';
  for (const char of text) {
    if (/[a-z]/i.test(char)) out += `[${char.toUpperCase()}${char.toLowerCase()}]`;
    else if (/[0-9*@.:+,/=_%-]/.test(char)) out += char;
    else out += `\\${char}`;
  }
  return `*${out}*`;
}

/** The ASCII head of a footer up to its link target: `Generated with [Claude Code]`. */
function footerMarker(text: string): string {
  const start = text.search(/[A-Za-z]/);
  return text
    .slice(start)
    .replace(/\]\(.*$/, ']')
    .trim();
}

/**
 * Texts that only a tool's own signature contains: its co-author addresses, its GitHub accounts'
 * noreply addresses, its trailer keys, its footers, and the AI-claim trailer keys. A match only
 * means "start node and look"; detectCommit decides what the line is.
 */
export function signatureMarkers(): string[] {
  const markers = new Set<string>();
  for (const tool of builtinTools) {
    for (const { email } of tool.emails) markers.add(email.toLowerCase());
    for (const { login } of tool.github)
      markers.add(`${login}@users.noreply.github.com`.toLowerCase());
    for (const { key } of tool.trailers) markers.add(`${key.toLowerCase()}:`);
    for (const { text } of tool.footers) markers.add(footerMarker(text).toLowerCase());
    for (const { text } of tool.subjectPrefixes) markers.add(text.trim().toLowerCase());
  }
  for (const { key } of claimTrailers) {
    if (key.toLowerCase() !== OWN_TRAILER) markers.add(`${key.toLowerCase()}:`);
  }
  return [...markers].sort();
}

let markerParts: string[][] | undefined;

/**
 * Whether a message may carry a tool's own signature: the shim's test, in node. When it may not,
 * the hook skips reading the message for signatures (about a third of the hook's own work).
 */
export function mayCarrySignature(message: string): boolean {
  markerParts ??= signatureMarkers().map((marker) => marker.split('*').filter(Boolean));
  const text = message.toLowerCase();
  return markerParts.some((parts) => parts.every((part) => text.includes(part)));
}

/** The generated block, markers included, for the builtin catalog. */
export function renderShimBlock(catalog: Catalog = createCatalog()): string {
  const envTest = agentEnvNames(catalog)
    .map((name) => `\${${name}-}`)
    .join('');
  const patterns = signatureMarkers().map(caseInsensitiveGlob);
  return [
    BLOCK_START,
    'tg_agent_env() {',
    `  [ -n "${envTest}" ]`,
    '}',
    'tg_signature_line() {',
    '  case $1 in',
    ...patterns.map((pattern) => `    ${pattern}) return 0 ;;`),
    '  esac',
    '  return 1',
    '}',
    BLOCK_END,
  ].join('\n');
}

/** `shim` with its generated block replaced by `block`. */
export function withShimBlock(shim: string, block: string): string {
  const start = shim.indexOf(BLOCK_START);
  const end = shim.indexOf(BLOCK_END);
  if (start < 0 || end < start) throw new Error('hook shim: generated block markers not found');
  return shim.slice(0, start) + block + shim.slice(end + BLOCK_END.length);
}
