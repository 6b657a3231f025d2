// Photo sharpness by the variance of the Laplacian (Pech-Pacheco, Cristóbal, Chamorro-Martínez &
// Fernández-Valdivia 2000, "Diatom autofocusing in brightfield microscopy: a comparative study",
// ICPR). The grey image is first area-averaged to a fixed long side so the same threshold holds for
// a 2 MP and a 12 MP photo of the same scene.
import type { CheckResult } from './check-result';
import type { GreyImage, RgbaImage } from './image';
import type { QcTolerances } from './qc-spec';
import { greyAtLongSide } from './resize';

/** The long side (px) the grey image is scaled to before the Laplacian is taken. */
export const blurAnalysisLongSide = 1024;

/** Chosen on generated photos (seed 101) and verified on another seed (see quality-checks-evaluation.test.ts). */
export const defaultBlurTolerance: Pick<QcTolerances, 'blurMinLaplacianVariance'> = {
  blurMinLaplacianVariance: 70,
};

/** Variance of the 4-neighbour Laplacian [0 1 0; 1 -4 1; 0 1 0] over the interior pixels. */
export function laplacianVariance(grey: GreyImage): number {
  const { width, height, data } = grey;
  if (width < 3 || height < 3)
    throw new RangeError(`grey: needs at least 3x3 pixels, got ${width}x${height}`);
  let sum = 0;
  let sumOfSquares = 0;
  for (let y = 1; y < height - 1; y += 1) {
    const row = y * width;
    for (let x = 1; x < width - 1; x += 1) {
      const index = row + x;
      const value =
        data[index - 1]! +
        data[index + 1]! +
        data[index - width]! +
        data[index + width]! -
        4 * data[index]!;
      sum += value;
      sumOfSquares += value * value;
    }
  }
  const count = (width - 2) * (height - 2);
  const mean = sum / count;
  return sumOfSquares / count - mean * mean;
}

/**
 * Grey area-averaged to `blurAnalysisLongSide` on the long side. A smaller photo is measured at its
 * own size: enlarging it would only add interpolation blur (the variance falls with the 4th power of
 * the enlargement), so its score is comparable with a 1024 px photo of the same sharpness per pixel.
 */
export function analysisGrey(image: RgbaImage): GreyImage {
  return greyAtLongSide(image, blurAnalysisLongSide);
}

export function checkBlur(
  image: RgbaImage,
  tolerances: Pick<QcTolerances, 'blurMinLaplacianVariance'>,
): CheckResult {
  const threshold = tolerances.blurMinLaplacianVariance;
  if (!(threshold >= 0) || !Number.isFinite(threshold)) {
    throw new RangeError(
      `tolerances.blurMinLaplacianVariance: expected a number >= 0, got ${threshold}`,
    );
  }
  const grey = analysisGrey(image);
  const score = laplacianVariance(grey);
  const sharp = score >= threshold;
  const measured = `variance of the Laplacian ${score.toFixed(1)} (minimum ${threshold} at ${blurAnalysisLongSide} px long side)`;
  const message = sharp
    ? `Sharp enough: ${measured}.`
    : `The photo is blurred: ${measured}. Hold the camera still, let it focus on the label and retake the photo.`;
  return {
    check: 'blur',
    status: sharp ? 'pass' : 'fail',
    score,
    threshold,
    message,
    findings: sharp
      ? []
      : [
          {
            check: 'blur',
            type: 'blur',
            severity: score < threshold / 3 ? 'critical' : 'major',
            score,
            message,
          },
        ],
    ms: 0,
  };
}
