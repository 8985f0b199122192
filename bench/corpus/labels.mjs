/**
 * Labelling rules for the detection corpus. Written by hand from what each tool writes (its
 * documented or observed signature, its bot account, a project's stated convention) and kept
 * apart from src/: labels must not come from the detector they measure.
 *
 * A rule reads one commit ({ message, author, committer }) and answers a match
 * ({ model? }) or nothing. Labels are tool ids as the catalog spells them, or "other-ai" for a
 * tool the catalog does not name (the row keeps the tool's name in `other`).
 */

const lines = (message) =>
  message.split(/\n|\\n/).map((l) => l.replace(/^[\s*+>-]+/, '').trimEnd());

/** Every "Key: Name <email>" identity trailer of a message, plus author and committer. */
function identities(commit) {
  const out = [
    { role: 'author', name: commit.author.name, email: commit.author.email.toLowerCase() },
    { role: 'committer', name: commit.committer.name, email: commit.committer.email.toLowerCase() },
  ];
  for (const line of lines(commit.message)) {
    const m =
      /^(co-authored-by|co-developed-by|assisted-by|signed-off-by)\s*:\s*(.*?)\s*<([^<>]*)>/i.exec(
        line,
      );
    if (m) out.push({ role: m[1].toLowerCase(), name: m[2], email: m[3].toLowerCase() });
    // Some agents drop the angle brackets: "Co-authored-by: OpenHands-GPT-5 openhands@all-hands.dev".
    const bare = /^(co-authored-by)\s*:\s*(.*?)\s+(\S+@\S+)$/i.exec(line);
    if (!m && bare)
      out.push({ role: bare[1].toLowerCase(), name: bare[2], email: bare[3].toLowerCase() });
  }
  return out;
}

const login = (email) => /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(email)?.[1];

/** A model named in an identity name or claim, as written ("Claude Opus 4.6", "gpt-5", "GLM-5"). */
function modelIn(text) {
  const m =
    /\b(claude[\s-]+(?:code[\s-]+)?(?:opus|sonnet|haiku|fable)?[\s-]*[\d.]+(?:[\s-]+(?:opus|sonnet|haiku))?|(?:opus|sonnet|haiku)[\s-]*[\d.]+|gpt-?[\d.]+(?:-[a-z]+)*|o[134](?:-mini|-pro)?|gemini[\s-]+[\d.]+(?:[\s-]+(?:pro|flash))?|qwen[\w.-]*|glm-?[\d.]+|deepseek[\w.-]*|kimi[\w.-]*|grok[\w.-]*|devstral[\w.-]*|mistral[\w.-]*|codestral[\w.-]*|llama[\w.-]*|minimax[\w.-]*)/i.exec(
      text,
    );
  return m?.[1].trim();
}

/** The provider a model name belongs to (labeller's own table). */
export function providerOf(model) {
  if (!model) return undefined;
  const m = model.toLowerCase();
  if (/claude|opus|sonnet|haiku|fable/.test(m)) return 'anthropic';
  if (/gpt|^o[134]|codex/.test(m)) return 'openai';
  if (/gemini/.test(m)) return 'google';
  if (/qwen/.test(m)) return 'alibaba';
  if (/glm/.test(m)) return 'zhipu';
  if (/deepseek/.test(m)) return 'deepseek';
  if (/kimi/.test(m)) return 'moonshot';
  if (/grok/.test(m)) return 'xai';
  if (/devstral|mistral|codestral/.test(m)) return 'mistral';
  if (/llama/.test(m)) return 'meta';
  if (/minimax/.test(m)) return 'minimax';
  return undefined;
}

