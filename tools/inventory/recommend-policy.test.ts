import { describe, expect, it } from 'vitest';
import { safetyStockForCycleServiceLevel } from '../../models/inventory/safety-stock';
import { simulatePolicy } from '../../models/inventory/simulate-policy';
import { createRandom } from '../../models/stats/random';
import type { DailyDemandEstimate } from './listing-demand';
import {
  demandDistribution,
  maximumPerishableCoverDays,
  orderCoverDays,
  recommendPolicy,
  type ListingFacts,
} from './recommend-policy';

function flatDemand(mean: number, sd: number, days = 60): DailyDemandEstimate {
  return {
    mean: new Array<number>(days).fill(mean),
    sd: new Array<number>(days).fill(sd),
    dailyMean: mean,
    dailySd: sd,
    method: 'recent-mean',
    note: null,
  };
}

const facts = (overrides: Partial<ListingFacts>): ListingFacts => ({
  demand: flatDemand(40, 12),
  leadTimeDays: 2,
  leadTimeSdDays: 0.5,
  moq: 1,
  shelfLifeDays: 365,
  locationCode: 'AQP',
  costs: { holdingCost: 0.01, stockoutCost: 2, wasteCost: 4 },
  ...overrides,
});

describe('recommendPolicy', () => {
  it("reproduces the policy document's worked example for a cycle service level (LAC-001 at Arequipa, CSL 90 %: SS = 33.6) (else the closed form or its inputs are wrong)", () => {
    const recommendation = recommendPolicy(
      facts({}),
      { measure: 'cycle-service-level', level: 0.9 },
      { replications: 2, seed: 1 },
    );
    expect(recommendation.safetyStock).toBeCloseTo(1.2815515655446004 * Math.sqrt(688), 9);
    const expected = safetyStockForCycleServiceLevel({
      demandMean: 40,
      demandSd: 12,
      leadTimeMean: 2,
      leadTimeSd: 0.5,
      cycleServiceLevel: 0.9,
    });
    // plus the expected undershoot at a daily review, E[D^2] / (2 E[D]) = (144 + 1600) / 80
    expect(recommendation.policy.reorderPoint).toBe(Math.ceil(expected.reorderPoint + 1744 / 80));
    expect(recommendation.policy.orderUpToLevel - recommendation.policy.reorderPoint).toBe(14 * 40);
  });

  it('delivers its fill-rate target when a non-perishable is simulated with daily review (else the closed form leaves out the undershoot)', () => {
    const item = facts({ demand: flatDemand(40, 12, 180) });
    const recommendation = recommendPolicy(
      item,
      { measure: 'fill-rate', level: 0.98 },
      { replications: 2, seed: 1 },
    );
    const result = simulatePolicy({
      policy: recommendation.policy,
      demand: demandDistribution(item.demand),
      leadTime: { distribution: 'normal', mean: 2, sd: 0.5 },
      costs: item.costs,
      unmetDemand: 'lost-sales',
      horizonDays: 180,
      replications: 40,
      random: createRandom(9),
    });
    expect(result.summary.fillRate.upper).toBeGreaterThanOrEqual(0.98);
    expect(result.summary.fillRate.mean).toBeLessThan(0.995);
  });

  it('orders at least the MOQ and 28 days of cover in Iquitos (else the order quantity ignores the policy)', () => {
    expect(orderCoverDays(365, 'IQT')).toBe(28);
    expect(orderCoverDays(20, 'IQT')).toBe(5);
    const recommendation = recommendPolicy(
      facts({ moq: 1000 }),
      { measure: 'fill-rate', level: 0.98 },
      { replications: 2, seed: 1 },
    );
    expect(recommendation.orderQuantity).toBe(1000);
  });

  it('meets the fill-rate target for a perishable in simulation, with S within the shelf-life cap (else the search or the cap is wrong)', () => {
    const perishable = facts({ shelfLifeDays: 20, demand: flatDemand(30, 9, 90) });
    const recommendation = recommendPolicy(
      perishable,
      { measure: 'fill-rate', level: 0.95 },
      { replications: 10, seed: 3 },
    );
    expect(recommendation.method).toBe('simulation');
    const cap = Math.ceil(30 * (2 + maximumPerishableCoverDays(20, 2)));
    expect(recommendation.policy.orderUpToLevel).toBeLessThanOrEqual(cap);
    const check = simulatePolicy({
      policy: recommendation.policy,
      demand: demandDistribution(perishable.demand),
      leadTime: { distribution: 'normal', mean: 2, sd: 0.5 },
      costs: perishable.costs,
      unmetDemand: 'lost-sales',
      horizonDays: 90,
      replications: 10,
      random: createRandom(3),
      shelfLifeDays: 18,
    });
    expect(check.summary.fillRate.mean).toBeGreaterThanOrEqual(0.95);
    // one unit less on the reorder point misses the target: it is the least stock that meets it
    const lower = simulatePolicy({
      ...{
        demand: demandDistribution(perishable.demand),
        leadTime: { distribution: 'normal' as const, mean: 2, sd: 0.5 },
        costs: { ...perishable.costs, stockoutCost: 0 },
        unmetDemand: 'lost-sales' as const,
        horizonDays: 90,
        replications: 10,
        random: createRandom(3),
        shelfLifeDays: 18,
      },
      policy: {
        ...recommendation.policy,
        reorderPoint: recommendation.policy.reorderPoint - 1,
        orderUpToLevel: recommendation.policy.orderUpToLevel - 1,
      },
    });
    expect(lower.summary.fillRate.mean).toBeLessThan(0.95);
  });

  it('recommends no reorder without expected demand, and rejects a service level outside (0, 1) naming it', () => {
    const idle = recommendPolicy(
      facts({ demand: flatDemand(0, 0) }),
      { measure: 'fill-rate', level: 0.95 },
      { replications: 2, seed: 1 },
    );
    expect(idle.orderQuantity).toBe(0);
    expect(() =>
      recommendPolicy(facts({}), { measure: 'fill-rate', level: 95 }, { replications: 2, seed: 1 }),
    ).toThrow(/service level/);
  });
});
