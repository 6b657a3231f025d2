import { describe, expect, it } from 'vitest';
import { applyChannelGains, balancingGains, channelMeans } from './channel-balance';
import type { RgbaImage } from './image';

function image(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) data.set(pixel(x, y), (y * width + x) * 4);
  return { width, height, data };
}

describe('channel balance', () => {
  const reference = image(80, 80, (x) => (x < 40 ? [200, 40, 40, 255] : [40, 60, 180, 255]));

  it('undoes a per-channel cast exactly up to rounding, else a cast would still hide the label', () => {
    const cast = applyChannelGains(reference, [1.3, 1, 0.7]);
    const gains = balancingGains(channelMeans(cast), channelMeans(reference));
    const restored = applyChannelGains(cast, gains);
    // the overall brightness is kept, so compare the channel shares
    const restoredMeans = channelMeans(restored);
    const referenceMeans = channelMeans(reference);
    const share = (means: number[], channel: number) =>
      means[channel]! / (means[0]! + means[1]! + means[2]!);
    for (const channel of [0, 1, 2]) {
      expect(share(restoredMeans, channel)).toBeCloseTo(share(referenceMeans, channel), 2);
    }
  });

  it('gives gains of 1 for a photo with the reference balance, else clean photos would be recoloured', () => {
    const brighter = applyChannelGains(reference, [1.1, 1.1, 1.1]);
    const gains = balancingGains(channelMeans(brighter), channelMeans(reference));
    for (const gain of gains) expect(gain).toBeCloseTo(1, 2);
  });

  it('skips transparent pixels, else the black holes of a warped photo would pull the means', () => {
    const holes = image(80, 80, (x) => (x < 40 ? [0, 0, 0, 0] : [40, 60, 180, 255]));
    expect(channelMeans(holes)).toEqual([40, 60, 180]);
  });

  it('names the gain when one is not positive', () => {
    expect(() => applyChannelGains(reference, [1, 0, 1])).toThrow(/gains\[1\]/);
  });

  it('names the box when it lies outside the image', () => {
    expect(() => channelMeans(reference, { x: 100, y: 0, width: 10, height: 10 })).toThrow(/box/);
  });
});
