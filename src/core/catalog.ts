/**
 * The catalog of AI coding tools and the signatures that reveal them: environment variables,
 * trailers, identities, branch prefixes and message footers. Pure data plus `createCatalog`, which
 * adds an organisation's own tools (`tools.extra`) and records which tools count as internal.
 *
 * Every signature carries `source`: the row of research/ai-tool-signatures.md (§ and status: V =
 * first-party, V² = third-party code/docs, U = observed only) it was taken from.
 *
 * One id per product: surfaces of the same product (Codex CLI, app and cloud; Copilot coding agent,
 * CLI and VS Code; Claude Code CLI, web and GitHub Action) share an id, and the surface is noted in a
 * signature's `variant`. A policy names products, not surfaces.
 */
import { UserError } from '../errors.js';
import type { ExtraTool } from './types.js';

/** `agent`: only shells an agent runs have it, so it counts. `ambient`: human terminals have it too. */
export type EnvTrust = 'agent' | 'ambient';

interface Documented {
  /** Research row and status the signature comes from. */
  source: string;
  /** The product surface, when the tool has several (e.g. "cloud", "cli"). */
  variant?: string;
}

export interface EnvSignature extends Documented {
  name: string;
  /** An exact value, a substring the value must contain, or absent: any non-empty value. */
  value?: string | { contains: string };
  trust: EnvTrust;
}

/** A trailer key only this tool writes; `values` (case-insensitive, whole value) narrow it. */
export interface TrailerSignature extends Documented {
  key: string;
  values?: readonly string[];
}

/** An author, committer or co-author address. `name` must match too where the address is shared. */
export interface EmailSignature extends Documented {
  email: string;
  name?: RegExp;
}

/**
 * A GitHub account the tool commits or co-authors as: `login` as GitHub spells it (apps end in
 * `[bot]`), matched in `<id>+<login>@users.noreply.github.com` and `<login>@users.noreply.github.com`,
 * and, for `[bot]` logins (reserved for GitHub Apps), as the identity's name.
 */
export interface GithubAccount extends Documented {
  login: string;
  id?: number;
}

/** An identity name that alone marks the tool (e.g. aider's `Jane Dev (aider)`). */
export interface NameSignature extends Documented {
  pattern: RegExp;
  /** A name as the tool writes it. */
  example: string;
}

export interface BranchSignature extends Documented {
  prefix: string;
}

/** A documented message text: a footer line or a subject prefix, quoted as the tool writes it. */
export interface TextSignature extends Documented {
  text: string;
}

export interface ToolDef {
  /** Stable kebab-case id, used in `Assisted-by:` and in the policy. */
  id: string;
  name: string;
  vendor: string;
  /** Names that may stand for the tool in claim trailers, footers and co-author names. */
  aliases: readonly string[];
  /** The vendor's mail domains: a co-author named like the tool at one of these is the tool. */
  domains: readonly string[];
  /** How to read the model from the tool's own co-author name; `slug` turns "Opus 4.5" into "claude-opus-4-5". */
  modelFromName?: { pattern: RegExp; slug?: string };
  env: readonly EnvSignature[];
  trailers: readonly TrailerSignature[];
  emails: readonly EmailSignature[];
  github: readonly GithubAccount[];
  names: readonly NameSignature[];
  branches: readonly BranchSignature[];
  /** Footer lines as the tool writes them; detection reads any "Generated with [Alias](…)" line. */
  footers: readonly TextSignature[];
  subjectPrefixes: readonly TextSignature[];
  /** Variables of another tool that this tool sets as well: when this tool is seen, they are its own. */
  envShadows?: { tool: string; names: readonly string[]; source: string };
  origin: 'builtin' | 'extra';
}

type SignatureLists =
  | 'env'
  | 'trailers'
  | 'emails'
  | 'github'
  | 'names'
  | 'branches'
  | 'footers'
  | 'subjectPrefixes'
  | 'domains';
type ToolSpec = Omit<ToolDef, SignatureLists | 'origin'> & Partial<Pick<ToolDef, SignatureLists>>;

const noSignatures = (): Pick<ToolDef, SignatureLists> => ({
  domains: [],
  env: [],
  trailers: [],
  emails: [],
  github: [],
  names: [],
  branches: [],
  footers: [],
  subjectPrefixes: [],
});

function tool(spec: ToolSpec): ToolDef {
  return {
    ...noSignatures(),
    ...spec,
    origin: 'builtin',
  };
}

const CHAOSS_BOTS = 'V²: chaoss/disclosure detection/constants.go (KnownAgentCommitters)';
const CHAOSS_BRANCHES = 'V²: chaoss/disclosure KnownAgentBranchPrefixes (§3)';
const AITTRIBUTOR = 'V²: block/aittributor src/agent.rs (§3)';
const THIRD_PARTY_LISTS = 'U: third-party detector lists (bot login seen in agent commits)';

