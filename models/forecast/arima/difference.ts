// Differencing helpers for ARIMA (Box & Jenkins 1970): lagged differences, the differencing
// polynomial, and R's forecast:::is.constant test (all.equal with tolerance 1.5e-8).

/** Tolerance of R's all.equal(), used by forecast's is.constant(). */
const ALL_EQUAL_TOLERANCE = 1.5e-8;

/**
 * Applies (1 - B^lag) `times` times; the result is shorter by lag * times. NaN propagates to
 * every difference that involves a missing value.
 */
export function difference(values: ArrayLike<number>, lag = 1, times = 1): Float64Array {
  if (!Number.isInteger(lag) || lag < 1)
    throw new RangeError(`lag: ${lag} must be a whole number >= 1`);
  if (!Number.isInteger(times) || times < 0) {
    throw new RangeError(`times: ${times} must be a whole number >= 0`);
  }
  let current = Float64Array.from(values);
  for (let pass = 0; pass < times; pass += 1) {
    const length = Math.max(0, current.length - lag);
    const next = new Float64Array(length);
    for (let index = 0; index < length; index += 1) {
      next[index] = current[index + lag]! - current[index]!;
    }
    current = next;
  }
  return current;
}

/**
 * Coefficients delta_1..delta_k of the differencing operator (1 - B)^d (1 - B^period)^D written
 * as 1 - delta_1 B - ... - delta_k B^k (R's `Delta` in stats::arima), k = d + D * period.
 */
export function differencingPolynomial(d: number, seasonalD: number, period: number): Float64Array {
  let polynomial = [1];
  const multiply = (factor: number[]): void => {
    const product = new Array<number>(polynomial.length + factor.length - 1).fill(0);
    for (let i = 0; i < polynomial.length; i += 1) {
      for (let j = 0; j < factor.length; j += 1) product[i + j]! += polynomial[i]! * factor[j]!;
    }
    polynomial = product;
  };
  for (let index = 0; index < d; index += 1) multiply([1, -1]);
  if (seasonalD > 0) {
    const seasonal = new Array<number>(period + 1).fill(0);
    seasonal[0] = 1;
    seasonal[period] = -1;
    for (let index = 0; index < seasonalD; index += 1) multiply(seasonal);
  }
  const delta = new Float64Array(polynomial.length - 1);
  for (let index = 1; index < polynomial.length; index += 1)
    delta[index - 1] = 0 - polynomial[index]!;
  return delta;
}

/**
 * True when the non-missing values are all equal up to R's all.equal() tolerance (mean
 * relative difference to the first value <= 1.5e-8), as forecast's is.constant(). Missing
 * values are ignored; an empty series counts as constant.
 */
export function isConstant(values: ArrayLike<number>): boolean {
  let first = Number.NaN;
  let absoluteSum = 0;
  let differenceSum = 0;
  let count = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (Number.isNaN(value)) continue;
    if (count === 0) first = value;
    absoluteSum += Math.abs(value);
    differenceSum += Math.abs(value - first);
    count += 1;
  }
  if (count === 0) return true;
  const meanAbsolute = absoluteSum / count;
  const meanDifference = differenceSum / count;
  if (Number.isFinite(meanAbsolute) && meanAbsolute > ALL_EQUAL_TOLERANCE) {
    return meanDifference / meanAbsolute <= ALL_EQUAL_TOLERANCE;
  }
  return meanDifference <= ALL_EQUAL_TOLERANCE;
}

/** Number of non-missing values. */
export function countPresent(values: ArrayLike<number>): number {
  let count = 0;
  for (let index = 0; index < values.length; index += 1)
    if (!Number.isNaN(values[index]!)) count += 1;
  return count;
}

/** True when every value is missing (or there are none). */
export function allMissing(values: ArrayLike<number>): boolean {
  return countPresent(values) === 0;
}
