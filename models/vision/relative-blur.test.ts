import { describe, expect, it } from 'vitest';
import type { CheckResult } from './check-result';
import type { RgbaImage } from './image';
import { checkBlurAgainstReference, measureRelativeSharpness } from './relative-blur';

/** A print of bars and blocks, optionally box-blurred `passes` times and scaled by `gain`. */
function print(passes: number, gain = 1): RgbaImage {
  const width = 120;
  const height = 90;
  let grey = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      grey[y * width + x] = (Math.floor(x / 6) + Math.floor(y / 9)) % 2 === 0 ? 40 : 200;
  for (let pass = 0; pass < passes; pass += 1) {
    const next = grey.slice();
    for (let y = 1; y < height - 1; y += 1)
      for (let x = 1; x < width - 1; x += 1) {
        let sum = 0;
        for (let dy = -1; dy <= 1; dy += 1)
          for (let dx = -1; dx <= 1; dx += 1) sum += grey[(y + dy) * width + x + dx]!;
        next[y * width + x] = sum / 9;
      }
    grey = next;
  }
  const data = new Uint8ClampedArray(width * height * 4);
  grey.forEach((value, index) => {
    data.fill(value * gain, index * 4, index * 4 + 3);
    data[index * 4 + 3] = 255;
  });
  return { width, height, data };
}

const everywhere = new Uint8Array(120 * 90).fill(1);
const absolute: CheckResult = {
  check: 'blur',
  status: 'fail',
  score: 10,
  threshold: 70,
  message: 'absolute',
  findings: [],
  ms: 0,
};

describe('measureRelativeSharpness', () => {
  it('scores the reference against itself 1 (else sharp photos of the reference would be judged blurred)', () => {
    expect(measureRelativeSharpness(print(0), print(0), everywhere).ratio).toBeCloseTo(1, 6);
  });

  it('falls as the photo gets more blurred (else blur would not be detected)', () => {
    const reference = print(0);
    const ratios = [1, 2, 4].map(
      (passes) => measureRelativeSharpness(print(passes), reference, everywhere).ratio,
    );
    expect(ratios[0]!).toBeLessThan(1);
    expect(ratios[1]!).toBeLessThan(ratios[0]!);
    expect(ratios[2]!).toBeLessThan(ratios[1]!);
  });

  it('does not change with the photo lighting gain (else dim photos would read as blurred)', () => {
    const reference = print(0);
    const bright = measureRelativeSharpness(print(1), reference, everywhere).ratio;
    const dim = measureRelativeSharpness(print(1, 0.6), reference, everywhere).ratio;
    expect(dim).toBeCloseTo(bright, 2);
  });
});

describe('checkBlurAgainstReference', () => {
  it('fails a blurred photo and passes a sharp one against the same reference, naming the measure', () => {
    const reference = print(0);
    const blurred = checkBlurAgainstReference(print(4), reference, everywhere, 0.5, absolute);
    expect(blurred).toMatchObject({ status: 'fail', threshold: 0.5 });
    expect(blurred.message).toMatch(/sharpness .* of the golden reference/);
    expect(checkBlurAgainstReference(print(0), reference, everywhere, 0.5, absolute).status).toBe(
      'pass',
    );
  });

  it('keeps the photo-only result when nothing can be compared (else an empty mask would pass any photo)', () => {
    const nothing = new Uint8Array(120 * 90);
    expect(checkBlurAgainstReference(print(0), print(0), nothing, 0.5, absolute)).toBe(absolute);
  });

  it('rejects a non-positive minimum ratio by name', () => {
    expect(() => checkBlurAgainstReference(print(0), print(0), everywhere, 0, absolute)).toThrow(
      /minRatio/,
    );
  });
});
