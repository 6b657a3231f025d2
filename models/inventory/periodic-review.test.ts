import { describe, expect, it } from 'vitest';
import { expectRelative } from './expect-relative';
import { standardNormalLoss } from './loss-functions';
import { periodicReviewOrderUpTo } from './periodic-review';
import { safetyStockForCycleServiceLevel } from './safety-stock';

const weekly = { reviewPeriod: 2, leadTime: 3, demandMean: 100, demandSd: 30 };

describe('periodic_review_rs', () => {
  it('S = d(R + L) + z_α √((R + L)σ²), else the protection interval is wrong', () => {
    const result = periodicReviewOrderUpTo({ ...weekly, cycleServiceLevel: 0.95 });
    expectRelative(result.protectionMean, 500, 1e-14);
    expectRelative(result.protectionSd, 30 * Math.sqrt(5), 1e-14);
    expectRelative(result.orderUpToLevel, 500 + 1.6448536269514722 * 30 * Math.sqrt(5), 1e-9);
  });

  it('equals the reorder point of a lead time R + L (the protection interval), including lead-time variability', () => {
    const periodic = periodicReviewOrderUpTo({
      ...weekly,
      leadTimeSd: 1.5,
      cycleServiceLevel: 0.9,
    });
    const continuous = safetyStockForCycleServiceLevel({
      demandMean: 100,
      demandSd: 30,
      leadTimeMean: 5,
      leadTimeSd: 1.5,
      cycleServiceLevel: 0.9,
    });
    expectRelative(periodic.orderUpToLevel, continuous.reorderPoint, 1e-12);
  });

  it("a fill-rate target leaves (1 - β) of a review period's demand short per cycle", () => {
    const result = periodicReviewOrderUpTo({ ...weekly, fillRate: 0.99 });
    const shortPerCycle = result.protectionSd * standardNormalLoss(result.safetyFactor);
    expectRelative(shortPerCycle, 0.01 * 100 * 2, 1e-9);
  });

  it('a longer review period needs a higher order-up-to level', () => {
    const short = periodicReviewOrderUpTo({ ...weekly, cycleServiceLevel: 0.95 });
    const long = periodicReviewOrderUpTo({ ...weekly, reviewPeriod: 4, cycleServiceLevel: 0.95 });
    expect(long.orderUpToLevel).toBeGreaterThan(short.orderUpToLevel);
  });

  it('asks for exactly one of cycle_service_level and fill_rate', () => {
    expect(() => periodicReviewOrderUpTo(weekly)).toThrow(/exactly one/);
    expect(() =>
      periodicReviewOrderUpTo({ ...weekly, cycleServiceLevel: 0.9, fillRate: 0.9 }),
    ).toThrow(/exactly one/);
    expect(() => periodicReviewOrderUpTo({ ...weekly, reviewPeriod: 0, fillRate: 0.9 })).toThrow(
      /review_period/,
    );
  });
});
