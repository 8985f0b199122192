import { relative, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { LedgerEntry } from '../core/types.js';
import { discoverRepo, repoPath, type RepoFacts } from '../git/discover.js';
import { git } from '../git/exec.js';
import { dropEntries, readLedger, summarizeLedger } from '../state/ledger.js';
import { settleLedger } from '../state/ledger-settle.js';
import { sharedStatePath } from '../state/paths.js';
import { EXIT, parseVerb, requireFormat, type CliIO, type Verb } from './io.js';

const help = `usage: trailguard ledger [--repo DIR] [--format text|json]
       trailguard ledger drop PATH... --reason TEXT [--repo DIR]

The agent ledger: files AI agents edited that are not committed yet. A commit of one of them gets
the agent's Assisted-by trailer, and the local policy judges it as the agent's work.
An entry leaves by itself once a commit made in its work tree takes the file, or once the file is
back to its committed content (git restore); the next commit, or listing the ledger, settles that
for this work tree.
drop removes the entries of files no agent content remains in (you rewrote the file by hand) and
logs who dropped which entries, when and why in <git-common-dir>/trailguard/ledger-drops.jsonl.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('ledger', args, io, help, {
    repo: { type: 'string' },
    format: { type: 'string', default: 'text' },
    reason: { type: 'string' },
  });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  const repo = await discoverRepo(resolve(io.cwd, values.repo ?? '.'), io.env);
  const [action, ...paths] = positionals;
  if (action === 'drop') return drop(repo, paths, values.reason, io);
  if (action !== undefined) {
    throw new UserError(`ledger: unknown action "${action}" — ${help.split('\n')[0]}`);
  }
  if (values.reason !== undefined) throw new UserError('ledger: --reason goes with drop');
  const format = requireFormat('ledger', values.format, ['text', 'json'] as const);
  const { committed, lapsed } = await settleLedger(repo);
  const pending = summarizeLedger(readLedger(repo.commonDir));
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          pending,
          committed: [...new Set(committed.map((entry) => entry.path))],
          lapsed: [...new Set(lapsed.map((entry) => entry.path))],
        },
        null,
        2,
      ) + '\n',
    );
    return EXIT.ok;
  }
  for (const path of new Set(committed.map((entry) => entry.path)))
    io.stdout(`trailguard: committed: ${path} (a commit made after the edit carries it)\n`);
  for (const path of new Set(lapsed.map((entry) => entry.path)))
    io.stdout(`trailguard: lapsed: ${path} is back to its committed content\n`);
  if (pending.length === 0) {
    io.stdout('trailguard: the agent ledger is empty: no agent edit waits to be committed\n');
    return EXIT.ok;
  }
  io.stdout('trailguard: agent edits not yet committed (their commit gets Assisted-by):\n');
  for (const file of pending) {
    const tools = file.tools.map(
      ({ tool, models, edits, last }) =>
        `${[tool, ...models].join(':')} (${edits} edit${edits === 1 ? '' : 's'}, last ${last})`,
    );
    io.stdout(`  ${file.path}  ${tools.join(', ')}\n`);
  }
  io.stdout(
    'If no agent content remains in a file: trailguard ledger drop PATH... --reason TEXT (logged)\n',
  );
  return EXIT.ok;
};

/** Who is dropping: the identity git would commit with (git config user.name / user.email). */
async function dropper(repo: RepoFacts): Promise<{ name: string; email: string }> {
  let ident: string;
  try {
    ident = await git(['var', 'GIT_COMMITTER_IDENT'], { cwd: repo.top, env: repo.env });
  } catch {
    ident = '';
  }
  const match = /^(.*?)\s*<([^<>]+)>/.exec(ident);
  if (!match || match[1] === '') {
    throw new UserError(
      'ledger drop: a drop is logged with who made it, and git has no identity: git config user.name "Your Name" && git config user.email you@example.com',
    );
  }
  return { name: match[1]!, email: match[2]! };
}

async function drop(
  repo: RepoFacts,
  given: string[],
  reason: string | undefined,
  io: CliIO,
): Promise<number> {
  if (given.length === 0)
    throw new UserError(
      'ledger drop: name the files, e.g. trailguard ledger drop evals/task.jsonl --reason "rewritten by hand"',
    );
  if (reason === undefined || reason.trim() === '') {
    throw new UserError(
      'ledger drop: --reason TEXT is required (it is logged with the drop), e.g. --reason "rewritten by hand"',
    );
  }
  const paths = given.map((path) => {
    const inside = repoPath(path, io.cwd, repo);
    if (inside === undefined)
      throw new UserError(`ledger drop: ${path} is outside the work tree ${repo.top}`);
    return inside;
  });
  const recorded = new Set(readLedger(repo.commonDir).map((entry) => entry.path));
  const unknown = paths.filter((path) => !recorded.has(path));
  if (unknown.length > 0) {
    throw new UserError(
      `ledger drop: no ledger entry for ${unknown.join(', ')}; nothing was dropped (trailguard ledger lists the entries)`,
    );
  }
  const by = await dropper(repo);
  const dropped = dropEntries(repo.commonDir, new Set(paths), {
    time: new Date().toISOString(),
    by,
    reason: reason.trim(),
  });
  if (dropped.length === 0) {
    throw new UserError(
      'ledger drop: the ledger is locked by another trailguard process; nothing was dropped, try again',
    );
  }
  const log = relative(io.cwd, sharedStatePath(repo.commonDir, 'ledgerDrops')) || '.';
  io.stdout(`trailguard: dropped ${describe(dropped)}; logged in ${log}\n`);
  return EXIT.ok;
}

function describe(entries: LedgerEntry[]): string {
  const files = new Map<string, Set<string>>();
  for (const { path, tool } of entries) files.set(path, (files.get(path) ?? new Set()).add(tool));
  const listed = [...files].map(([path, tools]) => `${path} (${[...tools].join(', ')})`);
  return `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}: ${listed.join(', ')}`;
}
