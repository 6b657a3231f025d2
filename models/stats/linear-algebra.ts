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

/** X'WX, X'Wy and y'Wy of a design given by columns; weight 0 drops a row (its values may be NaN). */
export function weightedCrossProducts(
  columns: readonly Float64Array[],
  response: Float64Array,
  weights: Float64Array,
): WeightedCrossProducts {
  const rows = response.length;
  if (weights.length !== rows) {
    throw new RangeError(`weights: has ${weights.length} entries, expected ${rows}`);
  }
  checkColumns(columns, rows);
  const size = columns.length;
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
  const count = kept.length;
  // Copy the kept rows once, pre-multiplied by sqrt(weight), so every dot product is dense.
  const scaled = columns.map((column) => {
    const out = new Float64Array(count);
    for (let index = 0; index < count; index += 1) {
      const row = kept[index] as number;
      out[index] = (column[row] as number) * Math.sqrt(weights[row] as number);
    }
    return out;
  });
  const scaledResponse = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const row = kept[index] as number;
    scaledResponse[index] = (response[row] as number) * Math.sqrt(weights[row] as number);
  }
  const gram = new Float64Array(size * size);
  const moment = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const left = scaled[i] as Float64Array;
    for (let j = 0; j <= i; j += 1) {
      const right = scaled[j] as Float64Array;
      let total = 0;
      for (let index = 0; index < count; index += 1) {
        total += (left[index] as number) * (right[index] as number);
      }
      gram[i * size + j] = total;
      gram[j * size + i] = total;
    }
    let total = 0;
    for (let index = 0; index < count; index += 1) {
      total += (left[index] as number) * (scaledResponse[index] as number);
    }
    moment[i] = total;
  }
  let responseSquares = 0;
  for (let index = 0; index < count; index += 1) responseSquares += scaledResponse[index]! ** 2;
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
  /** (X'WX + ridge)^-1, row-major: times sigma^2 the coefficients' covariance. */
  inverse: Float64Array;
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
  return { coefficients, inverse: choleskyInverse(factor, size), residualSquares };
}
