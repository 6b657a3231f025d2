// Hand-made daily rows for the rule tests: consecutive dates from a start, overridable per day.
import { formatIsoDate, parseIsoDate } from '../../calendar/dates';
import type { RuleDay } from './types';

export function makeDays(
  start: string,
  count: number,
  day: (index: number) => Partial<RuleDay> = () => ({}),
): RuleDay[] {
  const first = parseIsoDate(start);
  return Array.from({ length: count }, (_, index) => ({
    date: formatIsoDate(first + index),
    units: 10,
    promo: false,
    stockout: false,
    onHand: null,
    onOrder: null,
    ...day(index),
  }));
}
