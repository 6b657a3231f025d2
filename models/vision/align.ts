// Aligns a packaging photo with the SKU's golden reference image: a coarse rotation/scale/shift
// search on a 24-48 px image, then a robust Lucas-Kanade homography refined coarse to fine (see
// align-refine.ts) on locally contrast-normalised grey levels, so lighting changes drop out.
//
// Why intensity-based on the pack rather than features on the label: the label may itself be moved
// (the defect the label check measures), so the label's box in the reference is left out of the fit
// and Tukey weights reject what else moved on its own; the pack body, outline and print outside the
// label carry the alignment.
import type { CheckResult } from './check-result';
import type { GreyImage, PixelBox, RgbaImage } from './image';
import { downsampleBy, lumaBlocks, normaliseLocalContrast } from './align-image-ops';
import { coarseSearch } from './align-coarse';
import { refineWarp, type MotionModel } from './align-refine';
import { applyMatrix3, multiplyMatrix3, warpRgba, type Matrix3 } from './warp';

export interface AlignOptions {
  /** a region of the reference to leave out of the fit (the label's box), in reference pixels */
  ignoreBox?: PixelBox;
  /** below this normalised cross-correlation of the aligned pair the alignment has failed */
  minCorrelation?: number;
  /** the finest pyramid level used has a long side at most this many pixels (speed vs precision) */
  maxWorkingSide?: number;
}

export interface AlignmentResult {
  status: 'ok' | 'failed';
  /** 3x3 row-major homography mapping reference pixel coordinates to photo pixel coordinates */
  transform: Matrix3;
  /** the photo warped into the reference's frame (reference size; alpha 0 where the photo has no pixels), made when first read */
  readonly aligned: RgbaImage;
  /** normalised cross-correlation of the aligned pair (contrast-normalised grey, outside ignoreBox) */
  score: number;
  /** fraction of the reference (outside ignoreBox) the photo covers once aligned */
  coverage: number;
  message: string;
}

export const defaultMinAlignmentCorrelation = 0.5;
const coarseSide = 48;

function checkImage(image: RgbaImage, name: string): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16) {
    throw new RangeError(`${name}: ${width}x${height} is too small (at least 16x16 pixels)`);
  }
  if (data.length !== width * height * 4) {
    throw new RangeError(`${name}: data has ${data.length} values, expected ${width * height * 4}`);
  }
}

/** level pixel -> full-resolution pixel for a block-average factor */
function levelToFull(factor: number): Matrix3 {
  const offset = (factor - 1) / 2;
  return [factor, 0, offset, 0, factor, offset, 0, 0, 1];
}

function fullToLevel(factor: number): Matrix3 {
  const offset = (factor - 1) / 2;
  return [1 / factor, 0, -offset / factor, 0, 1 / factor, -offset / factor, 0, 0, 1];
}

function maskOutside(
  width: number,
  height: number,
  factor: number,
  box: PixelBox | undefined,
): Uint8Array | undefined {
  if (!box) return undefined;
  const mask = new Uint8Array(width * height).fill(1);
  const offset = (factor - 1) / 2;
  const margin = factor;
  for (let y = 0; y < height; y += 1) {
    const fy = y * factor + offset;
    if (fy < box.y - margin || fy > box.y + box.height + margin) continue;
    for (let x = 0; x < width; x += 1) {
      const fx = x * factor + offset;
      if (fx >= box.x - margin && fx <= box.x + box.width + margin) mask[y * width + x] = 0;
    }
  }
  return mask;
}

/** Corners of the reference land as a convex, not mirrored quadrilateral of sensible area. */
function plausible(transform: Matrix3, width: number, height: number, photo: RgbaImage): boolean {
  const corners = [
    [0, 0],
    [width - 1, 0],
    [width - 1, height - 1],
    [0, height - 1],
  ].map(([x, y]) => applyMatrix3(transform, x!, y!));
  if (corners.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) return false;
  let area = 0;
  for (let index = 0; index < 4; index += 1) {
    const [ax, ay] = corners[index]!;
    const [bx, by] = corners[(index + 1) % 4]!;
    const [cx, cy] = corners[(index + 2) % 4]!;
    const cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    if (cross <= 0) return false;
    area += (ax * by - bx * ay) / 2;
  }
  const ratio = area / (photo.width * photo.height);
  return ratio > 0.05 && ratio < 20;
}

