// Sharpness against the golden reference. An absolute Laplacian-variance threshold reads a pack with
// little print (a missing label) as blurred; with a reference, the photo's sharpness is judged
// relative to the reference's over the same print outside the label, on 2 x 2 block means (sensor
// noise, which the reference lacks, would otherwise dominate the photo's). Each image's Laplacian
// variance is divided by its grey-level variance over the compared pixels (so lighting gain and
// contrast drop out: Pech-Pacheco et al. 2000 use the raw variance of the Laplacian, the ratio to
// the intensity variance is our normalisation), and the photo's over the reference's is the score.
import type { CheckResult } from './check-result';
import type { RgbaImage } from './image';

export interface RelativeSharpness {
  /** normalised Laplacian variance of the aligned photo over that of the reference */
  ratio: number;
  /** pixels compared */
  count: number;
}

/**
 * Grey levels averaged over 2 x 2 blocks (sensor noise halves, print edges stay), with each block's
 * validity: inside the mask and fully covered by the photo (alpha 255) in both pixels' images.
 */
function halfGrey(
  image: RgbaImage,
  valid: (pixel: number) => boolean,
): { width: number; height: number; grey: Float32Array; usable: Uint8Array } {
  const width = Math.floor(image.width / 2);
  const height = Math.floor(image.height / 2);
  const grey = new Float32Array(width * height);
  const usable = new Uint8Array(width * height);
  const { data } = image;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      let ok = 1;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const pixel = (2 * y + dy) * image.width + 2 * x + dx;
        const byte = pixel * 4;
        sum += 0.299 * data[byte]! + 0.587 * data[byte + 1]! + 0.114 * data[byte + 2]!;
        if (!valid(pixel)) ok = 0;
      }
      grey[y * width + x] = sum / 4;
      usable[y * width + x] = ok;
    }
  }
  return { width, height, grey, usable };
}

function normalisedLaplacianVariance(
  image: { width: number; height: number; grey: Float32Array },
  usable: Uint8Array,
): { value: number; count: number } {
  const { width, height, grey } = image;
  let count = 0;
  let sum = 0;
  let squares = 0;
  let laplacianSum = 0;
  let laplacianSquares = 0;
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const index = y * width + x;
      if (
        usable[index] === 0 ||
        usable[index - 1] === 0 ||
        usable[index + 1] === 0 ||
        usable[index - width] === 0 ||
        usable[index + width] === 0
      )
        continue;
      const centre = grey[index]!;
      const laplacian =
        grey[index - 1]! +
        grey[index + 1]! +
        grey[index - width]! +
        grey[index + width]! -
        4 * centre;
      count += 1;
      sum += centre;
      squares += centre * centre;
      laplacianSum += laplacian;
      laplacianSquares += laplacian * laplacian;
    }
  }
  if (count === 0) return { value: 0, count };
  const variance = squares / count - (sum / count) ** 2;
  const laplacianVariance = laplacianSquares / count - (laplacianSum / count) ** 2;
  return { value: variance > 1e-9 ? laplacianVariance / variance : 0, count };
}

/**
 * The aligned photo's sharpness relative to the reference's over `mask` (1 = compared), on 2 x 2
 * blocks the photo fully covers (alpha 255 after the warp); `count` is in blocks.
 */
export function measureRelativeSharpness(
  aligned: RgbaImage,
  reference: RgbaImage,
  mask: Uint8Array,
): RelativeSharpness {
  if (aligned.width !== reference.width || aligned.height !== reference.height) {
    throw new RangeError(
      `aligned: ${aligned.width}x${aligned.height} must have the reference's size ${reference.width}x${reference.height}`,
    );
  }
  if (mask.length !== reference.width * reference.height) {
    throw new RangeError(
      `mask: expected ${reference.width * reference.height} values, got ${mask.length}`,
    );
  }
  const valid = (pixel: number) => mask[pixel] !== 0 && aligned.data[pixel * 4 + 3] === 255;
  const photo = halfGrey(aligned, valid);
  const golden = halfGrey(reference, valid);
  const photoValue = normalisedLaplacianVariance(photo, photo.usable);
  const goldenValue = normalisedLaplacianVariance(golden, photo.usable);
  return {
    ratio: goldenValue.value > 0 ? photoValue.value / goldenValue.value : 0,
    count: photoValue.count,
  };
}

/**
 * The blur check judged against the reference: `absolute` (the photo-only check) is kept when too
 * few pixels can be compared (2 x 2 blocks under 2% of the reference's area) or the reference has no print there.
 */
export function checkBlurAgainstReference(
  aligned: RgbaImage,
  reference: RgbaImage,
  mask: Uint8Array,
  minRatio: number,
  absolute: CheckResult,
): CheckResult {
  if (!(minRatio > 0) || !Number.isFinite(minRatio)) {
    throw new RangeError(`minRatio: expected a positive number, got ${minRatio}`);
  }
  const { ratio, count } = measureRelativeSharpness(aligned, reference, mask);
  if (count < 0.005 * reference.width * reference.height || ratio === 0) return absolute;
  const sharp = ratio >= minRatio;
  const measured = `sharpness ${ratio.toFixed(2)} of the golden reference's over the print outside the label (minimum ${minRatio})`;
  const message = sharp
    ? `Sharp enough: ${measured}.`
    : `The photo is blurred: ${measured}. Hold the camera still, let it focus on the label and retake the photo.`;
  return {
    check: 'blur',
    status: sharp ? 'pass' : 'fail',
    score: ratio,
    threshold: minRatio,
    message,
    findings: sharp
      ? []
      : [
          {
            check: 'blur',
            type: 'blur',
            severity: ratio < minRatio / 3 ? 'critical' : 'major',
            score: ratio,
            message,
          },
        ],
    ms: 0,
  };
}