/** Identity rules: [label, how, test(identity) → model | true | false]. */
const identityRules = [
  [
    'claude-code',
    'Claude Code co-author/author address noreply@anthropic.com (documented default)',
    (i) =>
      i.email === 'noreply@anthropic.com' &&
      (/qwen|kimi|glm|deepseek/i.test(i.name) ? false : (modelIn(i.name) ?? true)),
  ],
  [
    'claude-code',
    'Claude identity at anthropic.com named as the tool (agent-configured identity)',
    (i) =>
      /@anthropic\.com$/.test(i.email) &&
      /^claude(\s+(code|assistant|ai|agent))?$/i.test(i.name.trim()),
  ],
  [
    'claude-code',
    'claude[bot] / claude-code-action GitHub App account',
    (i) => /^(claude|anthropic-claude|claude-code-action)\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'cursor',
    'Cursor agent address cursoragent@cursor.com',
    (i) => i.email === 'cursoragent@cursor.com',
  ],
  ['cursor', 'cursor[bot] GitHub App', (i) => /^cursor\[bot\]$/i.test(login(i.email) ?? i.name)],
  [
    'copilot',
    'Copilot account (<id>+Copilot noreply: coding agent, CLI, Autofix, review suggestions)',
    (i) => /^copilot$/i.test(login(i.email) ?? ''),
  ],
  [
    'copilot',
    'copilot-swe-agent[bot] account',
    (i) => /^copilot-swe-agent\[bot\]$/i.test(i.name.trim()),
  ],
  [
    'copilot',
    'VS Code Copilot co-author copilot@github.com',
    (i) => i.email === 'copilot@github.com',
  ],
  [
    'copilot',
    'Copilot Autofix co-author (code scanning autofix)',
    (i) => /^copilot autofix\b/i.test(i.name.trim()),
  ],
  [
    'other-ai:agent-account',
    'an agent account by its name (login ending -agent, name "… Agent")',
    (i) => /-agent(\[bot\])?$/i.test(login(i.email) ?? '') && /\bagent\b/i.test(i.name),
  ],
  [
    'devin',
    'devin-ai-integration[bot] account',
    (i) => /^devin-ai-integration\[bot\]$/i.test(login(i.email) ?? ''),
  ],
  [
    'jules',
    'google-labs-jules[bot] account',
    (i) => /^google-labs-jules\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'openhands',
    'OpenHands agent address openhands@all-hands.dev',
    (i) => i.email === 'openhands@all-hands.dev',
  ],
  [
    'openhands',
    'openhands-agent account',
    (i) => /^openhands-agent$/i.test(login(i.email) ?? i.name.trim()),
  ],
  [
    'aider',
    'aider "(aider)" name suffix (--attribute-author/committer)',
    (i) => /\(aider\)\s*$/i.test(i.name),
  ],
  [
    'aider',
    'aider co-author address',
    (i) => /^(aider|noreply)@aider\.(chat|dev)$/.test(i.email) && (modelIn(i.name) ?? true),
  ],
  ['amp', 'Amp co-author amp@ampcode.com', (i) => i.email === 'amp@ampcode.com'],
  ['roo-code', 'Roomote address roomote@roocode.com', (i) => i.email === 'roomote@roocode.com'],
  [
    'roo-code',
    'roomote[bot] account (Roo Code cloud agent)',
    (i) => /^roomote(-v0)?\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'factory-droid',
    'factory-droid[bot] account (Factory Droid)',
    (i) => /^factory-droid\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'kiro',
    'Kiro agent identity (kiro-agent account, agent@kiro.dev)',
    (i) => /^kiro-agent$/i.test(login(i.email) ?? '') || i.email === 'agent@kiro.dev',
  ],
  [
    'junie',
    'jetbrains-junie[bot] account',
    (i) => /^jetbrains-junie\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'gemini-code-assist',
    'gemini-code-assist[bot] review suggestion',
    (i) => /^gemini-code-assist\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'gemini-cli',
    'gemini-cli GitHub account (run-gemini-cli)',
    (i) => /^gemini-cli(\[bot\])?$/i.test(login(i.email) ?? i.name.trim()),
  ],
  [
    'opencode',
    'OpenCode address/account',
    (i) =>
      i.email === 'noreply@opencode.ai' ||
      /^opencode-agent\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'codex',
    'Codex identity (noreply@openai.com named Codex, Codex bot accounts)',
    (i) =>
      (i.email === 'noreply@openai.com' && /codex/i.test(i.name)) ||
      /^(chatgpt-codex-connector|openai-codex|codex)\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  ['sageox', 'SageOx co-author ox@sageox.ai', (i) => i.email === 'ox@sageox.ai'],
  [
    'nori',
    'Nori co-author at tilework.tech',
    (i) => /^nori$/i.test(i.name.trim()) && /@tilework\.tech$/.test(i.email),
  ],
  [
    'crush',
    'Crush address crush@charm.land',
    (i) => i.email === 'crush@charm.land' && (modelIn(i.name) ?? true),
  ],
  [
    'sisyphus',
    'Sisyphus agent account sisyphus-dev-ai',
    (i) => /^sisyphus-dev-ai$/i.test(login(i.email) ?? ''),
  ],
  [
    'warp',
    'Warp agent address (Oz, agent@warp.dev)',
    (i) => /^(oz-agent|agent)@warp\.dev$/.test(i.email),
  ],
  ['windsurf', 'Windsurf address', (i) => /^(windsurf|noreply)@codeium\.com$/.test(i.email)],
  [
    'qwen-code',
    'Qwen Code co-author qwen-coder@alibabacloud.com',
    (i) => i.email === 'qwen-coder@alibabacloud.com',
  ],
  [
    'cline',
    'Cline address/account',
    (i) =>
      i.email === 'noreply@cline.bot' || /^cline(-cloud)?\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'kilo-code',
    'Kilo Code cloud agent address agent@kilocode.ai',
    (i) => i.email === 'agent@kilocode.ai',
  ],
  [
    'kilo-code',
    'kiloconnect[bot] (Kilo Code cloud agent)',
    (i) => /^kiloconnect\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'coderabbit',
    'coderabbitai[bot] suggestion',
    (i) => /^coderabbitai\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'augment',
    'Augment app account',
    (i) => /^(augmentcode|augment-app|augment-app-staging)\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'terragon',
    'terragon-labs[bot] (Terragon agent)',
    (i) => /^terragon-labs\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'happy',
    'Happy coder co-author yesreply@happy.engineering',
    (i) => i.email === 'yesreply@happy.engineering',
  ],
  [
    'ellipsis',
    'ellipsis-dev[bot] AI review suggestion',
    (i) => /^ellipsis-dev\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
  [
    'greptile',
    'greptile-apps[bot] AI review suggestion',
    (i) => /^greptile-apps\[bot\]$/i.test(login(i.email) ?? i.name),
  ],
];

/** Message-line rules: [label, how, RegExp on a trimmed line, model group?]. */
const lineRules = [
  [
    'claude-code',
    'Claude Code footer "Generated with [Claude Code]"',
    /generated with \[?claude code\]?/i,
  ],
  ['claude-code', 'Claude-Session trailer (Claude Code web)', /^claude-session:\s*\S/i],
  ['cursor', 'Made-with: Cursor trailer', /^made-with:\s*cursor\s*$/i],
  ['copilot', 'Copilot-Session trailer', /^copilot-session:\s*\S/i],
  ['amp', 'Amp-Thread-ID trailer', /^amp-thread(-id)?:\s*\S/i],
  ['aider', 'aider: subject prefix', /^aider: /],
  ['opencode', 'OpenCode footer', /generated (?:with|by) (?:assistance of )?\[?opencode\]?/i],
  ['sageox', 'SageOx-Session trailer', /^sageox-session:\s*\S/i],
  ['nori', 'Nori footer "Generated with [Nori]"', /generated with \[?nori\]?/i],
  ['crush', 'Crush footer "Generated with Crush"', /generated with crush\b/i],
  [
    'crush',
    'Crush claim trailer (Assisted-by: Crush:model / model via Crush)',
    /^assisted-by:\s*(?:crush:(.+)|(.+?)\s+via crush\b)/i,
  ],
  [
    'sisyphus',
    'oh-my-opencode footer (Sisyphus)',
    /generated with (assistance of )?\[?oh-?my-?opencode\]?/i,
  ],
  [
    'other-ai:bare-sign-off',
    'manual reading: a sign-off or co-author naming an AI with no address',
    /^(?:signed-off-by|co-authored-by):\s*(?:claude|gemini|copilot|cursor|codex|chatgpt|devin|jules|aider)\s*$/i,
  ],
  ['crush', "termai footer (Crush's predecessor)", /generated with termai\b/i],
  [
    'other-ai:assisted-by-model',
    'Assisted-by trailer naming a model (project convention)',
    /^assisted-by:\s*(?!crush)(.*\b(?:claude|opus|sonnet|haiku|fable|gpt|gemini|qwen|glm|deepseek|kimi|grok|llama|codex|copilot|cursor)\b.*)$/i,
  ],
];

/** Branch prefixes tools document for their own branches (claude-code-action, Codex app/cloud, Copilot coding agent, …). */
const branchRules = [
  ['claude-code', 'claude/'],
  ['codex', 'codex/'],
  ['copilot', 'copilot/'],
  ['cursor', 'cursor/'],
  ['devin', 'devin/'],
  ['cline', 'cline/'],
];

function branchesOf(commit) {
  const out = [];
  if (commit.branch) out.push(['branch tip', commit.branch]);
  const subject = commit.message.split('\n', 1)[0];
  const m = /^Merge (?:pull request #\d+ from [^\s/]+\/(\S+)|branch '([^']+)')/.exec(subject);
  if (m) out.push(['merged branch', m[1] ?? m[2]]);
  return out;
}

/** Labels (possibly several) for a commit, with how and model. */
export function labelCommit(commit) {
  const found = new Map();
  const add = (label, how, model) => {
    const prev = found.get(label);
    if (!prev)
      found.set(label, { label, how, model: typeof model === 'string' ? model : undefined });
    else if (!prev.model && typeof model === 'string') prev.model = model;
  };
  for (const id of identities(commit)) {
    for (const [label, how, test] of identityRules) {
      const r = test(id);
      if (r) add(label, `${how} [${id.role}]`, r);
    }
  }
  for (const line of lines(commit.message)) {
    for (const [label, how, re] of lineRules) {
      const m = re.exec(line);
      if (m) add(label, how, modelIn(m[1] ?? m[2] ?? line));
    }
  }
  for (const [where, branch] of branchesOf(commit)) {
    for (const [label, prefix] of branchRules) {
      if (branch.toLowerCase().startsWith(prefix))
        add(label, `documented agent branch prefix ${prefix} (${where})`);
    }
  }
  // The agent-account rule is for tools no other rule names.
  if ([...found.keys()].some((label) => !label.startsWith('other-ai')))
    found.delete('other-ai:agent-account');
  // A Crush claim names Claude ("Claude Opus 4.5 via Crush <crush@charm.land>"): the tool is Crush.
  if (found.has('crush')) found.delete('other-ai:assisted-by-model');
  return [...found.values()];
}

/** Bots that are not AI tools (release, dependency, formatting, code generation). */
export function nonAiBot(commit) {
  const who = `${commit.author.name} <${commit.author.email}>`.toLowerCase();
  return /dependabot|renovate|github-actions|stainless|autofix-ci|allcontributors|release-please|semantic-release|gemini-cli-robot|pre-commit-ci|mergify|snyk-bot|greenkeeper|imgbot|web-flow/.test(
    who,
  );
}

/** Words that name AI tools in prose or in people's names: hard negatives when nothing signs. */
export const TOOL_WORDS =
  /\b(claude|cursor|copilot|gemini|codex|devin|jules|junie|kiro|aider|cline|roo|windsurf|cascade|warp|goose|amp|zed|augment|droid|openhands|opencode|crush|nori|sisyphus|qwen|llm|gpt|chatgpt|openai|anthropic|agent|ai)\b/i;

/** Vendor domains whose employees commit as humans. */
export const VENDOR_DOMAINS =
  /@(?:[\w-]+\.)*(anthropic\.com|openai\.com|google\.com|github\.com|microsoft\.com|cursor\.com|anysphere\.co|jetbrains\.com|amazon\.com|sourcegraph\.com|cline\.bot|factory\.ai|sageox\.ai|tilework\.tech|all-hands\.dev|roocode\.com|charm\.land|gumroad\.com)$/i;

export { identities, modelIn };
