// Expected daily demand from the recent days that nothing explains: promotions, empty shelves
// and days the caller sets aside (a broken feed, an impossible value) are left out.
import { parseIsoDate } from '../../calendar/dates';
import { mean, standardDeviation } from '../../stats/descriptive';
import type { RuleDay } from './types';

export interface DemandBaseline {
  /** mean units a day over the usable days */
  mean: number;
  /** sample standard deviation of the daily units (0 with a single usable day) */
  standardDeviation: number;
  /** usable days the figures come from */
  days: number;
  /** the window: ISO dates, inclusive */
  from: string;
  to: string;
}

/**
 * Demand over the `windowDays` calendar days ending at `endDate` (inclusive); undefined when
 * fewer than `minimumDays` of them are usable. Days without a row are not counted as zeros.
 */
export function recentDemand(
  days: readonly RuleDay[],
  endDate: string,
  windowDays: number,
  minimumDays: number,
  setAside: ReadonlySet<string> = new Set(),
): DemandBaseline | undefined {
  const end = parseIsoDate(endDate);
  const first = end - windowDays + 1;
  const units: number[] = [];
  let from: string | undefined;
  for (const day of days) {
    const dayNumber = parseIsoDate(day.date);
    if (dayNumber < first || dayNumber > end) continue;
    from ??= day.date;
    if (day.promo || day.stockout || setAside.has(day.date)) continue;
    if (!Number.isFinite(day.units) || day.units < 0) continue;
    units.push(day.units);
  }
  if (units.length < Math.max(1, minimumDays) || from === undefined) return undefined;
  return {
    mean: mean(units),
    standardDeviation: units.length > 1 ? standardDeviation(units) : 0,
    days: units.length,
    from,
    to: endDate,
  };
}
