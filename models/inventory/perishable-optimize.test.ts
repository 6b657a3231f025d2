import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import {
  optimizePerishablePolicy,
  type OptimizePerishablePolicyOptions,
} from './perishable-optimize';
import { simulatePolicy, type SimulatePolicyOptions } from './simulate-policy';

type Simulation = Omit<SimulatePolicyOptions, 'policy'>;

// Snyder & Shen 2nd ed. Example 4.3: h = 0.18, p = 0.70, demand N(50, 8^2), S* = 56.604
const example43: Simulation = {
  demand: { distribution: 'normal', mean: 50, sd: 8 },
  leadTime: { distribution: 'fixed', days: 0 },
  costs: { holdingCost: 0.18, stockoutCost: 0.7 },
  unmetDemand: 'backorders',
  horizonDays: 600,
  replications: 20,
  random: createRandom(5),
};

// a weekly review of a fresh product that keeps 4 days: stock for the whole week would spoil
const weeklyFresh: Simulation = {
  demand: { distribution: 'normal', mean: 10, sd: 3 },
  leadTime: { distribution: 'fixed', days: 0 },
  costs: { holdingCost: 0.05, stockoutCost: 1.5, wasteCost: 2, co2ePerWastedUnit: 0.8 },
  unmetDemand: 'lost-sales',
  horizonDays: 364,
  replications: 20,
  random: createRandom(9),
};

