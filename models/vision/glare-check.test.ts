import { describe, expect, it } from 'vitest';
import { Random } from '../stats/random';
import { checkGlare, defaultGlareTolerance } from './glare-check';
import type { RgbaImage } from './image';

function noisyGreyWithDisc(
  width: number,
  height: number,
  disc?: { x: number; y: number; radius: number },
): RgbaImage {
  const random = new Random(9);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inside =
        disc !== undefined && (x + 0.5 - disc.x) ** 2 + (y + 0.5 - disc.y) ** 2 <= disc.radius ** 2;
      const base = 110 + random.normal(0, 3);
      data.set(
        inside ? [255, 255, 255, 255] : [base + 30, base, base - 20, 255],
        (y * width + x) * 4,
      );
    }
  }
  return { width, height, data };
}

describe('checkGlare', () => {
  it('finds a 40 px radius highlight with its box within 2 px', () => {
    const result = checkGlare(
      noisyGreyWithDisc(800, 600, { x: 300, y: 200, radius: 40 }),
      defaultGlareTolerance,
    );
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    const box = result.findings[0]!.box!;
    expect(Math.abs(box.x - 260)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.y - 160)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.width - 80)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.height - 80)).toBeLessThanOrEqual(2);
    expect(result.score).toBeCloseTo((Math.PI * 40 * 40) / (800 * 600), 3);
  });

  it('reports boxes in the photo coordinates of a photo larger than the analysis size (2400 px)', () => {
    const result = checkGlare(
      noisyGreyWithDisc(2400, 1800, { x: 900, y: 600, radius: 120 }),
      defaultGlareTolerance,
    );
    const box = result.findings[0]!.box!;
    expect(Math.abs(box.x - 780)).toBeLessThanOrEqual(4);
    expect(Math.abs(box.width - 240)).toBeLessThanOrEqual(4);
  });

  it('passes a photo without highlights', () => {
    expect(checkGlare(noisyGreyWithDisc(400, 300), defaultGlareTolerance)).toMatchObject({
      status: 'pass',
      score: 0,
      findings: [],
    });
  });
});
