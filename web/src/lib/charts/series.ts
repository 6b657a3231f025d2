// Pure data shaping for the charts: tool results and API rows into uPlot's aligned columns.
// Every column is a Float64Array over one shared x (UTC seconds of each period's first day);
// NaN marks "no value here" (history in the forecast horizon, a group with no sales that period).
// No per-point objects are built, so 3 years of daily history plus a forecast stays cheap.

const secondsPerDay = 86_400;

/** UTC seconds at midnight of an ISO day (YYYY-MM-DD), NaN when it is not one. */
export function dayToSeconds(day: string): number {
  const time = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? Number.NaN : time / 1000;
}

/** The ISO day of UTC seconds. */
export function secondsToDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export interface HistoryPoint {
  start: string;
  units: number;
}

export interface ForecastPoint {
  start: string;
  mean: number;
  intervals: readonly { level: number; lower: number; upper: number }[];
}

export interface ForecastColumns {
  x: Float64Array;
  history: Float64Array;
  mean: Float64Array;
  lower80: Float64Array;
  upper80: Float64Array;
  lower95: Float64Array;
  upper95: Float64Array;
  /** index of the first forecast period in x (x.length when there is no forecast) */
  forecastStart: number;
}

function filled(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/**
 * History then forecast on one x. The forecast's first point also gets the last observed value
 * drawn as history's end, so the two lines meet; periods must be in order and not overlap.
 */
export function forecastColumns(
  history: readonly HistoryPoint[],
  forecast: readonly ForecastPoint[],
): ForecastColumns {
  const length = history.length + forecast.length;
  const columns: ForecastColumns = {
    x: new Float64Array(length),
    history: filled(length),
    mean: filled(length),
    lower80: filled(length),
    upper80: filled(length),
    lower95: filled(length),
    upper95: filled(length),
    forecastStart: history.length,
  };
  for (let index = 0; index < history.length; index += 1) {
    const point = history[index] as HistoryPoint;
    columns.x[index] = dayToSeconds(point.start);
    columns.history[index] = point.units;
  }
  for (let offset = 0; offset < forecast.length; offset += 1) {
    const point = forecast[offset] as ForecastPoint;
    const index = history.length + offset;
    columns.x[index] = dayToSeconds(point.start);
    columns.mean[index] = point.mean;
    for (const interval of point.intervals) {
      if (interval.level === 80) {
        columns.lower80[index] = interval.lower;
        columns.upper80[index] = interval.upper;
      } else if (interval.level === 95) {
        columns.lower95[index] = interval.lower;
        columns.upper95[index] = interval.upper;
      }
    }
  }
  const last = history.length - 1;
  if (last >= 0 && forecast.length > 0) {
    const observed = columns.history[last] as number;
    for (const column of [
      columns.mean,
      columns.lower80,
      columns.upper80,
      columns.lower95,
      columns.upper95,
    ]) {
      if (!Number.isNaN(column[last + 1] as number)) column[last] = observed;
    }
  }
  return columns;
}

/**
 * The x positions (UTC seconds) of the given days that fall on the chart: from its first x to the
 * end of `lastDay` (the last period's last day; default the day of the last x).
 */
export function markerPositions(
  x: Float64Array,
  days: readonly string[],
  lastDay?: string,
): Float64Array {
  if (x.length === 0) return new Float64Array(0);
  const first = x[0] as number;
  const last =
    (lastDay === undefined ? (x[x.length - 1] as number) : dayToSeconds(lastDay)) +
    secondsPerDay -
    1;
  const inside = days.map(dayToSeconds).filter((value) => value >= first && value <= last);
  return Float64Array.from(new Set(inside)).sort();
}

/** Day ranges as flat [start0, end0, start1, end1, ...] UTC seconds (end = the last day's end). */
export function spanPositions(spans: readonly { start: string; end: string }[]): Float64Array {
  const flat = new Float64Array(spans.length * 2);
  spans.forEach((span, index) => {
    flat[2 * index] = dayToSeconds(span.start);
    flat[2 * index + 1] = dayToSeconds(span.end) + secondsPerDay;
  });
  return flat;
}

export interface PeriodRow {
  period: string;
  units: number;
}

export interface GroupedColumns {
  x: Float64Array;
  groups: { label: string; values: Float64Array }[];
}

/**
 * Rows of (period, units[, group]) into one column per group over the sorted union of periods;
 * a group with no row for a period gets NaN there. `groupOf` undefined: one column, "units".
 */
export function groupedColumns<R extends PeriodRow>(
  rows: readonly R[],
  groupOf?: (row: R) => string,
  maxGroups = 8,
): GroupedColumns {
  const periods = [...new Set(rows.map((row) => row.period))].sort();
  const position = new Map(periods.map((period, index) => [period, index]));
  const totals = new Map<string, number>();
  for (const row of rows) {
    const group = groupOf ? groupOf(row) : 'units';
    totals.set(group, (totals.get(group) ?? 0) + row.units);
  }
  // the largest groups by units, so a chart never gets dozens of lines
  const kept = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, maxGroups)
    .map(([label]) => label);
  const columns = new Map(kept.map((label) => [label, filled(periods.length)]));
  for (const row of rows) {
    const values = columns.get(groupOf ? groupOf(row) : 'units');
    const index = position.get(row.period);
    if (!values || index === undefined) continue;
    values[index] =
      (Number.isNaN(values[index] as number) ? 0 : (values[index] as number)) + row.units;
  }
  return {
    x: Float64Array.from(periods, dayToSeconds),
    groups: kept.map((label) => ({ label, values: columns.get(label) as Float64Array })),
  };
}

/** [min, max] over the finite values of the columns, or undefined when there are none. */
export function valueRange(columns: readonly Float64Array[]): [number, number] | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const column of columns) {
    for (let index = 0; index < column.length; index += 1) {
      const value = column[index] as number;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return min <= max ? [min, max] : undefined;
}

/** A column for uPlot: NaN becomes null (uPlot's gap); a column without NaN is passed as is. */
export function forUplot(column: Float64Array): Float64Array | (number | null)[] {
  if (!column.some(Number.isNaN)) return column;
  return Array.from(column, (value) => (Number.isNaN(value) ? null : value));
}
