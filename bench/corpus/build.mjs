#!/usr/bin/env node
/**
 * Rebuilds bench/corpus/corpus.jsonl.gz from bare git mirrors of public repositories.
 *
 *   node bench/corpus/build.mjs /path/owner+name/repo ... [--out file]
 *
 * A mirror's repository is read from its path (`owner+name`). Rows are labelled by
 * bench/corpus/labels.mjs (hand-written rules, never trailguard's detector). Not part of npm test.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  TOOL_WORDS,
  VENDOR_DOMAINS,
  identities,
  labelCommit,
  nonAiBot,
  providerOf,
} from './labels.mjs';

/** Held out for acceptance: never mined, fetched or used as detection data (nor their forks/upstreams). */
const RESERVED = new Set(
  [
    'steveyegge/beads',
    'filopedraz/kosuke-core',
    'MoonLadderStudios/MoonMind',
    'google/virtual-broadcast-production-assistant',
    'CLIAI/handy_scripts_CLIAI',
    'gwpl/handy_scripts_misc',
    'anomalyco/opentui',
    'plauzy/ag-ui',
    'plauzy/cli-agent-orchestrator',
    'digitaldemocracy2030/kouchou-ai',
    'github/github-mcp-server',
    'microsoft/playwright-mcp',
    'github/spec-kit',
    'JetBrains/junie-github-action',
    'nannany/tryjunie',
    'liu-minghua/junie_vibe',
    'danishi/run-gemini-cli-test',
    'google-github-actions/run-gemini-cli',
    'badele/nix-homelab',
    'CSStipendRankings/CSStipendRankings',
    'different-ai/openwork',
    'n24q02m/mnemo-mcp',
    'aidenybai/bippy',
    'tokenbender/avataRL',
    'git/git',
    'atom/atom',
    'aws/copilot-cli',
    'makeworld-the-better-one/amfora',
    'openai/gym',
    'codex-team/editor.js',
    // Upstreams sharing history with a reserved fork.
    'sst/opentui',
    'ag-ui-protocol/ag-ui',
    'awslabs/cli-agent-orchestrator',
    'gastownhall/beads',
  ].map((name) => name.toLowerCase()),
);

/** Before GitHub Copilot's technical preview (2021-06-29): no AI coding tool wrote commits. */
const PRE_AI = '2021-06-29';
const CAP = { tool: 300, preAi: 150, hardNegative: 60 };
const MAX_MESSAGE = 20_000;

function repoOf(path) {
  const part = path.split('/').find((p) => p.includes('+'));
  if (!part)
    throw new Error(`${path}: cannot tell the repository (expected a path segment owner+name)`);
  return part.replace('+', '/');
}

function git(dir, args) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', dir, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(chunks).toString('utf8'))
        : reject(new Error(`git ${args[0]} exit ${code}`)),
    );
  });
}

const rank = (sha) => createHash('sha1').update(`corpus:${sha}`).digest('hex');

