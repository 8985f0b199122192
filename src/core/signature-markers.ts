/**
 * Texts that only a tool's own signature contains: a message with none of them carries no
 * signature, so nothing reads it line by line. They depend on the builtin catalog alone, so the
 * build computes them once: the hook shim's shell patterns (src/install/shim-block.ts) and node's
 * quick test (may-carry-signature.ts, from catalog-derived.json) are generated from this list.
 */
import { builtinTools, claimTrailers } from './catalog.js';

/** How agent accounts' logins end (the generic rule in signatures.ts). */
const AGENT_ACCOUNT_ENDINGS = ['-agent', '-agent[bot]', '-ai[bot]', '-dev-ai'];
/** Local parts of a tool's own address at its vendor's domain (the generic rule in signatures.ts). */
const TOOL_ADDRESSES = ['noreply', 'no-reply', 'agent', 'bot'];

/** Our own trailer: a message that has it already needs no normalising. */
const OWN_TRAILER = 'assisted-by';

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
  // The generic rules: agent accounts, tool addresses at vendor domains, linked tool footers.
  for (const ending of AGENT_ACCOUNT_ENDINGS) markers.add(`${ending}@users.noreply.github.com`);
  for (const tool of builtinTools) {
    for (const domain of tool.domains) {
      for (const local of TOOL_ADDRESSES) markers.add(`${local}@${domain.toLowerCase()}`);
    }
  }
  markers.add('generated with [');
  return [...markers].sort();
}
