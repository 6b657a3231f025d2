// Daily inventory of one listing under a reorder-point / order-up-to policy (s, S) reviewed every
// day, with random lead times (and rare supplier delays), FIFO batches that expire, and sales
// censored by stock: sales = min(demand, on hand). The planner forecasts with an exponentially
// weighted level of the de-seasonalised sales, skipping stockout days, and knows the promotion and
// holiday calendar (the `plan` multipliers) ahead.
import type { Random } from '../../../models/stats/random';
import { isPerishable } from './categories';

export interface InventoryPolicy {
  leadTimeDays: number;
  leadTimeSdDays: number;
  moq: number;
  casePack: number;
  /** z of the safety stock */
  safetyFactor: number;
  /** days of demand ordered beyond the reorder point */
  coverDays: number;
  shelfLifeDays: number;
  /** the demand dispersion the planner assumes for its safety stock */
  dispersion: number;
}

export interface InventoryResult {
  sales: Float64Array;
  stockout: Uint8Array;
  onHand: Float64Array;
  onOrder: Float64Array;
  expired: Float64Array;
}

const SMOOTHING = 0.12;
const DELAY_PROBABILITY = 0.03;

/**
 * Simulates days 0..demand.length-1. `plan` must extend at least leadTime + 1 days past the end;
 * `initialLevel` is the planner's starting estimate of de-seasonalised daily demand.
 */
export function simulateInventory(
  demand: Float64Array,
  plan: Float64Array,
  initialLevel: number,
  policy: InventoryPolicy,
  random: Random,
): InventoryResult {
  const count = demand.length;
  const sales = new Float64Array(count);
  const stockout = new Uint8Array(count);
  const onHand = new Float64Array(count);
  const onOrder = new Float64Array(count);
  const expired = new Float64Array(count);

  const perishable = isPerishable(policy.shelfLifeDays);
  const lifeOnArrival = () =>
    perishable
      ? Math.max(2, Math.floor(policy.shelfLifeDays * random.uniform(0.65, 0.85)))
      : Math.floor(policy.shelfLifeDays * 0.8);
  const batchQuantity: number[] = [];
  const batchLastDay: number[] = [];
  const pendingArrival: number[] = [];
  const pendingQuantity: number[] = [];
  let stock = 0;
  let ordered = 0;
  let level = Math.max(0, initialLevel);
  const horizon = Math.ceil(policy.leadTimeDays) + 1;

  const receive = (quantity: number, day: number) => {
    batchQuantity.push(quantity);
    batchLastDay.push(day + lifeOnArrival() - 1);
    stock += quantity;
  };
  const orderUpTo = (day: number) => {
    let expected = 0;
    let variance = 0;
    for (let ahead = 1; ahead <= horizon; ahead += 1) {
      const mean = level * (plan[day + ahead] ?? 1);
      expected += mean;
      variance += mean + (mean * mean) / policy.dispersion;
    }
    const reorderPoint = expected + policy.safetyFactor * Math.sqrt(variance);
    return { reorderPoint, target: reorderPoint + level * policy.coverDays };
  };
  const roundToCases = (quantity: number) =>
    Math.ceil(Math.max(policy.moq, quantity) / policy.casePack) * policy.casePack;

  receive(roundToCases(orderUpTo(0).target), 0);

  for (let day = 0; day < count; day += 1) {
    for (let index = pendingArrival.length - 1; index >= 0; index -= 1) {
      if ((pendingArrival[index] ?? Infinity) <= day) {
        const quantity = pendingQuantity[index] ?? 0;
        receive(quantity, day);
        ordered -= quantity;
        pendingArrival.splice(index, 1);
        pendingQuantity.splice(index, 1);
      }
    }

    const wanted = demand[day] ?? 0;
    const sold = Math.min(wanted, stock);
    sales[day] = sold;
    const out = stock === 0 || wanted > stock;
    stockout[day] = out ? 1 : 0;
    let remaining = sold;
    for (let index = 0; index < batchQuantity.length && remaining > 0; index += 1) {
      const take = Math.min(remaining, batchQuantity[index] ?? 0);
      batchQuantity[index] = (batchQuantity[index] ?? 0) - take;
      remaining -= take;
    }
    stock -= sold;

    let thrown = 0;
    for (let index = batchQuantity.length - 1; index >= 0; index -= 1) {
      const quantity = batchQuantity[index] ?? 0;
      if (quantity <= 0 || (batchLastDay[index] ?? Infinity) <= day) {
        thrown += quantity;
        batchQuantity.splice(index, 1);
        batchLastDay.splice(index, 1);
      }
    }
    expired[day] = thrown;
    stock -= thrown;

    if (!out) level = SMOOTHING * (sold / (plan[day] ?? 1)) + (1 - SMOOTHING) * level;

    const { reorderPoint, target } = orderUpTo(day);
    if (level > 0 && stock + ordered < reorderPoint) {
      const quantity = roundToCases(target - stock - ordered);
      let leadTime = Math.max(
        1,
        Math.round(random.normal(policy.leadTimeDays, policy.leadTimeSdDays)),
      );
      if (random.chance(DELAY_PROBABILITY)) leadTime = Math.round(leadTime * random.uniform(2, 3));
      pendingArrival.push(day + leadTime);
      pendingQuantity.push(quantity);
      ordered += quantity;
    }
    onHand[day] = stock;
    onOrder[day] = ordered;
  }
  return { sales, stockout, onHand, onOrder, expired };
}
