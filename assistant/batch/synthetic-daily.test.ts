import { describe, expect, it } from 'vitest';
import { syntheticDailySeries } from './synthetic-daily';

function weekdayMeans(values: readonly number[]): number[] {
  const sums = new Array<number>(7).fill(0);
  values.forEach((value, day) => {
    sums[day % 7] = (sums[day % 7] as number) + value;
  });
  return sums.map((sum) => sum / (values.length / 7));
}

describe('syntheticDailySeries', () => {
  it('gives the same series for the same seed and index in any order (workers generate their own)', () => {
    const later = syntheticDailySeries(1, 5, 400);
    syntheticDailySeries(1, 4, 400);
    expect(syntheticDailySeries(1, 5, 400)).toEqual(later);
    expect(syntheticDailySeries(1, 6, 400)).not.toEqual(later);
    expect(syntheticDailySeries(2, 5, 400)).not.toEqual(later);
  });

  it('is non-negative whole-unit demand of the requested length', () => {
    const values = syntheticDailySeries(3, 0, 1095);
    expect(values).toHaveLength(1095);
    expect(values.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
  });

  it('has a weekly pattern across series (weekday means differ far beyond noise)', () => {
    let spread = 0;
    for (let index = 0; index < 20; index += 1) {
      const means = weekdayMeans(syntheticDailySeries(9, index, 728));
      const overall = means.reduce((sum, mean) => sum + mean, 0) / 7;
      if (overall > 5)
        spread = Math.max(spread, (Math.max(...means) - Math.min(...means)) / overall);
    }
    expect(spread).toBeGreaterThan(0.2);
  });

  it('rejects a length that is not a positive whole number', () => {
    expect(() => syntheticDailySeries(1, 0, 0)).toThrow(/days/);
  });
});
