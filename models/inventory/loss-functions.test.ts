import { describe, expect, it } from 'vitest';
import { normalDensity } from '../stats/normal';
import {
  discreteDistribution,
  discreteLoss,
  inverseStandardNormalLoss,
  lognormalLoss,
  normalLoss,
  normalSecondLoss,
  poissonCdf,
  poissonLoss,
  poissonPmf,
  standardNormalComplementaryLoss,
  standardNormalLoss,
  standardNormalSecondLoss,
} from './loss-functions';

/** Composite Simpson's rule on [a, b] with n (even) panels. */
function integrate(f: (x: number) => number, a: number, b: number, n = 20_000): number {
  const step = (b - a) / n;
  let sum = f(a) + f(b);
  for (let index = 1; index < n; index += 1) sum += (index % 2 === 0 ? 2 : 4) * f(a + index * step);
  return (sum * step) / 3;
}

describe('standard normal loss functions', () => {
  it('L(0) is 1/√(2π), else the loss is not E[(Z - z)+]', () => {
    expect(standardNormalLoss(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });

  it('agrees with numerical integration of (t - z)φ(t), else the closed form is wrong', () => {
    for (const z of [-2.5, -0.3, 0, 1.2, 3]) {
      const numeric = integrate((t) => (t - z) * normalDensity(t), z, 12);
      expect(Math.abs(standardNormalLoss(z) - numeric)).toBeLessThan(1e-10);
    }
  });

  it('L̄(z) = z + L(z) and L(-z) = z + L(z), else loss and complementary loss disagree', () => {
    for (const z of [-1.7, 0.4, 2.2]) {
      expect(standardNormalComplementaryLoss(z)).toBeCloseTo(z + standardNormalLoss(z), 13);
      expect(standardNormalLoss(-z)).toBeCloseTo(z + standardNormalLoss(z), 13);
    }
  });

  it('the second-order loss is the integral of L, else (r,Q) costs are wrong', () => {
    for (const z of [-1, 0.5, 2]) {
      const numeric = integrate((t) => standardNormalLoss(t), z, 14);
      expect(Math.abs(standardNormalSecondLoss(z) - numeric)).toBeLessThan(1e-10);
    }
  });

  it('inverts L to full precision, else fill-rate safety stocks drift', () => {
    for (const z of [-3, -0.5, 0, 0.8, 2.5, 4]) {
      expect(inverseStandardNormalLoss(standardNormalLoss(z))).toBeCloseTo(z, 9);
    }
    expect(() => inverseStandardNormalLoss(0)).toThrow(/target/);
  });

  it('scales to N(μ, σ²): n(x) = σL(z), n2(x) = σ²L2(z), else shifted demand is mishandled', () => {
    const { loss, complementaryLoss } = normalLoss(60, 50, 8);
    expect(loss).toBeCloseTo(8 * standardNormalLoss(1.25), 13);
    expect(complementaryLoss - loss).toBeCloseTo(10, 12);
    expect(normalSecondLoss(60, 50, 8)).toBeCloseTo(64 * standardNormalSecondLoss(1.25), 12);
    expect(() => normalLoss(1, 0, 0)).toThrow(/standardDeviation/);
  });
});

describe('Poisson loss functions', () => {
  it('the pmf sums to 1 and the cdf accumulates it, else Poisson policies are off', () => {
    let total = 0;
    for (let k = 0; k <= 200; k += 1) total += poissonPmf(k, 50);
    expect(total).toBeCloseTo(1, 12);
    let cumulative = 0;
    for (let k = 0; k <= 70; k += 1) {
      cumulative += poissonPmf(k, 50);
      expect(poissonCdf(k, 50)).toBeCloseTo(cumulative, 12);
    }
  });

  it('matches the direct sums E[(D - x)+] and E[(x - D)+], else the closed form (C.35) is wrong', () => {
    for (const x of [0, 3, 6, 11, 25]) {
      let loss = 0;
      let complementary = 0;
      for (let d = 0; d <= 100; d += 1) {
        loss += Math.max(0, d - x) * poissonPmf(d, 6);
        complementary += Math.max(0, x - d) * poissonPmf(d, 6);
      }
      const result = poissonLoss(x, 6);
      expect(result.loss).toBeCloseTo(loss, 12);
      expect(result.complementaryLoss).toBeCloseTo(complementary, 12);
    }
  });
});

describe('discrete loss functions', () => {
  it('sums over the support, else the discrete newsvendor is wrong', () => {
    const demand = discreteDistribution([
      [10, 0.2],
      [20, 0.5],
      [30, 0.3],
    ]);
    expect(discreteLoss(20, demand).loss).toBeCloseTo(3, 14);
    expect(discreteLoss(20, demand).complementaryLoss).toBeCloseTo(2, 14);
  });

  it('rejects a pmf not summing to 1 within 1e-9, a negative probability or a repeated value, else bad input would give a number', () => {
    expect(() =>
      discreteDistribution([
        [1, 0.5],
        [2, 0.4999],
      ]),
    ).toThrow(/sum to 0.9999/);
    expect(() =>
      discreteDistribution([
        [1, 1.2],
        [2, -0.2],
      ]),
    ).toThrow(/probability/);
    expect(() =>
      discreteDistribution([
        [1, 0.5],
        [1, 0.5],
      ]),
    ).toThrow(/twice/);
    expect(() => discreteDistribution([])).toThrow(/demand_pmf/);
  });
});

describe('lognormal loss functions', () => {
  it('agree with numerical integration against the lognormal density, else the lognormal newsvendor is off', () => {
    const mu = 6;
    const sigma = 0.3;
    const density = (t: number) => normalDensity(Math.log(t), mu, sigma) / t;
    const x = 350;
    const numericLoss = integrate((t) => (t - x) * density(t), x, 6000, 200_000);
    const numericComplement = integrate((t) => (x - t) * density(t), 1e-9, x, 200_000);
    const result = lognormalLoss(x, mu, sigma);
    expect(Math.abs(result.loss - numericLoss) / numericLoss).toBeLessThan(1e-8);
    expect(Math.abs(result.complementaryLoss - numericComplement) / numericComplement).toBeLessThan(
      1e-8,
    );
  });
});
