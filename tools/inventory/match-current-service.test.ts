import { describe, expect, it } from 'vitest';
import { simulateFromToday, type SimulationPlan } from './compare-policies';
import { matchCurrentService } from './match-current-service';
import type { ListingFacts } from './recommend-policy';

const days = 60;
const facts = (overrides: Partial<ListingFacts> = {}): ListingFacts => ({
  demand: {
    mean: new Array<number>(days).fill(20),
    sd: new Array<number>(days).fill(8),
    dailyMean: 20,
    dailySd: 8,
    method: 'recent-mean',
    note: null,
  },
  leadTimeDays: 4,
  leadTimeSdDays: 1,
  moq: 1,
  shelfLifeDays: null,
  locationCode: 'AQP',
  costs: { holdingCost: 0.01, stockoutCost: 2, wasteCost: 3 },
  ...overrides,
});

const plan: SimulationPlan = {
  horizonDays: days,
  replications: 8,
  seed: 41,
  unitCost: 1,
  excessThresholdUnits: null,
};
const stock = { onHand: 150, onOrder: 0 };
const sS = (reorderPoint: number, orderUpToLevel: number) => ({
  type: 's-S' as const,
  reorderPoint,
  orderUpToLevel,
  reviewPeriodDays: 1,
});
// the current policy holds a deep buffer; the recommendation starts with a thin one, Q = 280
const current = sS(140, 420);
const thin = sS(60, 340);

describe('matchCurrentService', () => {
  it('finds the smallest reorder point whose fill rate and cycle service both reach the current policy’s on streams independent of the comparison’s (else equal service is not equal, or stock is wasted)', () => {
    const matched = matchCurrentService({
      facts: facts(),
      stock,
      plan,
      current,
      recommended: thin,
      maximumCoverDays: 45,
    });
    expect(matched.met).toBe(true);
    const calibration = { ...plan, seed: plan.seed + 1 };
    const currentThere = simulateFromToday(current, facts(), stock, calibration);
    expect(matched.floor.fillRate).toBe(Math.min(0.999, currentThere.fillRate));
    expect(matched.floor.cycleServiceLevel).toBe(Math.min(0.999, currentThere.cycleServiceLevel));
    const { reorderPoint, orderUpToLevel } = matched.policy;
    expect(orderUpToLevel - reorderPoint).toBe(280);
    expect(reorderPoint).toBe(134);
    const meets = (level: number) => {
      const outcome = simulateFromToday(sS(level, level + 280), facts(), stock, calibration);
      return (
        outcome.fillRate >= matched.floor.fillRate &&
        outcome.cycleServiceLevel >= matched.floor.cycleServiceLevel
      );
    };
    expect(meets(reorderPoint)).toBe(true);
    expect(meets(reorderPoint - 1)).toBe(false);
    expect(matched.reached.fillRate).toBeGreaterThanOrEqual(matched.floor.fillRate);
  });

  it('keeps a recommendation that already delivers the current service (else a better policy is made worse)', () => {
    const matched = matchCurrentService({
      facts: facts(),
      stock,
      plan,
      current: thin,
      recommended: current,
      maximumCoverDays: 45,
    });
    expect(matched.met).toBe(true);
    expect(matched.policy).toEqual(current);
  });

  it('stops at the maximum cover, S <= d (L + maximum days), and says the match was missed (else a perishable is stocked to expire)', () => {
    // 8 days of cover at most: S <= 20 x (4 + 8) = 240, s <= 240 - 280 < the thin s: no raise
    const capped = matchCurrentService({
      facts: facts(),
      stock,
      plan,
      current,
      recommended: thin,
      maximumCoverDays: 8,
    });
    expect(capped.met).toBe(false);
    expect(capped.policy).toEqual(thin);
    // 15 days: S <= 20 x 19 = 380, s <= 100, below the 134 the current service needs (first test)
    const partly = matchCurrentService({
      facts: facts(),
      stock,
      plan,
      current,
      recommended: thin,
      maximumCoverDays: 15,
    });
    expect(partly.met).toBe(false);
    expect(partly.policy).toEqual(sS(100, 380));
    expect(partly.reached.fillRate).toBeLessThan(partly.floor.fillRate);
  });

  it('refuses a recommendation whose S is not above its s by name', () => {
    expect(() =>
      matchCurrentService({
        facts: facts(),
        stock,
        plan,
        current,
        recommended: sS(10, 10),
        maximumCoverDays: 45,
      }),
    ).toThrow(/recommended: orderUpToLevel/);
  });
});
