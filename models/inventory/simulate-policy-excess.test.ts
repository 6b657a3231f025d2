import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { simulatePolicy, type SimulatePolicyOptions } from './simulate-policy';

function randomOptions(overrides: Partial<SimulatePolicyOptions> = {}): SimulatePolicyOptions {
  return {
    policy: { type: 's-S', reorderPoint: 40, orderUpToLevel: 160, reviewPeriodDays: 1 },
    demand: { distribution: 'gamma', mean: 12, sd: 6 },
    leadTime: { distribution: 'normal', mean: 3, sd: 1 },
    costs: { holdingCost: 0.1, stockoutCost: 2 },
    unmetDemand: 'lost-sales',
    shelfLifeDays: 20,
    horizonDays: 120,
    warmupDays: 5,
    replications: 6,
    random: createRandom(5),
    ...overrides,
  };
}

describe('simulatePolicy excess stock (units above a threshold)', () => {
  it('averages max(0, end-of-day on hand - that day’s threshold) over the measured days, else the excess KPI is computed on the wrong stock or days', () => {
    const options: SimulatePolicyOptions = {
      policy: { type: 'base-stock', orderUpToLevel: 0 },
      demand: { distribution: 'normal', mean: 3, sd: 0 },
      leadTime: { distribution: 'fixed', days: 0 },
      costs: { holdingCost: 1, stockoutCost: 1 },
      unmetDemand: 'lost-sales',
      initialOnHand: 20,
      horizonDays: 4,
      replications: 2,
      random: createRandom(9),
      excessThresholdUnits: [10, 10, 5, 20],
    };
    // end of day on hand 17, 14, 11, 8: excess 7, 4, 6, 0
    const all = simulatePolicy(options);
    expect(all.replications[0]?.averageExcessUnits).toBe(17 / 4);
    expect(all.summary.averageExcessUnits?.mean).toBe(17 / 4);
    // the warm-up day is left out: (4 + 6 + 0) / 3
    const measured = simulatePolicy({ ...options, warmupDays: 1 });
    expect(measured.replications[0]?.averageExcessUnits).toBe(10 / 3);
    // one threshold for every day: 17-12 = 5, 14-12 = 2, then none
    const flat = simulatePolicy({ ...options, excessThresholdUnits: 12 });
    expect(flat.replications[0]?.averageExcessUnits).toBe(7 / 4);
  });

  it('equals the average on hand with a threshold of 0 in every replication, else excess is not measured on end-of-day stock', () => {
    const result = simulatePolicy(randomOptions({ excessThresholdUnits: 0 }));
    for (const replication of result.replications) {
      expect(replication.averageExcessUnits).toBeCloseTo(replication.averageOnHand, 10);
    }
    expect(result.summary.averageExcessUnits?.mean).toBeCloseTo(
      result.summary.averageOnHand.mean,
      10,
    );
  });

  it('falls as the threshold rises, stays between max(0, average on hand - threshold) and the average on hand, and leaves the other KPIs alone, else it is not a pure measurement', () => {
    const without = simulatePolicy(randomOptions());
    let previous = Infinity;
    for (const threshold of [0, 20, 60, 100, 200]) {
      const result = simulatePolicy(randomOptions({ excessThresholdUnits: threshold }));
      for (const replication of result.replications) {
        const excess = replication.averageExcessUnits as number;
        expect(excess).toBeLessThanOrEqual(replication.averageOnHand + 1e-9);
        // Jensen: the mean of max(0, x - t) is at least max(0, mean x - t)
        expect(excess).toBeGreaterThanOrEqual(
          Math.max(0, replication.averageOnHand - threshold) - 1e-9,
        );
      }
      const mean = result.summary.averageExcessUnits?.mean as number;
      expect(mean).toBeLessThanOrEqual(previous);
      previous = mean;
      expect({ ...result.summary, averageExcessUnits: undefined }).toEqual(without.summary);
    }
    expect(previous).toBe(0);
  });

  it('reports no excess KPI when no threshold is given, else callers without thresholds get a made-up figure', () => {
    const result = simulatePolicy(randomOptions());
    expect(result.summary.averageExcessUnits).toBeUndefined();
    expect(result.replications[0]?.averageExcessUnits).toBeUndefined();
  });

  it.each([
    ['a negative threshold', -1, /excessThresholdUnits: must be >= 0/],
    ['a negative day', new Array<number>(120).fill(5).with(7, -2), /excessThresholdUnits\[7\]/],
    ['an array of the wrong length', [1, 2, 3], /excessThresholdUnits: .*horizonDays \(120\)/],
  ])('%s is refused naming excessThresholdUnits', (_label, threshold, pattern) => {
    expect(() => simulatePolicy(randomOptions({ excessThresholdUnits: threshold }))).toThrow(
      pattern,
    );
  });
});
