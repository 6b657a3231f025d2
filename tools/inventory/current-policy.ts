// The policy a listing has been run under, inferred from its stock history (the data has no policy
// table): an order is a day on which the units on order rose; the position (on hand + on order)
// just before it approximates the reorder point and the position just after it the order-up-to
// level. Both are expressed in days of demand cover (divided by the mean daily sales of the 28
// stock-out-free days before the order), and the medians over the recent orders are kept, so the
// inferred policy scales with the demand forecast today as a planner's cover rule would.
import { parseIsoDate } from '../../models/calendar/dates';
import type { ListingDay } from '../tool-context';

export const INFERENCE_WINDOW_DAYS = 120;
const DEMAND_WINDOW_DAYS = 28;

export interface InferredPolicy {
  /** median position before ordering, in days of cover */
  reorderPointDays: number;
  /** median position after ordering, in days of cover */
  orderUpToDays: number;
  /** orders seen in the window */
  orders: number;
  /** the window the medians were taken over, in days (120, or the whole history when it had too few orders) */
  windowDays: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The inferred (s, S) in days of cover from the orders of the last `windowDays` days before
 * `dataEnd` (day number, inclusive); undefined when the history has no stock counts or fewer than
 * two orders with a measurable demand rate (then there is no current policy to compare with).
 */
export function inferCurrentPolicy(
  days: readonly ListingDay[],
  dataEnd: number,
  windowDays = INFERENCE_WINDOW_DAYS,
): InferredPolicy | undefined {
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new RangeError(`windowDays: must be a whole number >= 1, got ${windowDays}`);
  }
  const numbered = days
    .map((day) => ({ day, number: parseIsoDate(day.date) }))
    .filter((entry) => entry.number <= dataEnd)
    .sort((a, b) => a.number - b.number);
  const before: number[] = [];
  const after: number[] = [];
  const windowStart = dataEnd - windowDays + 1;
  for (let index = 1; index < numbered.length; index += 1) {
    const { day, number } = numbered[index]!;
    if (number < windowStart) continue;
    const previous = numbered[index - 1]!.day;
    const onOrder = day.onOrder;
    const previousOnOrder = previous.onOrder;
    if (onOrder == null || previousOnOrder == null || day.onHand == null) continue;
    // A receipt the same day lowers on order by the received batch; the rise still marks an order.
    if (!(onOrder > previousOnOrder)) continue;
    const history = numbered.filter(
      (entry) =>
        entry.number < number && entry.number >= number - DEMAND_WINDOW_DAYS && !entry.day.stockout,
    );
    if (history.length < 7) continue;
    const rate = history.reduce((total, entry) => total + entry.day.units, 0) / history.length;
    if (!(rate > 0)) continue;
    before.push((day.onHand + previousOnOrder) / rate);
    after.push((day.onHand + onOrder) / rate);
  }
  if (before.length < 2) return undefined;
  return {
    reorderPointDays: median(before),
    orderUpToDays: median(after),
    orders: before.length,
    windowDays,
  };
}
