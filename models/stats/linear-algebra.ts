// Small dense linear algebra on Float64Arrays: weighted Gram matrices, Cholesky factorisation,
// solves and inverses of symmetric positive definite systems, weighted least squares with a
// ridge (Golub & Van Loan, Matrix Computations, 4th ed., 4.2 Cholesky; Hoerl & Kennard 1970
// ridge). Matrices are row-major `size * size` arrays; design matrices are given by columns.

/** Cross products of a weighted design: X'WX, X'Wy and y'Wy. */
export interface WeightedCrossProducts {
  /** X'WX, row-major, columns.length squared. */
  gram: Float64Array;
  /** X'Wy. */
  moment: Float64Array;
  /** y'Wy. */
  responseSquares: number;
  /** Sum of the weights (the effective number of observations). */
  weightSum: number;
}

function checkColumns(columns: readonly Float64Array[], length: number): void {
  columns.forEach((column, index) => {
    if (column.length !== length) {
      throw new RangeError(
        `columns[${index}]: has ${column.length} rows, expected ${length} (the response length)`,
      );
    }
  });
}

/** Rows with positive weight, checked; and the sum of the weights. */
function keptRows(weights: Float64Array): { kept: Int32Array; weightSum: number } {
  const rows = weights.length;
  const kept: number[] = [];
  let weightSum = 0;
  for (let row = 0; row < rows; row += 1) {
    const weight = weights[row] as number;
    if (weight < 0 || Number.isNaN(weight)) {
      throw new RangeError(`weights[${row}]: ${weight} must be a non-negative number`);
    }
    if (weight > 0) {
      kept.push(row);
      weightSum += weight;
    }
  }
  return { kept: Int32Array.from(kept), weightSum };
}

/** The kept rows of a vector times sqrt(weight), dense, so dot products need no weights. */
function scaledRows(values: Float64Array, weights: Float64Array, kept: Int32Array): Float64Array {
  const out = new Float64Array(kept.length);
  for (let index = 0; index < kept.length; index += 1) {
    const row = kept[index] as number;
    const weight = weights[row] as number;
    out[index] =
      weight === 1 ? (values[row] as number) : (values[row] as number) * Math.sqrt(weight);
  }
  return out;
}

function dot(left: Float64Array, right: Float64Array): number {
  const count = left.length;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let index = 0;
  for (; index + 3 < count; index += 4) {
    a += left[index]! * right[index]!;
    b += left[index + 1]! * right[index + 1]!;
    c += left[index + 2]! * right[index + 2]!;
    d += left[index + 3]! * right[index + 3]!;
  }
  for (; index < count; index += 1) a += left[index]! * right[index]!;
  return a + b + c + d;
}

function sparseDot(indices: Int32Array, left: Float64Array, right: Float64Array): number {
  let total = 0;
  for (let position = 0; position < indices.length; position += 1) {
    const index = indices[position]!;
    total += left[index]! * right[index]!;
  }
  return total;
}

/** X'WX of a design given by columns (row-major) and the sum of the weights. */
export function weightedGram(
  columns: readonly Float64Array[],
  weights: Float64Array,
): { gram: Float64Array; weightSum: number } {
  checkColumns(columns, weights.length);
  const { kept, weightSum } = keptRows(weights);
  const scaled = columns.map((column) => scaledRows(column, weights, kept));
  // Indicator-like columns (holidays) are mostly zero: their products loop over the non-zeros.
  const nonZeros = scaled.map((column) => {
    const found: number[] = [];
    for (let index = 0; index < column.length; index += 1) {
      if (column[index] !== 0) {
        found.push(index);
        if (found.length * 8 > column.length) return undefined;
      }
    }
    return Int32Array.from(found);
  });
  const size = columns.length;
  const gram = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      const sparse = nonZeros[i] ?? nonZeros[j];
      const total = sparse
        ? sparseDot(sparse, scaled[i]!, scaled[j]!)
        : dot(scaled[i]!, scaled[j]!);
      gram[i * size + j] = total;
      gram[j * size + i] = total;
    }
  }
  return { gram, weightSum };
}

/** X'Wy and y'Wy; weight-0 rows are skipped (their values may be NaN). */
export function weightedMoment(
  columns: readonly Float64Array[],
  response: Float64Array,
  weights: Float64Array,
): { moment: Float64Array; responseSquares: number } {
  if (weights.length !== response.length) {
    throw new RangeError(`weights: has ${weights.length} entries, expected ${response.length}`);
  }
  checkColumns(columns, response.length);
  const { kept } = keptRows(weights);
  const count = kept.length;
  const weighted = new Float64Array(count);
  let responseSquares = 0;
  for (let index = 0; index < count; index += 1) {
    const row = kept[index] as number;
    weighted[index] = (weights[row] as number) * (response[row] as number);
    responseSquares += weighted[index]! * (response[row] as number);
  }
  const moment = new Float64Array(columns.length);
  columns.forEach((column, position) => {
    let total = 0;
    for (let index = 0; index < count; index += 1) {
      total += (column[kept[index] as number] as number) * weighted[index]!;
    }
    moment[position] = total;
  });
  return { moment, responseSquares };
}

