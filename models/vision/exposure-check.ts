// Exposure: the mean grey level (Rec. 601) must lie in a range and few pixels may be clipped at 0 or
// 255 in any channel. At most about a million pixels are read (a regular grid), which estimates
// both fractions to about 0.1 % at 12 MP.
import type { CheckResult } from './check-result';
import { assertRgbaImage } from './grey';
import type { RgbaImage } from './image';
import type { QcTolerances } from './qc-spec';

type ExposureTolerance = Pick<QcTolerances, 'exposureMaxClippedFraction' | 'exposureMeanRange'>;

/** Chosen on generated photos (seed 101) and verified on another seed (see quality-checks-evaluation.test.ts). */
export const defaultExposureTolerance: ExposureTolerance = {
  exposureMaxClippedFraction: 0.05,
  exposureMeanRange: [55, 210],
};

const maximumSamples = 1_000_000;

export interface ExposureMeasurement {
  meanGrey: number;
  /** fraction of sampled pixels with a channel at 0 */
  clippedDarkFraction: number;
  /** fraction of sampled pixels with a channel at 255 */
  clippedBrightFraction: number;
}

export function measureExposure(image: RgbaImage): ExposureMeasurement {
  assertRgbaImage(image);
  const { width, height, data } = image;
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / maximumSamples)));
  let sum = 0;
  let dark = 0;
  let bright = 0;
  let count = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const byte = (y * width + x) * 4;
      const red = data[byte]!;
      const green = data[byte + 1]!;
      const blue = data[byte + 2]!;
      sum += 0.299 * red + 0.587 * green + 0.114 * blue;
      // clipped = at least two channels at their limit: one saturated channel is a strong colour
      // (a colour cast saturates the label's lightest channel), not lost detail
      if ((red <= 2 ? 1 : 0) + (green <= 2 ? 1 : 0) + (blue <= 2 ? 1 : 0) >= 2) dark += 1;
      if ((red >= 253 ? 1 : 0) + (green >= 253 ? 1 : 0) + (blue >= 253 ? 1 : 0) >= 2) bright += 1;
      count += 1;
    }
  }
  return {
    meanGrey: sum / count,
    clippedDarkFraction: dark / count,
    clippedBrightFraction: bright / count,
  };
}

export function checkExposure(image: RgbaImage, tolerances: ExposureTolerance): CheckResult {
  const maxClipped = tolerances.exposureMaxClippedFraction;
  const range = tolerances.exposureMeanRange;
  if (!(maxClipped >= 0 && maxClipped <= 1)) {
    throw new RangeError(
      `tolerances.exposureMaxClippedFraction: expected a fraction in [0, 1], got ${maxClipped}`,
    );
  }
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !(range[0] >= 0 && range[0] < range[1] && range[1] <= 255)
  ) {
    throw new RangeError(
      `tolerances.exposureMeanRange: expected [min, max] with 0 <= min < max <= 255, got ${String(range)}`,
    );
  }
  const { meanGrey, clippedDarkFraction, clippedBrightFraction } = measureExposure(image);
  const clipped = clippedDarkFraction + clippedBrightFraction;
  const tooDark = meanGrey < range[0];
  const tooBright = meanGrey > range[1];
  const tooClipped = clipped > maxClipped;
  const measured =
    `mean grey ${meanGrey.toFixed(1)} (allowed ${range[0]}-${range[1]}), ` +
    `${(clippedBrightFraction * 100).toFixed(1)} % of pixels clipped white and ${(clippedDarkFraction * 100).toFixed(1)} % black ` +
    `(allowed ${(maxClipped * 100).toFixed(1)} % together)`;
  if (!tooDark && !tooBright && !tooClipped) {
    return {
      check: 'exposure',
      status: 'pass',
      score: clipped,
      threshold: maxClipped,
      message: `Exposure is fine: ${measured}.`,
      findings: [],
      ms: 0,
    };
  }
  const over = tooBright || (!tooDark && clippedBrightFraction >= clippedDarkFraction);
  const message = over
    ? `The photo is over-exposed: ${measured}. Move out of direct light or lower the exposure and retake the photo.`
    : `The photo is under-exposed: ${measured}. Add light or raise the exposure and retake the photo.`;
  const severity =
    clipped > 3 * maxClipped || meanGrey < range[0] / 2 || meanGrey > (range[1] + 255) / 2
      ? 'critical'
      : 'major';
  return {
    check: 'exposure',
    status: 'fail',
    score: clipped,
    threshold: maxClipped,
    message,
    findings: [{ check: 'exposure', type: 'exposure', severity, score: clipped, message }],
    ms: 0,
  };
}
