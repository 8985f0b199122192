/** Inline SVG charts for the HTML report: plain markup, no script, no external resource. */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface Series {
  label: string;
  color: string;
}

export interface StackedColumn {
  label: string;
  /** One value per series, in series order. */
  values: number[];
  /** Shown on hover (an SVG <title>). */
  title: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Columns of shares stacked to 100% (each column's values divided by their sum), over time.
 * An empty column (no commits) is left blank, so gaps in history show as gaps.
 */
export function stackedShareChart(
  columns: StackedColumn[],
  series: Series[],
  options: { width?: number; height?: number } = {},
): string {
  const width = options.width ?? 920;
  const height = options.height ?? 170;
  const left = 36;
  const bottom = 20;
  const plotWidth = width - left - 4;
  const plotHeight = height - bottom - 6;
  const step = columns.length > 0 ? plotWidth / columns.length : plotWidth;
  const gap = step > 4 ? 1 : 0;
  const parts: string[] = [];
  for (const tick of [0, 50, 100]) {
    const y = round(6 + plotHeight - (plotHeight * tick) / 100);
    parts.push(
      `<line x1="${left}" x2="${width - 4}" y1="${y}" y2="${y}" stroke="#ddd" stroke-width="1"/>`,
      `<text x="${left - 4}" y="${y + 4}" text-anchor="end" class="axis">${tick}%</text>`,
    );
  }
  columns.forEach((column, index) => {
    const total = column.values.reduce((sum, value) => sum + value, 0);
    if (total === 0) return;
    const x = round(left + index * step);
    let y = 6 + plotHeight;
    const rects = column.values.map((value, i) => {
      const h = (plotHeight * value) / total;
      y -= h;
      return value === 0
        ? ''
        : `<rect x="${x}" y="${round(y)}" width="${round(Math.max(step - gap, 0.5))}" height="${round(h)}" fill="${series[i]!.color}"/>`;
    });
    parts.push(`<g><title>${escapeHtml(column.title)}</title>${rects.join('')}</g>`);
  });
  const labelEvery = Math.max(1, Math.ceil(columns.length / 8));
  columns.forEach((column, index) => {
    if (index % labelEvery !== 0) return;
    const x = round(left + index * step);
    parts.push(`<text x="${x}" y="${height - 5}" class="axis">${escapeHtml(column.label)}</text>`);
  });
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img">${parts.join('')}</svg>`;
}

export interface Bar {
  label: string;
  value: number;
  color: string;
  note?: string;
}

/** Horizontal bars, longest first as given, each labelled with its value. */
export function barChart(bars: Bar[], options: { width?: number } = {}): string {
  const width = options.width ?? 920;
  const rowHeight = 22;
  const labelWidth = 220;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const plot = width - labelWidth - 190;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight;
    const w = round(Math.max((plot * bar.value) / max, bar.value > 0 ? 2 : 0));
    return (
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" fill="${bar.color}" rx="2"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 15}" class="value">${escapeHtml(
        `${bar.value.toLocaleString('en-US')}${bar.note ? ` ${bar.note}` : ''}`,
      )}</text>`
    );
  });
  const height = Math.max(rowHeight, bars.length * rowHeight);
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img">${rows.join('')}</svg>`;
}

/** One bar split into parts (shares of a whole), with a legend below. */
export function splitBar(parts: { label: string; value: number; color: string }[]): string {
  const width = 920;
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let x = 0;
  const rects = parts.map((part) => {
    const w = total === 0 ? 0 : (width * part.value) / total;
    const rect =
      w === 0
        ? ''
        : `<rect x="${round(x)}" y="0" width="${round(w)}" height="22" fill="${part.color}"><title>${escapeHtml(
            `${part.label}: ${part.value.toLocaleString('en-US')}`,
          )}</title></rect>`;
    x += w;
    return rect;
  });
  const empty = total === 0 ? `<rect x="0" y="0" width="${width}" height="22" fill="#eee"/>` : '';
  return `<svg viewBox="0 0 ${width} 22" width="100%" role="img">${empty}${rects.join('')}</svg>`;
}
