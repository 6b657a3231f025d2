// Forecast mean and variance for class 3 models, ETS(M, N/A/Ad, M), from the matrix recursions
// of Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing", section
// 6.4 (Hyndman, Koehler, Ord & Snyder 2005, J. Forecasting 24:17-37): the state is split into a
// level/slope part and a seasonal part whose outer product M_h and its covariance V_h are
// propagated h steps. Matrices are dense row-major Float64Arrays; products skip zero entries of
// the sparse transition matrices.

interface Matrix {
  rows: number;
  columns: number;
  data: Float64Array;
}

function matrix(rows: number, columns: number): Matrix {
  return { rows, columns, data: new Float64Array(rows * columns) };
}

function get(a: Matrix, row: number, column: number): number {
  return a.data[row * a.columns + column] as number;
}

function set(a: Matrix, row: number, column: number, value: number): void {
  a.data[row * a.columns + column] = value;
}

/** a (x) b, the Kronecker product. */
function kronecker(a: Matrix, b: Matrix): Matrix {
  const out = matrix(a.rows * b.rows, a.columns * b.columns);
  for (let i = 0; i < a.rows; i += 1) {
    for (let j = 0; j < a.columns; j += 1) {
      const scale = get(a, i, j);
      if (scale === 0) continue;
      for (let k = 0; k < b.rows; k += 1) {
        for (let l = 0; l < b.columns; l += 1)
          set(out, i * b.rows + k, j * b.columns + l, scale * get(b, k, l));
      }
    }
  }
  return out;
}

/** a b. */
function multiply(a: Matrix, b: Matrix): Matrix {
  const out = matrix(a.rows, b.columns);
  for (let i = 0; i < a.rows; i += 1) {
    for (let k = 0; k < a.columns; k += 1) {
      const scale = get(a, i, k);
      if (scale === 0) continue;
      const rowOffset = k * b.columns;
      const outOffset = i * b.columns;
      for (let j = 0; j < b.columns; j += 1) {
        out.data[outOffset + j] =
          (out.data[outOffset + j] as number) + scale * (b.data[rowOffset + j] as number);
      }
    }
  }
  return out;
}

/** a b^T. */
function multiplyTransposed(a: Matrix, b: Matrix): Matrix {
  const out = matrix(a.rows, b.rows);
  for (let j = 0; j < b.rows; j += 1) {
    for (let k = 0; k < b.columns; k += 1) {
      const scale = get(b, j, k);
      if (scale === 0) continue;
      for (let i = 0; i < a.rows; i += 1) set(out, i, j, get(out, i, j) + get(a, i, k) * scale);
    }
  }
  return out;
}

/** a M b^T for a sparse a and b. */
function sandwich(a: Matrix, middle: Matrix, b: Matrix): Matrix {
  return multiplyTransposed(multiply(a, middle), b);
}

function combine(terms: ReadonlyArray<readonly [number, Matrix]>): Matrix {
  const first = terms[0] as readonly [number, Matrix];
  const out = matrix(first[1].rows, first[1].columns);
  for (const [scale, term] of terms) {
    for (let index = 0; index < out.data.length; index += 1) {
      out.data[index] = (out.data[index] as number) + scale * (term.data[index] as number);
    }
  }
  return out;
}

export interface Class3Model {
  hasTrend: boolean;
  alpha: number;
  beta: number;
  gamma: number;
  /** 1 without damping. */
  phi: number;
  period: number;
  sigma2: number;
  /** Final state in R's order: level, slope?, s_1..s_m. */
  state: readonly number[];
}

/** Forecast means (which include the sigma^2 term of a product of random states) and variances, h = 1..horizon. */
export function class3Moments(
  model: Class3Model,
  horizon: number,
): { mean: number[]; variance: number[] } {
  const { hasTrend, alpha, beta, gamma, phi, period: m, sigma2, state } = model;
  const q = hasTrend ? 2 : 1;
  const h1 = matrix(1, q).data.fill(1);
  const rowH1: Matrix = { rows: 1, columns: q, data: h1 };
  const h2 = matrix(1, m);
  set(h2, 0, m - 1, 1);
  const f1 = matrix(q, q);
  const g1 = matrix(q, q);
  set(f1, 0, 0, 1);
  set(g1, 0, 0, alpha);
  if (hasTrend) {
    set(f1, 0, 1, 1);
    set(f1, 1, 1, phi);
    set(g1, 0, 1, alpha);
    set(g1, 1, 0, beta);
    set(g1, 1, 1, beta);
  }
  const f2 = matrix(m, m);
  set(f2, 0, m - 1, 1);
  for (let i = 1; i < m; i += 1) set(f2, i, i - 1, 1);
  const g2 = matrix(m, m);
  set(g2, 0, m - 1, gamma);
  let mh = matrix(q, m);
  for (let i = 0; i < q; i += 1) {
    for (let j = 0; j < m; j += 1) set(mh, i, j, (state[i] as number) * (state[q + j] as number));
  }
  const size = q * m;
  let vh = matrix(size, size);
  const h21 = kronecker(h2, rowH1);
  const f21 = kronecker(f2, f1);
  const g21 = kronecker(g2, g1);
  const k = combine([
    [1, kronecker(g2, f1)],
    [1, kronecker(f2, g1)],
  ]);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let step = 0; step < horizon; step += 1) {
    const mu = get(multiplyTransposed(multiply(rowH1, mh), h2), 0, 0);
    const spread = get(sandwich(h21, vh, h21), 0, 0);
    mean.push(mu);
    variance.push((1 + sigma2) * spread + sigma2 * mu * mu);
    // vec(M_h), column-major as R's c(Mh).
    const vec = matrix(size, 1);
    for (let j = 0; j < m; j += 1)
      for (let i = 0; i < q; i += 1) vec.data[j * q + i] = get(mh, i, j);
    const outer = multiplyTransposed(vec, vec);
    const cross = sandwich(f21, vh, g21);
    const crossTransposed = matrix(size, size);
    for (let i = 0; i < size; i += 1)
      for (let j = 0; j < size; j += 1) set(crossTransposed, i, j, get(cross, j, i));
    vh = combine([
      [1, sandwich(f21, vh, f21)],
      [sigma2, cross],
      [sigma2, crossTransposed],
      [
        sigma2,
        sandwich(
          k,
          combine([
            [1, vh],
            [1, outer],
          ]),
          k,
        ),
      ],
      [
        sigma2 * sigma2,
        sandwich(
          g21,
          combine([
            [3, vh],
            [2, outer],
          ]),
          g21,
        ),
      ],
    ]);
    mh = combine([
      [1, multiplyTransposed(multiply(f1, mh), f2)],
      [sigma2, multiplyTransposed(multiply(g1, mh), g2)],
    ]);
  }
  return { mean, variance };
}
