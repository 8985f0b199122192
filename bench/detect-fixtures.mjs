// Figures (not a test): per-tool detection over the hand-written fixtures in test/fixtures/commits
// (bench:detect measures the labelled real commits of bench/corpus/),
// the table test/detect.test.ts asserts row by row. Expected, detected, missed and extra per tool.
//
//   npm run bench:detect-fixtures
import { importSources } from './import-sources.mjs';

const { createCatalog, detectCommit, loadFixtures } = await importSources({
  './src/core/catalog.ts': ['createCatalog'],
  './src/core/detect.ts': ['detectCommit'],
  './test/support/commit-fixtures.ts': ['loadFixtures'],
});

const catalog = createCatalog();
const fixtures = loadFixtures();
const tally = new Map();
const count = (tool, field) => {
  const row = tally.get(tool) ?? { expected: 0, found: 0, missed: 0, extra: 0 };
  row[field] += 1;
  tally.set(tool, row);
};
for (const fixture of fixtures) {
  const found = [...new Set(detectCommit(fixture.input, catalog).map((s) => s.tool))];
  for (const tool of fixture.tools) {
    count(tool, 'expected');
    count(tool, found.includes(tool) ? 'found' : 'missed');
  }
  for (const tool of found) if (!fixture.tools.includes(tool)) count(tool, 'extra');
}

const humans = fixtures.filter((f) => f.tools.length === 0).length;
const cells = (...values) =>
  `${String(values[0]).padEnd(20)} ${values
    .slice(1)
    .map((v, i) => String(v).padStart(i < 2 ? 8 : 6))
    .join(' ')}`;
console.log(`per-tool detection over ${fixtures.length} fixtures (${humans} human hard negatives)`);
console.log(cells('tool', 'expected', 'detected', 'missed', 'extra'));
for (const [tool, r] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(cells(tool, r.expected, r.found, r.missed, r.extra));
}
