import { describe, expect, it } from 'vitest';
import { eoqAllUnitsDiscount, eoqIncrementalDiscount } from './eoq-discounts';
import { expectRelative } from './expect-relative';

// Snyder & Shen 2nd ed. Example 3.5: K = 8, i = 0.3, λ = 1300, breaks 0/400/800, c = 0.75/0.72/0.68.
const example35 = {
  fixedCost: 8,
  holdingCostRate: 0.3,
  demandRate: 1300,
  breakpoints: [0, 400, 800],
  unitCosts: [0.75, 0.72, 0.68],
};

function allUnitsCost(quantity: number): number {
  const region = example35.breakpoints.filter((b) => b <= quantity).length - 1;
  const c = example35.unitCosts[region]!;
  return c * 1300 + (8 * 1300) / quantity + (0.3 * c * quantity) / 2;
}

function incrementalCost(quantity: number): number {
  const { breakpoints, unitCosts } = example35;
  let purchase = 0;
  for (let k = 0; k < breakpoints.length; k += 1) {
    const top = Math.min(quantity, breakpoints[k + 1] ?? Infinity);
    if (top > breakpoints[k]!) purchase += unitCosts[k]! * (top - breakpoints[k]!);
  }
  return (purchase / quantity) * 1300 + (8 * 1300) / quantity + (0.3 * purchase) / 2;
}

describe('eoq_all_units_discount', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 3.6 (Q* = 800 in region 2, g = 978.60), else candidates are missed', () => {
    const result = eoqAllUnitsDiscount(example35);
    expect(result.orderQuantity).toBe(800);
    expect(result.region).toBe(2);
    expectRelative(result.cost, 978.6);
  });

  it("reproduces stockpyl's documented instance (K = 200, i = 0.2, λ = 1000: Q = 500, g = 472900), else the formula or its convention differs from the book", () => {
    const result = eoqAllUnitsDiscount({
      fixedCost: 200,
      holdingCostRate: 0.2,
      demandRate: 1000,
      breakpoints: [0, 200, 500],
      unitCosts: [500, 475, 450],
    });
    expect(result).toMatchObject({ orderQuantity: 500, region: 2 });
    expectRelative(result.cost, 472900);
  });

  it('no order quantity on a fine grid costs less, else the optimum is not global', () => {
    const best = eoqAllUnitsDiscount(example35).cost;
    for (let quantity = 10; quantity <= 3000; quantity += 0.5)
      expect(allUnitsCost(quantity)).toBeGreaterThanOrEqual(best - 1e-9);
  });

  it('rejects breakpoints not starting at 0 or not increasing, and unit costs of the wrong length, else bad input would give a number', () => {
    expect(() => eoqAllUnitsDiscount({ ...example35, breakpoints: [500, 600, 700] })).toThrow(
      /breakpoints/,
    );
    expect(() => eoqAllUnitsDiscount({ ...example35, breakpoints: [0, 800, 400] })).toThrow(
      /breakpoints\[2\]/,
    );
    expect(() => eoqAllUnitsDiscount({ ...example35, unitCosts: [0.75, 0.72] })).toThrow(
      /unit_costs/,
    );
    expect(() => eoqAllUnitsDiscount({ ...example35, unitCosts: [0.75, 0.72, -0.68] })).toThrow(
      /unit_costs\[2\]/,
    );
  });
});

describe('eoq_incremental_discount', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 3.7 (Q* = 304.05 in region 0, g = 1043.41), else the formula or its convention differs from the book', () => {
    const result = eoqIncrementalDiscount(example35);
    expectRelative(result.orderQuantity, 304.04678003);
    expect(result.region).toBe(0);
    expectRelative(result.cost, 1043.41052551);
  });

  it("reproduces stockpyl's documented instance (K = 150, i = 0.25, λ = 2400: Q = 1481.89 in region 2), else the formula or its convention differs from the book", () => {
    const result = eoqIncrementalDiscount({
      fixedCost: 150,
      holdingCostRate: 0.25,
      demandRate: 2400,
      breakpoints: [0, 300, 600],
      unitCosts: [100, 90, 80],
    });
    expectRelative(result.orderQuantity, 1481.8906842274164);
    expect(result.region).toBe(2);
    expectRelative(result.cost, 222762.8136845483);
  });

  it('equals the direct cost at its Q and no grid quantity costs less, else c̄_j is wrong', () => {
    const result = eoqIncrementalDiscount(example35);
    expectRelative(incrementalCost(result.orderQuantity), result.cost, 1e-12);
    for (let quantity = 10; quantity <= 3000; quantity += 0.5)
      expect(incrementalCost(quantity)).toBeGreaterThanOrEqual(result.cost - 1e-9);
  });
});
