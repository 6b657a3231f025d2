import { describe, expect, it } from 'vitest';
import { naiveForecaster } from './naive';
import { checkForecastInput, fillMissing } from './prepare-input';

describe('fillMissing', () => {
  it('drops missing values at the ends and interpolates inside', () => {
    const result = fillMissing([Number.NaN, 2, Number.NaN, Number.NaN, 8, Number.NaN]);
    expect(result.values).toEqual([2, 4, 6, 8]);
    expect(result).toMatchObject({ leading: 1, trailing: 1, filled: 2 });
  });
});

describe('runMethod via a forecaster', () => {
  it('forecasts from the last observation when the last values are missing', () => {
    const result = naiveForecaster.forecast({
      values: [1, 2, 3, Number.NaN, Number.NaN],
      period: 1,
      horizon: 2,
      levels: [80],
    });
    expect(result.mean).toEqual([3, 3]);
    // The two missing periods count as steps ahead: the interval is the 3- and 4-step one.
    const width = result.intervals[0]!.upper.map((upper, index) => upper - result.mean[index]!);
    expect(width[1]! / width[0]!).toBeCloseTo(Math.sqrt(4 / 3), 12);
    expect(result.fitted).toHaveLength(5);
    expect(result.notes.join(' ')).toMatch(/last 2 values are missing/);
  });

  it('reports interpolated gaps in the notes', () => {
    const result = naiveForecaster.forecast({ values: [1, Number.NaN, 3], period: 1, horizon: 1 });
    expect(result.notes[0]).toMatch(/Filled 1 missing value/);
  });
});

describe('checkForecastInput errors', () => {
  const base = { values: [1, 2, 3], period: 1, horizon: 2 };
  const check = (input: object) => () =>
    checkForecastInput(input as typeof base, 'test', { nonNegative: true });

  it('names a non-numeric value and its position', () => {
    expect(check({ ...base, values: [1, '2', 3] })).toThrow(/values\[1\] is "2" \(string\)/);
    expect(check({ ...base, values: [1, null] })).toThrow(TypeError);
    expect(check({ ...base, values: 'abc' })).toThrow(/must be an array/);
  });

  it('rejects infinite and negative values with the fix', () => {
    expect(check({ ...base, values: [1, Infinity] })).toThrow(/values\[1\] is Infinity/);
    expect(check({ ...base, values: [1, -3] })).toThrow(/mark it missing with NaN/);
  });

  it('rejects impossible horizons and periods', () => {
    for (const horizon of [0, -1, 1.5, Number.NaN, Infinity, 1e9]) {
      expect(check({ ...base, horizon })).toThrow(/horizon/);
    }
    expect(check({ ...base, period: 0 })).toThrow(/period/);
  });

  it('rejects interval levels outside (0, 100)', () => {
    expect(check({ ...base, levels: [80, 100] })).toThrow(/levels\[1\] = 100/);
    expect(check({ ...base, levels: [0.95] })).not.toThrow();
  });

  it('rejects an all-missing series when forecasting', () => {
    expect(() =>
      naiveForecaster.forecast({ values: [Number.NaN, Number.NaN], period: 1, horizon: 1 }),
    ).toThrow(/no observations/);
  });
});
