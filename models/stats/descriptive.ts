// Descriptive statistics over numeric samples. NaN marks a missing value and is skipped;
// an empty sample (after skipping NaN) is a RangeError naming the argument.

function present(values: readonly number[], name: string): number[] {
  if (!Array.isArray(values)) throw new TypeError(`${name}: expected an array of numbers`);
  const kept: number[] = [];
  for (const value of values) {
    if (typeof value !== 'number') {
      throw new TypeError(`${name}: every element must be a number, got ${typeof value}`);
    }
    if (!Number.isNaN(value)) kept.push(value);
  }
  return kept;
}

function nonEmpty(values: readonly number[], name: string): number[] {
  const kept = present(values, name);
  if (kept.length === 0) throw new RangeError(`${name}: needs at least one non-missing value`);
  return kept;
}

/** Sum of the non-missing values (0 for none), with Neumaier compensation (Neumaier 1974). */
export function sum(values: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const value of present(values, 'values')) {
    const next = total + value;
    if (Math.abs(total) >= Math.abs(value)) compensation += total - next + value;
    else compensation += value - next + total;
    total = next;
  }
  return total + compensation;
}

export function mean(values: readonly number[]): number {
  const kept = nonEmpty(values, 'values');
  return sum(kept) / kept.length;
}

/** Sample variance with denominator n - 1 (two-pass algorithm); needs two values. */
export function variance(values: readonly number[]): number {
  const kept = nonEmpty(values, 'values');
  if (kept.length < 2)
    throw new RangeError('values: variance needs at least two non-missing values');
  const centre = sum(kept) / kept.length;
  let squares = 0;
  let deviations = 0;
  for (const value of kept) {
    squares += (value - centre) ** 2;
    deviations += value - centre;
  }
  // Corrected two-pass formula (Chan, Golub & LeVeque 1983).
  return (squares - (deviations * deviations) / kept.length) / (kept.length - 1);
}

export function standardDeviation(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

function sortedCopy(values: readonly number[], name: string): number[] {
  return nonEmpty(values, name).sort((left, right) => left - right);
}

function quantileOfSorted(sorted: readonly number[], probability: number): number {
  // Hyndman & Fan (1996) type 7, R's default: h = (n - 1) p, linear between order statistics.
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below] as number;
  const upper = sorted[above] as number;
  return lower + (position - below) * (upper - lower);
}

function checkProbability(probability: number, name: string): void {
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
    throw new RangeError(`${name}: ${String(probability)} is not a probability in [0, 1]`);
  }
}

/** Sample quantile, Hyndman & Fan (1996) type 7 (R's `quantile` default). */
export function quantile(values: readonly number[], probability: number): number {
  checkProbability(probability, 'probability');
  return quantileOfSorted(sortedCopy(values, 'values'), probability);
}

/** Several type-7 quantiles with one sort. */
export function quantiles(values: readonly number[], probabilities: readonly number[]): number[] {
  probabilities.forEach((probability, index) =>
    checkProbability(probability, `probabilities[${index}]`),
  );
  const sorted = sortedCopy(values, 'values');
  return probabilities.map((probability) => quantileOfSorted(sorted, probability));
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * Median absolute deviation from the median, times `scale` (default 1.4826, which makes it
 * a consistent estimator of the standard deviation for normal data, as R's `mad`).
 */
export function medianAbsoluteDeviation(values: readonly number[], scale = 1.4826): number {
  const kept = nonEmpty(values, 'values');
  const centre = median(kept);
  return scale * median(kept.map((value) => Math.abs(value - centre)));
}

export function minimum(values: readonly number[]): number {
  return nonEmpty(values, 'values').reduce((low, value) => (value < low ? value : low));
}

export function maximum(values: readonly number[]): number {
  return nonEmpty(values, 'values').reduce((high, value) => (value > high ? value : high));
}

/**
 * Sample autocorrelations r_1..r_maxLag as R's `acf` (Box & Jenkins): the lag-k
 * autocovariance sum_{t} (x_t - mean)(x_{t+k} - mean) over the n - k pairs, divided by the
 * lag-0 sum over all n. Needs complete data (no NaN). A constant series gives NaN.
 */
export function autocorrelations(values: readonly number[], maxLag: number): number[] {
  if (!Number.isInteger(maxLag) || maxLag < 1) {
    throw new RangeError(`maxLag: ${String(maxLag)} must be a positive integer`);
  }
  const count = values.length;
  if (count <= maxLag) {
    throw new RangeError(`maxLag: ${maxLag} needs more than ${maxLag} values, got ${count}`);
  }
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`values[${index}]: ${String(value)} is not a finite number`);
    }
  });
  const centre = sum(values) / count;
  const centred = values.map((value) => value - centre);
  let denominator = 0;
  for (const value of centred) denominator += value * value;
  const result: number[] = [];
  for (let lag = 1; lag <= maxLag; lag += 1) {
    let numerator = 0;
    for (let index = 0; index + lag < count; index += 1) {
      numerator += (centred[index] as number) * (centred[index + lag] as number);
    }
    result.push(numerator / denominator);
  }
  return result;
}

/** Ordinary least squares of values on 0..n-1: intercept (at index 0) and slope. */
export function linearTrend(values: readonly number[]): { intercept: number; slope: number } {
  const count = values.length;
  if (count < 2) throw new RangeError(`values: a linear trend needs two values, got ${count}`);
  const centreIndex = (count - 1) / 2;
  const centreValue = sum(values) / count;
  let covariance = 0;
  let spread = 0;
  values.forEach((value, index) => {
    covariance += (index - centreIndex) * (value - centreValue);
    spread += (index - centreIndex) ** 2;
  });
  const slope = covariance / spread;
  return { intercept: centreValue - slope * centreIndex, slope };
}
