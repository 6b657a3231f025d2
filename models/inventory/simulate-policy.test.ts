import { describe, expect, it } from 'vitest';
import { normalCdf, normalDensity, normalSurvival } from '../stats/normal';
import { createRandom } from '../stats/random';
import { simulatePolicy, type SimulatePolicyOptions } from './simulate-policy';
import type { Estimate } from './simulation-kpis';

/** Standard normal first-order loss function E[(Z - z)+] (Snyder & Shen 2nd ed. C.3). */
function standardNormalLoss(z: number): number {
  return normalDensity(z) - z * normalSurvival(z);
}

/** E[(X - y)+] for X ~ Normal(mean, sd). */
function normalLoss(y: number, mean: number, sd: number): number {
  return sd * standardNormalLoss((y - mean) / sd);
}

/** Poisson pmf 0..limit by the recurrence p(k) = p(k-1) mean / k. */
function poissonPmf(mean: number, limit: number): number[] {
  const pmf = [Math.exp(-mean)];
  for (let k = 1; k <= limit; k += 1) pmf.push(((pmf[k - 1] as number) * mean) / k);
  return pmf;
}

/**
 * Exact expected cost per period of an (r, nQ) policy under Poisson demand with backorders
 * (Snyder & Shen 2nd ed. eq. 5.37 with the Federgruen-Zheng form (K mu + sum g(y)) / Q): the
 * position after ordering is uniform on r+1..r+Q and g(y) = h E(y - X)+ + p E(X - y)+ where X is
 * the demand over the protection period. `orderRate` is the expected number of orders per period.
 */
function rqPoissonCost(
  r: number,
  quantity: number,
  costs: { holding: number; stockout: number; fixed: number },
  protectionDemandMean: number,
  orderRate: number,
): number {
  const limit = Math.ceil(protectionDemandMean + 40 * Math.sqrt(protectionDemandMean) + 40);
  const pmf = poissonPmf(protectionDemandMean, limit);
  let total = 0;
  for (let y = r + 1; y <= r + quantity; y += 1) {
    let expectedOnHand = 0;
    let expectedBackorders = 0;
    pmf.forEach((probability, x) => {
      if (x < y) expectedOnHand += (y - x) * probability;
      else expectedBackorders += (x - y) * probability;
    });
    total += costs.holding * expectedOnHand + costs.stockout * expectedBackorders;
  }
  return costs.fixed * orderRate + total / quantity;
}

function expectInside(estimate: Estimate, value: number): void {
  expect(value).toBeGreaterThanOrEqual(estimate.lower);
  expect(value).toBeLessThanOrEqual(estimate.upper);
}

const example43 = { holding: 0.18, stockout: 0.7, mean: 50, sd: 8 };
// Snyder & Shen 2nd ed. Example 4.3 (stockpyl newsvendor_normal(0.18, 0.70, 50, 8))
const example43BaseStock = 56.60395592743389;
const example43Cost = 1.9976051931766445;

function newsvendorOptions(overrides: Partial<SimulatePolicyOptions> = {}): SimulatePolicyOptions {
  return {
    policy: { type: 'base-stock', orderUpToLevel: example43BaseStock },
    demand: { distribution: 'normal', mean: example43.mean, sd: example43.sd },
    leadTime: { distribution: 'fixed', days: 0 },
    costs: { holdingCost: example43.holding, stockoutCost: example43.stockout },
    unmetDemand: 'backorders',
    horizonDays: 2000,
    replications: 30,
    // 99% intervals: each agreement check then fails by chance once in 100 seeds, not 20
    confidenceLevel: 0.99,
    random: createRandom(43),
    ...overrides,
  };
}

