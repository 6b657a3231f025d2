import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/r-forecasts.json' with { type: 'json' };
import { classicalDecomposition } from './decompose';
import type { ForecastResult } from './forecaster';
import { naive2Forecaster, naiveForecaster, seasonalNaiveForecaster } from './naive';

interface Bands {
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

function expectMatches(result: ForecastResult, expected: Bands): void {
  const close = (ours: readonly number[], theirs: readonly number[]) =>
    ours.forEach((value, index) =>
      expect(Math.abs(value - (theirs[index] as number))).toBeLessThan(
        1e-9 * Math.max(1, Math.abs(theirs[index] as number)),
      ),
    );
  close(result.mean, expected.mean);
  close(result.intervals[0]!.lower, expected.lower80);
  close(result.intervals[0]!.upper, expected.upper80);
  close(result.intervals[1]!.lower, expected.lower95);
  close(result.intervals[1]!.upper, expected.upper95);
}

describe('naive and seasonal naive against R naive()/snaive()', () => {
  for (const series of fixtures.series) {
    it(`${series.id}: naive means and 80/95% intervals match R`, () => {
      const input = { values: series.values, period: series.period, horizon: series.horizon };
      expectMatches(naiveForecaster.forecast({ ...input, levels: [80, 95] }), series.naive);
    });
    if ('snaive' in series && series.snaive) {
      it(`${series.id}: seasonal naive means and intervals match R`, () => {
        const input = { values: series.values, period: series.period, horizon: series.horizon };
        expectMatches(
          seasonalNaiveForecaster.forecast({ ...input, levels: [80, 95] }),
          series.snaive,
        );
      });
    }
  }
});

describe('seasonal naive', () => {
  it('widens its intervals once per full season ahead', () => {
    const values = Array.from({ length: 24 }, (_, index) => 10 + (index % 4) + (index % 3));
    const result = seasonalNaiveForecaster.forecast({
      values,
      period: 4,
      horizon: 9,
      levels: [95],
    });
    const width = result.intervals[0]!.upper.map((upper, index) => upper - result.mean[index]!);
    expect(width[3]).toBeCloseTo(width[0]!, 12);
    expect(width[4]! / width[0]!).toBeCloseTo(Math.SQRT2, 12);
    expect(width[8]! / width[0]!).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('falls back to naive when the series is shorter than one season, and says so', () => {
    const result = seasonalNaiveForecaster.forecast({ values: [3, 4, 5], period: 12, horizon: 2 });
    expect(result.method).toBe('naive');
    expect(result.mean).toEqual([5, 5]);
    expect(result.notes[0]).toMatch(/snaive needs at least 12 observations.*used naive/);
  });
});

describe('naive', () => {
  it('gives no intervals from a single observation and explains why', () => {
    const result = naiveForecaster.forecast({ values: [7], period: 1, horizon: 2, levels: [80] });
    expect(result.mean).toEqual([7, 7]);
    expect(result.intervals).toEqual([]);
    expect(result.notes.join(' ')).toMatch(/no in-sample residuals/);
  });

  it('grows the standard error with the square root of the horizon', () => {
    const result = naiveForecaster.forecast({
      values: [1, 3, 2, 5, 4],
      period: 1,
      horizon: 4,
      levels: [80],
    });
    const width = result.intervals[0]!.upper.map((upper, index) => upper - result.mean[index]!);
    expect(width[3]! / width[0]!).toBeCloseTo(2, 12);
  });
});

describe('naive2 (M4)', () => {
  it('is the naive forecast of the seasonally adjusted series, reseasonalised', () => {
    const pattern = [0.7, 1.4, 1.2, 0.7];
    const values = Array.from(
      { length: 30 },
      (_, index) => (100 + 3 * Math.sin(index)) * (pattern[index % 4] as number),
    );
    const result = naive2Forecaster.forecast({ values, period: 4, horizon: 6 });
    expect(result.parameters.seasonal).toBe(true);
    const { seasonal, figure } = classicalDecomposition(values, 4, 'multiplicative');
    const lastAdjusted = values[29]! / seasonal[29]!;
    result.mean.forEach((value, step) =>
      expect(value).toBeCloseTo(lastAdjusted * figure[(30 + step) % 4]!, 10),
    );
  });

  it('equals naive when the series is not seasonal', () => {
    const values = [5, 6, 7, 6, 8, 9, 8, 10, 11, 10, 12, 13];
    const naive2 = naive2Forecaster.forecast({ values, period: 4, horizon: 3, levels: [80] });
    const naive = naiveForecaster.forecast({ values, period: 4, horizon: 3, levels: [80] });
    expect(naive2.parameters.seasonal).toBe(false);
    expect(naive2.mean).toEqual(naive.mean);
    expect(naive2.intervals).toEqual(naive.intervals);
  });
});
