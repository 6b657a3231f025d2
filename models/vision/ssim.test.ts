import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gaussianTaps, ssimMap } from './ssim';
import type { GreyImage } from './image';

interface FixtureCase {
  name: string;
  width: number;
  height: number;
  a: number[];
  b: number[];
  mean: number;
  map: number[];
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/ssim-skimage.json', import.meta.url), 'utf8'),
) as { cases: FixtureCase[] };

function grey(width: number, height: number, values: number[]): GreyImage {
  return { width, height, data: Float32Array.from(values) };
}

describe('ssimMap against scikit-image structural_similarity (fixtures/make-ssim-fixture.py)', () => {
  for (const testCase of fixture.cases) {
    it(`${testCase.name}: mean and every map value equal skimage's to 1e-3, else the window, constants or border mirroring differ from Wang et al.`, () => {
      const result = ssimMap(
        grey(testCase.width, testCase.height, testCase.a),
        grey(testCase.width, testCase.height, testCase.b),
      );
      expect(Math.abs(result.mean - testCase.mean)).toBeLessThan(1e-3);
      let worst = 0;
      testCase.map.forEach((value, index) => {
        worst = Math.max(worst, Math.abs(result.map.data[index]! - value));
      });
      expect(worst).toBeLessThan(1e-3);
    });
  }

  it('the window is 11 taps summing to 1 for sigma 1.5, else the Gaussian is truncated differently from Wang et al.', () => {
    const taps = gaussianTaps(1.5);
    expect(taps.length).toBe(11);
    expect(taps.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
  });

  it('rejects images of different sizes naming b, else a caller compares misaligned images silently', () => {
    expect(() => ssimMap(grey(2, 2, [1, 2, 3, 4]), grey(1, 4, [1, 2, 3, 4]))).toThrow(/b: 1x4/);
  });
});
