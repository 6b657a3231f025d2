import { describe, expect, it } from 'vitest';
import { simulateFromToday, type SimulationPlan } from './compare-policies';
import type { ListingFacts } from './recommend-policy';

const facts: ListingFacts = {
  demand: {
    mean: new Array<number>(40).fill(10),
    sd: new Array<number>(40).fill(4),
    dailyMean: 10,
    dailySd: 4,
    method: 'recent-mean',
    note: null,
  },
  leadTimeDays: 3,
  leadTimeSdDays: 0,
  moq: 1,
  shelfLifeDays: null,
  locationCode: 'AQP',
  costs: { holdingCost: 0.01, stockoutCost: 2, wasteCost: 3 },
};

const plan = (excessThresholdUnits: SimulationPlan['excessThresholdUnits']): SimulationPlan => ({
  horizonDays: 30,
  replications: 4,
  seed: 3,
  unitCost: 2.5,
  excessThresholdUnits,
});

const policy = { type: 's-S' as const, reorderPoint: 40, orderUpToLevel: 180, reviewPeriodDays: 1 };
const stock = { onHand: 400, onOrder: 0 };

describe('simulateFromToday excess stock', () => {
  it('values the units above the thresholds at unit cost, all stock with thresholds of 0 (else the excess value is not the units above the maximum cover at cost)', () => {
    const all = simulateFromToday(policy, facts, stock, plan(new Array<number>(30).fill(0)));
    expect(all.averageExcessUnits).toBeCloseTo(all.averageOnHand, 9);
    expect(all.averageExcessValue).toBeCloseTo(all.averageOnHand * 2.5, 9);
    // 20 days of cover at 10 a day: the opening 400 units are excess until they sell down
    const above = simulateFromToday(policy, facts, stock, plan(new Array<number>(30).fill(200)));
    expect(above.averageExcessUnits).toBeGreaterThan(0);
    expect(above.averageExcessUnits).toBeLessThan(above.averageOnHand);
    expect(above.averageExcessValue).toBeCloseTo(above.averageExcessUnits * 2.5, 9);
    expect(above.fillRate).toBe(all.fillRate);
  });

  it('reports no excess where the policy sets no maximum cover (else items without a limit get a made-up excess)', () => {
    const none = simulateFromToday(policy, facts, stock, plan(null));
    expect(none.averageExcessUnits).toBe(0);
    expect(none.averageExcessValue).toBe(0);
    expect(none.averageOnHand).toBeGreaterThan(0);
  });
});