export const builtinTools: readonly ToolDef[] = [
  tool({
    id: 'claude-code',
    name: 'Claude Code',
    vendor: 'Anthropic',
    aliases: ['Claude Code', 'Claude', 'Anthropic Claude', 'claude-code-action', 'Claude Cowork'],
    domains: ['anthropic.com'],
    modelFromName: {
      pattern:
        /^claude(?:\s+code)?\s+(?<model>(?:opus|sonnet|haiku|instant)(?:\s+[\d.]+)?|[\d.]+\s+(?:opus|sonnet|haiku))(?:\s*\([^)]*\))?$/i,
      slug: 'claude-',
    },
    env: [
      {
        name: 'CLAUDECODE',
        value: '1',
        trust: 'agent',
        source: 'V: anthropics/claude-code#531 (§1a)',
      },
      { name: 'CLAUDE_CODE_SESSION_ID', trust: 'agent', source: 'V: CHANGELOG 2.1.132 (§1a)' },
      {
        name: 'CLAUDE_CODE_REMOTE',
        value: 'true',
        trust: 'agent',
        variant: 'web',
        source: 'V²: git-ai background_agent.rs (§1a)',
      },
      {
        name: 'CLAUDE_CODE_ENTRYPOINT',
        trust: 'ambient',
        source: 'V²: cli/cli detect.go, undocumented; may be inherited by terminals (§1a)',
      },
    ],
    trailers: [
      {
        key: 'Claude-Session',
        variant: 'web',
        source: 'V: CHANGELOG 2.1.9; #77830 (§1b)',
      },
    ],
    emails: [
      {
        email: 'noreply@anthropic.com',
        source: 'V: CHANGELOG 2.0.60 co-author; git-ai agent_detection.rs (§1b, §5.6)',
      },
    ],
    github: [
      { login: 'claude[bot]', id: 209825114, variant: 'github-action', source: 'V²: chaoss (§1b)' },
      { login: 'anthropic-claude[bot]', id: 215619710, source: CHAOSS_BOTS },
      {
        login: 'claude-code-action[bot]',
        id: 208546643,
        variant: 'github-action',
        source: CHAOSS_BOTS,
      },
      { login: 'anthropic-code-agent[bot]', variant: 'github-agent', source: THIRD_PARTY_LISTS },
    ],
    branches: [
      {
        prefix: 'claude/',
        source: 'V: claude-code-action action.yml branch_prefix; web sessions #85998 (§1b)',
      },
    ],
    footers: [
      {
        text: '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
        source: 'V: #14241, #18253 (§1b)',
      },
      {
        text: '🤖 Generated with [Claude Code](https://claude.ai/code)',
        source: 'V: #14241 (§1b, older builds)',
      },
    ],
  }),
  tool({
    id: 'codex',
    name: 'OpenAI Codex',
    vendor: 'OpenAI',
    aliases: ['Codex', 'OpenAI Codex', 'Codex CLI', 'codex-cli', 'Codex Cloud', 'ChatGPT Codex'],
    domains: ['openai.com'],
    env: [
      {
        name: 'CODEX_SANDBOX',
        trust: 'agent',
        variant: 'cli',
        source: 'V: openai/codex codex-rs/core/src/spawn.rs ("seatbelt") (§1a)',
      },
      {
        name: 'CODEX_SANDBOX_NETWORK_DISABLED',
        value: '1',
        trust: 'agent',
        variant: 'cli',
        source: 'V: spawn.rs; PR #879 (§1a)',
      },
      {
        name: 'CODEX_THREAD_ID',
        trust: 'agent',
        source: 'V: PR #10096; leaks into nested sessions #15527 (§1a)',
      },
      {
        name: 'CODEX_CI',
        value: '1',
        trust: 'agent',
        source: 'V: codex-rs/core/src/unified_exec/process_manager.rs (§1a)',
      },
      {
        name: 'CODEX_INTERNAL_ORIGINATOR_OVERRIDE',
        value: 'codex_web_agent',
        trust: 'agent',
        variant: 'cloud',
        source: 'V²: git-ai background_agent.rs (§1a)',
      },
      {
        name: 'CODEX_HOME',
        trust: 'ambient',
        source: 'U: /opt/codex in cloud; users also set it in their shell profile (§1a)',
      },
    ],
    emails: [
      {
        email: 'noreply@openai.com',
        source: 'V: PR #11617 co-author (opt-in); git-ai maps author to codex-cloud (§1b, §5.6)',
      },
      {
        email: 'codex@openai.com',
        source: 'U: author/co-author identity seen in agent-written commits; #18095 (§1b)',
      },
    ],
    github: [
      {
        login: 'chatgpt-codex-connector[bot]',
        id: 199175422,
        variant: 'cloud',
        source: 'V²: chaoss (§1b)',
      },
      { login: 'openai-codex[bot]', id: 215057067, variant: 'cloud', source: 'V²: chaoss (§1b)' },
      { login: 'openai-code-agent[bot]', variant: 'github-agent', source: THIRD_PARTY_LISTS },
    ],
    branches: [{ prefix: 'codex/', variant: 'app, cloud', source: 'V: #21112, #29885 (§1b)' }],
  }),
  tool({
    id: 'chatgpt',
    name: 'ChatGPT',
    vendor: 'OpenAI',
    aliases: ['ChatGPT', 'OpenAI ChatGPT', 'GPT'],
    domains: ['openai.com'],
  }),
  tool({
    id: 'copilot',
    name: 'GitHub Copilot',
    vendor: 'GitHub',
    aliases: [
      'GitHub Copilot',
      'Copilot',
      'Copilot CLI',
      'Copilot Agent',
      'Copilot coding agent',
      'copilot-swe-agent',
    ],
    domains: ['github.com'],
    env: [
      {
        name: 'COPILOT_AGENT',
        value: '1',
        trust: 'agent',
        variant: 'vscode',
        source: 'V: microsoft/vscode PR #320129 (§1a)',
      },
      {
        name: 'COPILOT_CLI',
        value: '1',
        trust: 'agent',
        variant: 'cli',
        source: 'U: cli/cli detect.go, jfrog (§1a)',
      },
      {
        name: 'COPILOT_AGENT_SESSION_ID',
        trust: 'agent',
        variant: 'cli',
        source: 'U: jfrog table (§1a)',
      },
    ],
    trailers: [{ key: 'Agent-Logs-Url', variant: 'coding-agent', source: 'U (§1b)' }],
    emails: [
      {
        email: 'copilot@github.com',
        variant: 'vscode',
        source: 'V: microsoft/vscode PR #296435, #309134 (§1b)',
      },
      {
        email: 'noreply@github.com',
        name: /copilot/i,
        source: `${AITTRIBUTOR} ("GitHub Copilot <noreply@github.com>"; the address alone is GitHub's web-flow)`,
      },
    ],
    github: [
      {
        login: 'Copilot',
        id: 198982749,
        variant: 'coding-agent (also 223556219 cli, 175728472 review suggestions)',
        source: 'V²: git-ai agent_detection.rs; github/copilot-cli#3177; chaoss (§1b, §5.6)',
      },
      {
        login: 'copilot-swe-agent[bot]',
        variant: 'coding-agent',
        source: 'V²: git-ai agent_detection.rs (§1b)',
      },
      { login: 'copilot[bot]', id: 167198135, source: CHAOSS_BOTS },
    ],
    branches: [
      {
        prefix: 'copilot/',
        variant: 'coding-agent',
        source: 'V²: MS Learn; docs.github.com (§1b)',
      },
    ],
  }),
  tool({
    id: 'cursor',
    name: 'Cursor',
    vendor: 'Anysphere',
    aliases: ['Cursor', 'Cursor Agent', 'cursor-agent', 'Cursor AI', 'Cursor IDE', 'Cursor CLI'],
    domains: ['cursor.com', 'cursor.sh'],
    env: [
      {
        name: 'CURSOR_AGENT',
        value: '1',
        trust: 'agent',
        source: 'V²: cursor.com/docs/agent/terminal via VerifyTests/DiffEngine#671 (§1a)',
      },
      {
        name: 'CURSOR_EXTENSION_HOST_ROLE',
        value: 'agent-exec',
        trust: 'agent',
        source: 'V²: vercel/vercel PR #15879 (§1a)',
      },
      {
        name: 'CURSOR_TRACE_ID',
        trust: 'ambient',
        source: 'V²: vercel-labs/skills PR #1549: every Cursor terminal has it (§1a)',
      },
    ],
    trailers: [
      {
        key: 'Made-with',
        values: ['Cursor'],
        source: 'V²: many repos, via git commit --trailer (§1b)',
      },
    ],
    emails: [
      {
        email: 'cursoragent@cursor.com',
        source:
          'V²: block/aittributor PR #15; Jiangki/ledge PR #11 (background agents) (§1b, §5.6)',
      },
    ],
    github: [{ login: 'cursor[bot]', id: 206951365, source: 'V²: chaoss (§1b)' }],
    branches: [{ prefix: 'cursor/', variant: 'background', source: CHAOSS_BRANCHES }],
    footers: [{ text: 'Made with [Cursor](https://cursor.com)', source: 'V²: PR bodies (§1b)' }],
  }),
  tool({
    id: 'aider',
    name: 'Aider',
    vendor: 'Aider',
    aliases: ['Aider', 'aider.chat'],
    domains: ['aider.chat'],
    modelFromName: { pattern: /^aider\s+\((?<model>[^)]+)\)$/i },
    emails: [
      { email: 'aider@aider.chat', source: 'V: aider/repo.py, HISTORY.md v0.85.0 (§1b)' },
      { email: 'noreply@aider.chat', source: 'V: aider/repo.py until 2025-06-25 (§1b)' },
    ],
    names: [
      {
        pattern: /\s\(aider\)$/i,
        example: 'Jane Dev (aider)',
        source: 'V: aider --attribute-author / --attribute-committer (§1b)',
      },
    ],
    subjectPrefixes: [
      { text: 'aider: ', source: 'V: --attribute-commit-message-{author,committer} (§1b)' },
    ],
  }),
  tool({
    id: 'gemini-cli',
    name: 'Gemini CLI',
    vendor: 'Google',
    aliases: ['Gemini CLI', 'Gemini', 'Google Gemini', 'gemini-cli'],
    domains: ['google.com'],
    env: [
      {
        name: 'GEMINI_CLI',
        value: '1',
        trust: 'agent',
        source: 'V: google-gemini/gemini-cli shellExecutionService.ts (§1a)',
      },
    ],
    emails: [{ email: 'gemini-cli-agent@google.com', name: /gemini/i, source: AITTRIBUTOR }],
  }),
  tool({
    id: 'gemini-code-assist',
    name: 'Gemini Code Assist',
    vendor: 'Google',
    aliases: ['Gemini Code Assist', 'Duet AI'],
    domains: ['google.com'],
    github: [{ login: 'gemini-code-assist[bot]', id: 176961590, source: CHAOSS_BOTS }],
  }),
  tool({
    id: 'jules',
    name: 'Jules',
    vendor: 'Google',
    aliases: ['Jules', 'Google Jules', 'google-labs-jules'],
    domains: ['google.com'],
    github: [
      { login: 'google-labs-jules[bot]', id: 161369871, source: 'V²; jules-sdk PR #94 (§1b)' },
    ],
  }),
  tool({
    id: 'devin',
    name: 'Devin',
    vendor: 'Cognition',
    aliases: ['Devin', 'Devin AI', 'Cognition Devin'],
    domains: ['cognition.ai', 'devin.ai'],
    github: [
      {
        login: 'devin-ai-integration[bot]',
        id: 158243242,
        source: 'V²: chaoss; git-ai agent_detection.rs (§1b, §2)',
      },
    ],
    branches: [{ prefix: 'devin/', source: CHAOSS_BRANCHES }],
  }),
  tool({
    id: 'amp',
    name: 'Amp',
    vendor: 'Sourcegraph',
    aliases: ['Amp', 'Sourcegraph Amp', 'ampcode', 'Amp Code'],
    domains: ['ampcode.com'],
    env: [
      {
        name: 'AGENT',
        value: 'amp',
        trust: 'agent',
        source: 'V²: cli/cli detect.go; vercel/vercel#15336 (§1a)',
      },
      { name: 'AMP_CURRENT_THREAD_ID', trust: 'agent', source: 'V²: vercel/vercel#15336 (§1a)' },
    ],
    trailers: [
      { key: 'Amp-Thread-ID', source: 'V²: observed commits (§1b)' },
      { key: 'Amp-Thread', source: 'U: older form of Amp-Thread-ID (§1b)' },
    ],
    emails: [{ email: 'amp@ampcode.com', source: 'V²: observed commits (§1b)' }],
    envShadows: {
      tool: 'claude-code',
      names: ['CLAUDECODE'],
      source: 'V²: Amp also sets CLAUDECODE=1; cli/cli tests AGENT=amp first (§1a)',
    },
  }),
  tool({
    id: 'opencode',
    name: 'OpenCode',
    vendor: 'SST',
    aliases: ['OpenCode', 'sst opencode'],
    domains: ['opencode.ai', 'sst.dev'],
    env: [
      {
        name: 'OPENCODE',
        value: '1',
        trust: 'agent',
        source: 'V: anomalyco/opencode packages/opencode/src/index.ts (§1a)',
      },
      {
        name: 'OPENCODE_PID',
        trust: 'agent',
        source: 'V: index.ts, set in-process and inherited (§1a)',
      },
      { name: 'OPENCODE_SESSION_ID', trust: 'agent', source: 'U (§1a)' },
    ],
    emails: [{ email: 'noreply@opencode.ai', source: 'U: seen in repos; aittributor (§1b)' }],
    github: [{ login: 'opencode-agent[bot]', source: 'U (§1b)' }],
    footers: [
      {
        text: '🤖 Generated with [opencode](https://opencode.ai)',
        source: 'U: seen in repos (§1b)',
      },
    ],
  }),
  tool({
    id: 'continue',
    name: 'Continue',
    vendor: 'Continue',
    aliases: ['Continue', 'Continue.dev', 'Continue CLI', 'Continue AI'],
    domains: ['continue.dev'],
    env: [
      {
        name: 'CONTINUE_REMOTE',
        value: 'true',
        trust: 'agent',
        variant: 'remote-agent',
        source: 'V: continue extensions/cli/src/util/git.ts (§1a)',
      },
    ],
    emails: [
      { email: 'noreply@continue.dev', source: 'V: extensions/cli/src/systemMessage.ts (§1b)' },
    ],
    github: [{ login: 'continue[bot]', id: 230936708, source: 'V²: chaoss (§1b)' }],
    footers: [
      {
        text: 'Generated with [Continue](https://continue.dev)',
        source: 'V: extensions/cli/src/systemMessage.ts (§1b)',
      },
    ],
  }),
  tool({
    id: 'cline',
    name: 'Cline',
    vendor: 'Cline',
    aliases: ['Cline'],
    domains: ['cline.bot'],
    env: [
      {
        name: 'CLINE_ACTIVE',
        value: 'true',
        trust: 'agent',
        source: 'V: cline/cline VscodeTerminalRegistry.ts (§1a)',
      },
    ],
    emails: [{ email: 'noreply@cline.bot', source: AITTRIBUTOR }],
    github: [{ login: 'cline[bot]', id: 205137888, source: 'V²: chaoss (§1b)' }],
    branches: [{ prefix: 'cline/', source: CHAOSS_BRANCHES }],
  }),
  tool({
    id: 'roo-code',
    name: 'Roo Code',
    vendor: 'Roo Code',
    aliases: ['Roo Code', 'Roo', 'Roo-Cline', 'Roomote'],
    domains: ['roocode.com'],
    env: [
      {
        name: 'ROO_ACTIVE',
        value: 'true',
        trust: 'agent',
        source: 'V: RooCodeInc/Roo-Code src/integrations/terminal/Terminal.ts (§1a)',
      },
    ],
    emails: [
      {
        email: 'roomote@roocode.com',
        variant: 'cloud (Roomote)',
        source: 'V²: git-ai agent_detection.rs (§1b, §2)',
      },
    ],
    github: [{ login: 'roomote[bot]', variant: 'cloud (Roomote)', source: THIRD_PARTY_LISTS }],
  }),
  tool({
    id: 'windsurf',
    name: 'Windsurf',
    vendor: 'Cognition (formerly Codeium)',
    aliases: ['Windsurf', 'Windsurf Cascade', 'Cascade', 'Codeium'],
    domains: ['codeium.com', 'windsurf.com'],
    env: [
      {
        name: 'WINDSURF_CASCADE_TERMINAL',
        value: '1',
        trust: 'agent',
        source: 'U: third-party detectors (§1a)',
      },
      {
        name: 'WINDSURF_CASCADE_TERMINAL_KIND',
        trust: 'ambient',
        source: 'U: in every IDE terminal, human or agent (§1a)',
      },
    ],
    emails: [{ email: 'noreply@codeium.com', source: AITTRIBUTOR }],
  }),
  tool({
    id: 'amazon-q',
    name: 'Amazon Q Developer',
    vendor: 'Amazon',
    aliases: [
      'Amazon Q Developer',
      'Amazon Q',
      'Q Developer',
      'CodeWhisperer',
      'Amazon CodeWhisperer',
    ],
    domains: ['amazon.com'],
    env: [
      {
        name: 'AWS_EXECUTION_ENV',
        value: { contains: 'AmazonQ-For-CLI' },
        trust: 'agent',
        variant: 'cli',
        source: 'V²: jfrog table; aws/aws-cdk-cli detect-agent.ts (§1a)',
      },
    ],
    emails: [{ email: 'noreply@amazon.com', name: /amazon q|q developer/i, source: AITTRIBUTOR }],
    github: [{ login: 'amazon-q-developer[bot]', id: 208079219, source: 'V²: chaoss (§1b)' }],
  }),
  tool({
    id: 'kiro',
    name: 'Kiro',
    vendor: 'Amazon',
    aliases: ['Kiro', 'Kiro CLI', 'Kiro IDE'],
    domains: ['kiro.dev'],
    env: [
      {
        name: 'TERM_PROGRAM',
        value: 'kiro',
        trust: 'ambient',
        source: 'V²: cli/cli detect.go; unjs/std-env agents.ts: every Kiro terminal (§1a)',
      },
    ],
    trailers: [{ key: 'Kiro-Session-Id', source: 'V²: apache/devlake PR #9074 helper (§1b)' }],
  }),
  tool({
    id: 'junie',
    name: 'Junie',
    vendor: 'JetBrains',
    aliases: ['Junie', 'JetBrains Junie', 'JetBrains AI', 'JetBrains AI Assistant'],
    domains: ['jetbrains.com'],
    env: [
      { name: 'JUNIE_DATA', trust: 'ambient', source: 'U: meaning unknown (§1a)' },
      {
        name: 'TERMINAL_EMULATOR',
        value: 'JetBrains-JediTerm',
        trust: 'ambient',
        source: 'V²: every JetBrains terminal, human too (§1a)',
      },
    ],
    github: [{ login: 'jetbrains-ai[bot]', id: 220155983, source: 'V²: chaoss (§1b)' }],
  }),
  tool({
    id: 'replit',
    name: 'Replit Agent',
    vendor: 'Replit',
    aliases: ['Replit Agent', 'Replit Assistant', 'Replit'],
    domains: ['replit.com'],
    env: [
      {
        name: 'REPL_ID',
        trust: 'ambient',
        source: 'V²: cli/cli detect.go: present throughout any Replit environment (§1a)',
      },
    ],
    trailers: [
      {
        key: 'Replit-Commit-Author',
        values: ['Agent', 'Assistant'],
        source: 'V²: chaoss ReplitAttributionRegex (§1b)',
      },
    ],
  }),
  tool({
    id: 'zed',
    name: 'Zed Agent',
    vendor: 'Zed Industries',
    aliases: ['Zed AI', 'Zed Agent'],
    domains: [],
    env: [
      {
        name: 'ZED_TERM',
        value: 'true',
        trust: 'ambient',
        source: 'V²: zed#35698: all Zed terminals (§1a)',
      },
    ],
  }),
  tool({
    id: 'goose',
    name: 'Goose',
    vendor: 'Block',
    aliases: ['Goose', 'Block Goose'],
    domains: [],
    env: [
      {
        name: 'AGENT',
        value: 'goose',
        trust: 'agent',
        source: 'V²: agentsmd/agents.md#136 (§1a generic)',
      },
      {
        name: 'GOOSE_PROVIDER',
        trust: 'ambient',
        source: 'V²: cli/cli detect.go: Goose configured, not necessarily driving (§1a)',
      },
    ],
    emails: [{ email: 'opensource@block.xyz', name: /^goose$/i, source: AITTRIBUTOR }],
  }),
  tool({
    id: 'openhands',
    name: 'OpenHands',
    vendor: 'All Hands AI',
    aliases: ['OpenHands', 'OpenDevin', 'All Hands'],
    domains: ['all-hands.dev'],
    emails: [{ email: 'openhands@all-hands.dev', source: 'U: third-party detector lists' }],
    github: [{ login: 'openhands-agent', source: THIRD_PARTY_LISTS }],
  }),
  tool({
    id: 'antigravity',
    name: 'Antigravity',
    vendor: 'Google',
    aliases: ['Antigravity', 'Google Antigravity'],
    domains: [],
    env: [
      {
        name: 'ANTIGRAVITY_AGENT',
        trust: 'agent',
        source: 'V²: cli/cli detect.go (no first-party docs)',
      },
    ],
  }),
  tool({
    id: 'augment',
    name: 'Augment Code',
    vendor: 'Augment',
    aliases: ['Augment Code', 'Augment', 'Auggie'],
    domains: ['augmentcode.com'],
    env: [
      {
        name: 'AUGMENT_AGENT',
        trust: 'agent',
        source: 'V²: cli/cli detect.go (no first-party docs)',
      },
    ],
  }),
  tool({
    id: 'pi',
    name: 'Pi',
    vendor: 'Pi',
    aliases: ['Pi Coding Agent'],
    domains: ['pi.dev'],
    emails: [{ email: 'noreply@pi.dev', source: AITTRIBUTOR }],
  }),
  tool({
    id: 'codebuff',
    name: 'Codebuff',
    vendor: 'Codebuff',
    aliases: ['Codebuff'],
    domains: ['codebuff.com'],
    emails: [{ email: 'noreply@codebuff.com', source: 'V²: chaoss KnownCoAuthorEmails' }],
    footers: [{ text: '🤖 Generated with Codebuff', source: 'V²: chaoss CodebuffAttributionText' }],
  }),
  tool({
    id: 'cody',
    name: 'Sourcegraph Cody',
    vendor: 'Sourcegraph',
    aliases: ['Sourcegraph Cody', 'Cody'],
    domains: [],
    github: [{ login: 'sourcegraph-cody[bot]', id: 201248094, source: CHAOSS_BOTS }],
  }),
  tool({
    id: 'coderabbit',
    name: 'CodeRabbit',
    vendor: 'CodeRabbit',
    aliases: ['CodeRabbit', 'coderabbitai'],
    domains: ['coderabbit.ai'],
    github: [{ login: 'coderabbitai[bot]', id: 136622811, source: CHAOSS_BOTS }],
  }),
];

