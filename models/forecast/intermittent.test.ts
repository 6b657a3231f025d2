import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/r-forecasts.json' with { type: 'json' };
import {
  createCrostonForecaster,
  createSbaForecaster,
  createTsbForecaster,
  crostonForecaster,
  crostonPath,
  sbaForecaster,
  tsbForecaster,
  tsbPath,
} from './intermittent';

describe('Croston against R forecast::croston()', () => {
  for (const series of fixtures.intermittent) {
    it(`${series.id}: forecasts and fitted values match R (alpha ${series.alpha})`, () => {
      const result = crostonForecaster.forecast({
        values: series.values,
        period: 1,
        horizon: series.horizon,
      });
      result.mean.forEach((value, index) =>
        expect(value).toBeCloseTo(series.croston.mean[index] as number, 12),
      );
      result.fitted!.forEach((value, index) => {
        const expected = series.croston.fitted[index];
        if (expected === null || expected === undefined) expect(Number.isNaN(value)).toBe(true);
        else expect(value).toBeCloseTo(expected, 12);
      });
    });
  }
});

const DEMAND = [0, 3, 0, 0, 5, 0, 1, 0, 0, 0, 4, 0, 2, 0, 0, 6, 0, 0, 1, 0];

describe('SBA and TSB', () => {
  it('SBA is Croston scaled by 1 - alpha/2', () => {
    const croston = crostonForecaster.forecast({ values: DEMAND, period: 1, horizon: 3 });
    const sba = sbaForecaster.forecast({ values: DEMAND, period: 1, horizon: 3 });
    sba.mean.forEach((value, index) => expect(value).toBeCloseTo(croston.mean[index]! * 0.95, 12));
  });

  it('TSB decays the forecast by (1 - beta) per period without demand; Croston does not move', () => {
    const stopped = [...DEMAND, 0, 0, 0, 0];
    const tsbBefore = tsbPath(DEMAND, 0.1, 0.2).forecast;
    const tsbAfter = tsbPath(stopped, 0.1, 0.2).forecast;
    // The initial probability depends on the sample share of demand periods, so compare the
    // decay through the last four steps of the same run instead of across runs.
    const fitted = tsbPath(stopped, 0.1, 0.2).fitted;
    expect(tsbAfter / fitted[stopped.length - 1]!).toBeCloseTo(0.8, 12);
    expect(tsbAfter).toBeLessThan(tsbBefore);
    expect(crostonPath(stopped, 0.1).forecast).toBeCloseTo(crostonPath(DEMAND, 0.1).forecast, 12);
  });

  it('forecast zero for a history without demand', () => {
    for (const forecaster of [crostonForecaster, sbaForecaster, tsbForecaster]) {
      const result = forecaster.forecast({ values: [0, 0, 0, 0], period: 1, horizon: 2 });
      expect(result.mean).toEqual([0, 0]);
    }
  });

  it('return no intervals and say so', () => {
    const result = tsbForecaster.forecast({ values: DEMAND, period: 1, horizon: 2, levels: [80] });
    expect(result.intervals).toEqual([]);
    expect(result.notes.join(' ')).toMatch(/No prediction intervals/);
  });
});

describe('optimised smoothing', () => {
  const mse = (fitted: number[]) => {
    let total = 0;
    let count = 0;
    fitted.forEach((value, index) => {
      if (Number.isNaN(value)) return;
      total += (DEMAND[index]! - value) ** 2;
      count += 1;
    });
    return total / count;
  };

  it('Croston picks an alpha whose in-sample MSE is no worse than any on a fine grid', () => {
    const result = createCrostonForecaster({ alpha: 'optimise' }).forecast({
      values: DEMAND,
      period: 1,
      horizon: 1,
    });
    const chosen = mse(crostonPath(DEMAND, result.parameters.alpha as number).fitted);
    for (let alpha = 0.01; alpha <= 0.5; alpha += 0.01) {
      expect(chosen).toBeLessThanOrEqual(mse(crostonPath(DEMAND, alpha).fitted) + 1e-12);
    }
  });

  it('TSB optimises alpha and beta within the bounds and beats the default 0.1/0.1 in sample', () => {
    const result = createTsbForecaster({ alpha: 'optimise', beta: 'optimise' }).forecast({
      values: DEMAND,
      period: 1,
      horizon: 1,
    });
    const { alpha, beta } = result.parameters as { alpha: number; beta: number };
    expect(alpha).toBeGreaterThanOrEqual(0.01);
    expect(beta).toBeLessThanOrEqual(0.5);
    expect(mse(tsbPath(DEMAND, alpha, beta).fitted)).toBeLessThanOrEqual(
      mse(tsbPath(DEMAND, 0.1, 0.1).fitted) + 1e-12,
    );
  });

  it('SBA optimised on MAE reports the criterion in its notes', () => {
    const result = createSbaForecaster({ alpha: 'optimise', criterion: 'mae' }).forecast({
      values: DEMAND,
      period: 1,
      horizon: 1,
    });
    expect(result.notes[0]).toMatch(/MAE/);
  });
});

describe('bad input', () => {
  it('rejects negative demand naming the position', () => {
    expect(() => crostonForecaster.forecast({ values: [1, 0, -2], period: 1, horizon: 1 })).toThrow(
      /values\[2\] = -2 is negative/,
    );
  });

  it('rejects smoothing constants outside (0, 1]', () => {
    expect(() => createCrostonForecaster({ alpha: 1.5 })).toThrow(/alpha/);
    expect(() => createTsbForecaster({ beta: 0 })).toThrow(/beta/);
    expect(() => createSbaForecaster({ alpha: 'optimise', bounds: [0.5, 0.1] })).toThrow(/bounds/);
  });
});
