import { describe, expect, it } from 'vitest';
import { quantile } from '../../stats/descriptive';
import { weightedQuantile } from './weighted-quantile';

describe('weightedQuantile', () => {
  it('equals Hyndman–Fan type 5 with equal weights: 0.3 of [1..5] is 2.0 (p_k = (k - 0.5)/n)', () => {
    expect(weightedQuantile([5, 1, 3, 2, 4], [1, 1, 1, 1, 1], 0.3)).toBeCloseTo(2, 12);
    expect(weightedQuantile([5, 1, 3, 2, 4], [1, 1, 1, 1, 1], 0.4)).toBeCloseTo(2.5, 12);
  });

  it('moves towards heavily weighted values (else similarity weights are ignored)', () => {
    const even = weightedQuantile([0, 10], [1, 1], 0.5);
    const heavy = weightedQuantile([0, 10], [1, 9], 0.5);
    expect(even).toBeCloseTo(5, 12);
    expect(heavy).toBeGreaterThan(even);
  });

  it('stays within the sample range at the tails', () => {
    expect(weightedQuantile([1, 2, 3], [1, 1, 1], 0.01)).toBe(1);
    expect(weightedQuantile([1, 2, 3], [1, 1, 1], 0.99)).toBe(3);
  });

  it('agrees with the median of the descriptive module for odd samples', () => {
    const values = [3, 9, 1, 7, 5];
    expect(weightedQuantile(values, [1, 1, 1, 1, 1], 0.5)).toBeCloseTo(quantile(values, 0.5), 12);
  });
});