/**
 * Trailer keys whose value names an AI tool. `unmapped` says what a value naming no known tool
 * means: an AI claim by an unknown tool, or nothing (the key is also used for non-AI provenance).
 */
export interface ClaimTrailer {
  key: string;
  unmapped: 'unknown' | 'none';
  source: string;
}

export const claimTrailers: readonly ClaimTrailer[] = [
  {
    key: 'Assisted-by',
    unmapped: 'unknown',
    source: 'ours; V: Linux coding-assistants.rst; V²: Fedora, OpenStack (§4)',
  },
  { key: 'Co-authored-by-AI', unmapped: 'unknown', source: 'V²: OpenLiberty (§4)' },
  { key: 'Synthesized-by', unmapped: 'unknown', source: 'U: OpenInfra board proposal (§4)' },
  { key: 'AI-used-for', unmapped: 'unknown', source: 'U: QEMU proposal (§4)' },
  {
    key: 'Entire-Agent',
    unmapped: 'unknown',
    source: 'V²: Entire CLI via chaoss constants.go (§3)',
  },
  {
    key: 'Generated-by',
    unmapped: 'none',
    source: 'V: Apache generative-tooling.md; V²: OpenStack (§4); also used for non-AI generators',
  },
  { key: 'Made-with', unmapped: 'none', source: 'V²: Cursor (§1b); generic wording' },
];

