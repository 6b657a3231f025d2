import { describe, expect, it } from 'vitest';
import { linearTrend } from '../stats/descriptive';
import { optimisedThetaForecaster } from './optimised-theta';

/** A reproducible noisy trending series (a fixed linear congruential generator). */
function noisyTrend(length: number, seed: number): number[] {
  let state = seed;
  const uniform = () => {
    state = (1103515245 * state + 12345) % 2147483648;
    return state / 2147483648;
  };
  let level = 100;
  return Array.from({ length }, (_, index) => {
    level += (uniform() - 0.5) * 6;
    return level + 0.8 * index;
  });
}

/** In-sample SSE of the OTM recursion for given parameters (Fiorucci et al. 2016, eq. 3-4). */
function otmSse(values: number[], initialLevel: number, alpha: number, theta: number): number {
  const { intercept, slope } = linearTrend(values);
  const a = intercept - slope;
  let level = initialLevel;
  let sse = 0;
  values.forEach((value, time) => {
    const decay = (1 - alpha) ** time;
    const mu = level + (1 - 1 / theta) * (a * decay + (slope * (1 - decay * (1 - alpha))) / alpha);
    sse += (value - mu) ** 2;
    level = alpha * value + (1 - alpha) * level;
  });
  return sse;
}

describe('optimised theta (OTM)', () => {
  const values = noisyTrend(40, 7);
  const result = optimisedThetaForecaster.forecast({
    values,
    period: 1,
    horizon: 6,
    levels: [80, 95],
  });
  const { alpha, theta, initialLevel } = result.parameters as {
    alpha: number;
    theta: number;
    initialLevel: number;
  };

  it('follows the closed-form forecast function of Fiorucci et al. (2016)', () => {
    // Y(n+h|n) = l_n + (1 - 1/theta) [(1-alpha)^n A_n + (h - 1 + (1 - (1-alpha)^(n+1)) / alpha) B_n]
    const { intercept, slope } = linearTrend(values);
    const a = intercept - slope;
    let level = initialLevel;
    for (const value of values) level = alpha * value + (1 - alpha) * level;
    const n = values.length;
    result.mean.forEach((forecast, step) => {
      const expected =
        level +
        (1 - 1 / theta) *
          ((1 - alpha) ** n * a + (step + (1 - (1 - alpha) ** (n + 1)) / alpha) * slope);
      expect(forecast).toBeCloseTo(expected, 8);
    });
  });

  it('fits at least as well as any theta and alpha on a grid (the estimate is optimal)', () => {
    const best = otmSse(values, initialLevel, alpha, theta);
    for (let candidateAlpha = 0.1; candidateAlpha <= 0.99; candidateAlpha += 0.05) {
      for (const candidateTheta of [1, 1.5, 2, 3, 5]) {
        for (const shift of [-5, 0, 5]) {
          const sse = otmSse(values, initialLevel + shift, candidateAlpha, candidateTheta);
          expect(best).toBeLessThanOrEqual(sse * (1 + 1e-9));
        }
      }
    }
    expect(theta).toBeGreaterThanOrEqual(1);
    expect(theta).toBeLessThanOrEqual(5 + 1e-9);
  });

  it('gives intervals that widen with the horizon and contain the forecast', () => {
    const [eighty, ninetyFive] = result.intervals;
    result.mean.forEach((value, step) => {
      expect(ninetyFive!.lower[step]).toBeLessThan(eighty!.lower[step]!);
      expect(eighty!.lower[step]).toBeLessThan(value);
      expect(eighty!.upper[step]).toBeGreaterThan(value);
      if (step > 0) {
        expect(eighty!.upper[step]! - value).toBeGreaterThan(
          eighty!.upper[step - 1]! - result.mean[step - 1]!,
        );
      }
    });
  });

  it('falls back to theta below five observations, and says so', () => {
    const short = optimisedThetaForecaster.forecast({
      values: [3, 5, 4, 6],
      period: 1,
      horizon: 2,
    });
    expect(short.method).toBe('theta');
    expect(short.notes[0]).toMatch(/optimised-theta needs at least 5.*used theta/);
  });
});
