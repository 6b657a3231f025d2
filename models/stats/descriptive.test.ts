import { describe, expect, it } from 'vitest';
import {
  autocorrelations,
  linearTrend,
  maximum,
  mean,
  median,
  medianAbsoluteDeviation,
  minimum,
  quantile,
  quantiles,
  standardDeviation,
  sum,
  variance,
} from './descriptive';

const SAMPLE = [3.1, 7, -2, 5.5, 10, 4.4, 0.2, 8];

describe('location and spread', () => {
  it('computes mean, variance and standard deviation as R does (n - 1 denominator)', () => {
    expect(mean(SAMPLE)).toBeCloseTo(36.2 / 8, 14);
    // R: var(c(3.1, 7, -2, 5.5, 10, 4.4, 0.2, 8)) = 16.065000000000001
    expect(variance(SAMPLE)).toBeCloseTo(16.065, 12);
    expect(standardDeviation(SAMPLE)).toBeCloseTo(Math.sqrt(16.065), 12);
  });

  it('skips NaN as a missing value instead of propagating it', () => {
    expect(mean([1, Number.NaN, 3])).toBe(2);
    expect(median([Number.NaN, 5, 1, 3])).toBe(3);
  });

  it('keeps precision when summing values of very different magnitude', () => {
    expect(sum([1e16, 1, -1e16])).toBe(1);
    expect(variance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(1, 10);
  });

  it('rejects empty samples and non-numbers with an error naming the argument', () => {
    expect(() => mean([])).toThrow(/values/);
    expect(() => mean([Number.NaN])).toThrow(RangeError);
    expect(() => variance([1])).toThrow(/two/);
    expect(() => mean(['1' as unknown as number])).toThrow(TypeError);
  });

  it('finds the minimum and maximum', () => {
    expect(minimum(SAMPLE)).toBe(-2);
    expect(maximum(SAMPLE)).toBe(10);
  });
});

describe('quantiles (type 7)', () => {
  it('match R quantile() on the sample', () => {
    // R: quantile(y, c(0, .1, .25, .5, .9, 1)) = -2, -0.46, 2.375, 4.95, 8.6, 10
    const expected = [-2, -0.46, 2.375, 4.95, 8.6, 10];
    quantiles(SAMPLE, [0, 0.1, 0.25, 0.5, 0.9, 1]).forEach((value, index) =>
      expect(value).toBeCloseTo(expected[index] as number, 12),
    );
    expect(quantile(SAMPLE, 0.25)).toBeCloseTo(2.375, 12);
    expect(median(SAMPLE)).toBeCloseTo(4.95, 12);
  });

  it('rejects a probability outside [0, 1]', () => {
    expect(() => quantile(SAMPLE, 1.5)).toThrow(/probability/);
    expect(() => quantiles(SAMPLE, [0.5, -0.1])).toThrow(/probabilities\[1\]/);
  });

  it('computes the scaled median absolute deviation as R mad()', () => {
    // R: mad(y) = 3.7806299999999995
    expect(medianAbsoluteDeviation(SAMPLE)).toBeCloseTo(3.78063, 12);
    expect(medianAbsoluteDeviation(SAMPLE, 1)).toBeCloseTo(3.78063 / 1.4826, 12);
  });
});

describe('autocorrelations and linear trend', () => {
  it('match R acf() at lags 1 to 3', () => {
    // R: acf(y, lag.max = 3)$acf[2:4]
    const expected = [-0.31899982215108263, -0.42904939753679244, 0.24708216619981319];
    autocorrelations(SAMPLE, 3).forEach((value, index) =>
      expect(value).toBeCloseTo(expected[index] as number, 14),
    );
  });

  it('gives a lag-m autocorrelation near 1 for a periodic series', () => {
    const periodic = Array.from({ length: 48 }, (_, index) => [1, 5, 2, 8][index % 4] as number);
    const correlations = autocorrelations(periodic, 4);
    expect(correlations[3]).toBeGreaterThan(0.9);
  });

  it('rejects a lag that the data cannot support', () => {
    expect(() => autocorrelations([1, 2, 3], 3)).toThrow(/maxLag/);
    expect(() => autocorrelations([1, Number.NaN, 3, 4], 1)).toThrow(/values\[1\]/);
  });

  it('recovers the intercept and slope of an exact line', () => {
    const line = Array.from({ length: 9 }, (_, index) => 4 - 0.5 * index);
    const trend = linearTrend(line);
    expect(trend.intercept).toBeCloseTo(4, 12);
    expect(trend.slope).toBeCloseTo(-0.5, 12);
  });
});
