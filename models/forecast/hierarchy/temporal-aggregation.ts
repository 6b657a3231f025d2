// Temporal aggregation of a daily series to ISO weeks (Monday start, ISO 8601) or calendar months.
import { formatIsoDate } from '../../calendar/dates';
import { periodEndOf, periodStartOf } from '../../calendar/periods';

export type TemporalGrain = 'week' | 'month';

export interface AggregatedPeriod {
  /** ISO date of the period's first calendar day (a Monday for weeks, the 1st for months). */
  start: string;
  /** Calendar days in the period (7 for a week, 28-31 for a month). */
  daysInPeriod: number;
  /** Days of the period the input covers (less than daysInPeriod at a partial edge). */
  daysCovered: number;
  /** Sum of the covered days' values; NaN days are skipped and counted in missingDays. */
  value: number;
  missingDays: number;
}

/**
 * Sums daily values (values[0] is day `firstDay`, a day number as in models/calendar/dates) into
 * weeks or months. Partial first/last periods are kept and flagged by daysCovered < daysInPeriod,
 * so the caller decides whether to drop them before forecasting.
 */
export function aggregateDaily(
  values: readonly number[],
  firstDay: number,
  grain: TemporalGrain,
): AggregatedPeriod[] {
  if (!Number.isInteger(firstDay)) {
    throw new TypeError(`firstDay: expected an integer day number, got ${String(firstDay)}`);
  }
  if (grain !== 'week' && grain !== 'month') {
    throw new RangeError(`grain: "${String(grain)}" is not one of week, month`);
  }
  const periods: AggregatedPeriod[] = [];
  let current: AggregatedPeriod | undefined;
  let currentStart = Number.NaN;
  values.forEach((value, index) => {
    if (typeof value !== 'number') {
      throw new TypeError(`values[${index}]: expected a number, got ${typeof value}`);
    }
    const day = firstDay + index;
    const start = periodStartOf(day, grain);
    if (!current || start !== currentStart) {
      currentStart = start;
      current = {
        start: formatIsoDate(start),
        daysInPeriod: periodEndOf(start, grain) - start + 1,
        daysCovered: 0,
        value: 0,
        missingDays: 0,
      };
      periods.push(current);
    }
    current.daysCovered += 1;
    if (Number.isNaN(value)) current.missingDays += 1;
    else current.value += value;
  });
  return periods;
}
