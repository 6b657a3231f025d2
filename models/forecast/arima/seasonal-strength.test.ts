import { describe, expect, it } from 'vitest';
import { reference } from './fixtures/reference';
import { interpolateMissing, nsdiffs, seasonalStrength } from './seasonal-strength';
import { createRandom } from '../../stats/random';
import { simulateArma } from './simulate';

const seasonalSeries = reference.filter((series) => series.period > 1);

describe('seasonalStrength and nsdiffs', () => {
  it.each(seasonalSeries.map((series) => [series.name, series] as const))(
    'match forecast seas.heuristic and nsdiffs on %s',
    (_name, series) => {
      expect(seasonalStrength(series.values, series.period)).toBeCloseTo(
        series.seasonal_strength!,
        9,
      );
      expect(nsdiffs(series.values, series.period)).toBe(series.nsdiffs);
    },
  );

  it('differences a strongly seasonal series and leaves noise alone', () => {
    const random = createRandom(11);
    const noise = simulateArma(96, {}, random);
    const seasonal = noise.map((value, index) => value + 10 * Math.cos((2 * Math.PI * index) / 12));
    expect(nsdiffs(seasonal, 12)).toBe(1);
    expect(nsdiffs(noise, 12)).toBe(0);
  });

  it('gives 0 when the series has two periods or fewer, as R does when stl fails', () => {
    expect(nsdiffs([1, 5, 2, 6, 1, 5, 2, 6], 4)).toBe(0);
  });

  it('rejects a non-seasonal period', () => {
    expect(() => nsdiffs([1, 2, 3], 1)).toThrow(RangeError);
  });
});

describe('interpolateMissing', () => {
  it('fills gaps linearly and holds the end values', () => {
    const filled = Array.from(interpolateMissing([Number.NaN, 1, Number.NaN, 3, Number.NaN]));
    expect(filled).toEqual([1, 1, 2, 3, 3]);
  });
});
