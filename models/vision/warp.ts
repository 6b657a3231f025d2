// Planar projective transforms (homographies) as 3x3 row-major matrices, and bilinear warping of
// images by them (Hartley & Zisserman, Multiple View Geometry, 2nd ed., 4.1 DLT with 4.4 point
// normalisation). A warp is always given as the map from output (destination) pixel coordinates to
// source coordinates, so each output pixel samples the source once.
import type { GreyImage, RgbaImage } from './image';

/** 3x3 row-major matrix acting on homogeneous pixel coordinates (x, y, 1); pixel centres are integers. */
export type Matrix3 = number[];

export const identityMatrix3: readonly number[] = [1, 0, 0, 0, 1, 0, 0, 0, 1];

function checkMatrix(matrix: readonly number[], name: string): void {
  if (matrix.length !== 9 || matrix.some((value) => !Number.isFinite(value))) {
    throw new RangeError(`${name}: expected 9 finite numbers (a 3x3 row-major matrix)`);
  }
}

export function multiplyMatrix3(left: readonly number[], right: readonly number[]): Matrix3 {
  const out = new Array<number>(9).fill(0);
  for (let row = 0; row < 3; row += 1) {
    for (let column = 0; column < 3; column += 1) {
      let total = 0;
      for (let k = 0; k < 3; k += 1) total += left[row * 3 + k]! * right[k * 3 + column]!;
      out[row * 3 + column] = total;
    }
  }
  return out;
}

/** The inverse, or undefined when the matrix is singular. */
export function invertMatrix3(matrix: readonly number[]): Matrix3 | undefined {
  checkMatrix(matrix, 'matrix');
  const [a, b, c, d, e, f, g, h, i] = matrix as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const coA = e * i - f * h;
  const coB = -(d * i - f * g);
  const coC = d * h - e * g;
  const determinant = a * coA + b * coB + c * coC;
  const scale = Math.abs(a) + Math.abs(b) + Math.abs(c) + Math.abs(d) + Math.abs(e) + Math.abs(f);
  if (!Number.isFinite(determinant) || Math.abs(determinant) <= 1e-12 * Math.max(1, scale) ** 2) {
    return undefined;
  }
  const inverse = [
    coA,
    -(b * i - c * h),
    b * f - c * e,
    coB,
    a * i - c * g,
    -(a * f - c * d),
    coC,
    -(a * h - b * g),
    a * e - b * d,
  ];
  return inverse.map((value) => value / determinant);
}

/** Scales so that the bottom-right entry is 1 (when it is not ~0). */
export function normaliseMatrix3(matrix: readonly number[]): Matrix3 {
  const last = matrix[8]!;
  return Math.abs(last) > 1e-12 ? matrix.map((value) => value / last) : [...matrix];
}

export function applyMatrix3(matrix: readonly number[], x: number, y: number): [number, number] {
  const w = matrix[6]! * x + matrix[7]! * y + matrix[8]!;
  return [
    (matrix[0]! * x + matrix[1]! * y + matrix[2]!) / w,
    (matrix[3]! * x + matrix[4]! * y + matrix[5]!) / w,
  ];
}

/** The homography mapping each `from` point onto its `to` point (4 or more pairs, least squares). */
export function homographyFromPoints(
  from: readonly [number, number][],
  to: readonly [number, number][],
): Matrix3 {
  if (from.length !== to.length || from.length < 4) {
    throw new RangeError(
      `from/to: need at least 4 point pairs of equal count, got ${from.length} and ${to.length}`,
    );
  }
  const normaliser = (points: readonly [number, number][]): Matrix3 => {
    let meanX = 0;
    let meanY = 0;
    for (const [x, y] of points) {
      meanX += x / points.length;
      meanY += y / points.length;
    }
    let spread = 0;
    for (const [x, y] of points) spread += Math.hypot(x - meanX, y - meanY) / points.length;
    const s = spread > 0 ? Math.SQRT2 / spread : 1;
    return [s, 0, -s * meanX, 0, s, -s * meanY, 0, 0, 1];
  };
  const fromNorm = normaliser(from);
  const toNorm = normaliser(to);
  // Normal equations of the inhomogeneous DLT (h33 = 1): 8 unknowns.
  const normal = new Float64Array(64);
  const rhs = new Float64Array(8);
  for (let index = 0; index < from.length; index += 1) {
    const [x, y] = applyMatrix3(fromNorm, from[index]![0], from[index]![1]);
    const [u, v] = applyMatrix3(toNorm, to[index]![0], to[index]![1]);
    const rows: [number[], number][] = [
      [[x, y, 1, 0, 0, 0, -u * x, -u * y], u],
      [[0, 0, 0, x, y, 1, -v * x, -v * y], v],
    ];
    for (const [row, value] of rows) {
      for (let i = 0; i < 8; i += 1) {
        rhs[i] = rhs[i]! + row[i]! * value;
        for (let j = 0; j < 8; j += 1) normal[i * 8 + j] = normal[i * 8 + j]! + row[i]! * row[j]!;
      }
    }
  }
  const solution = solveLinearSystem(normal, rhs, 8);
  if (!solution) throw new RangeError('from: the points are degenerate (collinear or repeated)');
  const normalised = [...solution, 1];
  const toInverse = invertMatrix3(toNorm)!;
  return normaliseMatrix3(multiplyMatrix3(multiplyMatrix3(toInverse, normalised), fromNorm));
}