describe('simulatePolicy agrees with the closed forms', () => {
  it('base-stock with zero lead time costs what the newsvendor formula says (Snyder & Shen 2nd ed. Example 4.3), else the period accounting is wrong', () => {
    const { summary } = simulatePolicy(newsvendorOptions());
    const z = (example43BaseStock - example43.mean) / example43.sd;
    const formula =
      example43.holding * (example43BaseStock - example43.mean) +
      (example43.holding + example43.stockout) * example43.sd * standardNormalLoss(z);
    expect(formula).toBeCloseTo(example43Cost, 12);
    expectInside(summary.averageCostPerDay, example43Cost);
    expect(summary.averageCostPerDay.upper - summary.averageCostPerDay.lower).toBeLessThan(0.03);
    // at the optimum the chance of no stockout is the critical ratio p / (h + p)
    expectInside(summary.cycleServiceLevel, 0.7 / 0.88);
    expectInside(summary.fillRate, 1 - (example43.sd * standardNormalLoss(z)) / example43.mean);
  });

  it('base-stock with a 2-day lead time has the loss-function fill rate and the normal cycle service level, else lead times or backorders are off by a day', () => {
    const mean = 20;
    const sd = 6;
    const level = 70;
    const { summary } = simulatePolicy({
      policy: { type: 'base-stock', orderUpToLevel: level },
      demand: { distribution: 'normal', mean, sd },
      leadTime: { distribution: 'fixed', days: 2 },
      costs: { holdingCost: 1, stockoutCost: 9 },
      unmetDemand: 'backorders',
      horizonDays: 3000,
      warmupDays: 10,
      replications: 30,
      confidenceLevel: 0.99,
      random: createRandom(7),
    });
    // units short on a day = (X_{L+1} - S)+ - (X_L - S)+ with X_k the demand over k days
    const fillRate =
      1 -
      (normalLoss(level, 3 * mean, sd * Math.sqrt(3)) -
        normalLoss(level, 2 * mean, sd * Math.sqrt(2))) /
        mean;
    expectInside(summary.fillRate, fillRate);
    expectInside(summary.cycleServiceLevel, normalCdf(level, 3 * mean, sd * Math.sqrt(3)));
    const expectedOnHand = level - 3 * mean + normalLoss(level, 3 * mean, sd * Math.sqrt(3));
    expectInside(summary.averageOnHand, expectedOnHand);
  });

  it('(r,Q) with Poisson demand and backorders costs the exact formula (Snyder & Shen 2nd ed. Example 5.8: r = 3, Q = 5), else the reorder trigger or the lead time is wrong', () => {
    const costs = { holding: 20, stockout: 150, fixed: 100 };
    // the book's continuous-time value: lead-time demand Poisson(1.5 x 2)
    expect(rqPoissonCost(3, 5, costs, 3, 1.5 / 5)).toBeCloseTo(107.92358063314975, 9);
    // the simulator reviews each of `steps` sub-periods of a year; its exact cost uses the demand
    // over the lead time plus the review period (Zipkin 2000 ch. 6) and the (r, nQ) order rate
    const steps = 25;
    const perStep = 1.5 / steps;
    const pmf = poissonPmf(perStep, 60);
    let orderRate = 0;
    for (let j = 1; j <= 5; j += 1) {
      orderRate += 1 - pmf.slice(0, j).reduce((total, probability) => total + probability, 0);
    }
    orderRate /= 5;
    const exactPerStep = rqPoissonCost(
      3,
      5,
      { holding: costs.holding / steps, stockout: costs.stockout / steps, fixed: costs.fixed },
      perStep * (2 * steps + 1),
      orderRate,
    );
    const { summary } = simulatePolicy({
      policy: { type: 'r-Q', reorderPoint: 3, orderQuantity: 5 },
      demand: { distribution: 'poisson', mean: perStep },
      leadTime: { distribution: 'fixed', days: 2 * steps },
      costs: {
        holdingCost: costs.holding / steps,
        stockoutCost: costs.stockout / steps,
        fixedOrderCost: costs.fixed,
      },
      unmetDemand: 'backorders',
      horizonDays: 400 * steps,
      warmupDays: 4 * steps,
      replications: 30,
      confidenceLevel: 0.99,
      random: createRandom(58),
    });
    expectInside(summary.averageCostPerDay, exactPerStep);
    // and it is close to the book's continuous-review figure per year
    expect(Math.abs(summary.averageCostPerDay.mean * steps - 107.92358063314975)).toBeLessThan(5);
  });

  it('deterministic demand under (r,Q) costs K lambda / Q + h (Q - lambda) / 2 a day (the EOQ cost, Snyder & Shen 2nd ed. eq. 3.4, with end-of-day holding), else deliveries arrive on the wrong day', () => {
    const lambda = 10;
    const fixed = 40;
    const holding = 0.5;
    const costPerDay = (quantity: number): number =>
      simulatePolicy({
        policy: { type: 'r-Q', reorderPoint: 3 * lambda, orderQuantity: quantity },
        demand: { distribution: 'normal', mean: lambda, sd: 0 },
        leadTime: { distribution: 'fixed', days: 3 },
        costs: { holdingCost: holding, stockoutCost: 100, fixedOrderCost: fixed },
        unmetDemand: 'backorders',
        horizonDays: 30 + 12_000,
        warmupDays: 30,
        replications: 2,
        random: createRandom(1),
      }).summary.averageCostPerDay.mean;
    for (const quantity of [50, 120, 200]) {
      const eoqCost = (fixed * lambda) / quantity + (holding * quantity) / 2;
      // over whole cycles only: 12,000 days is a multiple of 10, 12 and 20 days
      expect(costPerDay(quantity)).toBeCloseTo(eoqCost - (holding * lambda) / 2, 9);
    }
    // the end-of-day shift is a constant, so the EOQ (Q* = sqrt(2 K lambda / h) = 40) is best
    expect(costPerDay(40)).toBeLessThan(costPerDay(30));
    expect(costPerDay(40)).toBeLessThan(costPerDay(50));
  });
});

