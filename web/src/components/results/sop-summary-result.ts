// The pure shaping behind the S&OP summary view: each KPI with its previous month, the change and
// whether it is good or bad by the KPI's direction; sections as "available" or "not available:
// <reason>"; the decisions with the id of the evidence row they point at; the outlook as chart
// columns. The result's shape and its check are in sop-summary-result-shape.ts.
import type { TimeChartSpec } from '../../lib/charts/render';
import { dayToSeconds } from '../../lib/charts/series';
import type {
  Decision,
  DemandData,
  Kpi,
  KpiId,
  KpiUnit,
  SopFactsData,
} from './sop-summary-result-shape';

export * from './sop-summary-result-shape';

type Format = (value: number, digits: number) => string;

/** Decimals a unit is shown with (fractions as percentages with one decimal). */
function digitsOf(unit: KpiUnit): number {
  return unit === 'days' || unit === 'kg' || unit === 'fraction' ? 1 : 0;
}

/** "S/ 8,400": soles, whole (the report's figures are for a meeting, not an invoice). */
export function moneyText(value: number, format: Format): string {
  return `${value < 0 ? '−' : ''}S/ ${format(Math.abs(value), 0)}`;
}

/** A KPI value in its unit: "12.3 %", "S/ 1,861", "11.4", "521". */
export function kpiValueText(unit: KpiUnit, value: number, format: Format): string {
  if (unit === 'fraction') return `${format(value * 100, 1)} %`;
  if (unit === 'soles') return moneyText(value, format);
  return format(value, digitsOf(unit));
}

export type Trend = 'better' | 'worse' | 'unchanged' | 'no_previous';

export interface KpiRow {
  id: KpiId;
  unit: KpiUnit;
  value: number | null;
  previous: number | null;
  /** value - previous in the shown unit (percentage points for fractions); null without both */
  change: number | null;
  trend: Trend;
  /** ▲ up, ▼ down, ▬ unchanged, '' without a comparison */
  symbol: '▲' | '▼' | '▬' | '';
}

/**
 * The report card's rows: the change from the previous month rounded as shown (a change that
 * rounds to nothing is "unchanged") and judged by the KPI's `better` direction.
 */
export function kpiRows(kpis: readonly Kpi[]): KpiRow[] {
  return kpis.map((entry) => {
    const base = { id: entry.id, unit: entry.unit, value: entry.value, previous: entry.previous };
    if (entry.value === null || entry.previous === null)
      return { ...base, change: null, trend: 'no_previous', symbol: '' };
    const scale = entry.unit === 'fraction' ? 100 : 1;
    const digits = digitsOf(entry.unit);
    const change = Number(((entry.value - entry.previous) * scale).toFixed(digits));
    if (change === 0) return { ...base, change: 0, trend: 'unchanged', symbol: '▬' };
    const up = change > 0;
    const good = up === (entry.better === 'higher');
    return { ...base, change, trend: good ? 'better' : 'worse', symbol: up ? '▲' : '▼' };
  });
}

/** The change as shown: "+2.3 pts", "−S/ 120", "+14" (a true minus sign). */
export function changeText(row: KpiRow, format: Format, pointsWord: string): string {
  if (row.change === null) return '';
  const sign = row.change > 0 ? '+' : row.change < 0 ? '−' : '';
  const size = Math.abs(row.change);
  if (row.unit === 'fraction') return `${sign}${format(size, 1)} ${pointsWord}`;
  if (row.unit === 'soles') return `${sign}S/ ${format(size, 0)}`;
  return `${sign}${format(size, digitsOf(row.unit))}`;
}

export type SectionKey = 'demandReview' | 'supplyReview' | 'anomalies' | 'quality' | 'lifecycle';
export const sectionKeys: readonly SectionKey[] = [
  'demandReview',
  'supplyReview',
  'anomalies',
  'quality',
  'lifecycle',
];

/** The reason a section is missing, or undefined when it is available. */
export function missingReason(facts: SopFactsData, key: SectionKey): string | undefined {
  const entry = facts[key];
  return entry.status === 'not_available' ? entry.reason : undefined;
}

/**
 * The element id of an evidence row: `prefix` (one per view, so two summaries on one page do not
 * clash), the section and the row's path, e.g. "s1-supplyReview-projectedStockouts-0".
 */
