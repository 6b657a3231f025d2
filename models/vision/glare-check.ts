// Specular glare: connected blobs of near-white, nearly neutral pixels (every channel >= 245, so
// saturation is at most 10/255), large enough not to be noise, as a fraction of the image. Large
// photos are read on a regular grid of at most ~1024 px on the long side; boxes are given in the
// coordinates of the photo as passed in.
import type { CheckResult, Finding } from './check-result';
import { connectedComponents } from './connected-components';
import { assertRgbaImage } from './grey';
import type { PixelBox, RgbaImage } from './image';
import type { QcTolerances } from './qc-spec';

/** Chosen on generated photos (seed 101) and verified on another seed (see quality-checks-evaluation.test.ts). */
export const defaultGlareTolerance: Pick<QcTolerances, 'glareMaxFraction'> = {
  glareMaxFraction: 0.002,
};

/** A pixel is glare when all three channels are at least this. */
export const glareMinChannel = 245;
/** Blobs smaller than this fraction of the (sampled) image are ignored as noise or small print. */
export const glareMinBlobFraction = 0.0004;
const analysisLongSide = 1024;

export interface GlareBlob {
  box: PixelBox;
  /** fraction of the image */
  fraction: number;
}

export function findGlare(image: RgbaImage): { fraction: number; blobs: GlareBlob[] } {
  assertRgbaImage(image);
  const { width, height, data } = image;
  const step = Math.max(1, Math.ceil(Math.max(width, height) / analysisLongSide));
  const sampledWidth = Math.ceil(width / step);
  const sampledHeight = Math.ceil(height / step);
  const mask = new Uint8Array(sampledWidth * sampledHeight);
  for (let sy = 0; sy < sampledHeight; sy += 1) {
    const rowStart = sy * step * width;
    for (let sx = 0; sx < sampledWidth; sx += 1) {
      const byte = (rowStart + sx * step) * 4;
      if (
        data[byte]! >= glareMinChannel &&
        data[byte + 1]! >= glareMinChannel &&
        data[byte + 2]! >= glareMinChannel
      ) {
        mask[sy * sampledWidth + sx] = 1;
      }
    }
  }
  const total = sampledWidth * sampledHeight;
  const minArea = Math.max(4, Math.round(glareMinBlobFraction * total));
  const { components } = connectedComponents(mask, sampledWidth, sampledHeight, { minArea });
  const blobs = components
    .map((component) => {
      const x = component.box.x * step;
      const y = component.box.y * step;
      return {
        box: {
          x,
          y,
          width: Math.min(width - x, component.box.width * step),
          height: Math.min(height - y, component.box.height * step),
        },
        fraction: component.area / total,
      };
    })
    .sort((first, second) => second.fraction - first.fraction);
  return { fraction: blobs.reduce((sum, blob) => sum + blob.fraction, 0), blobs };
}

export function checkGlare(
  image: RgbaImage,
  tolerances: Pick<QcTolerances, 'glareMaxFraction'>,
): CheckResult {
  const threshold = tolerances.glareMaxFraction;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(
      `tolerances.glareMaxFraction: expected a fraction in [0, 1], got ${threshold}`,
    );
  }
  const { fraction, blobs } = findGlare(image);
  const percent = (value: number) => `${(value * 100).toFixed(2)} %`;
  if (fraction <= threshold) {
    return {
      check: 'glare',
      status: 'pass',
      score: fraction,
      threshold,
      message: `No disturbing glare: ${percent(fraction)} of the photo is specular highlight (allowed ${percent(threshold)}).`,
      findings: [],
      ms: 0,
    };
  }
  const message = `Glare covers ${percent(fraction)} of the photo (allowed ${percent(threshold)}) in ${blobs.length} highlight(s): tilt the pack or move the light and retake the photo.`;
  const findings: Finding[] = blobs.slice(0, 10).map((blob) => ({
    check: 'glare',
    type: 'glare',
    severity: blob.fraction > 5 * threshold ? 'major' : 'minor',
    score: blob.fraction,
    message: `Specular highlight covering ${percent(blob.fraction)} of the photo at x ${blob.box.x}, y ${blob.box.y} (${blob.box.width}x${blob.box.height} px).`,
    box: blob.box,
  }));
  return {
    check: 'glare',
    status: 'fail',
    score: fraction,
    threshold,
    message,
    findings,
    ms: 0,
  };
}
