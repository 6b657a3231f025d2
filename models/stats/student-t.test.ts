import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  regularizedIncompleteBeta,
  studentTCdf,
  studentTDensity,
  studentTQuantile,
  studentTSurvival,
  studentTUpperQuantile,
} from './student-t';

interface Reference {
  cdf: Array<[number, number, number, number]>;
  quantile: Array<[number, number, number]>;
  upperQuantile: Array<[number, number, number]>;
}

const reference = JSON.parse(
  readFileSync(new URL('./fixtures/scipy-student-t.json', import.meta.url), 'utf8'),
) as Reference;

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}

describe('studentTQuantile', () => {
  it('matches the printed t tables (R qt): otherwise every ESD critical value is wrong', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.995, 3)).toBeCloseTo(5.840909, 6);
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.313752, 6);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302653, 6);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 6);
    expect(studentTQuantile(0.9999, 100)).toBeCloseTo(3.8616, 4);
  });

  it('matches scipy.stats.t.ppf to 1e-10 relative across df and p: otherwise the root-finder stops early', () => {
    for (const [probability, degreesOfFreedom, expected] of reference.quantile) {
      const actual = studentTQuantile(probability, degreesOfFreedom);
      if (expected === 0) expect(actual).toBe(0);
      else expect(relativeError(actual, expected)).toBeLessThan(1e-10);
    }
  });

  it('matches scipy.stats.t.isf far in the tail (down to 1e-20): otherwise ESD thresholds for long series would use 1 - p rounded to 1', () => {
    for (const [tail, degreesOfFreedom, expected] of reference.upperQuantile) {
      expect(relativeError(studentTUpperQuantile(tail, degreesOfFreedom), expected)).toBeLessThan(
        1e-9,
      );
    }
  });

  it('is antisymmetric and tends to the normal quantile as df grows: otherwise the lower half or the large-df limit is broken', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963985, 8);
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(studentTQuantile(0.5, 5)).toBe(0);
  });

  it('inverts the CDF: otherwise quantile and CDF disagree about the same distribution', () => {
    for (const degreesOfFreedom of [1.5, 4, 17, 250]) {
      for (const probability of [0.01, 0.2, 0.51, 0.9, 0.999]) {
        const t = studentTQuantile(probability, degreesOfFreedom);
        expect(studentTCdf(t, degreesOfFreedom)).toBeCloseTo(probability, 12);
      }
    }
  });

  it('names the bad argument: otherwise callers cannot tell which input to fix', () => {
    expect(() => studentTQuantile(1.2, 5)).toThrow(/probability/);
    expect(() => studentTQuantile(0.5, 0)).toThrow(/degreesOfFreedom/);
    expect(() => studentTUpperQuantile(0.7, 5)).toThrow(/tailProbability/);
    expect(() => studentTCdf(Number.NaN, 5)).toThrow(/t: NaN/);
  });
});

describe('studentTCdf and studentTSurvival', () => {
  it('match scipy.stats.t.cdf and .sf to 1e-10 relative: otherwise the incomplete beta continued fraction is wrong', () => {
    for (const [t, degreesOfFreedom, cdf, survival] of reference.cdf) {
      expect(relativeError(studentTCdf(t, degreesOfFreedom), cdf)).toBeLessThan(1e-10);
      expect(relativeError(studentTSurvival(t, degreesOfFreedom), survival)).toBeLessThan(1e-10);
    }
  });

  it('gives the Cauchy CDF at one degree of freedom: otherwise the closed-form check of the beta route fails', () => {
    for (const t of [-3, -0.5, 0.2, 4]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
    }
  });

  it('has a density that integrates to the CDF difference: otherwise Newton steps in the quantile use a wrong slope', () => {
    const degreesOfFreedom = 6;
    let integral = 0;
    const steps = 2000;
    const width = 3 / steps;
    for (let index = 0; index < steps; index += 1) {
      const t = (index + 0.5) * width;
      integral += studentTDensity(t, degreesOfFreedom) * width;
    }
    expect(integral).toBeCloseTo(studentTCdf(3, degreesOfFreedom) - 0.5, 7);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('gives known closed forms (I_x(1,1) = x, I_x(a,1) = x^a, symmetry): otherwise the branch switch is wrong', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 14);
    expect(regularizedIncompleteBeta(0.2, 2.5, 4)).toBeCloseTo(
      1 - regularizedIncompleteBeta(0.8, 4, 2.5),
      14,
    );
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});
