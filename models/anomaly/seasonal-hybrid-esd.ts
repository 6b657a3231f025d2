// Seasonal Hybrid ESD (Hochenbaum, Vallis & Kejariwal 2017, arXiv:1704.07706; Twitter's
// AnomalyDetection): periodic robust STL seasonal removed, the median (piecewise over windows for
// long series, not the STL trend) subtracted, then Rosner's (1983) generalized ESD test with the
// median and MAD in place of the mean and standard deviation.
import type {
  DetectedAnomaly,
  DetectionResult,
  Detector,
  DetectorInput,
  Sensitivity,
} from './detector';
import { studentTUpperQuantile } from '../stats/student-t';
import { removeSeasonality } from './seasonal-adjustment';

/**
 * alpha is the ESD test's chance of flagging anything at all in a clean series with normal
 * residuals. A planner's scan covers thousands of series, so medium uses 0.001 (about one clean
 * series in a thousand raises a false alarm); low 0.0001 for the quietest scan, high 0.01 (the
 * paper's examples use 0.05, which on 30,000 series is 1,500 false alarms). The cap on anomalies
 * is the paper's max_anoms as a share of the series.
 */
export const SHESD_SETTINGS: Record<Sensitivity, { alpha: number; maxShare: number }> = {
  low: { alpha: 0.0001, maxShare: 0.02 },
  medium: { alpha: 0.001, maxShare: 0.02 },
  high: { alpha: 0.01, maxShare: 0.05 },
};

/** Periods that are one week at common steps (day, hour, 30, 15, 10, 5 and 1 minutes). */
const WEEK_PERIODS = new Set([7, 168, 336, 672, 1008, 2016, 10080]);
const MIN_STEPS = 16;
/** 1.4826 makes the MAD a consistent estimate of the sd for normal data (R's mad). */
const MAD_SCALE = 1.4826;
/** The mean absolute deviation's consistency factor sqrt(pi / 2), used when the MAD is 0. */
const MEAN_DEVIATION_SCALE = 1.2533;

/**
 * Window of the piecewise median: two weeks of data as in the paper, but at least eight cycles of
 * the shortest period, because at a daily step two weeks is 14 points and a week-long drop would
 * move the median itself. Without a period there is no step length to go by: one median.
 */
export function medianWindow(periods: readonly number[]): number | undefined {
  const usable = periods.filter((period) => Number.isInteger(period) && period >= 2);
  if (usable.length === 0) return undefined;
  const week = usable.find((period) => WEEK_PERIODS.has(period));
  const twoWeeks = week !== undefined ? 2 * week : 2 * Math.max(...usable);
  return Math.max(twoWeeks, 8 * Math.min(...usable));
}

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

