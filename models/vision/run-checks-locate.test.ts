import { describe, expect, it } from 'vitest';
import type { RgbaImage } from './image';
import { cropRgba, locatePack } from './run-checks-locate';

/** A grey background with a green pack from (left, top) to (right, bottom), exclusive. */
function scene(
  width: number,
  height: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inside = x >= left && x < right && y >= top && y < bottom;
      data.set(inside ? [30, 120, 50, 255] : [110 + (x % 7), 105, 100, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

describe('locatePack', () => {
  it('finds a pack on a plain background within its margin (else alignment starts from the whole frame)', () => {
    const box = locatePack(scene(400, 300, 120, 40, 300, 260));
    expect(box).toBeDefined();
    // 4% margin of 180 x 220 is about 7 x 9 px
    expect(box!.x).toBeGreaterThanOrEqual(110);
    expect(box!.x).toBeLessThanOrEqual(120);
    expect(box!.y).toBeGreaterThanOrEqual(29);
    expect(box!.y).toBeLessThanOrEqual(40);
    expect(box!.x + box!.width).toBeGreaterThanOrEqual(300);
    expect(box!.x + box!.width).toBeLessThanOrEqual(310);
    expect(box!.y + box!.height).toBeGreaterThanOrEqual(260);
    expect(box!.y + box!.height).toBeLessThanOrEqual(271);
  });

  it('gives no box when the pack fills the frame or nothing stands out (else a crop cuts the pack)', () => {
    expect(locatePack(scene(200, 150, 2, 2, 198, 148))).toBeUndefined();
    expect(locatePack(scene(200, 150, 0, 0, 0, 0))).toBeUndefined();
  });
});

describe('cropRgba', () => {
  it('copies the pixels inside the box row by row', () => {
    const image = scene(10, 8, 3, 2, 6, 5);
    const crop = cropRgba(image, { x: 3, y: 2, width: 3, height: 3 });
    expect([crop.width, crop.height]).toEqual([3, 3]);
    for (let index = 0; index < 9; index += 1) {
      expect([...crop.data.subarray(index * 4, index * 4 + 4)]).toEqual([30, 120, 50, 255]);
    }
  });
});
