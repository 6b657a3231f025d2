import { describe, expect, it } from 'vitest';
import { alignedData } from './render';

describe('alignedData', () => {
  it('gives uPlot x first and each line after, with NaN as null gaps (else history would be drawn through the horizon)', () => {
    const x = Float64Array.of(0, 86_400);
    const data = alignedData({
      x,
      lines: [
        { label: 'a', values: Float64Array.of(1, Number.NaN), color: '#000' },
        { label: 'b', values: Float64Array.of(2, 3) },
      ],
    });
    expect(data[0]).toBe(x);
    expect(data[1]).toEqual([1, null]);
    expect(Array.from(data[2] as Float64Array)).toEqual([2, 3]);
  });
});
