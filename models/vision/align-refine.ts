// Intensity-based refinement of a parametric warp by Gauss-Newton: the forward-compositional
// Lucas-Kanade algorithm (Baker & Matthews 2004, "Lucas-Kanade 20 Years On", section 3.1) with
// per-iteration zero-mean, unit-variance normalisation of the two patches (as in ECC, Evangelidis &
// Psarakis 2008) and iteratively reweighted least squares with Huber then Tukey weights, so regions
// that moved on their own (a shifted label, a dent) count as outliers instead of pulling the fit.
import type { GreyImage } from './image';
import { gradientsOf } from './align-image-ops';
import { multiplyMatrix3, solveLinearSystem, warpGrey, type Matrix3 } from './warp';

export type MotionModel = 'homography' | 'affine' | 'similarity' | 'euclidean';

export interface RefineOptions {
  /** template pixels to use (1) or ignore (0); default all */
  mask?: Uint8Array;
  iterations?: number;
  /** stop when the update moves no template corner by more than this many pixels */
  tolerancePx?: number;
}

export interface RefineResult {
  /** template -> image */
  matrix: Matrix3;
  /** normalised cross-correlation of template and warped image over the used pixels */
  correlation: number;
  /** fraction of the masked template pixels that landed inside the image */
  coverage: number;
}

function parameterCount(model: MotionModel): number {
  return model === 'homography' ? 8 : model === 'affine' ? 6 : model === 'similarity' ? 4 : 3;
}

/** The small warp of the parameters, in the normalised template coordinates. */
function incrementMatrix(model: MotionModel, step: number[]): Matrix3 {
  if (model === 'euclidean') {
    const [tx, ty, angle] = step as [number, number, number];
    return [Math.cos(angle), -Math.sin(angle), tx, Math.sin(angle), Math.cos(angle), ty, 0, 0, 1];
  }
  if (model === 'similarity') {
    const [tx, ty, a, b] = step as [number, number, number, number];
    return [1 + a, -b, tx, b, 1 + a, ty, 0, 0, 1];
  }
  const [a, b, c, d, e, f, g, h] = step as number[];
  return model === 'affine'
    ? [1 + a!, b!, c!, d!, 1 + e!, f!, 0, 0, 1]
    : [1 + a!, b!, c!, d!, 1 + e!, f!, g!, h!, 1];
}

interface Moments {
  templateMean: number;
  templateScale: number;
  imageMean: number;
  imageScale: number;
  correlation: number;
  used: number;
}

function momentsOf(
  template: Float32Array,
  warped: Float32Array,
  use: Uint8Array,
  weights: Float32Array,
): Moments {
  let count = 0;
  let st = 0;
  let si = 0;
  let stt = 0;
  let sii = 0;
  let sti = 0;
  for (let index = 0; index < use.length; index += 1) {
    if (use[index] === 0) continue;
    const w = weights[index]!;
    const t = template[index]!;
    const i = warped[index]!;
    count += w;
    st += w * t;
    si += w * i;
    stt += w * t * t;
    sii += w * i * i;
    sti += w * t * i;
  }
  const templateMean = st / count;
  const imageMean = si / count;
  const tVar = Math.max(stt / count - templateMean * templateMean, 1e-12);
  const iVar = Math.max(sii / count - imageMean * imageMean, 1e-12);
  const cov = sti / count - templateMean * imageMean;
  return {
    templateMean,
    templateScale: Math.sqrt(tVar),
    imageMean,
    imageScale: Math.sqrt(iVar),
    correlation: cov / Math.sqrt(tVar * iVar),
    used: count,
  };
}

/** Median of |values| on a subsample of at most ~4096 used pixels (robust scale for the weights). */
function medianAbsolute(values: Float32Array, use: Uint8Array, usedCount: number): number {
  const step = Math.max(1, Math.floor(usedCount / 4096));
  const sample = new Float32Array(Math.ceil(usedCount / step) + 1);
  let taken = 0;
  let seen = 0;
  for (let index = 0; index < use.length; index += 1) {
    if (use[index] === 0) continue;
    if (seen % step === 0) sample[taken++] = Math.abs(values[index]!);
    seen += 1;
  }
  if (taken === 0) return 1;
  const sorted = sample.subarray(0, taken).sort();
  return sorted[taken >> 1]!;
}

/**
 * Refines `initial` (template -> image) so that image(warp(x)) matches template(x) over the mask.
 * Both images should already be photometrically comparable up to gain and offset.
 */