describe('simulatePolicy mechanics', () => {
  it('issues the oldest batch first and discards it at the end of its last day, else FIFO or expiry is wrong', () => {
    const result = simulatePolicy({
      policy: { type: 'base-stock', orderUpToLevel: 0 },
      demand: { distribution: 'normal', mean: 3, sd: 0 },
      leadTime: { distribution: 'fixed', days: 0 },
      costs: { holdingCost: 1, stockoutCost: 2, wasteCost: 4, co2ePerWastedUnit: 0.5 },
      unmetDemand: 'lost-sales',
      shelfLifeDays: 10,
      initialOnHand: [
        { quantity: 5, remainingShelfLifeDays: 5 },
        { quantity: 5, remainingShelfLifeDays: 1 },
      ],
      horizonDays: 4,
      replications: 2,
      random: createRandom(3),
    });
    const first = result.replications[0];
    // day 0: 3 from the 1-day batch, its 2 left are discarded; days 1-2 use the other 5; day 3 none
    expect(first?.wasteUnits).toBe(2);
    expect(first?.wasteValue).toBe(8);
    expect(first?.wasteCo2e).toBe(1);
    expect(first?.unitsShort).toBe(4);
    expect(first?.stockoutDays).toBe(2);
    expect(first?.averageOnHand).toBe((5 + 2 + 0 + 0) / 4);
    expect(first?.totalCost).toBe(7 + 2 * 4 + 8);
    expect(first?.fillRate).toBe(8 / 12);
  });

  it('charges a backordered unit every day it waits and serves backorders before new demand, else backorder accounting is wrong', () => {
    const result = simulatePolicy({
      policy: { type: 's-S', reorderPoint: 2, orderUpToLevel: 6 },
      demand: { distribution: 'normal', mean: 4, sd: 0 },
      leadTime: { distribution: 'fixed', days: 2 },
      costs: { holdingCost: 1, stockoutCost: 10, fixedOrderCost: 3 },
      unmetDemand: 'backorders',
      initialOnHand: 6,
      horizonDays: 3,
      replications: 2,
      random: createRandom(3),
    });
    const first = result.replications[0];
    // day 0: IP 6, no order; 6-4 = 2 left. day 1: IP 2 = s, order 4 (arrives day 3, after the
    // horizon); short 2. day 2: IP 0 + 4 - 2 = 2 = s, order 4 again; short 4, backorders 6.
    expect(first?.ordersPlaced).toBe(2);
    expect(first?.unitsOrdered).toBe(8);
    expect(first?.fixedOrderingCost).toBe(6);
    expect(first?.unitsShort).toBe(6);
    expect(first?.stockoutCost).toBe(10 * (2 + 6));
    expect(first?.holdingCost).toBe(2);
    expect(first?.cycleServiceLevel).toBe(0);
  });

  it('counts service per replenishment cycle, not per day: a weekly order short on the last day of each week has no cycle without a stockout, else the cycle service level is per day', () => {
    const result = simulatePolicy({
      policy: { type: 'base-stock', orderUpToLevel: 65, reviewPeriodDays: 7 },
      demand: { distribution: 'normal', mean: 10, sd: 0 },
      leadTime: { distribution: 'fixed', days: 0 },
      costs: { holdingCost: 1, stockoutCost: 1 },
      unmetDemand: 'lost-sales',
      initialOnHand: 0,
      horizonDays: 364,
      warmupDays: 7,
      replications: 2,
      random: createRandom(2),
    });
    const first = result.replications[0];
    // each week: 65 received on day 0, 5 left before day 6, 5 units short on day 6
    expect(first?.stockoutDays).toBe(51);
    expect(first?.unitsShort).toBe(51 * 5);
    expect(first?.cycleServiceLevel).toBe(0);
    expect(first?.ordersPlaced).toBe(51);
    expect(first?.unitsOrdered).toBe(51 * 65);
    expect(first?.fillRate).toBeCloseTo(65 / 70, 12);
  });

  it('gives every policy the same demand and lead-time streams for one seed, else policy comparisons are not paired', () => {
    const options = (level: number): SimulatePolicyOptions => ({
      ...newsvendorOptions({ horizonDays: 200, replications: 5 }),
      policy: { type: 'base-stock', orderUpToLevel: level, reviewPeriodDays: 3 },
      leadTime: { distribution: 'empirical', days: [1, 2, 5] },
      unmetDemand: 'lost-sales',
      random: createRandom(11),
    });
    const low = simulatePolicy(options(80));
    const high = simulatePolicy(options(200));
    const again = simulatePolicy(options(80));
    expect(low.replications.map((r) => r.unitsDemanded)).toEqual(
      high.replications.map((r) => r.unitsDemanded),
    );
    expect(again).toEqual(low);
    expect(low.summary.fillRate.mean).toBeLessThan(high.summary.fillRate.mean);
    const otherSeed = simulatePolicy({ ...options(80), random: createRandom(12) });
    expect(otherSeed.summary.unitsDemanded.mean).not.toBe(low.summary.unitsDemanded.mean);
  });

  it('draws each demand distribution with its stated mean, else a sampler is mis-parameterised', () => {
    const mean = (demand: SimulatePolicyOptions['demand']): Estimate =>
      simulatePolicy({
        ...newsvendorOptions({ horizonDays: 4000, replications: 10 }),
        demand,
      }).summary.unitsDemanded;
    const perDay = (estimate: Estimate): Estimate => ({
      mean: estimate.mean / 4000,
      standardError: estimate.standardError / 4000,
      lower: estimate.lower / 4000,
      upper: estimate.upper / 4000,
    });
    expectInside(perDay(mean({ distribution: 'gamma', mean: 12, sd: 5 })), 12);
    expectInside(perDay(mean({ distribution: 'poisson', mean: 3.5 })), 3.5);
    expectInside(perDay(mean({ distribution: 'negative-binomial', mean: 6, dispersion: 1.5 })), 6);
    expectInside(perDay(mean({ distribution: 'empirical', samples: [0, 2, 10] })), 4);
    // uniform on [10, 30] given by its quantiles
    expectInside(
      perDay(mean({ distribution: 'quantiles', probabilities: [0.25, 0.75], values: [15, 25] })),
      20,
    );
  });
});