/** Trailer keys that name a person or tool by `Name <email>`; they count only by identity. */
export const identityTrailers: readonly string[] = [
  'Co-authored-by',
  'Co-developed-by',
  'Signed-off-by',
];

/** Environment variables that any agent may set under a common convention; the value names the tool. */
export const genericAgentEnv: readonly EnvSignature[] = [
  {
    name: 'AI_AGENT',
    trust: 'agent',
    source:
      'V: @vercel/detect-agent standard; VS Code Copilot github_copilot_vscode_agent (PR #320129); ' +
      'U: claude-code_<ver>_agent (§1a generic)',
  },
];

/**
 * Tools that appear in `Assisted-by:` and similar trailers but are not AI (the kernel asks for
 * coccinelle, sparse, … next to the agent). Lower case.
 */
export const nonAiTools: readonly string[] = [
  'coccinelle',
  'spatch',
  'sparse',
  'smatch',
  'checkpatch',
  'checkpatch.pl',
  'clang-tidy',
  'clang-format',
  'clang',
  'clangd',
  'llvm',
  'gcc',
  'git',
  'gdb',
  'cppcheck',
  'coverity',
  'syzkaller',
  'syzbot',
  'kasan',
  'kcsan',
  'kmsan',
  'ubsan',
  'lockdep',
  'valgrind',
  'sanitizer',
  'asan',
  'semgrep',
  'codeql',
  'shellcheck',
  'eslint',
  'prettier',
  'rustfmt',
  'clippy',
  'black',
  'ruff',
  'isort',
  'mypy',
  'pylint',
  'gofmt',
  'goimports',
  'golangci-lint',
  'sed',
  'awk',
  'perl',
  'grep',
  'make',
  'kernel-doc',
  'b4',
  'pahole',
  'bpftool',
  'sphinx',
  'vim',
  'emacs',
];

