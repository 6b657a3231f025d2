// Inline SVG charts for the HTML report (no scripts, no external requests): horizontal box plots
// (Tukey 1977: box from the first to the third quartile, whiskers to the furthest points within
// 1.5 IQR, points beyond drawn singly) and a histogram with equal-width bins.
import { quantile } from '../runner/run-summary';
import { escapeXml } from './xml-text';

export interface Series {
  label: string;
  values: readonly number[];
}

const palette = ['#2f6db5', '#c2571a', '#3c8d4b', '#8a4fb5', '#b53c5e', '#4a8a8c'];

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function axis(x0: number, width: number, max: number, y: number, unit: string): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => {
    const x = x0 + fraction * width;
    const value = max * fraction;
    const text = value >= 1000 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
    return `<line x1="${x}" y1="${y}" x2="${x}" y2="${y + 4}" stroke="#888"/><text x="${x}" y="${y + 16}" text-anchor="middle">${text}</text>`;
  });
  return `<line x1="${x0}" y1="${y}" x2="${x0 + width}" y2="${y}" stroke="#888"/>${ticks.join('')}<text x="${x0 + width}" y="${y + 30}" text-anchor="end">${escapeXml(unit)}</text>`;
}

export function boxPlotSvg(series: readonly Series[], unit: string, title: string): string {
  const labelWidth = 220;
  const plotWidth = 460;
  const rowHeight = 26;
  const height = series.length * rowHeight + 48;
  const max = niceMax(Math.max(0, ...series.flatMap((entry) => entry.values)));
  const scale = (value: number) => labelWidth + (value / max) * plotWidth;
  const rows = series.map((entry, index) => {
    const y = 10 + index * rowHeight;
    const middle = y + rowHeight / 2;
    const colour = palette[index % palette.length]!;
    const label = `<text x="${labelWidth - 8}" y="${middle + 4}" text-anchor="end">${escapeXml(entry.label)}</text>`;
    if (entry.values.length === 0)
      return `${label}<text x="${labelWidth}" y="${middle + 4}">no data</text>`;
    const q1 = quantile(entry.values, 0.25);
    const median = quantile(entry.values, 0.5);
    const q3 = quantile(entry.values, 0.75);
    const fence = 1.5 * (q3 - q1);
    const inside = entry.values.filter((value) => value >= q1 - fence && value <= q3 + fence);
    const low = Math.min(...inside);
    const high = Math.max(...inside);
    const outliers = entry.values.filter((value) => value < low || value > high);
    return [
      label,
      `<line x1="${scale(low)}" y1="${middle}" x2="${scale(high)}" y2="${middle}" stroke="${colour}"/>`,
      `<rect x="${scale(q1)}" y="${y + 5}" width="${Math.max(1, scale(q3) - scale(q1))}" height="${rowHeight - 10}" fill="${colour}" fill-opacity="0.25" stroke="${colour}"/>`,
      `<line x1="${scale(median)}" y1="${y + 5}" x2="${scale(median)}" y2="${y + rowHeight - 5}" stroke="${colour}" stroke-width="2"/>`,
      ...outliers.map(
        (value) => `<circle cx="${scale(value)}" cy="${middle}" r="2.5" fill="${colour}"/>`,
      ),
      `<title>${escapeXml(`${entry.label}: median ${median.toFixed(0)}, quartiles ${q1.toFixed(0)}-${q3.toFixed(0)}, n=${entry.values.length}`)}</title>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${labelWidth + plotWidth + 20} ${height}" width="${labelWidth + plotWidth + 20}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}${axis(labelWidth, plotWidth, max, series.length * rowHeight + 12, unit)}</svg>`;
}

export function histogramSvg(
  values: readonly number[],
  unit: string,
  title: string,
  bins = 12,
): string {
  const width = 460;
  const height = 140;
  const left = 40;
  if (values.length === 0) return `<p class="muted">${escapeXml(title)}: no data</p>`;
  const max = niceMax(Math.max(...values));
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) counts[Math.min(bins - 1, Math.floor((value / max) * bins))]! += 1;
  const top = Math.max(...counts);
  const barWidth = width / bins;
  const bars = counts.map((count, index) => {
    const barHeight = top === 0 ? 0 : (count / top) * (height - 20);
    const from = (index * max) / bins;
    const to = ((index + 1) * max) / bins;
    return `<rect x="${left + index * barWidth + 1}" y="${height - barHeight}" width="${barWidth - 2}" height="${barHeight}" fill="#2f6db5" fill-opacity="0.7"><title>${escapeXml(`${from.toFixed(0)}-${to.toFixed(0)} ${unit}: ${count}`)}</title></rect>`;
  });
  return `<svg class="chart" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${left + width + 20} ${height + 40}" width="${left + width + 20}" height="${height + 40}" xmlns="http://www.w3.org/2000/svg"><text x="${left}" y="12">${escapeXml(`${title} (n=${values.length}, tallest bar ${top})`)}</text>${bars.join('')}${axis(left, width, max, height, unit)}</svg>`;
}
