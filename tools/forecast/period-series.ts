// Daily sales of a scope summed into day/week/month periods (weeks start on Monday), with the
// partial periods at either end dropped: a half-observed period would read as a demand drop.
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { nextPeriodStart, periodEndOf, periodStartOf } from '../../models/calendar/periods';
import type { DailySales, SalesGrain } from '../tool-context';

export interface PeriodSeries {
  grain: SalesGrain;
  /** day numbers of the first day of each period */
  starts: number[];
  /** units per period; days without a sales row count as zero */
  units: number[];
  revenue: number[];
  /** sales rows (SKU x location x day) per period, and those on promotion or out of stock */
  rows: number[];
  promoRows: number[];
  stockoutRows: number[];
  /** partial periods left out, with why */
  dropped: DroppedPeriod[];
}

export interface DroppedPeriod {
  start: string;
  end: string;
  units: number;
  reason: string;
}

export { nextPeriodStart, periodEndOf, periodStartOf };

/** Index of the period (by ascending first days) containing `day`; -1 before the first. */
export function periodIndexOf(day: number, periodStarts: readonly number[]): number {
  if (periodStarts.length === 0 || day < periodStarts[0]!) return -1;
  let index = periodStarts.length - 1;
  while (index > 0 && periodStarts[index]! > day) index -= 1;
  return index;
}

/** The `count` period starts following the period that starts at `start`. */
export function followingStarts(start: number, grain: SalesGrain, count: number): number[] {
  const starts: number[] = [];
  let current = start;
  for (let index = 0; index < count; index += 1) {
    current = nextPeriodStart(current, grain);
    starts.push(current);
  }
  return starts;
}

export interface PeriodSeriesOptions {
  grain: SalesGrain;
  /** first day the store has data for (ISO); periods starting earlier are partial */
  coverageStart: string;
  /** last day the store has data for (ISO); periods ending later are partial */
  coverageEnd: string;
}

/**
 * Sums daily rows (date order, within coverage) into periods from the scope's first sale to the
 * end of coverage. An empty `daily` gives an empty series.
 */
export function buildPeriodSeries(
  daily: readonly DailySales[],
  options: PeriodSeriesOptions,
): PeriodSeries {
  const { grain } = options;
  const coverageStart = parseIsoDate(options.coverageStart);
  const coverageEnd = parseIsoDate(options.coverageEnd);
  const series: PeriodSeries = {
    grain,
    starts: [],
    units: [],
    revenue: [],
    rows: [],
    promoRows: [],
    stockoutRows: [],
    dropped: [],
  };
  const firstSale = daily[0];
  if (firstSale === undefined) return series;
  const indexByStart = new Map<number, number>();
  for (
    let start = periodStartOf(parseIsoDate(firstSale.date), grain);
    start <= coverageEnd;
    start = nextPeriodStart(start, grain)
  ) {
    indexByStart.set(start, series.starts.length);
    series.starts.push(start);
    for (const values of [
      series.units,
      series.revenue,
      series.rows,
      series.promoRows,
      series.stockoutRows,
    ])
      values.push(0);
  }
  for (const day of daily) {
    const index = indexByStart.get(periodStartOf(parseIsoDate(day.date), grain));
    if (index === undefined) continue;
    series.units[index] = (series.units[index] as number) + day.units;
    series.revenue[index] = (series.revenue[index] as number) + day.revenue;
    series.rows[index] = (series.rows[index] as number) + day.rows;
    series.promoRows[index] = (series.promoRows[index] as number) + day.promoRows;
    series.stockoutRows[index] = (series.stockoutRows[index] as number) + day.stockoutRows;
  }
  const last = series.starts.length - 1;
  if (last >= 0 && periodEndOf(series.starts[last] as number, grain) > coverageEnd) {
    dropPeriod(series, last, `the data end on ${options.coverageEnd}, before this ${grain} ends`);
  }
  if (series.starts.length > 0 && (series.starts[0] as number) < coverageStart) {
    dropPeriod(series, 0, `the data start on ${options.coverageStart}, after this ${grain} began`);
  }
  return series;
}

function dropPeriod(series: PeriodSeries, index: number, reason: string): void {
  const start = series.starts[index] as number;
  series.dropped.push({
    start: formatIsoDate(start),
    end: formatIsoDate(periodEndOf(start, series.grain)),
    units: series.units[index] as number,
    reason,
  });
  for (const values of [
    series.starts,
    series.units,
    series.revenue,
    series.rows,
    series.promoRows,
    series.stockoutRows,
  ])
    values.splice(index, 1);
}