function medianInPlace(values: Float64Array, length: number): number {
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

/** Median of the usable entries of values[from..to). */
function usableMedian(values: Float64Array, usable: Uint8Array, from: number, to: number): number {
  const kept: number[] = [];
  for (let index = from; index < to; index += 1) if (usable[index]) kept.push(values[index]!);
  if (kept.length === 0) return Number.NaN;
  return medianInPlace(Float64Array.from(kept), kept.length);
}

/**
 * The level per step: one median, or (series of at least two windows) the median of each window,
 * the last, partial one taken over the final `window` steps as Twitter's package does.
 */
function levels(
  adjusted: Float64Array,
  usable: Uint8Array,
  window: number | undefined,
): Float64Array {
  const n = adjusted.length;
  const level = new Float64Array(n);
  if (window === undefined || n < 2 * window) {
    level.fill(usableMedian(adjusted, usable, 0, n));
    return level;
  }
  let fallback = usableMedian(adjusted, usable, 0, n);
  for (let start = 0; start < n; start += window) {
    const end = Math.min(n, start + window);
    const from = end - start < window ? n - window : start;
    const median = usableMedian(adjusted, usable, from, end);
    // a window with nothing usable (a long gap) keeps the previous window's level
    if (Number.isFinite(median)) fallback = median;
    level.fill(fallback, start, end);
  }
  return level;
}

function quiet(n: number, notes: string[]): DetectionResult {
  return { anomalies: [], scores: new Float64Array(n), notes };
}

function detect(input: DetectorInput): DetectionResult {
  const { values, periods, sensitivity } = input;
  const n = values.length;
  let usableCount = 0;
  let first = Number.NaN;
  let constant = true;
  for (let index = 0; index < n; index += 1) {
    const value = values[index]!;
    if (!Number.isFinite(value) || input.explained?.[index] === true) continue;
    usableCount += 1;
    if (Number.isNaN(first)) first = value;
    else if (value !== first) constant = false;
  }
  const needed = seasonalHybridEsd.minLength(periods);
  if (usableCount < needed) {
    return quiet(n, [`too short to judge: ${usableCount} usable steps, S-H-ESD needs ${needed}`]);
  }
  if (constant) return quiet(n, ['constant series: nothing stands out']);

  const window = medianWindow(periods);
  const adjustment = removeSeasonality(values, periods, {
    explained: input.explained,
    longestPeriod: window !== undefined && n >= 2 * window ? window : undefined,
    // 4 robustness passes, not R's 15: the periodic seasonal averages every cycle, so the later
    // passes change it little and cost 4x the time of the whole detector.
    robustnessIterations: 4,
  });
  const notes = [...adjustment.notes];
  if (usableCount < n) notes.push(`${n - usableCount} missing or explained steps not scored`);
  const { usable, seasonal, filled } = adjustment;
  const adjusted = new Float64Array(n);
  for (let index = 0; index < n; index += 1) adjusted[index] = filled[index]! - seasonal[index]!;
  const level = levels(adjusted, usable, window);

  const positions: number[] = [];
  const residuals: number[] = [];
  for (let index = 0; index < n; index += 1) {
    if (!usable[index]) continue;
    positions.push(index);
    residuals.push(adjusted[index]! - level[index]!);
  }
  const { alpha, maxShare } = SHESD_SETTINGS[sensitivity];
  const maxAnomalies = Math.min(usableCount - 2, Math.max(1, Math.floor(maxShare * usableCount)));
  const esd = hybridEsd(residuals, alpha, maxAnomalies);

  const flagged = new Uint8Array(n);
  for (const position of esd.removed.slice(0, esd.count)) flagged[positions[position]!] = 1;
  // Centre and spread of the residuals that are not anomalies, for scores and the range.
  const ordinary = residuals.filter((_, position) => !flagged[positions[position]!]);
  const ordinaryValues = Float64Array.from(ordinary);
  const centre = medianInPlace(Float64Array.from(ordinary), ordinary.length);
  const deviations = ordinaryValues.map((value) => Math.abs(value - centre));
  let spread = MAD_SCALE * medianInPlace(Float64Array.from(deviations), deviations.length);
  if (!(spread > 0)) {
    spread =
      (MEAN_DEVIATION_SCALE * deviations.reduce((sum, value) => sum + value, 0)) / ordinary.length;
  }
  const scores = new Float64Array(n);
  const signed = new Float64Array(n);
  for (let position = 0; position < positions.length; position += 1) {
    const z = spread > 0 ? (residuals[position]! - centre) / spread : 0;
    signed[positions[position]!] = z;
    scores[positions[position]!] = Math.abs(z);
  }
  const threshold = esd.count > 0 ? esd.criticalValues[esd.count - 1]! : 0;
  const anomalies: DetectedAnomaly[] = [];
  let index = 0;
  while (index < n) {
    if (!flagged[index]) {
      index += 1;
      continue;
    }
    const sign = Math.sign(signed[index]!);
    const start = index;
    while (index + 1 < n && flagged[index + 1] && Math.sign(signed[index + 1]!) === sign)
      index += 1;
    const end = index;
    let expectedTotal = 0;
    let observedTotal = 0;
    let score = 0;
    for (let step = start; step <= end; step += 1) {
      expectedTotal += seasonal[step]! + level[step]! + centre;
      observedTotal += values[step]!;
      score = Math.max(score, scores[step]!);
    }
    const length = end - start + 1;
    const expected = expectedTotal / length;
    anomalies.push({
      start,
      end,
      kind: sign > 0 ? 'spike' : 'drop',
      score,
      expected,
      observed: observedTotal / length,
      expectedLower: expected - threshold * spread,
      expectedUpper: expected + threshold * spread,
      detector: 'shesd',
    });
    index += 1;
  }
  return { anomalies, scores, notes };
}

/** S-H-ESD behind the Detector interface (name 'shesd'). */
export const seasonalHybridEsd: Detector = {
  name: 'shesd',
  minLength(periods: readonly number[]): number {
    const shortest = periods.filter((period) => Number.isInteger(period) && period >= 2);
    return Math.max(MIN_STEPS, shortest.length > 0 ? 2 * Math.min(...shortest) + 1 : 0);
  },
  detect,
};
