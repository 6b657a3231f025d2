// forecast_demand's result as the view needs it (mirrors tools/forecast-demand-output.ts; web may
// not import tools/), checked at the boundary, and shaped into chart columns and markers.
import {
  arrayOf,
  isoDay,
  literal,
  nullable,
  num,
  object,
  recordOf,
  str,
  type Guarded,
} from '../../lib/api/shape';
import { forecastColumns, markerPositions } from '../../lib/charts/series';
import type { SalesQuery } from '../../lib/api/data';
import type { TimeChartSpec } from '../../lib/charts/render';

const interval = object({ level: num, lower: num, upper: num });

export const isForecastResult = object({
  scope: object({
    label: str,
    products: arrayOf(object({ sku: str, name: str })),
    productCount: num,
    category: nullable(str),
    location: nullable(object({ code: str, codes: arrayOf(str) })),
  }),
  grain: literal('day', 'week', 'month'),
  horizon: num,
  model: object({ strategy: str, method: str, notes: arrayOf(str) }),
  history: object({
    start: isoDay,
    end: isoDay,
    periods: num,
    tail: arrayOf(object({ start: isoDay, units: num })),
    currentPeriod: nullable(
      object({ start: isoDay, end: isoDay, unitsSoFar: num, dataThrough: isoDay }),
    ),
  }),
  forecast: arrayOf(
    object({ start: isoDay, end: isoDay, mean: num, intervals: arrayOf(interval) }),
  ),
  accuracy: nullable(
    object({
      origins: num,
      horizon: num,
      wape: nullable(num),
      mase: nullable(num),
      bias: nullable(num),
      biasPercent: nullable(num),
      coverage: recordOf(num),
    }),
  ),
  findings: object({
    events: arrayOf(
      object({ date: isoDay, name: str, kind: literal('holiday', 'event'), region: nullable(str) }),
    ),
  }),
  explanation: arrayOf(str),
});

export type ForecastResultData = Guarded<typeof isForecastResult>;

export const forecastColors = {
  history: '#1f4e79',
  mean: '#c0504d',
  band80: 'rgba(192, 80, 77, 0.28)',
  band95: 'rgba(192, 80, 77, 0.12)',
  holiday: '#7a5c00',
} as const;

export interface ForecastLabels {
  history: string;
  forecast: string;
  lower80: string;
  upper80: string;
  lower95: string;
  upper95: string;
}

/** The chart of a forecast: history, mean, 80/95 bands and the horizon's holidays as markers. */
export function forecastChartSpec(
  result: ForecastResultData,
  labels: ForecastLabels,
  locale?: string,
  history: readonly { start: string; units: number }[] = result.history.tail,
): TimeChartSpec {
  const columns = forecastColumns(history, result.forecast);
  const dash = [6, 4];
  return {
    x: columns.x,
    lines: [
      { label: labels.history, values: columns.history, color: forecastColors.history },
      { label: labels.forecast, values: columns.mean, color: forecastColors.mean, dash, width: 2 },
      { label: labels.lower80, values: columns.lower80 },
      { label: labels.upper80, values: columns.upper80 },
      { label: labels.lower95, values: columns.lower95 },
      { label: labels.upper95, values: columns.upper95 },
    ],
    bands: [
      { lower: 4, upper: 5, fill: forecastColors.band95 },
      { lower: 2, upper: 3, fill: forecastColors.band80 },
    ],
    markers: {
      positions: markerPositions(
        columns.x,
        result.findings.events.map((event) => event.date),
        result.forecast.at(-1)?.end,
      ),
      color: forecastColors.holiday,
    },
    ...(locale !== undefined && { locale }),
  };
}

/** The interval of a level as "lower–upper", or "–" when the forecast has none at that level. */
export function intervalText(
  intervals: readonly { level: number; lower: number; upper: number }[],
  level: number,
  format: (value: number) => string,
): string {
  const found = intervals.find((item) => item.level === level);
  return found ? `${format(found.lower)}–${format(found.upper)}` : '–';
}

/** WAPE as a percentage (the tool gives a fraction). */
export function percent(fraction: number | null, format: (value: number) => string): string {
  return fraction === null ? '–' : `${format(fraction * 100)} %`;
}

/**
 * The GET /api/sales query of the forecast's whole history (the result carries only its tail),
 * or undefined when the scope cannot be expressed as a filter (more than 50 products, no category).
 */
export function fullHistoryQuery(result: ForecastResultData): SalesQuery | undefined {
  const { scope, history, grain } = result;
  if (history.periods <= history.tail.length) return undefined;
  const products =
    scope.category !== null
      ? { category: [scope.category] }
      : scope.productCount <= scope.products.length
        ? { sku: scope.products.map((item) => item.sku) }
        : undefined;
  if (!products) return undefined;
  return {
    ...products,
    ...(scope.location && { location: scope.location.codes }),
    from: history.start,
    to: history.end,
    grain,
  };
}

/** Sales rows as history points before the first forecast period (a partial current one left out). */
export function historyFromRows(
  rows: readonly { period: string; units: number }[],
  result: ForecastResultData,
): { start: string; units: number }[] {
  const first = result.forecast[0]?.start;
  return rows
    .filter((row) => first === undefined || row.period < first)
    .map((row) => ({ start: row.period, units: row.units }));
}
