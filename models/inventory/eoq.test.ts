import { describe, expect, it } from 'vitest';
import { eoq, eoqBackorders, eoqCost, epq } from './eoq';
import { expectRelative } from './expect-relative';

// Snyder & Shen 2nd ed. Example 3.1: K = 8, h = 0.75 × 0.3, λ = 1300.
const example31 = { fixedCost: 8, holdingCost: 0.225, demandRate: 1300 };

describe('eoq', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 3.1 (Q* = 304.0468, g* = 68.4105), else the EOQ formula is wrong', () => {
    const result = eoq(example31);
    expectRelative(result.orderQuantity, 304.0467800264368);
    expectRelative(result.cost, 68.41052550594829);
  });

  it('reproduces Snyder & Shen 2nd ed. Problem 3.1 (Q* = 1728.11, g* = 475230.21), else the formula or its convention differs from the book', () => {
    const result = eoq({ fixedCost: 2250, holdingCost: 275, demandRate: 500 * 365 });
    expectRelative(result.orderQuantity, 1728.109844993551);
    expectRelative(result.cost, 475230.2073732266);
  });

  it('eoq_cost is least at Q* and equals g* there, else cost and optimum disagree', () => {
    const best = eoq(example31);
    expectRelative(eoqCost({ ...example31, orderQuantity: best.orderQuantity }), best.cost, 1e-12);
    for (const factor of [0.5, 0.9, 0.99, 1.01, 1.1, 2])
      expect(eoqCost({ ...example31, orderQuantity: best.orderQuantity * factor })).toBeGreaterThan(
        best.cost,
      );
  });

  it('rejects negative costs or demand and a zero holding cost, naming the field, else bad input would give a number', () => {
    expect(() => eoq({ ...example31, fixedCost: -8 })).toThrow(/fixed_cost/);
    expect(() => eoq({ ...example31, holdingCost: 0 })).toThrow(/holding_cost/);
    expect(() => eoq({ ...example31, demandRate: -1 })).toThrow(/demand_rate/);
    expect(() => eoqCost({ ...example31, orderQuantity: 0 })).toThrow(/order_quantity/);
  });
});

describe('eoq_backorders', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 3.8 (Q* = 310.81, x* = 0.04306, g* = 66.92), else the formula or its convention differs from the book', () => {
    const result = eoqBackorders({ ...example31, stockoutCost: 5 });
    expectRelative(result.orderQuantity, 310.81255515896464);
    expectRelative(result.stockoutFraction, 0.0430622009569378);
    expectRelative(result.cost, 66.92136355097325);
  });

  it('reproduces Snyder & Shen 2nd ed. Problem 3.2(b), else the formula or its convention differs from the book', () => {
    const result = eoqBackorders({
      fixedCost: 40,
      holdingCost: 165 * 0.17 + 12,
      stockoutCost: 60,
      demandRate: 40 * 52,
    });
    expectRelative(result.orderQuantity, 83.235448128898042);
    expectRelative(result.stockoutFraction, 0.400299850074962);
    expectRelative(result.cost, 1999.148244415212);
  });

  it('tends to the plain EOQ as backorders become very expensive, else the limit is wrong', () => {
    const result = eoqBackorders({ ...example31, stockoutCost: 1e12 });
    expectRelative(result.orderQuantity, eoq(example31).orderQuantity, 1e-9);
  });
});

describe('epq', () => {
  it('reproduces Example 3.1 with a production rate of 2000 (Q* = 513.93, g* = 40.47), else the formula or its convention differs from the book', () => {
    const result = epq({ ...example31, productionRate: 2000 });
    expectRelative(result.orderQuantity, 513.9328595516969);
    expectRelative(result.cost, 40.47221268969612);
  });

  it('reproduces Snyder & Shen 2nd ed. Problem 3.22 (Q* = 171.27, g* = 3.7368), else the formula or its convention differs from the book', () => {
    const result = epq({ fixedCost: 4, holdingCost: 0.08, demandRate: 80, productionRate: 110 });
    expectRelative(result.orderQuantity, 171.2697677155351);
    expectRelative(result.cost, 3.73679493197531);
  });

  it('rejects a production rate not above the demand rate, else bad input would give a number', () => {
    expect(() => epq({ ...example31, productionRate: 1300 })).toThrow(/production_rate/);
  });
});
