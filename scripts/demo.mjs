// `npm run demo`: a scratch repository that shows trailguard at work, with the built CLI:
//   1. with the git hooks installed, a normal commit is left as it is;
//   2. a commit Claude Code makes gets its `Assisted-by:` trailer by itself;
//   3. the agent guard refuses Claude Code's edit to a protected eval file, before it happens;
//   4. the commit hook refuses the agent's eval commit (the policy says block);
//   5. made where no hooks ran, `trailguard check` (what CI runs, with the policy read at the
//      range's base as CI reads it) fails it, with the reason;
//   6. the same change with the org's internal tool and a human sign-off passes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'trailguard-demo-'));
const repo = join(scratch, 'repo');
// A clean environment: no agent variables of the terminal running the demo, no user git config.
const env = {
  PATH: process.env.PATH,
  HOME: scratch,
  LANG: 'C.UTF-8',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(scratch, 'gitconfig'),
  GIT_AUTHOR_NAME: 'Ada Human',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Human',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};
const CLAUDE_CODE = { CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli' };
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (text) => (color ? `\x1b[1m${text}\x1b[0m` : text);
const indent = (text) => text.replace(/^(?=.)/gm, '  ');

function git(args, extraEnv = {}) {
  return execFileSync('git', args, { cwd: repo, env: { ...env, ...extraEnv }, encoding: 'utf8' });
}

function write(path, content) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), content);
}

/** Commits through the installed hooks (no --no-verify): what the developer's git does. */
function commit(files, message, extraEnv = {}) {
  for (const [path, content] of Object.entries(files)) write(path, content);
  git(['add', '-A']);
  git(['commit', '-q', '-m', message], extraEnv);
  console.log(indent(`$ git log -1 --format=%B\n${git(['log', '-1', '--format=%B']).trim()}\n`));
}

/** The CLI as a user runs it; shows the command, its output and exit code, and checks the code. */
function trailguard(args, expected, { input, shown = args.join(' '), extraEnv = {} } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: repo,
    env: { ...env, ...extraEnv },
    input,
    encoding: 'utf8',
  });
  console.log(
    indent(`$ trailguard ${shown}\n${result.stdout}${result.stderr}(exit ${result.status})\n`),
  );
  if (result.status !== expected) {
    throw new Error(`expected exit ${expected} from trailguard ${shown}, got ${result.status}`);
  }
}

let failed = false;
try {
  mkdirSync(repo);
  git(['init', '-q', '--initial-branch=main']);
  write('README.md', '# model repo\n');
  write('evals/README.md', 'eval tasks live here\n');
  write(
    '.github/trailguard.yml',
    [
      'version: 1',
      'protected:',
      '  - name: evals',
      '    paths: ["evals/**"]',
      'tools:',
      '  internal: [metacode]',
      '  extra:',
      '    - id: metacode',
      '      emails: [metacode-bot@example.com]',
      'local:',
      '  on-violation: block # the agent guard refuses instead of warning',
      '',
    ].join('\n'),
  );
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Initial commit']);

  console.log(
    bold('1. Install the git hooks; a developer commits as always, no AI tool involved.'),
  );
  trailguard(['install'], 0);
  git(['switch', '-q', '-c', 'feature/tokenizer']);
  commit({ 'src/tokenizer.py': 'def tokenize(s):\n    return s.split()\n' }, 'Add a tokenizer');

  console.log(bold('2. Claude Code commits: the Assisted-by trailer appears by itself.'));
  commit(
    { 'src/tokenizer.py': 'def tokenize(s):\n    return s.lower().split()\n' },
    'Lower-case tokens',
    CLAUDE_CODE,
  );

  console.log(
    bold('3. Claude Code tries to write an eval task: its own hook asks the guard, which refuses.'),
  );
  const payload = JSON.stringify({
    session_id: 'demo',
    cwd: repo,
    hook_event_name: 'PreToolUse',
    tool_name: 'Write',
    tool_input: { file_path: join(repo, 'evals/arith/task-001.jsonl'), content: '{}\n' },
  });
  trailguard(['agent-hook', 'claude'], 2, {
    input: payload,
    shown: 'agent-hook claude   # what .claude/settings.json runs, the edit as JSON on stdin',
  });

  console.log(bold('4. Claude Code commits an eval task anyway: the commit hook refuses it too.'));
  git(['switch', '-q', '-c', 'feature/eval-task', 'main']);
  write('evals/arith/task-001.jsonl', '{"prompt": "2+2", "answer": "4"}\n');
  git(['add', '-A']);
  const refused = spawnSync('git', ['commit', '-q', '-m', 'Add arithmetic eval task'], {
    cwd: repo,
    env: { ...env, ...CLAUDE_CODE },
    encoding: 'utf8',
  });
  console.log(
    indent(
      `$ git commit -m 'Add arithmetic eval task'\n${refused.stderr}(exit ${refused.status})\n`,
    ),
  );
  if (refused.status === 0) throw new Error('the commit hook let the eval commit through');

  console.log(
    bold(
      "5. From a clone without the hooks (Claude Code's own footer): check, what CI runs, fails it.",
    ),
  );
  commit({}, 'Add arithmetic eval task\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'core.hooksPath',
    GIT_CONFIG_VALUE_0: join(scratch, 'no-hooks'),
  });
  trailguard(['check', 'main..HEAD'], 1);

  console.log(
    bold("6. The same change with the org's internal tool, signed off by a reviewer, passes."),
  );
  git(['switch', '-q', '-c', 'feature/eval-task-internal', 'main']);
  commit(
    { 'evals/arith/task-001.jsonl': '{"prompt": "2+2", "answer": "4"}\n' },
    'Add arithmetic eval task\n\nAssisted-by: metacode\nReviewed-by: Grace Reviewer <grace@example.com>\n',
  );
  trailguard(['check', 'main..HEAD'], 0);
} catch (error) {
  failed = true;
  console.error(`demo failed: ${error.message}`);
} finally {
  if (process.env.TRAILGUARD_DEMO_KEEP) {
    console.log(`The scratch repository is kept: ${repo}`);
  } else {
    rmSync(scratch, { recursive: true, force: true });
    console.log('The scratch repository was removed (TRAILGUARD_DEMO_KEEP=1 keeps it).');
  }
}
process.exitCode = failed ? 1 : 0;