/**
 * Bots and automation that are not AI coding tools: not AI, but not a human reviewer either.
 * Any `[bot]` name or `…[bot]@users.noreply.github.com` address is a bot without being listed.
 */
export const knownBots: readonly { name?: string; email?: string; source: string }[] = [
  { email: 'noreply@github.com', source: 'GitHub web-flow committer of merges and web edits' },
  { email: 'action@github.com', source: 'actions/checkout examples ("GitHub Action")' },
  { email: 'github-actions@github.com', source: 'older github-actions identity' },
  { email: 'bot@renovateapp.com', source: 'Renovate' },
  { email: 'snyk-bot@snyk.io', source: 'Snyk' },
  { email: 'semantic-release-bot@martynus.net', source: 'semantic-release' },
  { email: 'support@dependabot.com', source: 'Dependabot (pre-GitHub)' },
  { name: 'github-actions', source: 'GitHub Actions' },
  { name: 'dependabot', source: 'Dependabot' },
  { name: 'renovate', source: 'Renovate' },
];

export interface CatalogOptions {
  /** Tool ids allowed in protected paths. */
  internal?: readonly string[];
  /** What an AI claim naming no known tool counts as. */
  unknown?: 'external' | 'ignore';
  /** The organisation's own tools, or extra signals for a builtin tool (same id). */
  extra?: readonly ExtraTool[];
}

