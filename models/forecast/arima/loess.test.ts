import { describe, expect, it } from 'vitest';
import { loessPoint, loessSmooth, movingAverage } from './loess';

describe('loess', () => {
  it('a local line reproduces linear data exactly, also between jump points', () => {
    const y = Float64Array.from({ length: 20 }, (_, index) => 3 + 0.5 * index);
    const out = new Float64Array(20);
    loessSmooth(y, 0, 20, 7, 1, 3, null, 0, out, 0, new Float64Array(20));
    out.forEach((value, index) => expect(value).toBeCloseTo(y[index]!, 10));
  });

  it('a local constant with zero robustness weights everywhere gives no fit', () => {
    const y = new Float64Array([1, 2, 3]);
    const value = loessPoint(y, 0, 3, 3, 0, 2, 1, 3, new Float64Array(3), new Float64Array(3), 0);
    expect(Number.isNaN(value)).toBe(true);
  });

  it('extrapolates one step beyond the data with a local line', () => {
    const y = new Float64Array([2, 4, 6, 8]);
    expect(loessPoint(y, 0, 4, 5, 1, 5, 1, 4, new Float64Array(4), null, 0)).toBeCloseTo(10, 10);
  });

  it('moving average of width 3', () => {
    const out = new Float64Array(3);
    movingAverage(new Float64Array([1, 2, 3, 4, 5]), 5, 3, out);
    expect(Array.from(out)).toEqual([2, 3, 4]);
  });
});
