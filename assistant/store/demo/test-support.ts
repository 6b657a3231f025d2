// Helpers for the demo-data tests: collect the lazily generated series and measure them.
import { parseIsoDate } from '../../../models/calendar/dates';
import type { DemoCompany } from './generate';
import type { DemoAnomaly, ListingSeries } from './types';

export function collectSeries(company: DemoCompany): ListingSeries[] {
  return [...company.series()];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length === 0
    ? Number.NaN
    : values.reduce((total, value) => total + value, 0) / values.length;
}

/** Recorded units of a series on the days from..to (absolute day numbers) that it covers. */
export function unitsBetween(series: ListingSeries, from: number, to: number): number[] {
  const values: number[] = [];
  for (
    let day = Math.max(from, series.firstDay);
    day <= Math.min(to, series.firstDay + series.length - 1);
    day += 1
  ) {
    values.push(series.units[day - series.firstDay] ?? 0);
  }
  return values;
}

/** Total units a day over all given series (index 0 = startDay). */
export function dailyTotals(
  seriesList: readonly ListingSeries[],
  startDay: number,
  length: number,
): Float64Array {
  const totals = new Float64Array(length);
  for (const series of seriesList) {
    for (let index = 0; index < series.length; index += 1) {
      const at = series.firstDay + index - startDay;
      if (at >= 0 && at < length) totals[at] = (totals[at] ?? 0) + (series.units[index] ?? 0);
    }
  }
  return totals;
}

/** Mean of totals over days from..to (absolute). */
export function meanBetween(
  totals: Float64Array,
  startDay: number,
  from: number,
  to: number,
): number {
  let sum = 0;
  for (let day = from; day <= to; day += 1) sum += totals[day - startDay] ?? 0;
  return sum / (to - from + 1);
}

/** Mean units by weekday (0 = Sunday), normalised to mean 1, over the given series. */
export function weekdayProfile(seriesList: readonly ListingSeries[]): number[] {
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (const series of seriesList) {
    for (let index = 0; index < series.length; index += 1) {
      const weekday = (((series.firstDay + index + 4) % 7) + 7) % 7;
      sums[weekday] = (sums[weekday] ?? 0) + (series.units[index] ?? 0);
      counts[weekday] = (counts[weekday] ?? 0) + 1;
    }
  }
  const means = sums.map((sum, weekday) => sum / (counts[weekday] || 1));
  const overall = mean(means);
  return means.map((value) => value / overall);
}

/** Units a listing-day by calendar month (index 0 = January), normalised to mean 1. */
export function monthProfile(seriesList: readonly ListingSeries[]): number[] {
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  for (const series of seriesList) {
    for (let index = 0; index < series.length; index += 1) {
      const month = new Date((series.firstDay + index) * 86_400_000).getUTCMonth();
      sums[month] = (sums[month] ?? 0) + (series.units[index] ?? 0);
      counts[month] = (counts[month] ?? 0) + 1;
    }
  }
  const means = sums.map((sum, month) => sum / (counts[month] || 1));
  const overall = mean(means);
  return means.map((value) => value / overall);
}

/** Mean daily total over [from, to] divided by the mean over the reference windows. */
export function uplift(
  totals: Float64Array,
  startDay: number,
  event: readonly [number, number],
  references: ReadonlyArray<readonly [number, number]>,
): number {
  const reference = mean(references.map(([from, to]) => meanBetween(totals, startDay, from, to)));
  return meanBetween(totals, startDay, event[0], event[1]) / reference;
}

/**
 * For each past promotion x listing with a steady baseline (28 days before, >= 3 units a day):
 * promotion-period mean / baseline and the next 7 days' mean / baseline. Listings with planned
 * anomalies are skipped.
 */
export function promotionRatios(
  company: DemoCompany,
  seriesList: readonly ListingSeries[],
): { uplift: number[]; after: number[] } {
  const bySku = new Map<string, ListingSeries[]>();
  for (const series of seriesList) {
    const list = bySku.get(series.listing.product.sku) ?? [];
    list.push(series);
    bySku.set(series.listing.product.sku, list);
  }
  const upliftRatios: number[] = [];
  const afterRatios: number[] = [];
  for (const promotion of company.promotions) {
    if (promotion.endDay + 7 > company.endDay) continue;
    for (const series of bySku.get(promotion.sku) ?? []) {
      const { listing } = series;
      if (promotion.location !== null && promotion.location !== listing.location.code) continue;
      if (listing.anomalies.length > 0) continue;
      const before = unitsBetween(series, promotion.startDay - 28, promotion.startDay - 1);
      if (before.length < 28 || mean(before) < 3) continue;
      const during = unitsBetween(series, promotion.startDay, promotion.endDay);
      const after = unitsBetween(series, promotion.endDay + 1, promotion.endDay + 7);
      if (after.length < 7) continue;
      upliftRatios.push(mean(during) / mean(before));
      afterRatios.push(mean(after) / mean(before));
    }
  }
  return { uplift: upliftRatios, after: afterRatios };
}

export interface Visibility {
  /** the anomaly's measured size against its neighbourhood (see anomalyVisibility) */
  ratio: number;
  visible: boolean;
}

/**
 * Measures a labelled anomaly in the recorded units against its neighbourhood: typo day / median
 * of the 14 days each side (>= 5), spike window mean / that median (>= 2), drop (<= 0.6), feed
 * outage all zeros where the median is >= 2, level shift median of days +14..+74 / median of the
 * 60 days before (>= 1.35 up, <= 0.75 down).
 */
export function anomalyVisibility(series: ListingSeries, anomaly: DemoAnomaly): Visibility {
  const start = parseIsoDate(anomaly.startDate);
  const end = parseIsoDate(anomaly.endDate);
  const window = unitsBetween(series, start, end);
  const neighbours = median([
    ...unitsBetween(series, start - 14, start - 1),
    ...unitsBetween(series, end + 1, end + 14),
  ]);
  switch (anomaly.kind) {
    case 'typo': {
      const ratio = (window[0] ?? 0) / neighbours;
      return { ratio, visible: ratio >= 5 };
    }
    case 'spike': {
      const ratio = mean(window) / neighbours;
      return { ratio, visible: ratio >= 2 };
    }
    case 'drop': {
      const ratio = mean(window) / neighbours;
      return { ratio, visible: ratio <= 0.6 };
    }
    case 'feed_outage':
      return {
        ratio: neighbours,
        visible: window.every((units) => units === 0) && neighbours >= 2,
      };
    case 'level_shift': {
      const ratio =
        median(unitsBetween(series, start + 14, start + 74)) /
        median(unitsBetween(series, start - 60, start - 1));
      return { ratio, visible: anomaly.magnitude > 1 ? ratio >= 1.35 : ratio <= 0.75 };
    }
  }
}
