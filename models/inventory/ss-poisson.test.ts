import { describe, expect, it } from 'vitest';
import { expectRelative } from './expect-relative';
import { ssPoissonCost, ssPoissonOptimal } from './ss-poisson';

// Snyder & Shen 2nd ed. Example 4.7: h = 1, p = 4, K = 5, D ~ Poisson(6).
const example47 = { holdingCost: 1, stockoutCost: 4, fixedCost: 5, demandMean: 6 };

describe('ss_poisson_optimal', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 4.7 (s* = 4, S* = 10, g* = 8.0341), else the Zheng-Federgruen search is wrong', () => {
    const result = ssPoissonOptimal(example47);
    expect(result.reorderPoint).toBe(4);
    expect(result.orderUpToLevel).toBe(10);
    expectRelative(result.cost, 8.034111561471642);
  });

  it('exhaustive search over s < S in [-3, 30] finds nothing cheaper, for several instances, else the search stops too early', () => {
    for (const instance of [
      example47,
      { ...example47, fixedCost: 50 },
      { ...example47, demandMean: 2.5, stockoutCost: 20 },
    ]) {
      const best = ssPoissonOptimal(instance);
      for (let s = -3; s < 30; s += 1)
        for (let S = s + 1; S <= 30; S += 1)
          expect(
            ssPoissonCost({ ...instance, reorderPoint: s, orderUpToLevel: S }),
          ).toBeGreaterThanOrEqual(best.cost - 1e-9);
    }
  });

  it('with a tiny fixed cost tends to the base-stock policy s = S - 1 at the newsvendor level', () => {
    const result = ssPoissonOptimal({ ...example47, fixedCost: 1e-6 });
    expect(result.orderUpToLevel - result.reorderPoint).toBe(1);
    expect(result.orderUpToLevel).toBe(8); // Example 4.7's newsvendor S* for Poisson(6), h = 1, p = 4
  });

  it('rejects S <= s and a zero fixed cost, naming the field, else bad input would give a number', () => {
    expect(() => ssPoissonCost({ ...example47, reorderPoint: 5, orderUpToLevel: 5 })).toThrow(
      /order_up_to_level/,
    );
    expect(() => ssPoissonOptimal({ ...example47, fixedCost: 0 })).toThrow(/fixed_cost/);
  });
});
