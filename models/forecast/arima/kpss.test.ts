import { describe, expect, it } from 'vitest';
import { reference } from './fixtures/reference';
import { kpssLags, kpssPValue, kpssTest, ndiffs } from './kpss';
import { createRandom } from '../../stats/random';
import { simulateArma } from './simulate';

describe('kpssTest', () => {
  it.each(reference.map((series) => [series.name, series] as const))(
    'matches urca ur.kpss(type = "mu") on %s',
    (_name, series) => {
      const result = kpssTest(series.values);
      expect(result.lags).toBe(series.kpss.lags);
      expect(result.statistic).toBeCloseTo(series.kpss.statistic, 10);
    },
  );

  it('uses trunc(3 sqrt(n) / 13) lags as forecast::ndiffs does', () => {
    expect(kpssLags(100)).toBe(2);
    expect(kpssLags(14)).toBe(0);
  });

  it('drops missing values instead of propagating them', () => {
    const values = [1, 3, 2, 5, 4, 6, 5, 8, 7, 9];
    const withGap = [...values.slice(0, 4), Number.NaN, ...values.slice(4)];
    expect(kpssTest(withGap).statistic).toBeCloseTo(kpssTest(values).statistic, 12);
  });
});

describe('kpssPValue', () => {
  it('interpolates the KPSS table linearly and clamps outside it', () => {
    expect(kpssPValue(0.463)).toBeCloseTo(0.05, 12);
    expect(kpssPValue((0.463 + 0.574) / 2)).toBeCloseTo(0.0375, 12);
    expect(kpssPValue(0.1)).toBe(0.1);
    expect(kpssPValue(5)).toBe(0.01);
  });
});

describe('ndiffs', () => {
  it.each(reference.map((series) => [series.name, series] as const))(
    'chooses the same number of differences as R on %s',
    (_name, series) => {
      expect(ndiffs(series.values)).toBe(series.ndiffs);
    },
  );

  it('leaves stationary noise undifferenced and differences a random walk once', () => {
    const random = createRandom(7);
    const noise = simulateArma(200, {}, random);
    expect(ndiffs(noise)).toBe(0);
    let level = 0;
    const walk = simulateArma(200, {}, random).map((step) => (level += step));
    expect(ndiffs(walk)).toBe(1);
  });

  it('returns 0 for a constant series', () => {
    expect(ndiffs([3, 3, 3, 3, 3])).toBe(0);
  });
});
