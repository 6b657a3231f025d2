// The time axis of a tidy series: integer indexes or ISO dates at a daily, weekly, monthly,
// quarterly or yearly spacing inferred from the dates; positions of observations (so gaps become
// missing values) and the labels that continue a series into its forecast horizon.
import { dayNumberOf, formatIsoDate, partsOf } from '../../models/calendar/dates';

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export const frequencies: readonly Frequency[] = [
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
];

export type SeriesTime =
  | { kind: 'index'; first: number }
  | {
      kind: 'date';
      frequency: Frequency;
      /** Day number of the first period. */
      first: number;
      /** Monthly and longer: the dates are month ends (continue on month ends). */
      monthEnd: boolean;
    };

/** The seasonal period usually used for a frequency (daily data: the week). */
export function seasonalPeriodOf(time: SeriesTime): number {
  if (time.kind === 'index') return 1;
  return { daily: 7, weekly: 52, monthly: 12, quarterly: 4, yearly: 1 }[time.frequency];
}

const MONTHS_PER_STEP = { monthly: 1, quarterly: 3, yearly: 12 } as const;

function greatestCommonDivisor(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function monthNumber(day: number): number {
  const parts = partsOf(day);
  return parts.year * 12 + parts.month - 1;
}

function daysInMonth(year: number, month: number): number {
  return (
    dayNumberOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    dayNumberOf(year, month, 1)
  );
}

function isMonthEnd(day: number): boolean {
  return partsOf(day + 1).day === 1;
}

/** Day number `steps` months after `monthOf` (month number), on `dayOfMonth` or the month end. */
function dayInMonth(month: number, dayOfMonth: number, monthEnd: boolean): number {
  const year = Math.floor(month / 12);
  const monthOfYear = (month % 12) + 1;
  const last = daysInMonth(year, monthOfYear);
  return dayNumberOf(year, monthOfYear, monthEnd ? last : Math.min(dayOfMonth, last));
}

export type InferredFrequency = { frequency: Frequency; monthEnd: boolean } | { problem: string };

/**
 * The frequency of sorted, distinct day numbers: monthly, quarterly or yearly when every date is
 * on the same day of the month (or every date is a month end), else daily or weekly from the
 * greatest common divisor of the gaps. Fewer than two dates: undecidable.
 */
export function inferFrequency(days: readonly number[]): InferredFrequency {
  if (days.length < 2) return { problem: 'one date alone does not show the spacing' };
  const first = days[0] as number;
  const firstDay = partsOf(first).day;
  const sameDayOfMonth = days.every((day) => partsOf(day).day === firstDay);
  const monthEnd = days.every(isMonthEnd);
  if (sameDayOfMonth || monthEnd) {
    let step = 0;
    for (let index = 1; index < days.length; index += 1)
      step = greatestCommonDivisor(
        step,
        monthNumber(days[index] as number) - monthNumber(days[index - 1] as number),
      );
    if (step % 12 === 0) return { frequency: 'yearly', monthEnd };
    if (step % 3 === 0) return { frequency: 'quarterly', monthEnd };
    if (step === 1) return { frequency: 'monthly', monthEnd };
    return { problem: `the dates are ${step} months apart (not monthly, quarterly or yearly)` };
  }
  let step = 0;
  for (let index = 1; index < days.length; index += 1)
    step = greatestCommonDivisor(step, (days[index] as number) - (days[index - 1] as number));
  if (step === 1) return { frequency: 'daily', monthEnd: false };
  if (step % 7 === 0) return { frequency: 'weekly', monthEnd: false };
  return { problem: `the dates are ${step} days apart (not daily or weekly)` };
}

/**
 * The position (0-based period count from `time.first`) of a day, or undefined when the day is
 * not on the series' grid (a Tuesday in a Monday-weekly series, the 3rd in a month-end series).
 */
export function positionOfDay(
  time: SeriesTime & { kind: 'date' },
  day: number,
): number | undefined {
  const { frequency, first } = time;
  if (frequency === 'daily') return day - first;
  if (frequency === 'weekly') return (day - first) % 7 === 0 ? (day - first) / 7 : undefined;
  const months = monthNumber(day) - monthNumber(first);
  const step = MONTHS_PER_STEP[frequency];
  if (months % step !== 0) return undefined;
  const expected = dayInMonth(monthNumber(day), partsOf(first).day, time.monthEnd);
  return expected === day ? months / step : undefined;
}

/** The label of the period at `position` (0 = `time.first`). */
export function labelAt(time: SeriesTime, position: number): string {
  if (time.kind === 'index') return String(time.first + position);
  const { frequency, first } = time;
  if (frequency === 'daily') return formatIsoDate(first + position);
  if (frequency === 'weekly') return formatIsoDate(first + 7 * position);
  const month = monthNumber(first) + position * MONTHS_PER_STEP[frequency];
  return formatIsoDate(dayInMonth(month, partsOf(first).day, time.monthEnd));
}

/** Labels of the `horizon` periods after a series of `length` periods. */
export function futureLabels(time: SeriesTime, length: number, horizon: number): string[] {
  return Array.from({ length: horizon }, (_, step) => labelAt(time, length + step));
}
