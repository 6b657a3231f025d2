import { describe, expect, it } from 'vitest';
import { Random } from '../../../models/stats/random';
import { simulateInventory, type InventoryPolicy } from './inventory-sim';

/** A lean policy: little stock beyond the reorder point, so surprises show. */
const lean = (base: InventoryPolicy): InventoryPolicy => ({
  ...base,
  coverDays: 3,
  safetyFactor: 0.8,
});

const policy: InventoryPolicy = {
  leadTimeDays: 3,
  leadTimeSdDays: 0.5,
  moq: 12,
  casePack: 12,
  safetyFactor: 1.3,
  coverDays: 10,
  shelfLifeDays: 365,
  dispersion: 10,
};

function poissonDemand(days: number, level: (day: number) => number, seed: number) {
  const random = new Random(seed);
  return Float64Array.from({ length: days }, (_, day) => random.poisson(level(day)));
}

describe('simulateInventory', () => {
  it('never sells more than demand or stock, and balances stock: received - sold - expired', () => {
    const demand = poissonDemand(400, () => 20, 1);
    const plan = new Float64Array(450).fill(1);
    const result = simulateInventory(demand, plan, 20, policy, new Random(2));
    let previous = 0;
    let received = 0;
    for (let day = 0; day < demand.length; day += 1) {
      const sold = result.sales[day] ?? 0;
      expect(sold).toBeLessThanOrEqual(demand[day] ?? 0);
      expect(result.onHand[day]).toBeGreaterThanOrEqual(0);
      // stock today = stock yesterday + received today - sold - expired; deliveries are whole cases
      const delivery = (result.onHand[day] ?? 0) - previous + sold + (result.expired[day] ?? 0);
      expect(delivery).toBeGreaterThanOrEqual(0);
      expect(delivery % policy.casePack).toBe(0);
      received += delivery;
      previous = result.onHand[day] ?? 0;
    }
    const sold = result.sales.reduce((total, units) => total + units, 0);
    expect(received - sold).toBe(result.onHand[demand.length - 1]);
  });

  it('keeps most days in stock with steady demand and a normal safety factor', () => {
    const demand = poissonDemand(700, () => 30, 3);
    const plan = new Float64Array(760).fill(1);
    const result = simulateInventory(demand, plan, 30, policy, new Random(4));
    const stockoutDays = result.stockout.reduce((total, flag) => total + flag, 0);
    expect(stockoutDays / demand.length).toBeLessThan(0.05);
    const fill =
      result.sales.reduce((total, units) => total + units, 0) /
      demand.reduce((total, units) => total + units, 0);
    expect(fill).toBeGreaterThan(0.97);
  });

  it('runs out, and flags the censored days, when demand doubles without the planner knowing', () => {
    const demand = poissonDemand(300, (day) => (day >= 150 ? 60 : 30), 5);
    const plan = new Float64Array(350).fill(1);
    const result = simulateInventory(demand, plan, 30, lean(policy), new Random(6));
    let censored = 0;
    for (let day = 150; day < 180; day += 1) {
      if ((result.sales[day] ?? 0) < (demand[day] ?? 0)) {
        censored += 1;
        expect(result.stockout[day]).toBe(1);
      }
    }
    expect(censored).toBeGreaterThan(0);
  });

  it('throws away perishables that pass their shelf life, but not long-life goods', () => {
    const demand = poissonDemand(200, () => 2, 7);
    const plan = new Float64Array(260).fill(1);
    const perishable = simulateInventory(
      demand,
      plan,
      2,
      { ...policy, shelfLifeDays: 6, moq: 48 },
      new Random(8),
    );
    expect(perishable.expired.reduce((total, units) => total + units, 0)).toBeGreaterThan(0);
    const lasting = simulateInventory(demand, plan, 2, { ...policy, moq: 48 }, new Random(8));
    expect(lasting.expired.reduce((total, units) => total + units, 0)).toBe(0);
  });

  it('stocks up ahead of a known promotion in the plan', () => {
    const days = 200;
    const plan = new Float64Array(days + 50).fill(1);
    for (let day = 100; day < 110; day += 1) plan[day] = 2.5;
    const demand = poissonDemand(days, (day) => 20 * (plan[day] ?? 1), 9);
    const knows = simulateInventory(demand, plan, 20, lean(policy), new Random(10));
    const flat = new Float64Array(days + 50).fill(1);
    const blind = simulateInventory(demand, flat, 20, lean(policy), new Random(10));
    const outDuring = (result: typeof knows) =>
      result.stockout.subarray(100, 110).reduce((total, flag) => total + flag, 0);
    expect(outDuring(knows)).toBeLessThan(outDuring(blind));
    expect(knows.onHand[99]).toBeGreaterThan(blind.onHand[99] ?? Infinity);
  });
});
