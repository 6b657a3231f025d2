import { describe, expect, it } from 'vitest';
import { linearToSrgbChannel, srgbChannelToLinear, srgbToLab } from './lab';

describe('sRGB to CIELAB (D65)', () => {
  it('maps white to L*=100, a*=b*=0, else the white point or matrix is wrong', () => {
    const white = srgbToLab(255, 255, 255);
    expect(white.l).toBeCloseTo(100, 3);
    expect(white.a).toBeCloseTo(0, 2);
    expect(white.b).toBeCloseTo(0, 2);
  });

  it('maps sRGB red to the published Lab (53.24, 80.09, 67.20), else the transfer function is wrong', () => {
    const red = srgbToLab(255, 0, 0);
    expect(red.l).toBeCloseTo(53.24, 1);
    expect(red.a).toBeCloseTo(80.09, 1);
    expect(red.b).toBeCloseTo(67.2, 1);
  });

  it('maps mid grey 128 to L*=53.59 and black to 0', () => {
    expect(srgbToLab(128, 128, 128).l).toBeCloseTo(53.585, 2);
    expect(srgbToLab(0, 0, 0).l).toBe(0);
  });

  it('round-trips every 8-bit code through linear light', () => {
    for (let code = 0; code < 256; code += 1)
      expect(linearToSrgbChannel(srgbChannelToLinear(code))).toBe(code);
  });

  it('rejects a channel outside 0..255, naming it', () => {
    expect(() => srgbToLab(0, 300, 0)).toThrow(/green/);
  });
});
