import { describe, expect, it } from 'vitest';
import { checkExposure, defaultExposureTolerance } from './exposure-check';
import type { RgbaImage } from './image';

function image(width: number, height: number, pixel: (index: number) => number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let index = 0; index < width * height; index += 1) {
    const value = pixel(index);
    data.set([value, value, value, 255], index * 4);
  }
  return { width, height, data };
}

describe('checkExposure', () => {
  it('fails a photo clipped white on 30 % of its pixels as over-exposed', () => {
    const result = checkExposure(
      image(100, 100, (index) => (index % 10 < 3 ? 255 : 120)),
      defaultExposureTolerance,
    );
    expect(result.status).toBe('fail');
    expect(result.score).toBeCloseTo(0.3, 6);
    expect(result.message).toMatch(/over-exposed/);
    expect(result.findings[0]).toMatchObject({ type: 'exposure', severity: 'critical' });
  });

  it('fails a dark photo (mean 20) as under-exposed even without clipping', () => {
    const result = checkExposure(
      image(100, 100, () => 20),
      defaultExposureTolerance,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/under-exposed/);
  });

  it('passes a mid-grey photo with a little clipping below the tolerance', () => {
    const result = checkExposure(
      image(100, 100, (index) => (index % 100 === 0 ? 255 : 128)),
      defaultExposureTolerance,
    );
    expect(result.status).toBe('pass');
    expect(result.score).toBeCloseTo(0.01, 6);
  });

  it('rejects a reversed mean range, naming the tolerance', () => {
    expect(() =>
      checkExposure(
        image(4, 4, () => 0),
        { exposureMaxClippedFraction: 0.05, exposureMeanRange: [200, 50] },
      ),
    ).toThrow(/exposureMeanRange/);
  });
});
