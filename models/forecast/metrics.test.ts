import { describe, expect, it } from 'vitest';
import {
  bias,
  intervalCoverage,
  intervalPinball,
  mape,
  mase,
  maseScale,
  owa,
  pinballLoss,
  rmsse,
  smape,
  wape,
} from './metrics';

const ACTUAL = [100, 110, 90];
const FORECAST = [105, 100, 90];

describe('percentage errors', () => {
  it('computes sMAPE as 200/h sum |y - f| / (|y| + |f|) (M4)', () => {
    // 200/3 * (5/205 + 10/210 + 0)
    expect(smape(ACTUAL, FORECAST)).toBeCloseTo((200 / 3) * (5 / 205 + 10 / 210), 12);
  });

  it('counts a period with actual and forecast both 0 as no error in sMAPE', () => {
    expect(smape([0, 10], [0, 10])).toBe(0);
    expect(smape([0], [5])).toBe(200);
  });

  it('computes MAPE and makes it undefined when an actual is 0', () => {
    expect(mape(ACTUAL, FORECAST)).toBeCloseTo((100 / 3) * (5 / 100 + 10 / 110), 12);
    expect(Number.isNaN(mape([0, 1], [1, 1]))).toBe(true);
  });

  it('computes WAPE as total absolute error over total volume', () => {
    expect(wape(ACTUAL, FORECAST)).toBeCloseTo(15 / 300, 12);
  });

  it('signs bias as forecast minus actual', () => {
    expect(bias(ACTUAL, FORECAST)).toBeCloseTo(-5 / 3, 12);
  });
});

describe('scaled errors', () => {
  const insample = [10, 20, 12, 22, 14, 26];

  it('scales MASE by the in-sample seasonal naive MAE (M4)', () => {
    // Lag-2 differences: 2, 2, 2, 4 -> mean 2.5; lag-1: 10, 8, 10, 8, 12 -> mean 9.6.
    expect(maseScale(insample, 2)).toBeCloseTo(2.5, 12);
    expect(maseScale(insample, 1)).toBeCloseTo(9.6, 12);
    expect(mase([16, 28], [15, 30], insample, 2)).toBeCloseTo(1.5 / 2.5, 12);
  });

  it('computes RMSSE with squared differences (M5)', () => {
    // Lag-1 squared differences: 100, 64, 100, 64, 144 -> mean 94.4.
    expect(rmsse([16, 28], [15, 30], insample)).toBeCloseTo(Math.sqrt(2.5 / 94.4), 12);
  });

  it('gives Infinity MASE when the in-sample series never changes', () => {
    expect(mase([2], [1], [5, 5, 5], 1)).toBe(Infinity);
  });

  it('rejects an in-sample series too short for the period', () => {
    expect(() => maseScale([1, 2], 4)).toThrow(/needs more than 4/);
  });
});

describe('intervals and quantiles', () => {
  it('counts the share of actuals inside the bounds, bounds included', () => {
    expect(intervalCoverage([1, 5, 10, 4], [0, 5, 0, 5], [2, 6, 9, 6])).toBeCloseTo(0.5, 12);
  });

  it('computes the pinball loss asymmetrically', () => {
    // y = 10, q = 8 at tau 0.9: 0.9 * 2; y = 10, q = 12: 0.1 * 2.
    expect(pinballLoss([10, 10], [8, 12], 0.9)).toBeCloseTo((1.8 + 0.2) / 2, 12);
    expect(() => pinballLoss([1], [1], 1)).toThrow(/probability/);
  });

  it('scores an 80% interval as the 10% and 90% quantiles', () => {
    const loss = intervalPinball([10], { level: 80, lower: [8], upper: [11] });
    // Lower bound 8 at tau 0.1 (actual above it): 0.1 * 2; upper 11 at tau 0.9 (actual below): 0.1 * 1.
    expect(loss).toBeCloseTo((0.1 * 2 + 0.1 * 1) / 2, 12);
  });
});

describe('OWA and missing values', () => {
  it('is 1 for Naive2 itself and averages the two relative errors', () => {
    const naive2 = { smape: 10, mase: 2 };
    expect(owa(naive2, naive2)).toBe(1);
    expect(owa({ smape: 8, mase: 1.8 }, naive2)).toBeCloseTo((0.8 + 0.9) / 2, 12);
  });

  it('leaves out periods whose actual value is missing', () => {
    expect(smape([100, Number.NaN], [105, 1])).toBeCloseTo(smape([100], [105]), 12);
    expect(() => smape([Number.NaN], [1])).toThrow(/no non-missing/);
  });

  it('rejects forecasts that do not align with the actuals', () => {
    expect(() => smape([1, 2], [1])).toThrow(/must align/);
    expect(() => smape([1], [Number.NaN])).toThrow(/not a finite forecast/);
  });
});
