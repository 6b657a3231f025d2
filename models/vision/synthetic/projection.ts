// Plane projective transforms (homographies) as row-major 3x3 arrays, estimated from four point
// pairs by the direct linear transform with h33 = 1 (Hartley & Zisserman 2004, section 4.1).

/** Row-major 3x3 matrix mapping (x, y, 1) to homogeneous coordinates. */
export type Homography = [number, number, number, number, number, number, number, number, number];

export interface Point {
  x: number;
  y: number;
}

export function applyHomography(matrix: Homography, x: number, y: number): Point {
  const w = matrix[6] * x + matrix[7] * y + matrix[8];
  return {
    x: (matrix[0] * x + matrix[1] * y + matrix[2]) / w,
    y: (matrix[3] * x + matrix[4] * y + matrix[5]) / w,
  };
}

/** Solves A x = b (n x n, row-major) by Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], right: number[]): number[] {
  const size = right.length;
  const rows = matrix.map((row, index) => [...row, right[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) {
      if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    }
    if (Math.abs(rows[pivot]![column]!) < 1e-12)
      throw new RangeError('points: degenerate (three are collinear)');
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    for (let row = column + 1; row < size; row += 1) {
      const factor = rows[row]![column]! / rows[column]![column]!;
      for (let k = column; k <= size; k += 1) rows[row]![k]! -= factor * rows[column]![k]!;
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row -= 1) {
    let sum = rows[row]![size]!;
    for (let k = row + 1; k < size; k += 1) sum -= rows[row]![k]! * solution[k]!;
    solution[row] = sum / rows[row]![row]!;
  }
  return solution;
}

/** The homography taking each `from[i]` to `to[i]` (exactly four pairs). */
export function homographyFromPoints(from: readonly Point[], to: readonly Point[]): Homography {
  if (from.length !== 4 || to.length !== 4)
    throw new RangeError('from, to: expected exactly four points each');
  const matrix: number[][] = [];
  const right: number[] = [];
  for (let index = 0; index < 4; index += 1) {
    const { x, y } = from[index]!;
    const { x: u, y: v } = to[index]!;
    matrix.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    right.push(u);
    matrix.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    right.push(v);
  }
  const h = solve(matrix, right);
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
}

/** The inverse transform (adjugate divided by the determinant, normalised so h33 = 1). */
export function invertHomography(matrix: Homography): Homography {
  const [a, b, c, d, e, f, g, h, i] = matrix;
  const adjugate = [
    e * i - f * h,
    c * h - b * i,
    b * f - c * e,
    f * g - d * i,
    a * i - c * g,
    c * d - a * f,
    d * h - e * g,
    b * g - a * h,
    a * e - b * d,
  ];
  const determinant = a * adjugate[0]! + b * adjugate[3]! + c * adjugate[6]!;
  if (Math.abs(determinant) < 1e-15) throw new RangeError('matrix: homography is singular');
  const scale = adjugate[8]!;
  return adjugate.map((value) => value / scale) as Homography;
}
