import { describe, expect, it } from 'vitest';
import { alignToReference, checkAlignment } from './align';
import { cornerError, labelBox, renderScene, similarity } from './align-test-images';
import { createRandom } from '../stats/random';
import type { RgbaImage } from './image';

const reference = renderScene();
const identity = [1, 0, 0, 0, 1, 0, 0, 0, 1];

const cases: { name: string; transform: number[] }[] = [
  { name: 'translation (14, -9) px', transform: similarity(0, 1, 14, -9) },
  { name: 'rotation 6 degrees', transform: similarity(6, 1, 0, 0) },
  { name: 'scale 0.9 with rotation -4 degrees and a shift', transform: similarity(-4, 0.9, -6, 5) },
  {
    name: 'perspective (a pack photographed at an angle)',
    transform: [1.02, 0.05, -8, -0.03, 0.98, 6, 0.00035, -0.00025, 1],
  },
];

describe('alignToReference', () => {
  it('aligns the reference with itself to the identity, else the pyramid coordinates are shifted', () => {
    const result = alignToReference(reference, reference);
    expect(result.status).toBe('ok');
    expect(cornerError(result.transform, identity)).toBeLessThan(0.5);
    expect(result.score).toBeGreaterThan(0.95);
  });

  for (const { name, transform } of cases) {
    it(`${name} under dimmer, uneven light and noise is recovered within 1 px at the corners, else the coarse search or the robust refinement fails`, () => {
      const photo = renderScene({
        transform,
        gain: 0.75,
        bias: 25,
        ramp: 40,
        noiseSd: 5,
        seed: 3,
        background: [120, 130, 110],
      });
      const result = alignToReference(photo, reference);
      expect(result.status).toBe('ok');
      expect(cornerError(result.transform, transform)).toBeLessThan(1);
      expect(result.aligned.width).toBe(reference.width);
      expect(result.aligned.height).toBe(reference.height);
    });
  }

  it('aligns on the pack, not on a label shifted by 12 px when the label box is left out, else label offsets would be measured as zero', () => {
    const transform = similarity(3, 1, 5, -4);
    const photo = renderScene({ transform, labelShift: { dx: 12, dy: 0 }, noiseSd: 3 });
    const result = alignToReference(photo, reference, { ignoreBox: labelBox });
    expect(result.status).toBe('ok');
    expect(cornerError(result.transform, transform)).toBeLessThan(1);
  });

  it('a photo of something else fails and the check is inconclusive (fusion: needs review), else an unrelated photo would be checked as if aligned', () => {
    const random = createRandom(11);
    const data = new Uint8ClampedArray(reference.width * reference.height * 4);
    for (let index = 0; index < data.length; index += 1)
      data[index] = index % 4 === 3 ? 255 : random.int(0, 255);
    const noise: RgbaImage = { width: reference.width, height: reference.height, data };
    const result = alignToReference(noise, reference);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/Could not align/);
    const check = checkAlignment(result);
    expect(check.status).toBe('inconclusive');
    expect(check.findings[0]?.type).toBe('alignment');
  });

  it('passes the check when aligned, else fusion would flag every good photo', () => {
    const check = checkAlignment(alignToReference(reference, reference));
    expect(check.status).toBe('pass');
    expect(check.check).toBe('alignment');
  });

  it('rejects a tiny photo naming the argument', () => {
    const tiny: RgbaImage = { width: 4, height: 4, data: new Uint8ClampedArray(64) };
    expect(() => alignToReference(tiny, reference)).toThrow(/photo: 4x4/);
  });
});
