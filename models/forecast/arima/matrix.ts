// Small dense linear algebra for ARIMA estimation: Gaussian elimination with partial pivoting
// (Golub & Van Loan 2013, algorithm 3.4.1) and an inverse with its 1-norm reciprocal condition
// number, the quantity R's solve() checks against machine epsilon.

/** Gaussian elimination with partial pivoting on a row-major n x n system; b gets x. */
export function solveInPlace(a: Float64Array, b: Float64Array, n: number): boolean {
  for (let column = 0; column < n; column += 1) {
    let pivotRow = column;
    let pivotValue = Math.abs(a[column * n + column]!);
    for (let row = column + 1; row < n; row += 1) {
      const value = Math.abs(a[row * n + column]!);
      if (value > pivotValue) {
        pivotValue = value;
        pivotRow = row;
      }
    }
    if (!(pivotValue > 1e-300)) return false;
    if (pivotRow !== column) {
      for (let k = column; k < n; k += 1) {
        const swap = a[column * n + k]!;
        a[column * n + k] = a[pivotRow * n + k]!;
        a[pivotRow * n + k] = swap;
      }
      const swap = b[column]!;
      b[column] = b[pivotRow]!;
      b[pivotRow] = swap;
    }
    const pivot = a[column * n + column]!;
    for (let row = column + 1; row < n; row += 1) {
      const factor = a[row * n + column]! / pivot;
      if (factor === 0) continue;
      for (let k = column + 1; k < n; k += 1) a[row * n + k]! -= factor * a[column * n + k]!;
      b[row]! -= factor * b[column]!;
    }
  }
  for (let row = n - 1; row >= 0; row -= 1) {
    let value = b[row]!;
    for (let k = row + 1; k < n; k += 1) value -= a[row * n + k]! * b[k]!;
    b[row] = value / a[row * n + row]!;
    if (!Number.isFinite(b[row]!)) return false;
  }
  return true;
}

/**
 * Inverse of the row-major n x n matrix, or null when it is singular or its reciprocal
 * condition number (1-norm) is below machine epsilon, where R's solve() stops with an error.
 */
export function invertMatrix(matrix: Float64Array, n: number): Float64Array | null {
  const inverse = new Float64Array(n * n);
  const work = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let j = 0; j < n; j += 1) {
    work.set(matrix.subarray(0, n * n));
    column.fill(0);
    column[j] = 1;
    if (!solveInPlace(work, column, n)) return null;
    for (let i = 0; i < n; i += 1) inverse[i * n + j] = column[i]!;
  }
  const norm = (a: Float64Array): number => {
    let largest = 0;
    for (let j = 0; j < n; j += 1) {
      let sum = 0;
      for (let i = 0; i < n; i += 1) sum += Math.abs(a[i * n + j]!);
      largest = Math.max(largest, sum);
    }
    return largest;
  };
  const reciprocalCondition = 1 / (norm(matrix) * norm(inverse));
  if (!(reciprocalCondition >= 2.220446049250313e-16)) return null;
  return inverse;
}
