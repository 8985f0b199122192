import type { Period, ScanReport, Tally } from '../audit/types.js';
import { pathLabel, pathsForPeople, percent, summaryLine } from './scan-table.js';
import { barChart, escapeHtml, splitBar, stackedShareChart, type Series } from './svg.js';
import { shortSha } from './text.js';

const COLORS = {
  external: '#c8324a',
  internal: '#2e7dbf',
  unknown: '#b9bec6',
  reviewed: '#3a9d5d',
};
const SHARE_SERIES: Series[] = [
  { label: 'outside AI', color: COLORS.external },
  { label: 'internal AI', color: COLORS.internal },
  { label: 'no signal (unknown)', color: COLORS.unknown },
];
const DIRECTORIES_SHOWN = 200;
const PROVIDER_COLORS = ['#6f4bd8', '#d9822b', '#1c9aa0', '#b8457c', '#5b8c2a', '#946b2d'];

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2329;margin:0;background:#f6f7f9}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 4px}
.meta{color:#57606a;margin:0 0 16px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:22px}.card span{color:#57606a}
section{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:4px 16px 14px;margin-top:16px}
.legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:11px;height:11px;margin-right:5px;vertical-align:-1px;border-radius:2px}
svg text{font-size:11px;fill:#1d2329}svg text.axis{fill:#57606a;font-size:10px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #eaeef2;text-align:right}
th:first-child,td:first-child,th.l,td.l{text-align:left}th{background:#f6f8fa;position:sticky;top:0}
td.bad{color:${COLORS.external};font-weight:600}code{font-size:12px}
.note{color:#57606a;font-size:12px}
`;

const num = (value: number) => value.toLocaleString('en-US');

function legend(series: Series[]): string {
  return `<p class="legend">${series
    .map((s) => `<span><i style="background:${s.color}"></i>${escapeHtml(s.label)}</span>`)
    .join('')}</p>`;
}

function card(value: string, label: string): string {
  return `<div class="card"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`;
}

function shareChart(periods: Period[], pick: (period: Period) => Tally | undefined): string {
  return stackedShareChart(
    periods.map((period) => {
      const tally = pick(period);
      const values = tally ? [tally.external, tally.internal, tally.unknown] : [0, 0, 0];
      const commits = tally?.commits ?? 0;
      return {
        label: period.start.slice(0, 7),
        values,
        title:
          `${period.start} – ${period.end}: ${num(commits)} commits, ${num(values[0]!)} outside AI, ` +
          `${num(values[1]!)} internal AI, ${num(values[2]!)} no signal, ${num(tally?.reviewed ?? 0)} reviewed`,
      };
    }),
    SHARE_SERIES,
  );
}

function groupSection(report: ScanReport): string {
  const parts = report.groups.map((group) => {
    const head = `<h3>${escapeHtml(group.group)} — ${num(group.commits)} commits, ${percent(group.external, group.commits)} with outside AI, ${percent(group.reviewed, group.commits)} reviewed</h3>`;
    if (group.commits === 0) {
      return `${head}<p class="note">No commit in this range touched this group.</p>`;
    }
    return head + shareChart(report.timeline, (period) => period.groups[group.group]);
  });
  return (
    `<section><h2>Protected groups over time (share of the commits touching each group, per ${report.unit})</h2>` +
    legend(SHARE_SERIES) +
    parts.join('') +
    `<h3>All commits</h3>${shareChart(report.timeline, (period) => period)}</section>`
  );
}

function toolSection(report: ScanReport): string {
  const tools = Object.entries(report.tools);
  if (tools.length === 0) {
    return `<section><h2>Tools and providers</h2><p>No AI tool signals in these commits.</p></section>`;
  }
  const toolBars = barChart(
    tools.map(([id, stats]) => ({
      label: `${stats.name} (${id})`,
      value: stats.commits,
      color:
        stats.standing === 'external'
          ? COLORS.external
          : stats.standing === 'internal'
            ? COLORS.internal
            : COLORS.unknown,
      note: `commits · ${stats.standing}`,
    })),
  );
  const providers = Object.entries(report.providers).sort(([, a], [, b]) => b - a);
  const providerBars = barChart(
    providers.map(([provider, commits], index) => ({
      label: provider,
      value: commits,
      color: PROVIDER_COLORS[index % PROVIDER_COLORS.length]!,
      note: 'commits',
    })),
  );
  const models = tools.flatMap(([id, stats]) =>
    Object.entries(stats.models).map(
      ([model, count]) => `<code>${escapeHtml(id)}:${escapeHtml(model)}</code> ${num(count)}`,
    ),
  );
  return (
    `<section><h2>Tools (AI commits per tool)</h2>${legend([
      { label: 'outside', color: COLORS.external },
      { label: 'internal', color: COLORS.internal },
      { label: 'ignored by the policy', color: COLORS.unknown },
    ])}${toolBars}` +
    `<h2>Providers (AI commits per provider)</h2>${providerBars}` +
    (models.length
      ? `<p class="note">Models named by the signals: ${models.join(' · ')}</p>`
      : '') +
    `</section>`
  );
}

function headSection(report: ScanReport): string {
  if (!report.head) {
    return `<section><h2>At HEAD (line share per group)</h2><p class="note">Not in this report: the line share at HEAD comes from blame, which this scan did not run.</p></section>`;
  }
  const series = [
    { label: 'outside-AI lines', color: COLORS.external },
    { label: 'internal-AI lines', color: COLORS.internal },
    { label: 'unknown lines', color: COLORS.unknown },
  ];
  const rows = report.head.groups.map((group) => {
    return (
      `<h3>${escapeHtml(group.group)} — ${num(group.lines)} lines, ${percent(group.externalLines, group.lines)} from outside-AI commits</h3>` +
      splitBar([
        { label: series[0]!.label, value: group.externalLines, color: COLORS.external },
        { label: series[1]!.label, value: group.internalLines, color: COLORS.internal },
        { label: series[2]!.label, value: group.unknownLines, color: COLORS.unknown },
        { label: 'reviewed human lines', value: group.reviewedLines, color: COLORS.reviewed },
      ])
    );
  });
  return `<section><h2>At HEAD (${escapeHtml(shortSha(report.head.commit))}): line share per group</h2>${legend([...series, { label: 'reviewed human lines', color: COLORS.reviewed }])}${rows.join('')}</section>`;
}

function directorySection(report: ScanReport): string {
  const paths = pathsForPeople(report).slice(0, DIRECTORIES_SHOWN);
  const repos = report.repositories.length;
  const rows = paths.map((path, index) => {
    const label = escapeHtml(pathLabel(path, repos));
    const link = path.findings.length ? `<a href="#f${index}">${label}</a>` : label;
    return (
      `<tr><td class="l"><code>${link}</code></td><td class="l">${escapeHtml(path.group ?? '–')}</td>` +
      `<td>${num(path.commits)}</td><td>${num(path.ai)}</td>` +
      `<td${path.external && path.group ? ' class="bad"' : ''}>${num(path.external)}</td>` +
      `<td>${num(path.unknown)}</td><td>${num(path.reviewed)}</td><td>${percent(path.ai, path.commits)}</td></tr>`
    );
  });
  const findings = paths.flatMap((path, index) =>
    path.findings.length === 0
      ? []
      : [
          `<h3 id="f${index}"><code>${escapeHtml(pathLabel(path, repos))}</code>${path.group ? ` (${escapeHtml(path.group)})` : ''}</h3><table><tr><th>commit</th><th class="l">date</th><th class="l">tools</th><th class="l">outside</th><th class="l">reviewed</th></tr>` +
            path.findings
              .map(
                (f) =>
                  `<tr><td class="l"><code>${escapeHtml(shortSha(f.sha))}</code></td><td class="l">${f.date}</td><td class="l">${escapeHtml(f.tools.join(', '))}</td><td class="l${f.external ? ' bad' : ''}">${f.external ? 'yes' : 'no'}</td><td class="l">${f.reviewed ? 'yes' : 'no'}</td></tr>`,
              )
              .join('') +
            `</table>`,
        ],
  );
  const more =
    report.paths.length > DIRECTORIES_SHOWN
      ? `<p class="note">The ${DIRECTORIES_SHOWN} directories shown first; the JSON and CSV list all ${report.paths.length}.</p>`
      : '';
  return (
    `<section><h2>Directories (top levels and each protected group's directories)</h2>` +
    `<table><tr><th>directory</th><th class="l">group</th><th>commits</th><th>AI</th><th>outside AI</th><th>no signal</th><th>reviewed</th><th>AI share</th></tr>${rows.join('')}</table>${more}</section>` +
    (findings.length
      ? `<section><h2>Findings (the newest AI commits per directory; <code>trailguard explain SHA</code> tells each one's signals)</h2>${findings.join('')}</section>`
      : '')
  );
}

/** The audit as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched. */
export function renderScanHtml(report: ScanReport): string {
  const { totals } = report;
  const title = `trailguard audit — ${report.repositories.join(', ')}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Range: <code>${escapeHtml(report.range)}</code> · policy: ${escapeHtml(report.policy)}${report.span ? ` · ${report.span.first} to ${report.span.last}` : ''}</p>
<div class="cards">${[
    card(num(totals.commits), 'commits'),
    card(percent(totals.ai, totals.commits), `with AI signals (${num(totals.ai)})`),
    card(percent(totals.external, totals.commits), `outside AI (${num(totals.external)})`),
    card(percent(totals.unknown, totals.commits), `no signal — unknown (${num(totals.unknown)})`),
    card(percent(totals.reviewed, totals.commits), `reviewed (${num(totals.reviewed)})`),
  ].join('')}</div>
<p class="note">${escapeHtml(summaryLine(report))}. A commit without a signal is unknown: it may still hold AI output.</p>
${groupSection(report)}
${toolSection(report)}
${headSection(report)}
${directorySection(report)}
</main></body></html>
`;
}
