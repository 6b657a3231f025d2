// Rosner's (1983, Technometrics 25:165-172) generalized ESD many-outlier test, in the "hybrid"
// form of Hochenbaum, Vallis & Kejariwal (2017): the median and MAD in place of mean and sd.
import { studentTUpperQuantile } from '../stats/student-t';

/** 1.4826 makes the MAD a consistent estimate of the sd for normal data (R's mad). */
export const MAD_SCALE = 1.4826;
/** The mean absolute deviation's consistency factor sqrt(pi / 2), used when the MAD is 0. */
export const MEAN_DEVIATION_SCALE = 1.2533;

/** Rosner's critical value lambda_i for the i-th removal out of n at significance alpha. */
export function esdCriticalValue(n: number, i: number, alpha: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(i) || i < 1 || n - i - 1 < 1) {
    throw new RangeError(`i: ${i} must be a whole number in [1, n - 2] for n = ${n}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha: ${alpha} must be in (0, 1)`);
  const remaining = n - i + 1;
  const t = studentTUpperQuantile(alpha / (2 * remaining), n - i - 1);
  return (t * (n - i)) / Math.sqrt((n - i - 1 + t * t) * remaining);
}

// Critical values depend only on (n, alpha, k): series of one length share them in a scan.
const criticalValueCache = new Map<string, Float64Array>();

function criticalValues(n: number, alpha: number, maxAnomalies: number): Float64Array {
  const key = `${n}|${alpha}|${maxAnomalies}`;
  const cached = criticalValueCache.get(key);
  if (cached) return cached;
  const values = new Float64Array(maxAnomalies);
  for (let i = 1; i <= maxAnomalies; i += 1) values[i - 1] = esdCriticalValue(n, i, alpha);
  if (criticalValueCache.size >= 256) criticalValueCache.clear();
  criticalValueCache.set(key, values);
  return values;
}

/** k-th smallest (0-based) of values[0..length) by Hoare's selection; reorders `values`. */
function select(values: Float64Array, length: number, k: number): number {
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const pivot = values[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** Median of values[0..length) (mean of the two middle ones for even length); reorders them. */
export function medianInPlace(values: Float64Array, length: number): number {
  const upper = select(values, length, length >> 1);
  if (length % 2 === 1) return upper;
  let lower = -Infinity;
  for (let index = 0; index < length >> 1; index += 1) lower = Math.max(lower, values[index]!);
  return (lower + upper) / 2;
}

export interface EsdResult {
  /** Positions (into the input) in the order the test removed them. */
  removed: number[];
  /** R_i: the removed value's robust z at its removal. */
  statistics: number[];
  criticalValues: number[];
  /** How many of the first removals are anomalies (the largest i with R_i > lambda_i). */
  count: number;
}

/**
 * Generalized ESD (Rosner 1983) with the median and 1.4826 MAD as centre and scale (the "hybrid"
 * of Hochenbaum et al. 2017), two-sided, at most `maxAnomalies` removals. The mean absolute
 * deviation stands in when more than half the values tie (MAD 0); the test stops at zero spread.
 */
export function hybridEsd(
  values: ArrayLike<number>,
  alpha: number,
  maxAnomalies: number,
): EsdResult {
  const n = values.length;
  if (!Number.isInteger(maxAnomalies) || maxAnomalies < 0 || maxAnomalies > n - 2) {
    throw new RangeError(`maxAnomalies: ${maxAnomalies} must be a whole number in [0, n - 2]`);
  }
  const order = Array.from({ length: n }, (_, index) => index).sort(
    (a, b) => values[a]! - values[b]!,
  );
  const sorted = Float64Array.from(order, (index) => values[index]!);
  const positions = Int32Array.from(order);
  const scratch = new Float64Array(n);
  const lambdas = maxAnomalies > 0 ? criticalValues(n, alpha, maxAnomalies) : new Float64Array(0);
  const result: EsdResult = { removed: [], statistics: [], criticalValues: [], count: 0 };
  let low = 0;
  let high = n - 1;
  for (let i = 1; i <= maxAnomalies; i += 1) {
    const length = high - low + 1;
    const middle = low + (length >> 1);
    const centre = length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    for (let index = 0; index < length; index += 1) {
      scratch[index] = Math.abs(sorted[low + index]! - centre);
    }
    let spread = MAD_SCALE * medianInPlace(scratch, length);
    if (!(spread > 0)) {
      let total = 0;
      for (let index = low; index <= high; index += 1) total += Math.abs(sorted[index]! - centre);
      spread = (MEAN_DEVIATION_SCALE * total) / length;
    }
    if (!(spread > 0)) break;
    const fromTop = sorted[high]! - centre >= centre - sorted[low]!;
    const statistic = Math.abs((fromTop ? sorted[high]! : sorted[low]!) - centre) / spread;
    result.removed.push(positions[fromTop ? high : low]!);
    if (fromTop) high -= 1;
    else low += 1;
    result.statistics.push(statistic);
    result.criticalValues.push(lambdas[i - 1]!);
    if (statistic > lambdas[i - 1]!) result.count = i;
  }
  return result;
}
