import { describe, expect, it } from 'vitest';
import { createRandom } from '../../stats/random';
import { arForecastVariances, fitArErrors, forecastArErrors } from './ar-errors';

function simulateAr(coefficients: number[], count: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(count + 200);
  for (let t = 0; t < out.length; t += 1) {
    let value = random.normal(0, 1);
    coefficients.forEach((phi, j) => {
      if (t - j - 1 >= 0) value += phi * out[t - j - 1]!;
    });
    out[t] = value;
  }
  return out.subarray(200);
}

describe('AR errors (Yule-Walker, Durbin-Levinson, AIC)', () => {
  it('recovers an AR(2) and its innovation variance (else the short-term dynamics are wrong)', () => {
    const series = simulateAr([0.5, 0.3], 5000, 1);
    const model = fitArErrors(series, 7, series.length);
    expect(model.coefficients.length).toBeGreaterThanOrEqual(2);
    expect(model.coefficients[0]).toBeCloseTo(0.5, 1);
    expect(model.coefficients[1]).toBeCloseTo(0.3, 1);
    expect(model.innovationVariance).toBeGreaterThan(0.93);
    expect(model.innovationVariance).toBeLessThan(1.07);
  });

  it('chooses order 0 for white noise (else forecasts would chase noise)', () => {
    const series = simulateAr([], 3000, 2);
    expect(fitArErrors(series, 7, series.length).coefficients.length).toBeLessThanOrEqual(1);
  });

  it('forecasts AR(1) as phi^h times the last residual with variance sigma^2 sum phi^2j', () => {
    const model = { coefficients: [0.6], innovationVariance: 2 };
    const path = forecastArErrors(model, new Float64Array([0, 1, 10]), 3);
    expect(path[0]).toBeCloseTo(6, 12);
    expect(path[2]).toBeCloseTo(10 * 0.6 ** 3, 12);
    const variances = arForecastVariances(model, 3);
    expect(variances[0]).toBeCloseTo(2, 12);
    expect(variances[1]).toBeCloseTo(2 * (1 + 0.36), 12);
    expect(variances[2]).toBeCloseTo(2 * (1 + 0.36 + 0.1296), 12);
  });

  it('returns an empty model for identically zero residuals instead of dividing by zero', () => {
    expect(fitArErrors(new Float64Array(50), 7, 50)).toEqual({
      coefficients: [],
      innovationVariance: 0,
    });
    expect(() => fitArErrors(new Float64Array(50), -1, 50)).toThrow(/maxOrder/);
  });
});
