// Conditional sum of squares for an ARMA model of the differenced series (Box & Jenkins 1970,
// section 7.1; R's ARIMA_CSS): residuals after the first `conditioning` values, with the
// residuals before that taken as zero.
import { DENSE_AR_LAGS, DENSE_MA_LAGS, denseResiduals } from './dense-recursion';

/** Non-zero terms of a lag polynomial: lags (1-based) and their coefficients. */
export interface SparseLags {
  lags: Int32Array;
  coefficients: Float64Array;
  count: number;
}

export function createSparseLags(capacity: number): SparseLags {
  return { lags: new Int32Array(capacity), coefficients: new Float64Array(capacity), count: 0 };
}

/** Stores the non-zero entries of polynomial[0..length) (lag j + 1 for entry j). */
export function sparsify(polynomial: Float64Array, length: number, out: SparseLags): void {
  let count = 0;
  for (let j = 0; j < length; j += 1) {
    const value = polynomial[j]!;
    if (value !== 0) {
      out.lags[count] = j + 1;
      out.coefficients[count] = value;
      count += 1;
    }
  }
  out.count = count;
}

/** Zero-padded coefficients for the dense kernel: AR lags 1..5, then MA lags 1..6. */
const denseCoefficients = new Float64Array(DENSE_AR_LAGS + DENSE_MA_LAGS);
const denseAr = denseCoefficients.subarray(0, DENSE_AR_LAGS);
const denseMa = denseCoefficients.subarray(DENSE_AR_LAGS);

/**
 * Mean of the squared conditional residuals of w[0..n) - mean under the AR and MA terms,
 * starting at index `conditioning` (p + period * P). Writes the residuals into `residuals`
 * (zeros before `conditioning`). A missing value gives a missing residual, which later MA
 * terms treat as zero.
 */
export function conditionalSumOfSquares(
  w: Float64Array,
  n: number,
  mean: number,
  ar: SparseLags,
  ma: SparseLags,
  conditioning: number,
  residuals: Float64Array,
  hasMissing: boolean,
): number {
  const arLags = ar.lags;
  const arCoefficients = ar.coefficients;
  const arCount = ar.count;
  const maLags = ma.lags;
  const maCoefficients = ma.coefficients;
  const maCount = ma.count;
  // (w_t - mean) - sum phi_j (w_{t-j} - mean) = w_t - sum phi_j w_{t-j} - mean (1 - sum phi_j).
  let arSum = 0;
  for (let index = 0; index < arCount; index += 1) arSum += arCoefficients[index]!;
  const intercept = mean * (1 - arSum);
  const largestMaLag = maCount > 0 ? maLags[maCount - 1]! : 0;
  for (let t = 0; t < conditioning && t < n; t += 1) residuals[t] = 0;
  const largestArLag = arCount > 0 ? arLags[arCount - 1]! : 0;
  if (
    !hasMissing &&
    largestArLag <= DENSE_AR_LAGS &&
    largestMaLag <= DENSE_MA_LAGS &&
    conditioning < n
  ) {
    const dense = denseCoefficients;
    dense.fill(0);
    for (let index = 0; index < arCount; index += 1)
      dense[arLags[index]! - 1] = arCoefficients[index]!;
    for (let index = 0; index < maCount; index += 1)
      dense[DENSE_AR_LAGS + maLags[index]! - 1] = maCoefficients[index]!;
    const ssqDense = denseResiduals(w, conditioning, n, intercept, denseAr, denseMa, residuals);
    return ssqDense / (n - conditioning);
  }
  let ssq = 0;
  let count = 0;
  // Early residuals: MA terms reach only back to `conditioning`, missing values possible.
  const fullDepth = hasMissing ? n : Math.min(n, conditioning + largestMaLag);
  let t = conditioning;
  for (; t < fullDepth; t += 1) {
    let value = w[t]! - intercept;
    for (let index = 0; index < arCount; index += 1)
      value -= arCoefficients[index]! * w[t - arLags[index]!]!;
    const depth = t - conditioning;
    for (let index = 0; index < maCount; index += 1) {
      const lag = maLags[index]!;
      if (lag > depth) break;
      const previous = residuals[t - lag]!;
      if (!Number.isNaN(previous)) value -= maCoefficients[index]! * previous;
    }
    residuals[t] = value;
    if (!Number.isNaN(value)) {
      ssq += value * value;
      count += 1;
    }
  }
  // Complete data beyond the MA reach: no checks needed.
  for (; t < n; t += 1) {
    let value = w[t]! - intercept;
    for (let index = 0; index < arCount; index += 1)
      value -= arCoefficients[index]! * w[t - arLags[index]!]!;
    for (let index = 0; index < maCount; index += 1)
      value -= maCoefficients[index]! * residuals[t - maLags[index]!]!;
    residuals[t] = value;
    ssq += value * value;
    count += 1;
  }
  return ssq / count;
}
