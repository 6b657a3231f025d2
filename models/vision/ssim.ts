// Structural similarity (Wang, Bovik, Sheikh & Simoncelli 2004, "Image quality assessment: from
// error visibility to structural similarity", IEEE TIP 13(4)): local means, variances and covariance
// under an 11x11 circular-symmetric Gaussian window (sigma 1.5), K1 = 0.01, K2 = 0.03, L = 255,
// population (not sample) moments. Borders are mirrored half-sample symmetric and the mean skips
// 5 pixels at each edge, as scikit-image's structural_similarity(gaussian_weights=True,
// use_sample_covariance=False) does, so the two agree.
import type { GreyImage } from './image';

export interface SsimOptions {
  /** dynamic range of the grey levels (default 255) */
  dataRange?: number;
  sigma?: number;
}

export interface SsimResult {
  /** mean SSIM over the map without its 5-pixel border (the whole map when the image is smaller) */
  mean: number;
  /** SSIM at every pixel, -1..1 */
  map: GreyImage;
}

const truncate = 3.5;

/** Normalised 1-D Gaussian taps of radius round(3.5 sigma), as scipy.ndimage builds them. */
export function gaussianTaps(sigma: number): Float64Array {
  if (!(sigma > 0) || !Number.isFinite(sigma)) {
    throw new RangeError(`sigma: ${sigma} must be a positive number`);
  }
  const radius = Math.trunc(truncate * sigma + 0.5);
  const taps = new Float64Array(2 * radius + 1);
  let total = 0;
  for (let offset = -radius; offset <= radius; offset += 1) {
    const value = Math.exp((-0.5 * offset * offset) / (sigma * sigma));
    taps[offset + radius] = value;
    total += value;
  }
  return taps.map((value) => value / total);
}

/** Index into 0..size-1 mirrored about the pixel edges (scipy 'reflect': d c b a | a b c d). */
function reflect(index: number, size: number): number {
  const period = 2 * size;
  let i = ((index % period) + period) % period;
  if (i >= size) i = period - 1 - i;
  return i;
}

/** Separable filtering of several same-size planes at once; returns new planes. */
function filterPlanes(
  planes: Float32Array[],
  width: number,
  height: number,
  taps: Float64Array,
): Float32Array[] {
  const radius = (taps.length - 1) >> 1;
  const count = planes.length;
  const horizontal = planes.map(() => new Float32Array(width * height));
  const columnIndex = new Int32Array(width + 2 * radius);
  for (let x = -radius; x < width + radius; x += 1) columnIndex[x + radius] = reflect(x, width);
  for (let p = 0; p < count; p += 1) {
    const source = planes[p]!;
    const target = horizontal[p]!;
    for (let y = 0; y < height; y += 1) {
      const row = y * width;
      for (let x = 0; x < width; x += 1) {
        let total = 0;
        if (x >= radius && x < width - radius) {
          // interior: the window lies inside the row, no mirrored indices needed
          const start = row + x - radius;
          for (let k = 0; k < taps.length; k += 1) total += taps[k]! * source[start + k]!;
        } else {
          for (let k = 0; k < taps.length; k += 1) {
            total += taps[k]! * source[row + columnIndex[x + k]!]!;
          }
        }
        target[row + x] = total;
      }
    }
  }
  const out = planes.map(() => new Float32Array(width * height));
  const rowIndex = new Int32Array(height + 2 * radius);
  for (let y = -radius; y < height + radius; y += 1)
    rowIndex[y + radius] = reflect(y, height) * width;
  const accumulator = new Float64Array(width);
  for (let p = 0; p < count; p += 1) {
    const source = horizontal[p]!;
    const target = out[p]!;
    for (let y = 0; y < height; y += 1) {
      accumulator.fill(0);
      for (let k = 0; k < taps.length; k += 1) {
        const tap = taps[k]!;
        const row = rowIndex[y + k]!;
        for (let x = 0; x < width; x += 1)
          accumulator[x] = accumulator[x]! + tap * source[row + x]!;
      }
      target.set(accumulator, y * width);
    }
  }
  return out;
}

function checkPair(a: GreyImage, b: GreyImage): void {
  for (const [name, image] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (image.data.length !== image.width * image.height || image.width < 1 || image.height < 1) {
      throw new RangeError(
        `${name}: ${image.width}x${image.height} does not match its ${image.data.length} values`,
      );
    }
  }
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(
      `b: ${b.width}x${b.height} must have the size of a (${a.width}x${a.height})`,
    );
  }
}

export function ssimMap(a: GreyImage, b: GreyImage, options: SsimOptions = {}): SsimResult {
  checkPair(a, b);
  const dataRange = options.dataRange ?? 255;
  if (!(dataRange > 0)) throw new RangeError(`options.dataRange: ${dataRange} must be positive`);
  const taps = gaussianTaps(options.sigma ?? 1.5);
  const { width, height } = a;
  const size = width * height;
  const aa = new Float32Array(size);
  const bb = new Float32Array(size);
  const ab = new Float32Array(size);
  for (let index = 0; index < size; index += 1) {
    const x = a.data[index]!;
    const y = b.data[index]!;
    aa[index] = x * x;
    bb[index] = y * y;
    ab[index] = x * y;
  }
  const [meanA, meanB, meanAA, meanBB, meanAB] = filterPlanes(
    [a.data, b.data, aa, bb, ab],
    width,
    height,
    taps,
  ) as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  const c1 = (0.01 * dataRange) ** 2;
  const c2 = (0.03 * dataRange) ** 2;
  const map = new Float32Array(size);
  for (let index = 0; index < size; index += 1) {
    const mx = meanA[index]!;
    const my = meanB[index]!;
    const vx = meanAA[index]! - mx * mx;
    const vy = meanBB[index]! - my * my;
    const vxy = meanAB[index]! - mx * my;
    map[index] =
      ((2 * mx * my + c1) * (2 * vxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
  }
  const pad = (taps.length - 1) >> 1;
  const cropX = width > 2 * pad ? pad : 0;
  const cropY = height > 2 * pad ? pad : 0;
  let total = 0;
  let count = 0;
  for (let y = cropY; y < height - cropY; y += 1) {
    for (let x = cropX; x < width - cropX; x += 1) {
      total += map[y * width + x]!;
      count += 1;
    }
  }
  return { mean: total / count, map: { width, height, data: map } };
}