export interface Catalog {
  readonly tools: readonly ToolDef[];
  readonly internal: readonly string[];
  readonly unknown: 'external' | 'ignore';
  get(id: string): ToolDef | undefined;
  isInternal(id: string): boolean;
}

/** The tool id of an AI claim that maps to no known tool. */
export const UNKNOWN_TOOL = 'unknown';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function createCatalog(options: CatalogOptions = {}): Catalog {
  const byId = new Map<string, ToolDef>(builtinTools.map((def) => [def.id, def]));
  const seenExtra = new Set<string>();
  (options.extra ?? []).forEach((extra, index) => {
    const where = `tools.extra[${index}]`;
    if (!KEBAB_ID.test(extra.id) || extra.id === UNKNOWN_TOOL) {
      throw new UserError(
        `${where}.id: "${extra.id}" is not a kebab-case tool id (e.g. "metacode")`,
      );
    }
    if (seenExtra.has(extra.id)) {
      throw new UserError(`${where}.id: "${extra.id}" is declared twice in tools.extra`);
    }
    seenExtra.add(extra.id);
    byId.set(extra.id, mergeExtra(byId.get(extra.id), extra, where));
  });

  const internal = [...new Set(options.internal ?? [])];
  for (const id of internal) {
    if (!byId.has(id)) {
      throw new UserError(
        `tools.internal: unknown tool "${id}" (neither built in nor declared in tools.extra)`,
      );
    }
  }
  const internalSet = new Set(internal);
  const tools = [...byId.values()];
  return {
    tools,
    internal,
    unknown: options.unknown ?? 'external',
    get: (id) => byId.get(id),
    isInternal: (id) => internalSet.has(id),
  };
}