describe('optimizePerishablePolicy', () => {
  it('with a shelf life far longer than the cycle finds the non-perishable optimum, the newsvendor S* of Example 4.3, else the search or the perishable bookkeeping is wrong', () => {
    const perishable = optimizePerishablePolicy({
      simulation: { ...example43, shelfLifeDays: 365 },
      objective: { type: 'minimize-cost' },
    });
    const durable = optimizePerishablePolicy({
      simulation: example43,
      objective: { type: 'minimize-cost' },
    });
    expect(perishable.policy).toEqual(durable.policy);
    expect(perishable.summary.wasteUnits.mean).toBe(0);
    expect(perishable.policy).toEqual({
      type: 'base-stock',
      orderUpToLevel: 57,
      reviewPeriodDays: 1,
    });
    // the neighbours were simulated and cost more
    const costAt = (level: number): number | undefined =>
      durable.candidates.find(
        (candidate) =>
          candidate.policy.type === 'base-stock' && candidate.policy.orderUpToLevel === level,
      )?.averageCostPerDay.mean;
    expect(costAt(56)).toBeGreaterThan(costAt(57) as number);
    expect(costAt(58)).toBeGreaterThan(costAt(57) as number);
  });

  it('with a short shelf life lowers S and wastes less than the level chosen ignoring perishability, else waste is not priced in', () => {
    const options = (shelfLifeDays?: number): OptimizePerishablePolicyOptions => ({
      simulation: { ...weeklyFresh, ...(shelfLifeDays === undefined ? {} : { shelfLifeDays }) },
      objective: { type: 'minimize-cost' },
      reviewPeriodDays: 7,
    });
    const ignoring = optimizePerishablePolicy(options());
    const aware = optimizePerishablePolicy(options(4));
    const levelOf = (policy: { type: string; orderUpToLevel?: number }): number =>
      policy.orderUpToLevel ?? Number.NaN;
    expect(levelOf(aware.policy)).toBeLessThan(levelOf(ignoring.policy));
    // the level chosen ignoring perishability, run with the real shelf life
    const naive = simulatePolicy({ ...weeklyFresh, shelfLifeDays: 4, policy: ignoring.policy });
    expect(naive.summary.wasteUnits.mean).toBeGreaterThan(aware.summary.wasteUnits.mean);
    expect(naive.summary.averageCostPerDay.mean).toBeGreaterThan(
      aware.summary.averageCostPerDay.mean,
    );
    expect(aware.summary.wasteCo2e.mean).toBeCloseTo(0.8 * aware.summary.wasteUnits.mean, 9);
  });

  it('orders less and wastes less when waste has a cost than when it is free, else waste is left out of the objective', () => {
    const run = (wasteCost: number) =>
      optimizePerishablePolicy({
        simulation: {
          ...weeklyFresh,
          costs: { ...weeklyFresh.costs, wasteCost },
          shelfLifeDays: 4,
        },
        objective: { type: 'minimize-cost' },
        reviewPeriodDays: 3,
      });
    const free = run(0);
    const priced = run(6);
    const level = (policy: { type: string; orderUpToLevel?: number }): number =>
      policy.orderUpToLevel ?? Number.NaN;
    expect(level(priced.policy)).toBeLessThan(level(free.policy));
    expect(priced.summary.wasteUnits.mean).toBeLessThan(free.summary.wasteUnits.mean);
    expect(priced.summary.wasteCost.mean).toBeCloseTo(6 * priced.summary.wasteUnits.mean, 9);
  });

  it('meets a fill-rate target at the least cost: the level below misses it, else the constraint is mishandled', () => {
    const result = optimizePerishablePolicy({
      simulation: { ...example43, shelfLifeDays: 2, unmetDemand: 'lost-sales' },
      objective: { type: 'fill-rate', target: 0.995 },
    });
    const level = result.policy.type === 'base-stock' ? result.policy.orderUpToLevel : Number.NaN;
    expect(result.summary.fillRate.mean).toBeGreaterThanOrEqual(0.995);
    const below = result.candidates.find(
      (candidate) =>
        candidate.policy.type === 'base-stock' && candidate.policy.orderUpToLevel === level - 1,
    );
    expect(below).toBeDefined();
    // either it misses the target or it meets it at a higher cost
    expect(
      below?.feasible === false ||
        (below?.averageCostPerDay.mean ?? 0) > result.summary.averageCostPerDay.mean,
    ).toBe(true);
    expect(
      result.candidates.every(
        (candidate, index, all) =>
          index === 0 || levelOfCandidate(all[index - 1]) <= levelOfCandidate(candidate),
      ),
    ).toBe(true);
  });

  it('optimises (s,S) with a fixed ordering cost no worse than the best base-stock level, else the coordinate search is broken', () => {
    const simulation: Simulation = {
      ...weeklyFresh,
      costs: { ...weeklyFresh.costs, fixedOrderCost: 20 },
      shelfLifeDays: 6,
    };
    const baseStock = optimizePerishablePolicy({
      simulation,
      objective: { type: 'minimize-cost' },
    });
    const sS = optimizePerishablePolicy({
      simulation,
      objective: { type: 'minimize-cost' },
      policyType: 's-S',
    });
    expect(sS.policy.type).toBe('s-S');
    expect(sS.summary.averageCostPerDay.mean).toBeLessThan(
      baseStock.summary.averageCostPerDay.mean,
    );
    // fewer, larger orders than ordering every day
    expect(sS.summary.ordersPlaced.mean).toBeLessThan(baseStock.summary.ordersPlaced.mean);
  });

  it('says which target cannot be met: with a 2-day shelf life and weekly review no level serves 90% of demand', () => {
    expect(() =>
      optimizePerishablePolicy({
        simulation: { ...weeklyFresh, shelfLifeDays: 2, replications: 4, horizonDays: 70 },
        objective: { type: 'fill-rate', target: 0.9 },
        reviewPeriodDays: 7,
      }),
    ).toThrow(/objective\.target.*shelf life of 2 days/);
  });

  it('rejects a zero shelf life, one replication and a target outside (0, 1) by name', () => {
    const base = { simulation: example43, objective: { type: 'minimize-cost' } } as const;
    expect(() =>
      optimizePerishablePolicy({ ...base, simulation: { ...example43, shelfLifeDays: 0 } }),
    ).toThrow(/shelfLifeDays/);
    expect(() =>
      optimizePerishablePolicy({ ...base, simulation: { ...example43, replications: 1 } }),
    ).toThrow(RangeError);
    expect(() =>
      optimizePerishablePolicy({ ...base, objective: { type: 'fill-rate', target: 1.2 } }),
    ).toThrow(/objective\.target/);
    expect(() =>
      optimizePerishablePolicy({ ...base, searchBounds: { lower: 5, upper: 5 } }),
    ).toThrow(/searchBounds\.upper/);
  });
});

function levelOfCandidate(
  candidate: { policy: { type: string; orderUpToLevel?: number } } | undefined,
): number {
  return candidate?.policy.orderUpToLevel ?? Number.NaN;
}
