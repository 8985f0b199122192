// Benchmark (not a test): trailguard's commit detection against the labelled corpus of real
// commits in bench/corpus/ (see its README). Prints recall and precision per tool, recall for AI
// tools outside the catalog ("other AI"), false positives among human rows, and the confusion
// between tools.
//
//   npm run bench:detect [-- --corpus FILE] [--show-misses N] [--json]
import { readFileSync } from 'node:fs';
import { importSources } from './import-sources.mjs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(ROOT, 'bench', 'corpus', 'corpus.jsonl.gz') },
    'show-misses': { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});

const pct = (n, d) => (d ? (n / d).toFixed(3) : '  -  ');

async function main() {
  const { detectCommit, createCatalog } = await importSources({
    './src/core/detect.ts': ['detectCommit'],
    './src/core/catalog.ts': ['createCatalog'],
  });
  const catalog = createCatalog();
  const known = new Set(catalog.tools.map((t) => t.id));
  const rows = gunzipSync(readFileSync(values.corpus))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

  /** Per label: rows, hits, and for tools the rows the detector named it on. */
  const recall = new Map();
  const predicted = new Map(); // tool -> { all, correct }
  const confusion = new Map(); // "label -> detected" -> count
  const misses = new Map();
  const falsePositives = [];
  let providerRows = 0;
  let providerRight = 0;
  const providerWrong = [];
  const started = process.hrtime.bigint();

  for (const row of rows) {
    const signals = detectCommit(
      { message: row.message, author: row.author, committer: row.committer, branch: row.branch },
      catalog,
    );
    const tools = new Set(signals.map((s) => s.tool));
    const labels =
      row.label === 'human' ? [] : [row.label, ...(row.also ?? [])].map((l) => l.split(':')[0]);
    const catalogLabels = labels.filter((l) => known.has(l));
    // A label the catalog does not name is "other AI": any AI signal finds it.
    const key = row.label === 'human' ? 'human' : known.has(row.label) ? row.label : 'other AI';
    const entry = recall.get(key) ?? { rows: 0, hits: 0, repos: new Set() };
    entry.rows += 1;
    entry.repos.add(row.repo);
    const hit =
      key === 'human'
        ? tools.size === 0
        : key === 'other AI'
          ? tools.size > 0
          : tools.has(row.label);
    if (hit) entry.hits += 1;
    else {
      const list = misses.get(key) ?? [];
      list.push({ row, signals });
      misses.set(key, list);
    }
    recall.set(key, entry);
    if (key === 'human' && tools.size) falsePositives.push({ row, signals });
    for (const tool of tools) {
      const p = predicted.get(tool) ?? { all: 0, correct: 0 };
      p.all += 1;
      if (labels.includes(tool) || (key === 'other AI' && !catalogLabels.length)) p.correct += 1;
      else if (key !== 'human') {
        const pair = `${row.label} -> ${tool}`;
        confusion.set(pair, (confusion.get(pair) ?? 0) + 1);
      }
      predicted.set(tool, p);
    }
    if (row.provider && key !== 'human') {
      providerRows += 1;
      const found = new Set(signals.map((s) => s.provider).filter(Boolean));
      if (found.has(row.provider)) providerRight += 1;
      else providerWrong.push({ row, found: [...found] });
    }
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;

  if (values.json) {
    const out = {};
    for (const [key, e] of recall) out[key] = { rows: e.rows, hits: e.hits, repos: e.repos.size };
    process.stdout.write(
      JSON.stringify({ recall: out, falsePositives: falsePositives.length }) + '\n',
    );
    return;
  }
  const repos = new Set(rows.map((r) => r.repo)).size;
  console.log(`corpus: ${rows.length} commits from ${repos} repositories (${values.corpus})`);
  console.log(
    `detection: ${ms.toFixed(0)} ms for ${rows.length} commits (${((ms * 1000) / rows.length).toFixed(1)} µs each)\n`,
  );
  console.log('label                 rows  repos  recall  precision');
  const order = [...recall.keys()].sort((a, b) =>
    a === 'human'
      ? 1
      : b === 'human'
        ? -1
        : a === 'other AI'
          ? 1
          : b === 'other AI'
            ? -1
            : a.localeCompare(b),
  );
  for (const key of order) {
    const e = recall.get(key);
    const p = predicted.get(key);
    const precision = key === 'human' ? pct(e.hits, e.rows) : p ? pct(p.correct, p.all) : '  -  ';
    const name = key === 'human' ? 'human (no signal)' : key;
    console.log(
      `${name.padEnd(20)} ${String(e.rows).padStart(5)} ${String(e.repos.size).padStart(6)}  ${pct(e.hits, e.rows)}  ${precision}`,
    );
  }
  const human = recall.get('human');
  if (human) {
    console.log(
      `\nhuman precision: ${pct(human.rows - falsePositives.length, human.rows)} (${falsePositives.length} false positives among ${human.rows} human rows)`,
    );
  }
  const aiRows = [...recall].filter(([k]) => k !== 'human').reduce((n, [, e]) => n + e.rows, 0);
  const aiHits = [...recall].filter(([k]) => k !== 'human').reduce((n, [, e]) => n + e.hits, 0);
  console.log(`AI rows found (any tool): ${aiHits}/${aiRows}`);
  if (providerRows) {
    console.log(
      `provider resolved right: ${providerRight}/${providerRows} rows whose evidence names a model`,
    );
  }
  if (confusion.size) {
    console.log('\nconfusion (labelled -> also detected as another tool):');
    for (const [pair, n] of [...confusion].sort((a, b) => b[1] - a[1]))
      console.log(`  ${pair}: ${n}`);
  }
  const show = Number(values['show-misses']);
  if (show > 0) {
    for (const { row, signals } of falsePositives.slice(0, show * 5)) {
      console.log(`\nFALSE POSITIVE ${row.repo} ${row.sha.slice(0, 10)} (${row.how})`);
      for (const s of signals) console.log(`  ${s.tool} ${s.kind}: ${s.evidence}`);
    }
    for (const [key, list] of misses) {
      if (key === 'human') continue;
      for (const { row } of list.slice(0, show)) {
        const first = row.message.split('\n')[0].slice(0, 80);
        console.log(
          `\nMISS ${key} ${row.repo} ${row.sha.slice(0, 10)}: ${first}\n  how: ${row.how}`,
        );
      }
    }
    for (const { row, found } of providerWrong.slice(0, show)) {
      console.log(
        `\nPROVIDER ${row.repo} ${row.sha.slice(0, 10)} model "${row.model}": want ${row.provider}, got ${found.join(',') || 'none'}`,
      );
    }
  }
}

await main();
