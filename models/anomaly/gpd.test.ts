import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { fitGpd, gpdQuantile, gpdSurvival } from './gpd';

/** Inverse-CDF draws from a GPD (Hosking & Wallis 1987, eq. 2). */
function drawGpd(seed: number, count: number, shape: number, scale: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const u = random.uniform(0, 1);
    return shape === 0 ? -scale * Math.log(u) : (scale * (Math.pow(u, -shape) - 1)) / shape;
  });
}

describe('generalized Pareto distribution', () => {
  it('recovers the shape and scale of large samples (PWM is consistent): otherwise tail probabilities are wrong', () => {
    for (const [shape, scale] of [
      [0, 2],
      [0.25, 1],
      [-0.2, 3],
    ] as const) {
      const fit = fitGpd(drawGpd(7, 20_000, shape, scale));
      expect(Math.abs(fit.shape - shape)).toBeLessThan(0.04);
      expect(Math.abs(fit.scale / scale - 1)).toBeLessThan(0.04);
    }
  });

  it('gives the exact PWM estimates of a small sample by hand: otherwise the moments are weighted wrongly', () => {
    // y = 1, 2, 4, 8: a0 = 3.75, a1 = (1 * 3/3 + 2 * 2/3 + 4 * 1/3) / 4 = 11/12
    const a0 = 3.75;
    const a1 = 11 / 12;
    const fit = fitGpd([8, 1, 4, 2]);
    expect(fit.shape).toBeCloseTo(-(a0 / (a0 - 2 * a1) - 2), 12);
    expect(fit.scale).toBeCloseTo((2 * a0 * a1) / (a0 - 2 * a1), 12);
  });

  it('clamps a bounded-tail shape and keeps the sample mean: otherwise a few tied exceedances end the tail at the largest', () => {
    // 1, 2, 3, 4 are uniform-like: unclamped xi = -1; clamped to -0.5 with sigma = mean * 1.5
    const fit = fitGpd([1, 2, 3, 4]);
    expect(fit.shape).toBe(-0.5);
    expect(fit.scale).toBeCloseTo(2.5 * 1.5, 12);
  });

  it('survival and quantile are inverses, and the exponential case is exp(-y/sigma): otherwise scores and bounds disagree', () => {
    for (const fit of [
      { shape: 0, scale: 2 },
      { shape: 0.3, scale: 1.5 },
      { shape: -0.3, scale: 1 },
    ]) {
      for (const probability of [0.5, 1e-2, 1e-5])
        expect(gpdSurvival(gpdQuantile(probability, fit), fit)).toBeCloseTo(probability, 10);
    }
    expect(gpdSurvival(3, { shape: 0, scale: 2 })).toBeCloseTo(Math.exp(-1.5), 12);
    expect(gpdSurvival(0, { shape: 0.3, scale: 1 })).toBe(1);
    expect(gpdSurvival(10, { shape: -0.5, scale: 1 })).toBe(0); // beyond the end point sigma / 0.5
  });

  it('rejects fewer than two exceedances and negative ones, naming the argument', () => {
    expect(() => fitGpd([1])).toThrow(/exceedances/);
    expect(() => fitGpd([1, -2])).toThrow(/negative/);
    expect(() => gpdQuantile(0, { shape: 0, scale: 1 })).toThrow(/probability/);
  });
});
