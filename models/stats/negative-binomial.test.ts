import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  negativeBinomialLogPmf,
  negativeBinomialLowerTail,
  negativeBinomialQuantile,
  negativeBinomialUpperTail,
} from './negative-binomial';

/** [y, mean, dispersion (null = Poisson), logpmf, P(Y <= y), P(Y >= y)] from SciPy. */
type Row = [number, number, number | null, number, number, number];

interface Reference {
  rows: Row[];
  far: Row[];
  quantiles: Array<[number, number, number | null, number]>;
}

const reference = JSON.parse(
  readFileSync(new URL('./fixtures/scipy-negative-binomial.json', import.meta.url), 'utf8'),
) as Reference;

const shape = (dispersion: number | null): number => dispersion ?? Infinity;

/** Sum of the pmf from 0 to `top` by exponentiating each log term (the slow, obvious way). */
function bruteLowerTail(top: number, mean: number, dispersion: number): number {
  let total = 0;
  for (let y = 0; y <= top; y += 1) total += Math.exp(negativeBinomialLogPmf(y, mean, dispersion));
  return total;
}

describe('negativeBinomialLogPmf', () => {
  it('matches SciPy nbinom/poisson logpmf to 1e-10: otherwise the gamma-Poisson mass is wrong', () => {
    for (const [y, mean, dispersion, logPmf] of reference.rows) {
      expect(negativeBinomialLogPmf(y, mean, shape(dispersion))).toBeCloseTo(logPmf, 10);
    }
  });

  it('sums to 1 over its support: otherwise the normalising constant is off', () => {
    for (const [mean, dispersion, top] of [
      [4, 2, 400],
      [0.3, 0.5, 400],
      [40, 5, 2000],
      [3, Infinity, 200],
    ] as const) {
      expect(bruteLowerTail(top, mean, dispersion)).toBeCloseTo(1, 12);
    }
  });

  it('is -Infinity off the support and puts all mass on 0 at mean 0: otherwise fractional or negative counts get probability', () => {
    expect(negativeBinomialLogPmf(2.5, 4, 2)).toBe(-Infinity);
    expect(negativeBinomialLogPmf(-1, 4, 2)).toBe(-Infinity);
    expect(negativeBinomialLogPmf(0, 0, 2)).toBe(0);
    expect(negativeBinomialLogPmf(3, 0, 2)).toBe(-Infinity);
  });

  it('approaches the Poisson as the dispersion grows: otherwise k = Infinity is not the limit of large k', () => {
    // at k = 1e7 the two differ by ~5e-7; far larger k loses digits to ln Gamma(y + k) - ln Gamma(k)
    const poisson = negativeBinomialLogPmf(7, 3, Infinity);
    expect(negativeBinomialLogPmf(7, 3, 1e7)).toBeCloseTo(poisson, 5);
    expect(negativeBinomialLowerTail(4, 3, 1e7)).toBeCloseTo(
      negativeBinomialLowerTail(4, 3, Infinity),
      6,
    );
  });
});

