// `npm run demo`: a scratch repository that shows the gate at work, using the built CLI.
//   1. a normal human commit passes `trailguard check`;
//   2. an outside agent's commit into an eval directory fails, with the reason;
//   3. the same change made with the org's internal tool and a human sign-off passes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const repo = mkdtempSync(join(tmpdir(), 'trailguard-demo-'));
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(repo, '.git', 'demo-global-config'),
  GIT_AUTHOR_NAME: 'Ada Human',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Human',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

function git(...args) {
  return execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
}

function write(path, content) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), content);
}

function commit(files, message) {
  for (const [path, content] of Object.entries(files)) write(path, content);
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', message);
  return git('rev-parse', '--short', 'HEAD').trim();
}

function check(range, expected) {
  console.log(`$ trailguard check ${range}`);
  const result = spawnSync(process.execPath, [cli, 'check', range], {
    cwd: repo,
    env,
    encoding: 'utf8',
  });
  process.stdout.write(result.stdout.replace(/^/gm, '  '));
  console.log(`  (exit ${result.status})\n`);
  if (result.status !== expected) {
    process.stderr.write(result.stderr);
    throw new Error(`expected exit ${expected} from check ${range}, got ${result.status}`);
  }
}

try {
  git('init', '-q', '--initial-branch=main');
  commit(
    { 'README.md': '# model repo\n', 'evals/README.md': 'eval tasks live here\n' },
    'Initial commit',
  );

  console.log(bold('1. A developer commits normally, with no AI tool.'));
  git('switch', '-q', '-c', 'feature/tokenizer');
  commit(
    { 'src/tokenizer.py': 'def tokenize(s):\n    return s.split()\n' },
    'Add a whitespace tokenizer',
  );
  check('main..HEAD', 0);

  console.log(
    bold(
      '2. An outside agent (Claude Code) writes an eval task (embedded default policy: evals/ is protected).',
    ),
  );
  git('switch', '-q', '-c', 'feature/eval-task', 'main');
  commit(
    { 'evals/arith/task-001.jsonl': '{"prompt": "2+2", "answer": "4"}\n' },
    'Add arithmetic eval task\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
  );
  check('main..HEAD', 1);

  console.log(
    bold("3. The same change made with the org's internal tool and signed off by a reviewer."),
  );
  git('switch', '-q', '-c', 'feature/eval-task-internal', 'main');
  commit(
    {
      '.github/trailguard.yml': [
        'version: 1',
        'protected:',
        '  - name: evals',
        '    paths: ["evals/**"]',
        'tools:',
        '  internal: [metacode]',
        '  extra:',
        '    - id: metacode',
        '      emails: [metacode-bot@example.com]',
        '',
      ].join('\n'),
    },
    'Declare the eval policy\n\nReviewed-by: Grace Reviewer <grace@example.com>\n',
  );
  commit(
    { 'evals/arith/task-001.jsonl': '{"prompt": "2+2", "answer": "4"}\n' },
    'Add arithmetic eval task\n\nAssisted-by: metacode\nReviewed-by: Grace Reviewer <grace@example.com>\n',
  );
  check('main..HEAD', 0);
  console.log(
    `Scratch repository: ${repo} (removed at exit; set TRAILGUARD_DEMO_KEEP=1 to keep it)`,
  );
} finally {
  if (!process.env.TRAILGUARD_DEMO_KEEP) rmSync(repo, { recursive: true, force: true });
}
