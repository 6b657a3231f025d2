// detect_anomalies' result as the view needs it (mirrors tools/detect-anomalies.ts), checked at the
// boundary. The result carries no series, so the chart of a chosen anomaly is the listing's daily
// sales from GET /api/sales around it, with its expected range and every anomaly of that listing.
import { arrayOf, literal, nullable, num, object, str, type Guarded } from '../../lib/api/shape';
import type { TimeChartSpec } from '../../lib/charts/render';
import { dayToSeconds, groupedColumns, spanPositions } from '../../lib/charts/series';

const severity = literal('low', 'medium', 'high');

const anomaly = object({
  sku: str,
  product: str,
  location: str,
  start: str,
  end: str,
  kind: literal('spike', 'drop', 'level_shift', 'outlier'),
  severity,
  expected: num,
  expectedLower: num,
  expectedUpper: num,
  observed: num,
  valueAtRisk: nullable(num),
  explanation: str,
});
export type Anomaly = Guarded<typeof anomaly>;

export const isAnomaliesResult = object({
  scope: str,
  from: str,
  to: str,
  detector: str,
  listingsScanned: num,
  anomalies: arrayOf(anomaly),
  anomalyCount: num,
  explained: arrayOf(anomaly),
  explainedCount: num,
  incidents: arrayOf(object({ start: str, end: str, summary: str, anomalies: num })),
  rules: arrayOf(
    object({
      rule: str,
      sku: str,
      product: str,
      location: str,
      start: str,
      end: str,
      severity,
      valueAtRisk: nullable(num),
      explanation: str,
    }),
  ),
  ruleCount: num,
  outliers: arrayOf(object({ sku: str, location: str, date: str, explanation: str })),
});
export type AnomaliesResultData = Guarded<typeof isAnomaliesResult>;

const dayMs = 86_400_000;

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The days of sales to chart around an anomaly: 8 weeks before it to 2 weeks after. */
export function chartWindow(item: { start: string; end: string }): { from: string; to: string } {
  return { from: shiftDay(item.start, -56), to: shiftDay(item.end, 14) };
}

/** A stable key for an anomaly (its listing and days). */
export function anomalyKey(
  item: Pick<Anomaly, 'sku' | 'location' | 'start' | 'end' | 'kind'>,
): string {
  return `${item.sku}|${item.location}|${item.start}|${item.end}|${item.kind}`;
}

export interface AnomalyChartLabels {
  units: string;
  expected: string;
  lower: string;
  upper: string;
}

export const anomalyColors = {
  units: '#1f4e79',
  expected: '#5a5a5a',
  band: 'rgba(90, 90, 90, 0.18)',
  span: 'rgba(192, 0, 0, 0.14)',
} as const;

/**
 * The listing's daily units with the chosen anomaly's expected range over its days, and every
 * anomaly of the same listing (from `all`) shaded.
 */
export function anomalyChartSpec(
  chosen: Anomaly,
  rows: readonly { period: string; units: number }[],
  all: readonly Anomaly[],
  labels: AnomalyChartLabels,
  locale?: string,
): TimeChartSpec {
  const { x, groups } = groupedColumns(rows);
  const units = groups[0]?.values ?? new Float64Array(x.length).fill(Number.NaN);
  const expected = new Float64Array(x.length).fill(Number.NaN);
  const lower = new Float64Array(x.length).fill(Number.NaN);
  const upper = new Float64Array(x.length).fill(Number.NaN);
  const first = dayToSeconds(chosen.start);
  const last = dayToSeconds(chosen.end);
  for (let index = 0; index < x.length; index += 1) {
    const at = x[index] as number;
    if (at < first || at > last) continue;
    expected[index] = chosen.expected;
    lower[index] = chosen.expectedLower;
    upper[index] = chosen.expectedUpper;
  }
  const sameListing = all.filter(
    (item) => item.sku === chosen.sku && item.location === chosen.location,
  );
  return {
    x,
    lines: [
      { label: labels.units, values: units, color: anomalyColors.units },
      { label: labels.expected, values: expected, color: anomalyColors.expected, dash: [4, 4] },
      { label: labels.lower, values: lower },
      { label: labels.upper, values: upper },
    ],
    bands: [{ lower: 2, upper: 3, fill: anomalyColors.band }],
    spans: { positions: spanPositions(sameListing), fill: anomalyColors.span },
    ...(locale !== undefined && { locale }),
  };
}

/** "2026-09-06" or "2026-09-06 – 2026-09-12". */
export function dayRange(start: string, end: string): string {
  return start === end ? start : `${start} – ${end}`;
}