describe('negativeBinomialLowerTail and negativeBinomialUpperTail', () => {
  it('give ppois(2, 3) = 0.4231901 (R): otherwise the Poisson tail sum is wrong', () => {
    expect(negativeBinomialLowerTail(2, 3, Infinity)).toBeCloseTo(0.4231901, 7);
  });

  it('give pnbinom(5, size = 2, mu = 4) equal to the summed pmf (0.736626): otherwise the incomplete beta identity is mis-parameterised', () => {
    const summed = bruteLowerTail(5, 4, 2);
    expect(summed).toBeCloseTo(0.736625514, 8);
    expect(negativeBinomialLowerTail(5, 4, 2)).toBeCloseTo(summed, 12);
  });

  it('match SciPy cdf and sf to 1e-9 relative on every reference row: otherwise a tail is off', () => {
    for (const [y, mean, dispersion, , lower, upper] of reference.rows) {
      const k = shape(dispersion);
      const gotLower = negativeBinomialLowerTail(y, mean, k);
      const gotUpper = negativeBinomialUpperTail(y, mean, k);
      expect(Math.abs(gotLower - lower)).toBeLessThanOrEqual(1e-9 * lower + 1e-15);
      expect(Math.abs(gotUpper - upper)).toBeLessThanOrEqual(1e-9 * upper + 1e-15);
    }
  });

  it('agree with brute-force sums of the pmf below the mean and just above it: otherwise the switch to the complement loses accuracy', () => {
    for (const [mean, dispersion] of [
      [4, 2],
      [0.3, 0.5],
      [12.5, 3],
      [6, Infinity],
      [10, 0.2],
    ] as const) {
      for (let y = 0; y <= 3 * Math.ceil(mean) + 5; y += 1) {
        const summed = bruteLowerTail(y, mean, dispersion);
        expect(negativeBinomialLowerTail(y, mean, dispersion)).toBeCloseTo(summed, 12);
        expect(negativeBinomialUpperTail(y + 1, mean, dispersion)).toBeCloseTo(1 - summed, 12);
      }
    }
  });

  it('keep relative accuracy 1e-6 at tails near 1e-30 (heavy k = 0.2 included): otherwise extreme scores saturate or go wrong', () => {
    for (const [y, mean, dispersion, , , upper] of reference.far) {
      const got = negativeBinomialUpperTail(y, mean, shape(dispersion));
      expect(upper).toBeLessThan(1e-29);
      expect(Math.abs(got - upper) / upper).toBeLessThan(1e-6);
    }
  });

  it('are fast for heavy tails (k = 0.2, y in the thousands): 2,000 evaluations well under a second, otherwise scoring a series stalls', () => {
    const started = performance.now();
    let total = 0;
    for (let index = 0; index < 2000; index += 1) {
      total += negativeBinomialUpperTail(1000 + index, 10, 0.2);
    }
    expect(performance.now() - started).toBeLessThan(1000);
    expect(total).toBeGreaterThan(0);
  });

  it('treat fractional y as the floor (lower) and ceiling (upper), and the ends exactly: otherwise P(Y <= 2.5) differs from P(Y <= 2)', () => {
    expect(negativeBinomialLowerTail(2.5, 4, 2)).toBe(negativeBinomialLowerTail(2, 4, 2));
    expect(negativeBinomialUpperTail(2.5, 4, 2)).toBe(negativeBinomialUpperTail(3, 4, 2));
    expect(negativeBinomialLowerTail(-1, 4, 2)).toBe(0);
    expect(negativeBinomialUpperTail(0, 4, 2)).toBe(1);
    expect(negativeBinomialLowerTail(0, 0, 2)).toBe(1);
    expect(negativeBinomialUpperTail(1, 0, 2)).toBe(0);
  });

  it('are monotone in y: otherwise scores would rank a bigger spike below a smaller one', () => {
    let previous = 1;
    for (let y = 0; y < 300; y += 1) {
      const upper = negativeBinomialUpperTail(y, 20, 1.5);
      expect(upper).toBeLessThanOrEqual(previous);
      previous = upper;
    }
  });
});

describe('negativeBinomialQuantile', () => {
  it('matches SciPy ppf: otherwise the expected range printed with an anomaly is off', () => {
    for (const [probability, mean, dispersion, expected] of reference.quantiles) {
      expect(negativeBinomialQuantile(probability, mean, shape(dispersion))).toBe(expected);
    }
  });

  it('is the smallest y with P(Y <= y) >= p: otherwise it is not the inverse of the lower tail', () => {
    for (const [mean, dispersion] of [
      [4, 2],
      [0.3, 0.5],
      [10, 0.2],
      [80, 8],
      [3, Infinity],
    ] as const) {
      for (const probability of [1e-12, 0.001, 0.1, 0.5, 0.77, 0.99, 1 - 1e-7]) {
        const y = negativeBinomialQuantile(probability, mean, dispersion);
        // the upper tail is the accurate side above the median
        expect(1 - negativeBinomialUpperTail(y + 1, mean, dispersion)).toBeGreaterThanOrEqual(
          probability - 1e-15,
        );
        if (y > 0) {
          expect(negativeBinomialLowerTail(y - 1, mean, dispersion)).toBeLessThan(probability);
        }
      }
    }
  });

  it('is 0 at mean 0: otherwise a listing with no sales gets a positive expected range', () => {
    expect(negativeBinomialQuantile(0.999, 0, 2)).toBe(0);
  });
});

describe('argument checks', () => {
  it('throw a RangeError naming mean, dispersion or probability: otherwise a caller cannot tell which value was bad', () => {
    expect(() => negativeBinomialLogPmf(1, -1, 2)).toThrow(RangeError);
    expect(() => negativeBinomialLogPmf(1, -1, 2)).toThrow(/mean/);
    expect(() => negativeBinomialLowerTail(1, Number.NaN, 2)).toThrow(/mean/);
    expect(() => negativeBinomialUpperTail(1, Infinity, 2)).toThrow(/mean/);
    expect(() => negativeBinomialUpperTail(1, 3, 0)).toThrow(/dispersion/);
    expect(() => negativeBinomialLowerTail(1, 3, -2)).toThrow(RangeError);
    expect(() => negativeBinomialLowerTail(1, 3, Number.NaN)).toThrow(/dispersion/);
    for (const probability of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(() => negativeBinomialQuantile(probability, 3, 2)).toThrow(RangeError);
      expect(() => negativeBinomialQuantile(probability, 3, 2)).toThrow(/probability/);
    }
  });
});
