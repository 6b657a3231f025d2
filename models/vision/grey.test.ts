import { describe, expect, it } from 'vitest';
import { toGrey } from './grey';
import type { RgbaImage } from './image';

function rgba(width: number, height: number, pixels: number[][]): RgbaImage {
  return { width, height, data: Uint8ClampedArray.from(pixels.flat()) };
}

describe('toGrey', () => {
  it('weights red, green and blue by Rec. 601 (0.299, 0.587, 0.114), else grey thresholds drift', () => {
    const grey = toGrey(
      rgba(4, 1, [
        [255, 0, 0, 255],
        [0, 255, 0, 255],
        [0, 0, 255, 255],
        [200, 200, 200, 0],
      ]),
    );
    expect(grey.data[0]).toBeCloseTo(76.245, 3);
    expect(grey.data[1]).toBeCloseTo(149.685, 3);
    expect(grey.data[2]).toBeCloseTo(29.07, 3);
    expect(grey.data[3]).toBeCloseTo(200, 3);
  });

  it('rejects data whose length does not match the size, naming the field', () => {
    expect(() => toGrey({ width: 2, height: 2, data: new Uint8ClampedArray(12) })).toThrow(
      /image\.data/,
    );
    expect(() => toGrey({ width: 0, height: 2, data: new Uint8ClampedArray(0) })).toThrow(
      RangeError,
    );
  });
});