export function evidenceId(prefix: string, section: string, path: string): string {
  const tail = path.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9-]+/g, '-');
  return `${prefix}-${section}-${tail}`.replace(/-+/g, '-').replace(/-$/, '');
}

/** The evidence rows the view draws (the decisions module's paths), so a link is never dead. */
export function evidencePaths(facts: SopFactsData): Set<string> {
  const paths = new Set<string>();
  const add = (section: string, prefix: string, count: number) => {
    for (let index = 0; index < count; index += 1) paths.add(`${section}:${prefix}[${index}]`);
  };
  const { demandReview: demand, supplyReview: supply, anomalies, quality } = facts;
  if (demand.status === 'available')
    add('demandReview', 'worstItems', demand.data.worstItems.length);
  if (supply.status === 'available') {
    add('supplyReview', 'projectedStockouts', supply.data.projectedStockouts.length);
    add('supplyReview', 'excess.items', supply.data.excess.items.length);
    add('supplyReview', 'expiryRisk.items', supply.data.expiryRisk.items.length);
  }
  if (anomalies.status === 'available')
    add('anomalies', 'anomalies', anomalies.data.anomalies.length);
  if (quality.status === 'available') add('quality', 'bySku', quality.data.bySku.length);
  return paths;
}

export interface DecisionRow extends Decision {
  /** the evidence row's element id, or undefined when the view has no such row */
  evidenceTarget: string | undefined;
}

/** The decisions by rank, each with the id of its evidence row when the view draws it. */
export function decisionRows(facts: SopFactsData, prefix: string): DecisionRow[] {
  const drawn = evidencePaths(facts);
  return [...facts.decisions]
    .sort((left, right) => left.rank - right.rank)
    .map((entry) => ({
      ...entry,
      evidenceTarget: drawn.has(`${entry.evidence.section}:${entry.evidence.path}`)
        ? evidenceId(prefix, entry.evidence.section, entry.evidence.path)
        : undefined,
    }));
}

/** A product's or location's name from the facts' labels, else its code. */
export function labelOf(
  facts: SopFactsData,
  kind: 'products' | 'locations',
  code: string | undefined,
): string {
  if (code === undefined) return '';
  return facts.labels?.[kind][code] ?? code;
}

export interface OutlookColumns {
  x: Float64Array;
  forecast: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  lastYear: Float64Array;
}

/** The 3-month outlook as chart columns (x = each month's first day); NaN where unknown. */
export function outlookColumns(outlook: DemandData['outlook']): OutlookColumns {
  const column = (pick: (row: DemandData['outlook'][number]) => number | null) =>
    Float64Array.from(outlook, (row) => pick(row) ?? Number.NaN);
  return {
    x: Float64Array.from(outlook, (row) => dayToSeconds(`${row.month}-01`)),
    forecast: column((row) => row.forecastUnits),
    lower: column((row) => row.lowerUnits),
    upper: column((row) => row.upperUnits),
    lastYear: column((row) => row.lastYearUnits),
  };
}

/** The outlook chart: the forecast with its interval as a band, and last year's units dashed. */
export function outlookChartSpec(
  outlook: DemandData['outlook'],
  labels: { forecast: string; lower: string; upper: string; lastYear: string },
  locale?: string,
): TimeChartSpec {
  const columns = outlookColumns(outlook);
  return {
    x: columns.x,
    lines: [
      {
        label: labels.forecast,
        values: columns.forecast,
        color: '#1f5fa8',
        width: 2,
        points: true,
      },
      { label: labels.lower, values: columns.lower },
      { label: labels.upper, values: columns.upper },
      {
        label: labels.lastYear,
        values: columns.lastYear,
        color: '#6b6b6b',
        dash: [6, 4],
        points: true,
      },
    ],
    bands: [{ lower: 1, upper: 2, fill: 'rgba(31, 95, 168, 0.15)' }],
    height: 180,
    ...(locale !== undefined && { locale }),
  };
}

/** "October 2026" / "octubre de 2026" for YYYY-MM. */
export function monthName(month: string, locale: string): string {
  const time = Date.parse(`${month}-01T00:00:00Z`);
  if (Number.isNaN(time)) return month;
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(time);
}
