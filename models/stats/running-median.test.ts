import { describe, expect, it } from 'vitest';
import { runningMedian } from './running-median';

describe('runningMedian', () => {
  it('takes the centred median and shrinks the window at the ends: otherwise the non-seasonal baseline is shifted', () => {
    const out = runningMedian(Float64Array.from([5, 1, 9, 2, 100, 3, 4]), 3);
    expect(Array.from(out)).toEqual([3, 5, 2, 9, 3, 4, 3.5]);
  });
  it('keeps a step exactly and removes a spike shorter than half the window: otherwise spikes would pass for level shifts', () => {
    const values = Float64Array.from([0, 0, 0, 0, 9, 0, 0, 0, 4, 4, 4, 4, 4, 4]);
    expect(Array.from(runningMedian(values, 5))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4,
    ]);
  });
});
