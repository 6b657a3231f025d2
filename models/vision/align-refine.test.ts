import { describe, expect, it } from 'vitest';
import { refineWarp, type MotionModel } from './align-refine';
import { cornerError, similarity } from './align-test-images';
import type { GreyImage } from './image';
import { warpGrey, type Matrix3 } from './warp';

const width = 96;
const height = 72;

/** A smooth pattern with structure in every direction (sums of sines), 0..255. */
function pattern(): GreyImage {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      data[y * width + x] =
        128 +
        50 * Math.sin(x / 6) * Math.cos(y / 7) +
        30 * Math.sin((x + 2 * y) / 9) +
        20 * Math.cos((3 * x - y) / 11);
    }
  }
  return { width, height, data };
}

/** The image whose pixel at transform(x) shows template(x): a larger canvas sampled backwards. */
function imageSeenThrough(template: GreyImage, transform: Matrix3): GreyImage {
  const [a, b, c, d, e, f] = transform as unknown as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const determinant = a * e - b * d;
  const inverse: Matrix3 = [
    e / determinant,
    -b / determinant,
    (b * f - c * e) / determinant,
    -d / determinant,
    a / determinant,
    (c * d - a * f) / determinant,
    0,
    0,
    1,
  ];
  const warped = warpGrey(template, inverse, width, height);
  // outside the template the image is the template's mean (NaN would end the fit there)
  const data = warped.data.map((value) => (Number.isNaN(value) ? 128 : value));
  return { width, height, data };
}

const identity: Matrix3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

describe('refineWarp motion models', () => {
  const template = pattern();
  const cases: { model: MotionModel; transform: Matrix3 }[] = [
    { model: 'similarity', transform: similarity(2, 1.03, 1.5, -1, width / 2, height / 2) },
    { model: 'affine', transform: [1.02, 0.03, 1, -0.02, 0.98, -1.5, 0, 0, 1] },
  ];
  for (const { model, transform } of cases) {
    it(`the ${model} model recovers a known ${model} within 0.1 px at the corners, else its Jacobian or increment is wrong`, () => {
      const image = imageSeenThrough(template, transform);
      const result = refineWarp(template, image, identity, model, {
        iterations: 60,
        tolerancePx: 0.001,
      });
      expect(cornerError(result.matrix, transform, width, height)).toBeLessThan(0.1);
      expect(result.correlation).toBeGreaterThan(0.99);
    });
  }

  it('the similarity model keeps the shape (equal scale on both axes, no shear, no perspective), else it is not a similarity', () => {
    const image = imageSeenThrough(template, [1.04, 0.02, 1, -0.03, 0.97, 0, 0, 0, 1]);
    const { matrix } = refineWarp(template, image, identity, 'similarity', { iterations: 30 });
    expect(matrix[0]).toBeCloseTo(matrix[4]!, 10);
    expect(matrix[1]).toBeCloseTo(-matrix[3]!, 10);
    expect(matrix[6]).toBe(0);
    expect(matrix[7]).toBe(0);
  });
});
