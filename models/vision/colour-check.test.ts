import { describe, expect, it } from 'vitest';
import { Random } from '../stats/random';
import { checkColour, defaultColourTolerance } from './colour-check';
import { srgbChannelToLinear, linearToSrgbChannel } from './colour/lab';
import { randomPackDesign, renderReferencePack } from './synthetic/pack-design';
import type { PixelBox, RgbaImage } from './image';

const reference = renderReferencePack(randomPackDesign(new Random(31)));

/** The reference with linear-light channel gains applied inside `box` (default: everywhere). */
function withGains(image: RgbaImage, gains: [number, number, number], box?: PixelBox): RgbaImage {
  const data = Uint8ClampedArray.from(image.data);
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      if (box && (x < box.x || y < box.y || x >= box.x + box.width || y >= box.y + box.height))
        continue;
      for (let channel = 0; channel < 3; channel += 1) {
        const index = (y * image.width + x) * 4 + channel;
        data[index] = linearToSrgbChannel(srgbChannelToLinear(data[index]!) * gains[channel]!);
      }
    }
  }
  return { width: image.width, height: image.height, data };
}

describe('checkColour (CIEDE2000 over the label)', () => {
  it('gives 0 for the reference itself', () => {
    const result = checkColour(
      reference.image,
      reference.image,
      reference.labelBox,
      defaultColourTolerance,
    );
    expect(result).toMatchObject({ status: 'pass', score: 0 });
  });

  it('passes a clean photo 25 % darker (exposure is a scalar gain in linear light and is compensated)', () => {
    const result = checkColour(
      withGains(reference.image, [0.75, 0.75, 0.75]),
      reference.image,
      reference.labelBox,
      defaultColourTolerance,
    );
    expect(result.status).toBe('pass');
    expect(result.score).toBeLessThan(1);
    expect(result.message).toMatch(/gain of 1\.3/);
  });

  it('fails a warm colour cast (red up, blue down) with a colour_deviation finding', () => {
    const result = checkColour(
      withGains(reference.image, [1.25, 1, 0.75]),
      reference.image,
      reference.labelBox,
      defaultColourTolerance,
    );
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ check: 'colour', type: 'colour_deviation' });
  });

  it('does not call a small tinted patch (a stain: the structure check finds it) a colour deviation, since the median cell is judged', () => {
    const { labelBox } = reference;
    const stain = {
      x: labelBox.x + 20,
      y: labelBox.y + 20,
      width: Math.round(labelBox.width * 0.3),
      height: Math.round(labelBox.height * 0.3),
    };
    const result = checkColour(
      withGains(reference.image, [0.5, 1.3, 0.5], stain),
      reference.image,
      labelBox,
      defaultColourTolerance,
    );
    expect(result.status).toBe('pass');
  });

  it('boxes the region whose ink is off (a tinted patch over most of the label)', () => {
    const { labelBox } = reference;
    const patch = {
      x: labelBox.x + 20,
      y: labelBox.y + 20,
      width: Math.round(labelBox.width * 0.8),
      height: Math.round(labelBox.height * 0.8),
    };
    const result = checkColour(
      withGains(reference.image, [0.5, 1.3, 0.5], patch),
      reference.image,
      labelBox,
      defaultColourTolerance,
    );
    expect(result.status).toBe('fail');
    const box = result.findings[0]!.box!;
    expect(Math.abs(box.x - patch.x)).toBeLessThanOrEqual(12);
    expect(Math.abs(box.y - patch.y)).toBeLessThanOrEqual(12);
    expect(Math.abs(box.x + box.width - (patch.x + patch.width))).toBeLessThanOrEqual(12);
  });

  it('rejects a photo that is not aligned to the reference size, and a label box outside it', () => {
    const small: RgbaImage = { width: 10, height: 10, data: new Uint8ClampedArray(400) };
    expect(() =>
      checkColour(small, reference.image, reference.labelBox, defaultColourTolerance),
    ).toThrow(/alignedPhoto/);
    expect(() =>
      checkColour(
        reference.image,
        reference.image,
        { x: 0, y: 0, width: 9999, height: 10 },
        defaultColourTolerance,
      ),
    ).toThrow(/labelBox/);
  });
});