export function refineWarp(
  template: GreyImage,
  image: GreyImage,
  initial: readonly number[],
  model: MotionModel,
  options: RefineOptions = {},
): RefineResult {
  const { width, height } = template;
  const size = width * height;
  const mask = options.mask;
  if (mask && mask.length !== size) {
    throw new RangeError(`options.mask: has ${mask.length} entries, expected ${size}`);
  }
  const iterations = options.iterations ?? 30;
  const tolerance = options.tolerancePx ?? 0.01;
  const count = parameterCount(model);
  // normalised coordinates: centred, half-diagonal = 1, for a well-conditioned normal matrix
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const scale = Math.max(1, Math.hypot(cx, cy));
  const toNormal: Matrix3 = [1 / scale, 0, -cx / scale, 0, 1 / scale, -cy / scale, 0, 0, 1];
  const fromNormal: Matrix3 = [scale, 0, cx, 0, scale, cy, 0, 0, 1];
  let matrix: Matrix3 = [...initial];
  const use = new Uint8Array(size);
  const weights = new Float32Array(size).fill(1);
  const residuals = new Float32Array(size);
  let maskedCount = 0;
  for (let index = 0; index < size; index += 1) if (!mask || mask[index] !== 0) maskedCount += 1;
  let moments: Moments | undefined;
  let coverage = 0;
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const warped = warpGrey(image, matrix, width, height);
    const { gx, gy } = gradientsOf(warped);
    let inside = 0;
    for (let index = 0; index < size; index += 1) {
      const ok =
        (!mask || mask[index] !== 0) &&
        Number.isFinite(warped.data[index]!) &&
        Number.isFinite(gx[index]!) &&
        Number.isFinite(gy[index]!);
      use[index] = ok ? 1 : 0;
      if (ok) inside += 1;
    }
    coverage = maskedCount > 0 ? inside / maskedCount : 0;
    if (inside < 4 * count) break;
    moments = momentsOf(template.data, warped.data, use, weights);
    const { templateMean, templateScale, imageMean, imageScale } = moments;
    for (let index = 0; index < size; index += 1) {
      if (use[index] === 0) continue;
      residuals[index] =
        (template.data[index]! - templateMean) / templateScale -
        (warped.data[index]! - imageMean) / imageScale;
    }
    const sigma = Math.max(1.4826 * medianAbsolute(residuals, use, inside), 1e-6);
    const tukey = iteration >= Math.min(8, iterations >> 1);
    for (let index = 0; index < size; index += 1) {
      if (use[index] === 0) continue;
      const u = Math.abs(residuals[index]!) / sigma;
      if (tukey) {
        const r = u / 4.685;
        weights[index] = r < 1 ? (1 - r * r) ** 2 : 0;
      } else weights[index] = u <= 1.345 ? 1 : 1.345 / u;
    }
    const normal = new Float64Array(count * count);
    const rhs = new Float64Array(count);
    const row = new Float64Array(count);
    const gradientScale = scale / imageScale;
    for (let y = 0; y < height; y += 1) {
      const ny = (y - cy) / scale;
      for (let x = 0; x < width; x += 1) {
        const index = y * width + x;
        if (use[index] === 0) continue;
        const w = weights[index]!;
        if (w === 0) continue;
        const nx = (x - cx) / scale;
        const ix = gx[index]! * gradientScale;
        const iy = gy[index]! * gradientScale;
        if (model === 'euclidean') {
          row[0] = ix;
          row[1] = iy;
          row[2] = -ny * ix + nx * iy;
        } else if (model === 'similarity') {
          row[0] = ix;
          row[1] = iy;
          row[2] = ix * nx + iy * ny;
          row[3] = -ny * ix + nx * iy;
        } else {
          const radial = ix * nx + iy * ny;
          row[0] = ix * nx;
          row[1] = ix * ny;
          row[2] = ix;
          row[3] = iy * nx;
          row[4] = iy * ny;
          row[5] = iy;
          if (model === 'homography') {
            row[6] = -radial * nx;
            row[7] = -radial * ny;
          }
        }
        const r = residuals[index]!;
        for (let i = 0; i < count; i += 1) {
          const wi = w * row[i]!;
          rhs[i] = rhs[i]! + wi * r;
          for (let j = 0; j <= i; j += 1)
            normal[i * count + j] = normal[i * count + j]! + wi * row[j]!;
        }
      }
    }
    for (let i = 0; i < count; i += 1) {
      for (let j = i + 1; j < count; j += 1) normal[i * count + j] = normal[j * count + i]!;
    }
    const step = solveLinearSystem(normal, rhs, count);
    if (!step) break;
    const increment = multiplyMatrix3(
      multiplyMatrix3(fromNormal, incrementMatrix(model, step)),
      toNormal,
    );
    matrix = multiplyMatrix3(matrix, increment);
    const last = matrix[8]!;
    matrix = matrix.map((value) => value / last);
    let moved = 0;
    for (const [x, y] of [
      [0, 0],
      [width - 1, 0],
      [0, height - 1],
      [width - 1, height - 1],
    ] as const) {
      const w = increment[6]! * x + increment[7]! * y + increment[8]!;
      const u = (increment[0]! * x + increment[1]! * y + increment[2]!) / w;
      const v = (increment[3]! * x + increment[4]! * y + increment[5]!) / w;
      moved = Math.max(moved, Math.hypot(u - x, v - y));
    }
    if (!Number.isFinite(moved)) break;
    if (moved < tolerance) break;
  }
  // final correlation with the final warp, plain (unweighted) over the used pixels
  const warped = warpGrey(image, matrix, width, height);
  let inside = 0;
  for (let index = 0; index < size; index += 1) {
    const ok = (!mask || mask[index] !== 0) && Number.isFinite(warped.data[index]!);
    use[index] = ok ? 1 : 0;
    if (ok) inside += 1;
  }
  coverage = maskedCount > 0 ? inside / maskedCount : 0;
  const final =
    inside >= 4
      ? momentsOf(template.data, warped.data, use, new Float32Array(size).fill(1))
      : undefined;
  return {
    matrix,
    correlation: final && Number.isFinite(final.correlation) ? final.correlation : 0,
    coverage,
  };
}
