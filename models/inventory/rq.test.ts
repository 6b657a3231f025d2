import { describe, expect, it } from 'vitest';
import { expectRelative } from './expect-relative';
import {
  rqEoqPlusSafetyStock,
  rqNormalCost,
  rqNormalOptimal,
  rqPoissonCost,
  rqPoissonOptimal,
} from './rq';

// Snyder & Shen 2nd ed. Example 5.1: h = 0.225, p = 7.5, K = 8, λ = 1300, τ = 150, L = 1/12.
const example51 = {
  holdingCost: 0.225,
  stockoutCost: 7.5,
  fixedCost: 8,
  demandMean: 1300,
  demandSd: 150,
  leadTime: 1 / 12,
};
// Snyder & Shen 2nd ed. Example 5.8: h = 20, p = 150, K = 100, λ = 1.5, L = 2.
const example58 = {
  holdingCost: 20,
  stockoutCost: 150,
  fixedCost: 100,
  demandMean: 1.5,
  leadTime: 2,
};

describe('rq_normal_cost', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 5.1 (g(126.8, 328.5) = 78.0712; g(100, 250) = 87.3465), else the closed-form integral is wrong', () => {
    expectRelative(
      rqNormalCost({ ...example51, reorderPoint: 126.8, orderQuantity: 328.5 }),
      78.071162509282942,
    );
    expectRelative(
      rqNormalCost({ ...example51, reorderPoint: 100, orderQuantity: 250 }),
      87.346478028174985,
    );
  });
});

describe('rq_normal_optimal', () => {
  it("finds Example 5.1's optimum (book: r* ≈ 126.8, Q* ≈ 328.5) at no more cost than the book's rounded policy", () => {
    const result = rqNormalOptimal(example51);
    expect(Math.abs(result.reorderPoint - 126.8)).toBeLessThan(0.1);
    expect(Math.abs(result.orderQuantity - 328.5)).toBeLessThan(0.1);
    expect(result.cost).toBeLessThanOrEqual(
      rqNormalCost({ ...example51, reorderPoint: 126.8, orderQuantity: 328.5 }),
    );
    expectRelative(result.cost, rqNormalCost({ ...example51, ...result }), 1e-12);
  });

  it('agrees with the loss-function solution of Example 5.6 (exact here: the n2(r + Q) it drops is ~1e-14), else the optimisation is imprecise', () => {
    const result = rqNormalOptimal(example51);
    expectRelative(result.reorderPoint, 126.8670634479628);
    expectRelative(result.orderQuantity, 328.4491421980451);
  });

  it('no nearby (r, Q) costs less, else it is not a minimum', () => {
    const best = rqNormalOptimal(example51);
    for (const dr of [-1, 0, 1])
      for (const dq of [-1, 0, 1]) {
        if (dr === 0 && dq === 0) continue;
        const cost = rqNormalCost({
          ...example51,
          reorderPoint: best.reorderPoint + dr,
          orderQuantity: best.orderQuantity + dq,
        });
        expect(cost).toBeGreaterThan(best.cost);
      }
  });

  it('rejects a zero lead time or sd, naming the field, else bad input would give a number', () => {
    expect(() => rqNormalOptimal({ ...example51, leadTime: 0 })).toThrow(/lead_time/);
    expect(() => rqNormalOptimal({ ...example51, demandSd: 0 })).toThrow(/demand_sd/);
  });
});

describe('rq_eoq_plus_safety_stock', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 5.5 (r = 190.34, Q = 304.05), else the formula or its convention differs from the book', () => {
    const result = rqEoqPlusSafetyStock(example51);
    expectRelative(result.reorderPoint, 190.3369965715624);
    expectRelative(result.orderQuantity, 304.0467800264368);
  });
});

describe('rq_poisson_optimal', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 5.8 (r* = 3, Q* = 5, g* = 107.92), else the formula or its convention differs from the book', () => {
    const result = rqPoissonOptimal(example58);
    expect(result.reorderPoint).toBe(3);
    expect(result.orderQuantity).toBe(5);
    expectRelative(result.cost, 107.9235806331498);
  });

  it('rq_poisson_cost reproduces Example 5.8 g(8, 12) = 242.53, else the sum over r + 1..r + Q is off', () => {
    expectRelative(
      rqPoissonCost({ ...example58, reorderPoint: 8, orderQuantity: 12 }),
      242.5281637662021,
    );
  });

  it('exhaustive search over r in [-5, 15], Q in [1, 30] finds nothing cheaper, for several instances, else the search stops too early', () => {
    for (const instance of [
      example58,
      { ...example58, demandMean: 4, leadTime: 1.5 },
      { ...example58, fixedCost: 10, stockoutCost: 40 },
    ]) {
      const best = rqPoissonOptimal(instance);
      for (let r = -5; r <= 15; r += 1)
        for (let q = 1; q <= 30; q += 1)
          expect(
            rqPoissonCost({ ...instance, reorderPoint: r, orderQuantity: q }),
          ).toBeGreaterThanOrEqual(best.cost - 1e-9);
    }
  });
});