/**
 * The motion fitted at a pyramid level: a homography has 8 parameters, too many for the few
 * pixels outside the label on a coarse level (generated photos, seeds 1 and 11: fits ran off by
 * tens to hundreds of pixels there, from 40 iterations on a 30 x 40 image), so levels of at most
 * 100 px fit a similarity and the finer ones the homography.
 */
function motionModelFor(level: GreyImage): MotionModel {
  return Math.max(level.width, level.height) > 100 ? 'homography' : 'similarity';
}

export function alignToReference(
  photo: RgbaImage,
  reference: RgbaImage,
  options: AlignOptions = {},
): AlignmentResult {
  checkImage(photo, 'photo');
  checkImage(reference, 'reference');
  const minCorrelation = options.minCorrelation ?? defaultMinAlignmentCorrelation;
  const maxWorkingSide = options.maxWorkingSide ?? 400;
  if (!(maxWorkingSide >= coarseSide)) {
    throw new RangeError(
      `options.maxWorkingSide: ${maxWorkingSide} must be at least ${coarseSide}`,
    );
  }
  const longSide = Math.max(reference.width, reference.height);
  let finest = 1;
  while (longSide / finest > maxWorkingSide) finest *= 2;
  const factors: number[] = [finest];
  while (longSide / factors[factors.length - 1]! > coarseSide) {
    factors.push(factors[factors.length - 1]! * 2);
  }
  // the finest level straight from RGBA, each coarser one by halving the previous
  const fit = Math.min(
    (photo.width - 1) / (reference.width - 1),
    (photo.height - 1) / (reference.height - 1),
  );
  let referenceLevel = lumaBlocks(reference, finest);
  let photoLevel = lumaBlocks(photo, finest);
  const levels = factors.map((factor, index) => {
    if (index > 0) {
      referenceLevel = downsampleBy(referenceLevel, 2);
      photoLevel = downsampleBy(photoLevel, 2);
    }
    const radius = Math.max(
      2,
      Math.round(Math.max(referenceLevel.width, referenceLevel.height) / 16),
    );
    return {
      factor,
      reference: normaliseLocalContrast(referenceLevel, radius),
      // the same window on the pack in both: the photo shows the pack at about `fit` times the
      // reference's size, and windows of unequal extent shift where the normalised edges peak
      photo: normaliseLocalContrast(photoLevel, Math.max(1, Math.round(radius * fit))),
      mask: maskOutside(referenceLevel.width, referenceLevel.height, factor, options.ignoreBox),
    };
  });
  const coarsest = levels[levels.length - 1]!;
  // start from the reference scaled isotropically to fit the photo, centred (a pack keeps its
  // shape); the coarse search then tries how much of the frame the pack fills
  const sizeScale: Matrix3 = [
    fit,
    0,
    (photo.width - 1 - fit * (reference.width - 1)) / 2,
    0,
    fit,
    (photo.height - 1 - fit * (reference.height - 1)) / 2,
    0,
    0,
    1,
  ];
  const toLevel = (matrix: Matrix3, factor: number): Matrix3 =>
    multiplyMatrix3(multiplyMatrix3(fullToLevel(factor), matrix), levelToFull(factor));
  const toFull = (matrix: Matrix3, factor: number): Matrix3 =>
    multiplyMatrix3(multiplyMatrix3(levelToFull(factor), matrix), fullToLevel(factor));
  // two starting points: the search over the pack outside the label (right when the label is
  // missing or moved) and over the whole pack (right when the few pixels outside the label leave
  // the search ambiguous; a label moved by less than a coarse pixel barely changes it)
  const searchFrom = (mask: Uint8Array | undefined) =>
    coarseSearch(coarsest.reference, coarsest.photo, {
      mask,
      anglesDeg: [-6, 0, 6],
      scales: [0.5, 0.57, 0.65, 0.74, 0.84, 0.95, 1.05],
      shiftX: coarsest.reference.width / 4,
      shiftY: coarsest.reference.height / 4,
      base: toLevel(sizeScale, coarsest.factor),
    });
  const starts = [searchFrom(coarsest.mask)];
  if (coarsest.mask !== undefined) starts.push(searchFrom(undefined));
  const refineLevel = (index: number, transform: Matrix3) => {
    const level = levels[index]!;
    const refined = refineWarp(
      level.reference,
      level.photo,
      toLevel(transform, level.factor),
      motionModelFor(level.reference),
      {
        mask: level.mask,
        // up to 40 steps: a strong perspective fitted from a similarity start needs them (the
        // step tolerance ends the easy cases early); 25 on the finest, the dearest, level
        iterations: index === 0 ? 25 : 40,
        tolerancePx: index === 0 ? 0.02 : 0.05,
      },
    );
    return { ...refined, matrix: toFull(refined.matrix, level.factor) };
  };
  // each start through the coarse levels (cheap: at most ~100 px), then the better one on, judged
  // by the correlation outside the label at the same level
  let index = levels.length - 1;
  let best = starts.map((start) => ({
    matrix: toFull(start.matrix, coarsest.factor),
    correlation: start.correlation,
    coverage: 0,
  }));
  do {
    best = best.map((candidate) => refineLevel(index, candidate.matrix));
    index -= 1;
  } while (
    index > 0 &&
    Math.max(levels[index]!.reference.width, levels[index]!.reference.height) <= 100
  );
  let current = best.reduce((first, second) =>
    second.correlation > first.correlation ? second : first,
  );
  for (; index >= 0; index -= 1) current = refineLevel(index, current.matrix);
  const transform = current.matrix;
  const score = current.correlation;
  const coverage = current.coverage;
  const plausibleShape = plausible(transform, reference.width, reference.height, photo);
  const ok = plausibleShape && score >= minCorrelation && coverage >= 0.5;
  const scoreText = score.toFixed(2);
  const message = ok
    ? `Photo aligned with the reference (correlation ${scoreText}, minimum ${minCorrelation}; ${Math.round(coverage * 100)}% of the reference covered).`
    : !plausibleShape
      ? 'Could not align the photo with the reference: the fitted transform folds or shrinks the pack implausibly; retake the photo with the whole pack in view, or check the SKU.'
      : coverage < 0.5
        ? `Could not align the photo with the reference: only ${Math.round(coverage * 100)}% of the reference is in view; retake the photo with the whole pack in view.`
        : `Could not align the photo with the reference: correlation ${scoreText} is below ${minCorrelation}; retake the photo with the whole pack in view, or check that the SKU is right.`;
  // warped on first use: a caller that warps the full-size photo itself (run-checks-suite.ts)
  // does not pay for a second warp
  let aligned: RgbaImage | undefined;
  return {
    status: ok ? 'ok' : 'failed',
    transform,
    get aligned() {
      aligned ??= warpRgba(photo, transform, reference.width, reference.height);
      return aligned;
    },
    score,
    coverage,
    message,
  };
}

/**
 * The alignment as a check: `pass` when aligned, `inconclusive` (fusion: needs review) when not.
 * `ms` is left 0 for the caller to fill in (models/ has no clock).
 */
export function checkAlignment(
  alignment: AlignmentResult,
  minCorrelation = defaultMinAlignmentCorrelation,
): CheckResult {
  const ok = alignment.status === 'ok';
  return {
    check: 'alignment',
    status: ok ? 'pass' : 'inconclusive',
    score: alignment.score,
    threshold: minCorrelation,
    message: alignment.message,
    findings: ok
      ? []
      : [
          {
            check: 'alignment',
            type: 'alignment',
            severity: 'major',
            score: alignment.score,
            message: alignment.message,
          },
        ],
    ms: 0,
  };
}
