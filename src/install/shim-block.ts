/**
 * The parts of the hook shim (hooks/trailguard-hook.sh) that come from elsewhere, so nothing is
 * copied by hand: from the tool catalog, which environment variables mean "an agent is running
 * this commit" and which message lines carry a tool's own signature; from the state table, where
 * trailguard's files are. scripts/build.mjs writes each block between its markers; a test fails
 * when the committed shim differs.
 */
import { agentEnvNames, createCatalog, type Catalog } from '../core/catalog.js';
import { signatureMarkers } from '../core/signature-markers.js';
import { POLICY_FILES } from '../policy/load.js';
import { SHARED_STATE, STATE_DIR, WORKTREE_STATE } from '../state/paths.js';

export const BLOCK_START =
  '# >>> generated from the tool catalog by scripts/build.mjs; do not edit >>>';
export const BLOCK_END = '# <<< generated <<<';
export const SIGNATURE_BLOCK_START =
  '# >>> generated from the tool catalog (signatures) by scripts/build.mjs; do not edit >>>';
export const STATE_BLOCK_START =
  '# >>> generated from the state table (src/state/paths.ts) by scripts/build.mjs; do not edit >>>';
export const STATE_BLOCK_END = '# <<< generated state paths <<<';

/**
 * Texts of which every marker holds one: `@` for an address, a trailer key's last three
 * characters and its colon (`-by:`), else the marker itself. A line with none of them carries no
 * signature, so the hook shim reads its long list of markers only for a message with a line that
 * has one (a conventional subject such as `fix: …` has none).
 */
function signatureWitnesses(): string[] {
  const witness = (marker: string) => {
    if (marker.includes('@')) return '@';
    if (marker.endsWith(':')) return marker.slice(-4);
    return marker.includes(':') ? ':' : marker;
  };
  return withoutSubsumed(signatureMarkers().map(witness));
}

/** The texts, sorted, less each that holds another (it matches nothing the other does not: the shim reads fewer). */
function withoutSubsumed(texts: Iterable<string>): string[] {
  const unique = [...new Set(texts)];
  const plain = unique.filter((text) => !text.includes('*'));
  return unique
    .filter((text) => !plain.some((other) => other !== text && text.includes(other)))
    .sort();
}

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

/** The generated block, markers included, for the builtin catalog: the shim's quick tests. */
export function renderShimBlock(catalog: Catalog = createCatalog()): string {
  const envTest = agentEnvNames(catalog)
    .map((name) => `\${${name}-}`)
    .join('');
  return [
    BLOCK_START,
    'tg_agent_env() {',
    `  [ -n "${envTest}" ]`,
    '}',
    ...caseFunction('tg_may_sign_line', signatureWitnesses()),
    BLOCK_END,
  ].join('\n');
}

/**
 * The block of tool signatures, markers included: the shim reads it only for a message that may
 * carry one (a line that passes tg_may_sign_line).
 */
export function renderSignatureBlock(): string {
  return [
    SIGNATURE_BLOCK_START,
    ...caseFunction('tg_signature_line', withoutSubsumed(signatureMarkers())),
    BLOCK_END,
  ].join('\n');
}

/** A shell function true when its argument holds one of `texts` (ASCII case ignored). */
function caseFunction(name: string, texts: string[]): string[] {
  return [
    `${name}() {`,
    '  case $1 in',
    ...texts.map((text) => `    ${caseInsensitiveGlob(text)}) return 0 ;;`),
    '  esac',
    '  return 1',
    '}',
  ];
}

/** `tg_<name>` for a state table key: `postCommitLog` → `tg_post_commit_log`. */
export function shellName(key: string): string {
  return `tg_${key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
}

/**
 * The shim's names for the state files it uses (each `$tg_<name>` the rest of `shim` mentions),
 * set once the shim knows tg_git_dir and tg_common_dir.
 */
export function renderStateBlock(shim: string): string {
  const outside = withShimBlock(shim, `${STATE_BLOCK_START}\n${STATE_BLOCK_END}`);
  const used = (key: string) => new RegExp(`\\$\\{?${shellName(key)}\\b`).test(outside);
  const lines = [
    ...Object.entries(SHARED_STATE).map(([key, name]) =>
      used(key) ? `${shellName(key)}=$tg_common_dir/${STATE_DIR}/${name}` : '',
    ),
    ...Object.entries(WORKTREE_STATE).map(([key, name]) =>
      used(key) ? `${shellName(key)}=$tg_git_dir/${STATE_DIR}/${name}` : '',
    ),
  ].filter(Boolean);
  // hook.env older than a policy file (git runs hooks at the top of the work tree) may lack
  // variables the policy's tools.extra names: test builtins, no process.
  if (/\btg_policy_newer\b/.test(outside)) {
    const tests = POLICY_FILES.map((file) => `[ ${file} -nt "$tg_hook_env" ]`).join(' || ');
    lines.push(`tg_policy_newer() { ${tests}; }`);
  }
  return [STATE_BLOCK_START, ...lines, STATE_BLOCK_END].join('\n');
}

/** Every generated block of `shim`, as the current sources give them. */
export function renderShimBlocks(shim: string): string[] {
  return [renderStateBlock(shim), renderShimBlock(), renderSignatureBlock()];
}

/** `shim` with the generated block that `block` replaces (same first and last line) replaced. */
export function withShimBlock(shim: string, block: string): string {
  const lines = block.split('\n');
  const [first, last] = [lines[0], lines[lines.length - 1]];
  const start = shim.indexOf(first);
  const end = shim.indexOf(last, start);
  if (start < 0 || end < start) throw new Error(`hook shim: markers not found: ${first}`);
  return shim.slice(0, start) + block + shim.slice(end + last.length);
}
