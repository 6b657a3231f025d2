import { describe, expect, it } from 'vitest';
import { shrinkageCovariance } from './shrinkage-covariance';

describe('shrinkageCovariance', () => {
  it('matches the hand-computed Schäfer–Strimmer intensity on two series (else MinT weights are off)', () => {
    // x1 = [2, 1, -1, -2], x2 = [1, 2, -1, -1]: sample (uncentred) covariance [[2.5, 1.75], [1.75, 1.75]],
    // r^2 = 1.75^2 / (2.5 * 1.75) = 0.7; standardised products w_t = [2, 2, 1, 2] / sqrt(4.375), so
    // Var^(r) = (sum w^2 - (sum w)^2 / n) / (n (n - 1)) = (104/35 - 98/35) / 12 = 1/70, and
    // lambda = 2 (1/70) / (2 * 0.7) = 1/49; shrunk off-diagonal (48/49) 1.75 = 12/7.
    const result = shrinkageCovariance([
      [2, 1, -1, -2],
      [1, 2, -1, -1],
    ]);
    expect(result.intensity).toBeCloseTo(1 / 49, 14);
    expect(result.covariance[0]).toBeCloseTo(2.5, 14);
    expect(result.covariance[3]).toBeCloseTo(1.75, 14);
    expect(result.covariance[1]).toBeCloseTo(12 / 7, 14);
    expect(result.covariance[2]).toBeCloseTo(12 / 7, 14);
  });

  it('uses only time points where every series has a residual (else NaN spreads)', () => {
    const result = shrinkageCovariance([
      [2, 1, Number.NaN, -1, -2],
      [1, 2, 5, -1, -1],
    ]);
    expect(result.observations).toBe(4);
    expect(result.intensity).toBeCloseTo(1 / 49, 14);
  });

  it('names the series whose residuals are all zero (else a NaN covariance reaches MinT)', () => {
    expect(() =>
      shrinkageCovariance([
        [1, 2, 3],
        [0, 0, 0],
      ]),
    ).toThrow(/residuals\[1\]: all residuals are zero/);
  });

  it('refuses fewer than two complete rows (the intensity divides by n - 1)', () => {
    expect(() => shrinkageCovariance([[1], [2]])).toThrow(/needs at least 2/);
  });
});