async function mine(dir) {
  const repo = repoOf(dir);
  if (RESERVED.has(repo.toLowerCase())) {
    throw new Error(`${repo} is reserved for acceptance: it must not be mined`);
  }
  const tips = new Map();
  for (const line of (
    await git(dir, ['for-each-ref', 'refs/heads', '--format=%(objectname) %(refname:short)'])
  ).split('\n')) {
    const [sha, branch] = line.split(' ');
    if (sha && branch && !tips.has(sha)) tips.set(sha, branch);
  }
  const raw = await git(dir, [
    'log',
    '--all',
    '--format=%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%aI%x1f%B%x1e',
  ]);
  const buckets = new Map();
  const put = (key, row) => {
    const list = buckets.get(key);
    if (list) list.push(row);
    else buckets.set(key, [row]);
  };
  for (const record of raw.split('\x1e')) {
    const fields = record.replace(/^\n/, '').split('\x1f');
    if (fields.length < 7) continue;
    const [sha, an, ae, cn, ce, date, body] = fields;
    const commit = {
      message: body.replace(/\r/g, '').slice(0, MAX_MESSAGE),
      author: { name: an, email: ae },
      committer: { name: cn, email: ce },
    };
    const branch = tips.get(sha);
    const base = { repo, sha, date: date.slice(0, 10), ...commit, ...(branch ? { branch } : {}) };
    const labels = labelCommit({ ...commit, branch: tips.get(sha) });
    if (labels.length) {
      const primary = labels[0];
      const [label, other] = primary.label.split(':');
      const model = labels.find((l) => l.model)?.model;
      const row = {
        ...base,
        label,
        ...(other ? { other } : {}),
        ...(labels.length > 1 ? { also: labels.slice(1).map((l) => l.label) } : {}),
        how: labels.map((l) => l.how).join('; '),
        ...(model ? { model, provider: providerOf(model) } : {}),
      };
      put(`ai:${primary.label}`, row);
      continue;
    }
    if (date < PRE_AI) {
      put('pre-ai', {
        ...base,
        label: 'human',
        how: `pre-AI era (before ${PRE_AI}), no AI signature by the labelling rules`,
      });
      continue;
    }
    const ids = identities(commit);
    const people = ids.filter((i) => i.email !== 'noreply@github.com');
    let kind;
    if (nonAiBot(commit))
      kind = ['bot', 'non-AI bot account (dependency, release, formatting or SDK generator)'];
    else if (
      TOOL_WORDS.test(commit.message) ||
      TOOL_WORDS.test(an) ||
      TOOL_WORDS.test(cn) ||
      (branch && TOOL_WORDS.test(branch))
    )
      kind = ['words', 'tool word in prose, name or branch'];
    else if (people.some((i) => VENDOR_DOMAINS.test(`@${i.email.split('@')[1] ?? ''}`)))
      kind = ['vendor', 'a person at an AI/tool vendor domain'];
    else if (ids.some((i) => i.role === 'co-authored-by')) kind = ['coauthor', 'human co-author'];
    if (kind)
      put(`hard:${kind[0]}`, {
        ...base,
        label: 'human',
        how: `hard negative: ${kind[1]}, no AI signature`,
      });
  }
  const rows = [];
  for (const [key, list] of buckets) {
    const cap =
      key === 'pre-ai' ? CAP.preAi : key.startsWith('hard:') ? CAP.hardNegative : CAP.tool;
    list.sort((a, b) => (rank(a.sha) < rank(b.sha) ? -1 : 1));
    rows.push(...list.slice(0, cap));
  }
  return rows;
}

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out =
    outAt >= 0
      ? args.splice(outAt, 2)[1]
      : join(dirname(fileURLToPath(import.meta.url)), 'corpus.jsonl.gz');
  if (!args.length) {
    console.error('usage: node bench/corpus/build.mjs <mirror git dir>... [--out file]');
    process.exit(2);
  }
  for (const dir of args) {
    if (RESERVED.has(repoOf(dir).toLowerCase())) {
      console.error(`refused: ${repoOf(dir)} is reserved for acceptance and must not be mined`);
      process.exit(2);
    }
  }
  const rows = [];
  for (const dir of args) {
    const mined = await mine(dir);
    console.error(`${repoOf(dir)}: ${mined.length} rows`);
    rows.push(...mined);
  }
  rows.sort((a, b) => a.repo.localeCompare(b.repo) || a.sha.localeCompare(b.sha));
  const jsonl = rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
  writeFileSync(out, gzipSync(jsonl, { level: 9 }));
  const byLabel = {};
  for (const row of rows) {
    const key = row.other ? `other-ai:${row.other}` : row.label;
    byLabel[key] = (byLabel[key] ?? 0) + 1;
  }
  console.error(
    `${rows.length} rows from ${new Set(rows.map((r) => r.repo)).size} repositories -> ${out}`,
  );
  console.error(JSON.stringify(byLabel));
}

await main();
