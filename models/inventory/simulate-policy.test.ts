import { describe, expect, it } from 'vitest';
import { normalCdf } from '../stats/normal';
import { createRandom } from '../stats/random';
import { eoq, eoqCost } from './eoq';
import { normalLoss as normalLosses, standardNormalLoss } from './loss-functions';
import { newsvendorNormal, newsvendorNormalCost } from './newsvendor';
import { rqPoissonCost } from './rq';
import { ssPoissonCost, ssPoissonOptimal } from './ss-poisson';
import { simulatePolicy, type SimulatePolicyOptions } from './simulate-policy';
import type { Estimate } from './simulation-kpis';

/** E[(X - y)+] for X ~ Normal(mean, sd). */
function normalLoss(y: number, mean: number, sd: number): number {
  return normalLosses(y, mean, sd).loss;
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
    const closedForm = newsvendorNormal({
      holdingCost: example43.holding,
      stockoutCost: example43.stockout,
      demandMean: example43.mean,
      demandSd: example43.sd,
    });
    expect(closedForm.baseStockLevel).toBeCloseTo(example43BaseStock, 9);
    expect(closedForm.cost).toBeCloseTo(example43Cost, 12);
    const { summary } = simulatePolicy(newsvendorOptions());
    expectInside(summary.averageCostPerDay, example43Cost);
    expect(summary.averageCostPerDay.upper - summary.averageCostPerDay.lower).toBeLessThan(0.03);
    // at the optimum the chance of no stockout is the critical ratio p / (h + p)
    expectInside(summary.cycleServiceLevel, 0.7 / 0.88);
    const z = (example43BaseStock - example43.mean) / example43.sd;
    expectInside(summary.fillRate, 1 - (example43.sd * standardNormalLoss(z)) / example43.mean);
  });

  it('base-stock with a 2-day lead time has the newsvendor cost over 3 days, the loss-function fill rate and the normal cycle service level, else lead times or backorders are off by a day', () => {
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
    const cost = newsvendorNormalCost({
      holdingCost: 1,
      stockoutCost: 9,
      demandMean: mean,
      demandSd: sd,
      leadTime: 2,
      baseStockLevel: level,
    });
    expectInside(summary.averageCostPerDay, cost);
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
    const example58 = { holdingCost: 20, stockoutCost: 150, fixedCost: 100 };
    const policy = { reorderPoint: 3, orderQuantity: 5 };
    expect(rqPoissonCost({ ...example58, demandMean: 1.5, leadTime: 2, ...policy })).toBeCloseTo(
      107.92358063314975,
      9,
    );
    // the simulator reviews each of `steps` sub-periods of a year; in discrete time the exact cost
    // takes the demand over the lead time plus the review period (Zipkin 2000 ch. 6), and the
    // (r, nQ) order rate E[min(D, Q)] / Q, equal to lambda / Q here to 1e-9
    const steps = 25;
    const perStep = 1.5 / steps;
    const exactPerStep = rqPoissonCost({
      holdingCost: example58.holdingCost / steps,
      stockoutCost: example58.stockoutCost / steps,
      fixedCost: example58.fixedCost,
      demandMean: perStep,
      leadTime: 2 * steps + 1,
      ...policy,
    });
    const { summary } = simulatePolicy({
      policy: { type: 'r-Q', ...policy },
      demand: { distribution: 'poisson', mean: perStep },
      leadTime: { distribution: 'fixed', days: 2 * steps },
      costs: {
        holdingCost: example58.holdingCost / steps,
        stockoutCost: example58.stockoutCost / steps,
        fixedOrderCost: example58.fixedCost,
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

  it('(s,S) with Poisson demand and backorders costs the Zheng-Federgruen formula at the optimum of Snyder & Shen 2nd ed. Example 4.7 (s = 4, S = 10), else (s,S) ordering or fixed costs are wrong', () => {
    const example47 = { holdingCost: 1, stockoutCost: 4, fixedCost: 5, demandMean: 6 };
    const optimum = ssPoissonOptimal(example47);
    expect([optimum.reorderPoint, optimum.orderUpToLevel]).toEqual([4, 10]);
    const simulate = (reorderPoint: number, orderUpToLevel: number) =>
      simulatePolicy({
        policy: { type: 's-S', reorderPoint, orderUpToLevel },
        demand: { distribution: 'poisson', mean: example47.demandMean },
        leadTime: { distribution: 'fixed', days: 0 },
        costs: { holdingCost: 1, stockoutCost: 4, fixedOrderCost: 5 },
        unmetDemand: 'backorders',
        horizonDays: 3000,
        warmupDays: 20,
        replications: 30,
        confidenceLevel: 0.99,
        random: createRandom(47),
      }).summary.averageCostPerDay;
    expectInside(simulate(4, 10), optimum.cost);
    expectInside(
      simulate(2, 14),
      ssPoissonCost({ ...example47, reorderPoint: 2, orderUpToLevel: 14 }),
    );
  });

  it('deterministic demand under (r,Q) costs the EOQ cost K lambda / Q + h Q / 2 less h lambda / 2 (end-of-day holding; Snyder & Shen 2nd ed. eq. 3.3), and the EOQ is the best order quantity, else deliveries arrive on the wrong day', () => {
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
    const input = { fixedCost: fixed, holdingCost: holding, demandRate: lambda };
    for (const quantity of [50, 120, 200]) {
      // over whole cycles only: 12,000 days is a multiple of 5, 12 and 20 days
      expect(costPerDay(quantity)).toBeCloseTo(
        eoqCost({ ...input, orderQuantity: quantity }) - (holding * lambda) / 2,
        9,
      );
    }
    // the end-of-day shift is a constant, so the EOQ (Q* = sqrt(2 K lambda / h) = 40) is best
    expect(eoq(input).orderQuantity).toBeCloseTo(40, 12);
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

  it('receives an order already in the pipeline on its arrival day, else the current on-order stock is ignored', () => {
    const result = simulatePolicy({
      policy: { type: 'base-stock', orderUpToLevel: 0 },
      demand: { distribution: 'normal', mean: 5, sd: 0 },
      leadTime: { distribution: 'fixed', days: 1 },
      costs: { holdingCost: 1, stockoutCost: 1 },
      unmetDemand: 'lost-sales',
      initialOnHand: 0,
      initialPipeline: [{ quantity: 12, arrivalDay: 2 }],
      horizonDays: 5,
      replications: 2,
      random: createRandom(4),
    });
    const first = result.replications[0];
    // days 0-1 short 5 each; day 2 receives 12 and serves 5, day 3 serves 5, day 4 serves 2
    expect(first?.unitsShort).toBe(13);
    expect(first?.averageOnHand).toBe((7 + 2) / 5);
    expect(first?.ordersPlaced).toBe(0);
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
    [
      'a negative empirical demand',
      { demand: { distribution: 'empirical', samples: [3, -1] } },
      /demand\.samples\[1\]/,
    ],
    [
      'quantile probabilities out of order',
      { demand: { distribution: 'quantiles', probabilities: [0.5, 0.1], values: [1, 2] } },
      /demand\.probabilities\[1\]/,
    ],
    [
      'quantiles that decrease',
      { demand: { distribution: 'quantiles', probabilities: [0.1, 0.9], values: [5, 2] } },
      /demand\.values/,
    ],
    [
      'a negative lead-time sd',
      { leadTime: { distribution: 'normal', mean: 2, sd: -1 } },
      /leadTime\.sd/,
    ],
    ['a negative initial stock', { initialOnHand: -5 }, /initialOnHand\.quantity/],
    [
      'an initial batch fresher than the shelf life',
      { shelfLifeDays: 3, initialOnHand: [{ quantity: 5, remainingShelfLifeDays: 4 }] },
      /initialOnHand\[0\]\.remainingShelfLifeDays/,
    ],
  ];
  it.each(cases)('%s is a RangeError naming the field', (_label, overrides, pattern) => {
    expect(() => simulatePolicy(newsvendorOptions(overrides))).toThrow(RangeError);
    expect(() => simulatePolicy(newsvendorOptions(overrides))).toThrow(pattern);
  });
});
