// Where a listing's stock stands for the stock rules: the last count, the sales recorded since,
// and the recent demand it must cover.
import { parseIsoDate } from '../../calendar/dates';
import type { DemandBaseline } from './demand-baseline';
import { formatAmount } from './format';
import type { RuleDay, StockCount } from './types';

export interface StockState {
  /** the day the projection starts from: the later of the count and the last sales day */
  asOf: string;
  count: StockCount;
  /** units recorded as sold after the count, up to asOf */
  soldSinceCount: number;
  /** on hand at asOf: the count less the sales since (never below 0) */
  onHand: number;
  onOrder: number;
  demand: DemandBaseline;
}

/** The count to project from: the given one, else the last day with a recorded, finite onHand. */
export function latestCount(
  days: readonly RuleDay[],
  given: StockCount | null | undefined,
): StockCount | undefined {
  if (given) return given;
  for (let index = days.length - 1; index >= 0; index -= 1) {
    const day = days[index] as RuleDay;
    if (day.onHand !== null && Number.isFinite(day.onHand)) {
      return { date: day.date, onHand: day.onHand, onOrder: day.onOrder };
    }
  }
  return undefined;
}

export function stockState(
  days: readonly RuleDay[],
  count: StockCount,
  demand: DemandBaseline,
): StockState {
  const countDay = parseIsoDate(count.date);
  let soldSinceCount = 0;
  let asOf = count.date;
  for (const day of days) {
    if (parseIsoDate(day.date) <= countDay) continue;
    if (Number.isFinite(day.units) && day.units > 0) soldSinceCount += day.units;
    asOf = day.date;
  }
  return {
    asOf,
    count,
    soldSinceCount,
    onHand: Math.max(0, count.onHand - soldSinceCount),
    onOrder:
      count.onOrder !== null && Number.isFinite(count.onOrder) ? Math.max(0, count.onOrder) : 0,
    demand,
  };
}

/** "on-hand 300" or "on-hand 300 (count of 2024-03-01 less 45 sold since)". */
export function describeOnHand(state: StockState): string {
  return state.soldSinceCount > 0
    ? `on-hand ${formatAmount(state.onHand)} (count of ${state.count.date} less ${formatAmount(state.soldSinceCount)} sold since)`
    : `on-hand ${formatAmount(state.onHand)}`;
}
