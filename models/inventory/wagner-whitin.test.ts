import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { wagnerWhitin } from './wagner-whitin';

/** The cost of ordering in exactly the given periods (each order covers demand until the next). */
function planCost(
  demand: number[],
  orderPeriods: number[],
  holding: number,
  fixed: number,
): number {
  let cost = 0;
  orderPeriods.forEach((start, index) => {
    const end = orderPeriods[index + 1] ?? demand.length;
    cost += fixed;
    for (let i = start; i < end; i += 1) cost += holding * (i - start) * demand[i]!;
  });
  return cost;
}

describe('wagner_whitin', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 3.9 (orders 210, 0, 150, 0; cost 1380), else the DP is wrong', () => {
    const result = wagnerWhitin({
      numPeriods: 4,
      holdingCost: 2,
      fixedCost: 500,
      demand: [90, 120, 80, 70],
    });
    expect(result.orderQuantities).toEqual([210, 0, 150, 0]);
    expect(result.cost).toBe(1380);
  });

  it('matches brute force over every set of order periods on random instances, else the DP misses a plan', () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 40; trial += 1) {
      const periods = 1 + Math.floor(random.uniform(0, 1) * 8);
      const demand = Array.from(
        { length: periods },
        () => 1 + Math.floor(random.uniform(0, 1) * 100),
      );
      const holding = 0.5 + random.uniform(0, 1) * 3;
      const fixed = 20 + random.uniform(0, 1) * 400;
      let best = Infinity;
      for (let mask = 0; mask < 1 << (periods - 1); mask += 1) {
        const orders = [0];
        for (let t = 1; t < periods; t += 1) if (mask & (1 << (t - 1))) orders.push(t);
        best = Math.min(best, planCost(demand, orders, holding, fixed));
      }
      const result = wagnerWhitin({
        numPeriods: periods,
        holdingCost: holding,
        fixedCost: fixed,
        demand,
      });
      expect(result.cost).toBeCloseTo(best, 9);
      expect(result.orderQuantities.reduce((a, b) => a + b, 0)).toBe(
        demand.reduce((a, b) => a + b, 0),
      );
    }
  });

  it('places no order in leading periods without demand, else it pays a needless fixed cost', () => {
    const result = wagnerWhitin({
      numPeriods: 3,
      holdingCost: 1,
      fixedCost: 100,
      demand: [0, 0, 50],
    });
    expect(result.orderQuantities).toEqual([0, 0, 50]);
    expect(result.cost).toBe(100);
  });

  it('charges per-period holding costs for each period a unit is held', () => {
    // order 30 in period 1 holds 20 units over period 1 (h = 1): 100 + 20 = 120 < 200
    const result = wagnerWhitin({
      numPeriods: 2,
      holdingCost: [1, 50],
      fixedCost: 100,
      demand: [10, 20],
    });
    expect(result).toEqual({ orderQuantities: [30, 0], cost: 120 });
  });

  it('rejects a demand list of the wrong length or a negative demand, naming the field, else bad input would give a number', () => {
    expect(() =>
      wagnerWhitin({ numPeriods: 3, holdingCost: 1, fixedCost: 1, demand: [1, 2] }),
    ).toThrow(/demand/);
    expect(() =>
      wagnerWhitin({ numPeriods: 2, holdingCost: 1, fixedCost: 1, demand: [1, -2] }),
    ).toThrow(/demand\[1\]/);
  });
});