/** Solves a dense size x size system by Gaussian elimination with partial pivoting. */
export function solveLinearSystem(
  matrix: Float64Array,
  rhs: Float64Array,
  size: number,
): number[] | undefined {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  let largest = 0;
  for (const value of a) largest = Math.max(largest, Math.abs(value));
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) {
      if (Math.abs(a[row * size + column]!) > Math.abs(a[pivot * size + column]!)) pivot = row;
    }
    if (Math.abs(a[pivot * size + column]!) <= 1e-13 * Math.max(largest, 1e-300)) return undefined;
    if (pivot !== column) {
      for (let k = 0; k < size; k += 1) {
        const swap = a[column * size + k]!;
        a[column * size + k] = a[pivot * size + k]!;
        a[pivot * size + k] = swap;
      }
      const swap = b[column]!;
      b[column] = b[pivot]!;
      b[pivot] = swap;
    }
    for (let row = column + 1; row < size; row += 1) {
      const factor = a[row * size + column]! / a[column * size + column]!;
      if (factor === 0) continue;
      for (let k = column; k < size; k += 1) {
        a[row * size + k] = a[row * size + k]! - factor * a[column * size + k]!;
      }
      b[row] = b[row]! - factor * b[column]!;
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row -= 1) {
    let total = b[row]!;
    for (let k = row + 1; k < size; k += 1) total -= a[row * size + k]! * x[k]!;
    x[row] = total / a[row * size + row]!;
  }
  return x;
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`width/height: ${width}x${height} must be positive integers`);
  }
}

/**
 * Warps a grey image: output pixel (x, y) samples `source` at `outputToSource`(x, y), bilinearly.
 * Samples outside the source get `outside` (NaN marks them as unknown for the checks' masks).
 */
export function warpGrey(
  source: GreyImage,
  outputToSource: readonly number[],
  width: number,
  height: number,
  outside = Number.NaN,
): GreyImage {
  checkMatrix(outputToSource, 'outputToSource');
  checkSize(width, height);
  const data = new Float32Array(width * height);
  const { width: sourceWidth, height: sourceHeight, data: pixels } = source;
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = outputToSource as number[];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const w = m6! * x + m7! * y + m8!;
      const sx = (m0! * x + m1! * y + m2!) / w;
      const sy = (m3! * x + m4! * y + m5!) / w;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const index = y * width + x;
      if (x0 < 0 || y0 < 0 || x0 >= sourceWidth - 1 || y0 >= sourceHeight - 1) {
        // the last row/column are sampled exactly; anything further out is unknown
        const onEdge =
          sx >= 0 && sy >= 0 && sx <= sourceWidth - 1 && sy <= sourceHeight - 1 && w > 0;
        data[index] = onEdge
          ? pixels[Math.round(sy) * sourceWidth + Math.round(sx)]!
          : (outside as number);
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const top = y0 * sourceWidth + x0;
      const a = pixels[top]!;
      const b = pixels[top + 1]!;
      const c = pixels[top + sourceWidth]!;
      const d = pixels[top + sourceWidth + 1]!;
      data[index] = a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
    }
  }
  return { width, height, data };
}

/** Warps an RGBA image like warpGrey; samples outside the source are transparent black. */
export function warpRgba(
  source: RgbaImage,
  outputToSource: readonly number[],
  width: number,
  height: number,
): RgbaImage {
  checkMatrix(outputToSource, 'outputToSource');
  checkSize(width, height);
  const data = new Uint8ClampedArray(width * height * 4);
  const { width: sourceWidth, height: sourceHeight, data: pixels } = source;
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = outputToSource as number[];
  const stride = sourceWidth > 1 ? 4 : 0;
  const rowStride = sourceHeight > 1 ? sourceWidth * 4 : 0;
  const maxX = sourceWidth - 1;
  const maxY = sourceHeight - 1;
  for (let y = 0; y < height; y += 1) {
    let numeratorX = m1! * y + m2!;
    let numeratorY = m4! * y + m5!;
    let denominator = m7! * y + m8!;
    for (let x = 0; x < width; x += 1, numeratorX += m0!, numeratorY += m3!, denominator += m6!) {
      if (!(denominator > 0)) continue;
      const sx = numeratorX / denominator;
      const sy = numeratorY / denominator;
      if (!(sx >= 0 && sy >= 0 && sx <= maxX && sy <= maxY)) continue;
      const x0 = Math.min(Math.floor(sx), Math.max(maxX - 1, 0));
      const y0 = Math.min(Math.floor(sy), Math.max(maxY - 1, 0));
      const fx = sx - x0;
      const fy = sy - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      const top = (y0 * sourceWidth + x0) * 4;
      const out = (y * width + x) * 4;
      for (let channel = 0; channel < 4; channel += 1) {
        const at = top + channel;
        data[out + channel] =
          w00 * pixels[at]! +
          w01 * pixels[at + stride]! +
          w10 * pixels[at + rowStride]! +
          w11 * pixels[at + rowStride + stride]!;
      }
    }
  }
  return { width, height, data };
}
