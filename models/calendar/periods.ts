// Calendar periods of a day: itself, its ISO week (Monday start) or its calendar month.
import { dayNumberOf, mondayOf, partsOf } from './dates';

export type PeriodGrain = 'day' | 'week' | 'month';

/** Day number of the first day of the period containing `day`. */
export function periodStartOf(day: number, grain: PeriodGrain): number {
  if (grain === 'day') return day;
  if (grain === 'week') return mondayOf(day);
  const { year, month } = partsOf(day);
  return dayNumberOf(year, month, 1);
}

/** Day number of the first day of the period after the one starting at `start`. */
export function nextPeriodStart(start: number, grain: PeriodGrain): number {
  if (grain === 'day') return start + 1;
  if (grain === 'week') return start + 7;
  const { year, month } = partsOf(start);
  return month === 12 ? dayNumberOf(year + 1, 1, 1) : dayNumberOf(year, month + 1, 1);
}

/** Day number of the last day of the period starting at `start`. */
export function periodEndOf(start: number, grain: PeriodGrain): number {
  return nextPeriodStart(start, grain) - 1;
}
