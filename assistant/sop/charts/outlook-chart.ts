// The 3-month outlook: per month a forecast column with its interval as a whisker, beside the
// same month a year earlier; inline SVG.
import { clip, coordinate, escapeXml, niceMaximum, svgFrame } from './svg';

export interface OutlookColumn {
  label: string;
  forecast: number;
  lower: number | null;
  upper: number | null;
  lastYear: number | null;
  forecastText: string;
  lastYearText: string;
}

export function outlookChart(options: {
  title: string;
  columns: readonly OutlookColumn[];
  forecastLabel: string;
  lastYearLabel: string;
}): string {
  const width = 640;
  const height = 230;
  const top = 30;
  const bottom = height - 28;
  const left = 20;
  const values = options.columns.flatMap((column) => [
    column.forecast,
    column.upper ?? 0,
    column.lastYear ?? 0,
  ]);
  const maximum = niceMaximum(Math.max(0, ...values));
  const y = (value: number) => bottom - (Math.max(0, value) / maximum) * (bottom - top);
  const groupWidth = (width - left * 2) / Math.max(1, options.columns.length);
  const barWidth = Math.min(70, groupWidth / 3);
  const parts: string[] = [
    `<rect class="bar-primary" x="${left}" y="6" width="12" height="10"/><text x="${left + 16}" y="15" class="legend">${escapeXml(options.forecastLabel)}</text>`,
    `<rect class="bar-secondary" x="${left + 150}" y="6" width="12" height="10"/><text x="${left + 166}" y="15" class="legend">${escapeXml(options.lastYearLabel)}</text>`,
    `<line class="axis" x1="${left}" x2="${width - left}" y1="${bottom}" y2="${bottom}"/>`,
  ];
  options.columns.forEach((column, index) => {
    const center = left + groupWidth * (index + 0.5);
    const forecastX = center - barWidth - 2;
    const lastYearX = center + 2;
    parts.push(
      `<rect class="bar-primary" x="${coordinate(forecastX)}" y="${coordinate(y(column.forecast))}" width="${coordinate(barWidth)}" height="${coordinate(bottom - y(column.forecast))}"/>`,
      `<text x="${coordinate(forecastX + barWidth / 2)}" y="${coordinate(y(column.upper ?? column.forecast) - 4)}" text-anchor="middle" class="value">${escapeXml(column.forecastText)}</text>`,
    );
    if (column.lower !== null && column.upper !== null) {
      const whiskerX = coordinate(forecastX + barWidth / 2);
      parts.push(
        `<line class="whisker" x1="${whiskerX}" x2="${whiskerX}" y1="${coordinate(y(column.lower))}" y2="${coordinate(y(column.upper))}"/>`,
      );
    }
    if (column.lastYear !== null) {
      parts.push(
        `<rect class="bar-secondary" x="${coordinate(lastYearX)}" y="${coordinate(y(column.lastYear))}" width="${coordinate(barWidth)}" height="${coordinate(bottom - y(column.lastYear))}"/>`,
        `<text x="${coordinate(lastYearX + barWidth / 2)}" y="${coordinate(y(column.lastYear) - 4)}" text-anchor="middle" class="value">${escapeXml(column.lastYearText)}</text>`,
      );
    }
    parts.push(
      `<text x="${coordinate(center)}" y="${bottom + 16}" text-anchor="middle" class="label">${escapeXml(clip(column.label, 24))}</text>`,
    );
  });
  return svgFrame(width, height, options.title, parts.join(''));
}
