import { describe, expect, it } from 'vitest';
import { downscaleToLongSide } from './downscale';

describe('downscaleToLongSide', () => {
  it('averages 2x2 blocks when halving (else features change with the decode size)', () => {
    const data = new Uint8ClampedArray(4 * 2 * 4);
    [0, 100, 50, 50, 200, 0, 50, 50].forEach((grey, index) =>
      data.fill(grey, index * 4, index * 4 + 4),
    );
    const small = downscaleToLongSide({ width: 4, height: 2, data }, 16);
    expect(small).toEqual({ width: 4, height: 2, data }); // already small enough: unchanged
    const big = new Uint8ClampedArray(64 * 32 * 4);
    for (let y = 0; y < 32; y += 1)
      for (let x = 0; x < 64; x += 1)
        big.fill((x + y) % 2 === 0 ? 0 : 200, (y * 64 + x) * 4, (y * 64 + x) * 4 + 4);
    const halved = downscaleToLongSide({ width: 64, height: 32, data: big }, 32);
    expect(halved.width).toBe(32);
    expect(halved.height).toBe(16);
    expect([...halved.data.slice(0, 4)]).toEqual([100, 100, 100, 100]);
  });

  it('names longSide when it is too small', () => {
    expect(() =>
      downscaleToLongSide({ width: 1, height: 1, data: new Uint8ClampedArray(4) }, 4),
    ).toThrow(/longSide/);
  });
});
