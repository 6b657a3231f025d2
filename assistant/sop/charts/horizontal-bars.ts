// A horizontal bar chart (one row a bar, the value written at its end), inline SVG.
import { clip, coordinate, escapeXml, niceMaximum, svgFrame } from './svg';

export interface BarRow {
  label: string;
  value: number;
  /** the value as the report writes it */
  valueText: string;
  /** colour class: a series, or a warning */
  tone?: 'primary' | 'secondary' | 'warning';
}

export interface HorizontalBarsOptions {
  title: string;
  rows: readonly BarRow[];
  /** legend entries, one per tone used */
  legend?: readonly { tone: NonNullable<BarRow['tone']>; label: string }[];
  /** a reference line (e.g. a target), with its label */
  reference?: { value: number; label: string };
  width?: number;
}

const rowHeight = 18;
const labelWidth = 190;
const valueWidth = 80;

export function horizontalBars(options: HorizontalBarsOptions): string {
  const width = options.width ?? 640;
  const legendHeight = options.legend && options.legend.length > 0 ? 20 : 0;
  const top = 6 + legendHeight;
  const height = top + options.rows.length * rowHeight + 8;
  const barSpace = width - labelWidth - valueWidth;
  const largest = Math.max(
    0,
    options.reference?.value ?? 0,
    ...options.rows.map((row) => row.value),
  );
  const maximum = niceMaximum(largest);
  const scale = (value: number) => (Math.max(0, value) / maximum) * barSpace;
  const parts: string[] = [];
  options.legend?.forEach((entry, index) => {
    const x = labelWidth + index * 150;
    parts.push(
      `<rect class="bar-${entry.tone}" x="${x}" y="4" width="12" height="10"/><text x="${x + 16}" y="13" class="legend">${escapeXml(entry.label)}</text>`,
    );
  });
  options.rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    const barWidth = scale(row.value);
    parts.push(
      `<text x="${labelWidth - 6}" y="${coordinate(y + 12.5)}" text-anchor="end" class="label">${escapeXml(clip(row.label, 32))}</text>`,
      `<rect class="bar-${row.tone ?? 'primary'}" x="${labelWidth}" y="${coordinate(y + 3)}" width="${coordinate(barWidth)}" height="${rowHeight - 6}"/>`,
      `<text x="${coordinate(labelWidth + barWidth + 4)}" y="${coordinate(y + 12.5)}" class="value">${escapeXml(row.valueText)}</text>`,
    );
  });
  if (options.reference) {
    const x = labelWidth + scale(options.reference.value);
    parts.push(
      `<line class="reference" x1="${coordinate(x)}" x2="${coordinate(x)}" y1="${top}" y2="${height - 6}"/>`,
      `<text x="${coordinate(x + 3)}" y="${height - 1}" class="legend">${escapeXml(options.reference.label)}</text>`,
    );
  }
  return svgFrame(width, height, options.title, parts.join(''));
}
