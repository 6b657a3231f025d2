import { describe, expect, it } from 'vitest';
import { greyAtLongSide, resizeGrey, resizeRgba, sizeForLongSide } from './resize';
import { toGrey } from './grey';
import type { GreyImage, RgbaImage } from './image';

function greyOf(width: number, height: number, value: (x: number, y: number) => number): GreyImage {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) data[y * width + x] = value(x, y);
  return { width, height, data };
}

function rgbaOf(
  width: number,
  height: number,
  value: (x: number, y: number) => [number, number, number],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [red, green, blue] = value(x, y);
      data.set([red, green, blue, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

describe('resizeGrey', () => {
  it('averages 2x2 blocks exactly when halving, else the downscale is not an area average', () => {
    const image = greyOf(4, 2, (x, y) => x + 10 * y);
    const half = resizeGrey(image, 2, 1);
    expect(Array.from(half.data)).toEqual([5.5, 7.5]);
  });

  it('keeps the mean of the image under a fractional shrink (weights sum to one)', () => {
    const image = greyOf(37, 23, (x, y) => (x * 7 + y * 13) % 17);
    const small = resizeGrey(image, 10, 7);
    const mean = (data: Float32Array) => data.reduce((sum, value) => sum + value, 0) / data.length;
    expect(mean(small.data)).toBeCloseTo(mean(image.data), 4);
  });

  it('keeps a constant image constant when enlarging (linear weights sum to one)', () => {
    const large = resizeGrey(
      greyOf(3, 3, () => 42),
      8,
      5,
    );
    for (const value of large.data) expect(value).toBeCloseTo(42, 5);
  });

  it('rejects a zero target size, naming the argument', () => {
    expect(() =>
      resizeGrey(
        greyOf(2, 2, () => 0),
        0,
        2,
      ),
    ).toThrow(/width/);
  });
});

describe('resizeRgba and greyAtLongSide', () => {
  it('sizeForLongSide keeps the aspect ratio (4000x3000 at 1024 is 1024x768)', () => {
    expect(sizeForLongSide(4000, 3000, 1024)).toEqual({ width: 1024, height: 768 });
    expect(sizeForLongSide(300, 600, 100)).toEqual({ width: 50, height: 100 });
  });

  it('greyAtLongSide equals toGrey then resizeGrey when shrinking by less than 2 (single exact pass)', () => {
    const image = rgbaOf(53, 31, (x, y) => [(x * 9) % 256, (y * 17) % 256, ((x + y) * 5) % 256]);
    const fused = greyAtLongSide(image, 30);
    const reference = resizeGrey(toGrey(image), fused.width, fused.height);
    expect(fused.width).toBe(30);
    for (let index = 0; index < fused.data.length; index += 1) {
      expect(fused.data[index]).toBeCloseTo(reference.data[index]!, 3);
    }
  });

  it('greyAtLongSide is within half a grey level of the exact area average when the scale is a whole block (60x39 to 20x13)', () => {
    const image = rgbaOf(60, 39, (x, y) => [(x * 9) % 256, (y * 17) % 256, ((x + y) * 5) % 256]);
    const fused = greyAtLongSide(image, 20);
    const reference = resizeGrey(toGrey(image), 20, 13);
    expect(fused).toMatchObject({ width: 20, height: 13 });
    for (let index = 0; index < fused.data.length; index += 1) {
      expect(fused.data[index]).toBeCloseTo(reference.data[index]!, 0);
    }
  });

  it('greyAtLongSide stays within 2 grey levels of the exact area average on a smooth 4000x3000 image', () => {
    const image = rgbaOf(4000, 3000, (x, y) => [(x / 4000) * 255, (y / 3000) * 255, 128]);
    const fused = greyAtLongSide(image, 1024);
    const reference = resizeGrey(toGrey(image), fused.width, fused.height);
    expect(fused).toMatchObject({ width: 1024, height: 768 });
    let worst = 0;
    for (let index = 0; index < fused.data.length; index += 1) {
      worst = Math.max(worst, Math.abs(fused.data[index]! - reference.data[index]!));
    }
    expect(worst).toBeLessThan(2);
  });

  it('greyAtLongSide never enlarges a small image', () => {
    const image = rgbaOf(10, 5, () => [10, 20, 30]);
    expect(greyAtLongSide(image, 1024)).toMatchObject({ width: 10, height: 5 });
  });

  it('resizeRgba averages each channel separately', () => {
    const image = rgbaOf(2, 2, (x) => (x === 0 ? [0, 100, 200] : [100, 200, 0]));
    const one = resizeRgba(image, 1, 1);
    expect(Array.from(one.data)).toEqual([50, 150, 100, 255]);
  });
});