/** An extra tool becomes a ToolDef; one that re-declares a builtin adds its signals to it. */
function mergeExtra(base: ToolDef | undefined, extra: ExtraTool, where: string): ToolDef {
  const source = `policy ${where}`;
  const env = (extra.env ?? []).map((entry): EnvSignature => {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? entry : entry.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new UserError(`${where}.env: "${entry}" is not NAME or NAME=value`);
    }
    return eq < 0
      ? { name, trust: 'agent', source }
      : { name, value: entry.slice(eq + 1), trust: 'agent', source };
  });
  const trailers = (extra.trailers ?? []).map((entry): TrailerSignature => {
    const colon = entry.indexOf(':');
    const key = (colon < 0 ? entry : entry.slice(0, colon)).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(key)) {
      throw new UserError(`${where}.trailers: "${entry}" is not a trailer key or "Key: value"`);
    }
    const value = colon < 0 ? '' : entry.slice(colon + 1).trim();
    return value ? { key, values: [value], source } : { key, source };
  });
  const emails = (extra.emails ?? []).map((email): EmailSignature => {
    if (!/^[^\s<>@]+@[^\s<>@]+$/.test(email)) {
      throw new UserError(
        `${where}.emails: "${email}" is not an email address (a * may stand for any text)`,
      );
    }
    return { email: email.toLowerCase(), source };
  });
  const branches = (extra.branches ?? []).map((prefix): BranchSignature => {
    if (!prefix || /\s/.test(prefix)) {
      throw new UserError(`${where}.branches: "${prefix}" is not a branch prefix`);
    }
    return { prefix, source };
  });
  const def: ToolDef = base ?? {
    id: extra.id,
    name: extra.name ?? extra.id,
    vendor: 'organisation',
    aliases: extra.name ? [extra.name] : [],
    ...noSignatures(),
    origin: 'extra',
  };
  return {
    ...def,
    aliases: extra.name && base ? [...def.aliases, extra.name] : def.aliases,
    env: [...def.env, ...env],
    trailers: [...def.trailers, ...trailers],
    emails: [...def.emails, ...emails],
    branches: [...def.branches, ...branches],
  };
}

/**
 * Every environment variable whose presence can make `detectEnv` report a tool: the hook shim
 * starts node only when one of these is set. Sorted, no duplicates.
 */
export function agentEnvNames(catalog: Catalog): string[] {
  const names = new Set<string>(genericAgentEnv.map((sig) => sig.name));
  for (const def of catalog.tools) {
    for (const sig of def.env) if (sig.trust === 'agent') names.add(sig.name);
  }
  return [...names].sort();
}
