import { describe, expect, it } from 'vitest';
import { Random } from '../stats/random';
import { checkBlur, defaultBlurTolerance, laplacianVariance } from './blur-check';
import { generatePackPhoto } from './synthetic/pack-photo';
import { canvasToRgba, gaussianBlur, rgbaToCanvas } from './synthetic/linear-canvas';
import type { GreyImage } from './image';

describe('checkBlur (variance of the Laplacian)', () => {
  const sharp = generatePackPhoto(
    { width: 800, height: 600, defects: [{ kind: 'clean_lighting', gain: 1 }] },
    new Random(21),
  ).photo;

  it('falls monotonically with the Gaussian sigma and crosses the default threshold', () => {
    const scores = [0, 0.7, 1.4, 2.1, 3].map((sigma) => {
      const canvas = rgbaToCanvas(sharp);
      gaussianBlur(canvas, sigma);
      return checkBlur(canvasToRgba(canvas), defaultBlurTolerance);
    });
    for (let index = 1; index < scores.length; index += 1)
      expect(scores[index]!.score).toBeLessThan(scores[index - 1]!.score);
    expect(scores[0]!.status).toBe('pass');
    expect(scores.at(-1)!.status).toBe('fail');
    expect(scores.at(-1)!.findings[0]).toMatchObject({ check: 'blur', type: 'blur' });
    expect(scores.at(-1)!.message).toMatch(/retake/);
  });

  it('computes the textbook value on a known pattern (a single bright pixel: Laplacian -4 and four 1s)', () => {
    const data = new Float32Array(25);
    data[12] = 1;
    const grey: GreyImage = { width: 5, height: 5, data };
    // interior 3x3: values -4 at the centre, 1 at four neighbours, 0 elsewhere -> mean 0, variance 20/9
    expect(laplacianVariance(grey)).toBeCloseTo(20 / 9, 6);
  });

  it('rejects a negative threshold, naming the tolerance', () => {
    expect(() => checkBlur(sharp, { blurMinLaplacianVariance: -1 })).toThrow(
      /blurMinLaplacianVariance/,
    );
  });
});