describe('simulatePolicy rejects bad input by name', () => {
  const cases: [string, Partial<SimulatePolicyOptions>, RegExp][] = [
    [
      'negative holding cost',
      { costs: { holdingCost: -1, stockoutCost: 1 } },
      /costs\.holdingCost/,
    ],
    ['zero shelf life', { shelfLifeDays: 0 }, /shelfLifeDays/],
    ['one replication', { replications: 1 }, /replications/],
    ['negative demand mean', { demand: { distribution: 'poisson', mean: -2 } }, /demand\.mean/],
    ['negative demand sd', { demand: { distribution: 'normal', mean: 2, sd: -1 } }, /demand\.sd/],
    ['fractional lead time', { leadTime: { distribution: 'fixed', days: 1.5 } }, /leadTime\.days/],
    ['warm-up past the horizon', { warmupDays: 2000 }, /warmupDays/],
    [
      'per-day means of the wrong length',
      { demand: { distribution: 'poisson', mean: [1, 2] } },
      /demand\.mean.*horizonDays/,
    ],
    [
      'reorder point above the order-up-to level',
      { policy: { type: 's-S', reorderPoint: 9, orderUpToLevel: 5 } },
      /policy\.reorderPoint/,
    ],
    [
      'zero order quantity',
      { policy: { type: 'r-Q', reorderPoint: 1, orderQuantity: 0 } },
      /orderQuantity/,
    ],
  ];
  it.each(cases)('%s is a RangeError naming the field', (_label, overrides, pattern) => {
    expect(() => simulatePolicy(newsvendorOptions(overrides))).toThrow(RangeError);
    expect(() => simulatePolicy(newsvendorOptions(overrides))).toThrow(pattern);
  });
});
