import { describe, expect, it } from 'vitest';
import { createRandom } from '../../models/stats/random';
import {
  chooseInputHorizons,
  combineAutoAndGlobal,
  forecastWithGlobalModel,
  isGlobalMethod,
} from './global-batch';

/** Seeded noisy series around a level with a slow cycle, all of `length` values. */
function seriesSet(count: number, length: number): number[][] {
  const random = createRandom(3);
  return Array.from({ length: count }, () => {
    const level = random.uniform(50, 500);
    return Array.from(
      { length },
      (_, step) => level * (1 + 0.2 * Math.sin(step / 4)) + random.normal(0, level / 20),
    );
  });
}

describe('global batch methods', () => {
  it('names global and auto+global and nothing else (else the CLI would route registry methods to the MLP)', () => {
    expect(isGlobalMethod('global')).toBe(true);
    expect(isGlobalMethod('auto+global')).toBe(true);
    expect(isGlobalMethod('auto')).toBe(false);
    expect(isGlobalMethod('theta')).toBe(false);
  });

  it('chooses the longest input window (3, 2, 1 horizons) that 90% of the series can train on (else short files lose most series)', () => {
    expect(chooseInputHorizons([100, 100, 100], 10)).toBe(3);
    // 40 values hold one window of 3 horizons + 1 horizon; 39 do not
    expect(chooseInputHorizons([40, 39, 100], 10)).toBe(2);
    expect(chooseInputHorizons([...Array(9).fill(40), 10], 10)).toBe(3);
    expect(chooseInputHorizons([25, 25, 100], 10)).toBe(1);
  });

  it('averages the point forecasts and shifts auto intervals by the change (else auto+global bands would not surround its forecast)', () => {
    const combined = combineAutoAndGlobal(
      {
        mean: [10, 20],
        intervals: [{ level: 80, lower: [8, 15], upper: [12, 25] }],
      },
      [14, 10],
    );
    expect(combined.mean).toEqual([12, 15]);
    expect(combined.intervals).toEqual([{ level: 80, lower: [10, 10], upper: [14, 20] }]);
    expect(() => combineAutoAndGlobal({ mean: [1, 2], intervals: [] }, [1])).toThrow(
      /^global: has 1 values/,
    );
  });

  it('forecasts each long series, leaves short ones to the fallback and counts them (else short series would crash the run)', async () => {
    const series = [...seriesSet(8, 60), [5, 6, 7], [1, 2, 3, 4, 5, 6, 7, 8, Number.NaN]];
    const { forecasts, summary } = await forecastWithGlobalModel(series, {
      horizon: 4,
      inputHorizons: 2,
      epochs: 30,
      seeds: 1,
    });
    expect(forecasts).toHaveLength(10);
    forecasts.slice(0, 8).forEach((forecast, index) => {
      expect(forecast).toHaveLength(4);
      // scaled back to the series' level (within a factor of 3 of its last values' mean)
      const last = (series[index] as number[]).slice(-8);
      const level = last.reduce((sum, value) => sum + value, 0) / last.length;
      (forecast as number[]).forEach((value) => {
        expect(value).toBeGreaterThan(level / 3);
        expect(value).toBeLessThan(level * 3);
      });
    });
    expect(forecasts[8]).toBeUndefined();
    expect(forecasts[9]).toBeUndefined();
    expect(summary).toMatchObject({ inputLength: 8, seeds: [1], fallbackSeries: 2 });
    expect(summary.epochsRun).toHaveLength(1);
    expect(summary.trainingSeconds).toBeGreaterThan(0);
  });

  it('with two seeds returns the mean of the two single-seed forecasts (else the seed average would be mis-weighted)', async () => {
    const series = seriesSet(6, 40);
    const options = { horizon: 4, inputHorizons: 2, epochs: 2 };
    const first = await forecastWithGlobalModel(series, { ...options, seed: 5, seeds: 1 });
    const second = await forecastWithGlobalModel(series, { ...options, seed: 6, seeds: 1 });
    const both = await forecastWithGlobalModel(series, { ...options, seed: 5, seeds: 2 });
    expect(both.summary.seeds).toEqual([5, 6]);
    both.forecasts.forEach((forecast, row) =>
      (forecast as number[]).forEach((value, step) => {
        const expected =
          ((first.forecasts[row] as number[])[step] as number) / 2 +
          ((second.forecasts[row] as number[])[step] as number) / 2;
        expect(value).toBeCloseTo(expected, 3);
      }),
    );
    await expect(forecastWithGlobalModel(series, { ...options, seeds: 0 })).rejects.toThrow(
      /^seeds: 0/,
    );
  });
});