/** X'WX, X'Wy and y'Wy of a design given by columns; weight 0 drops a row (its values may be NaN). */
export function weightedCrossProducts(
  columns: readonly Float64Array[],
  response: Float64Array,
  weights: Float64Array,
): WeightedCrossProducts {
  if (weights.length !== response.length) {
    throw new RangeError(`weights: has ${weights.length} entries, expected ${response.length}`);
  }
  const { gram, weightSum } = weightedGram(columns, weights);
  const { moment, responseSquares } = weightedMoment(columns, response, weights);
  return { gram, moment, responseSquares, weightSum };
}

/**
 * Lower-triangular L with L L' = matrix (row-major), or undefined when the matrix is not
 * (numerically) positive definite.
 */
export function choleskyFactor(matrix: Float64Array, size: number): Float64Array | undefined {
  if (matrix.length !== size * size) {
    throw new RangeError(`matrix: has ${matrix.length} entries, expected size^2 = ${size * size}`);
  }
  const factor = new Float64Array(size * size);
  for (let j = 0; j < size; j += 1) {
    let diagonal = matrix[j * size + j] as number;
    for (let k = 0; k < j; k += 1) diagonal -= factor[j * size + k]! ** 2;
    if (!(diagonal > 0)) return undefined;
    const root = Math.sqrt(diagonal);
    factor[j * size + j] = root;
    for (let i = j + 1; i < size; i += 1) {
      let total = matrix[i * size + j] as number;
      for (let k = 0; k < j; k += 1) total -= factor[i * size + k]! * factor[j * size + k]!;
      factor[i * size + j] = total / root;
    }
  }
  return factor;
}

/** Solves (L L') x = rhs by forward then back substitution. */
export function choleskySolve(factor: Float64Array, size: number, rhs: Float64Array): Float64Array {
  if (rhs.length !== size) throw new RangeError(`rhs: has ${rhs.length} entries, expected ${size}`);
  const forward = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    let total = rhs[i] as number;
    for (let k = 0; k < i; k += 1) total -= factor[i * size + k]! * forward[k]!;
    forward[i] = total / factor[i * size + i]!;
  }
  const solution = new Float64Array(size);
  for (let i = size - 1; i >= 0; i -= 1) {
    let total = forward[i] as number;
    for (let k = i + 1; k < size; k += 1) total -= factor[k * size + i]! * solution[k]!;
    solution[i] = total / factor[i * size + i]!;
  }
  return solution;
}

/** The inverse of L L' (symmetric, row-major), column by column. */
export function choleskyInverse(factor: Float64Array, size: number): Float64Array {
  const inverse = new Float64Array(size * size);
  const unit = new Float64Array(size);
  for (let column = 0; column < size; column += 1) {
    unit.fill(0);
    unit[column] = 1;
    const solved = choleskySolve(factor, size, unit);
    for (let row = 0; row < size; row += 1) inverse[row * size + column] = solved[row] as number;
  }
  return inverse;
}

/** The square submatrix of a row-major matrix on the given row/column indices. */
export function subMatrix(
  matrix: Float64Array,
  size: number,
  indices: readonly number[],
): Float64Array {
  const count = indices.length;
  const out = new Float64Array(count * count);
  for (let i = 0; i < count; i += 1) {
    for (let j = 0; j < count; j += 1) {
      out[i * count + j] = matrix[indices[i]! * size + indices[j]!] as number;
    }
  }
  return out;
}

export interface RidgeSolution {
  coefficients: Float64Array;
  /** (X'WX + ridge)^-1, row-major (times sigma^2 the coefficients' covariance), when asked for. */
  inverse?: Float64Array;
  /** Weighted residual sum of squares sum w (y - Xb)^2 (of the unpenalised fit). */
  residualSquares: number;
}

/**
 * Minimises sum w (y - Xb)^2 + sum ridge_j b_j^2 given the cross products of a column subset.
 * `ridge[j]` is the penalty of column j (0 for none). Throws when the system stays singular.
 */
export function solveRidge(
  products: WeightedCrossProducts,
  indices: readonly number[],
  ridge: readonly number[],
  options: { inverse: boolean } = { inverse: true },
): RidgeSolution {
  const fullSize = products.moment.length;
  const size = indices.length;
  if (ridge.length !== size) {
    throw new RangeError(`ridge: has ${ridge.length} entries, expected one per column (${size})`);
  }
  const gram = subMatrix(products.gram, fullSize, indices);
  const moment = new Float64Array(indices.map((index) => products.moment[index] as number));
  const penalised = gram.slice();
  for (let j = 0; j < size; j += 1) penalised[j * size + j] = gram[j * size + j]! + ridge[j]!;
  const factor = choleskyFactor(penalised, size);
  if (!factor) {
    throw new RangeError(
      'columns: the design is singular (a column is constant zero or a copy of others); drop it or add a ridge',
    );
  }
  const coefficients = choleskySolve(factor, size, moment);
  // RSS = y'Wy - 2 b'X'Wy + b'X'WX b, clamped at 0 against rounding.
  let quadratic = 0;
  let linear = 0;
  for (let i = 0; i < size; i += 1) {
    linear += coefficients[i]! * moment[i]!;
    let row = 0;
    for (let j = 0; j < size; j += 1) row += gram[i * size + j]! * coefficients[j]!;
    quadratic += coefficients[i]! * row;
  }
  const residualSquares = Math.max(0, products.responseSquares - 2 * linear + quadratic);
  const solution: RidgeSolution = { coefficients, residualSquares };
  if (options.inverse) solution.inverse = choleskyInverse(factor, size);
  return solution;
}
