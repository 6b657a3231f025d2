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
import { fromWorkingScale, toWorkingScale } from './baseline';
import { hybridEsd, MAD_SCALE, MEAN_DEVIATION_SCALE, medianInPlace } from './generalized-esd';
import { removeSeasonality } from './seasonal-adjustment';

/**
 * alpha is the ESD test's chance of flagging anything at all in a clean series with normal
 * residuals. A planner's scan covers thousands of series, so medium uses 0.001 (about one clean
 * series in a thousand raises a false alarm); low 0.0001 for the quietest scan, high 0.01 (the
 * paper's examples use 0.05, which on 30,000 series is 1,500 false alarms). The cap on anomalies
 * is the paper's max_anoms as a share of the series.
 */
export interface ShesdSetting {
  /** Significance of the generalized ESD test. */
  alpha: number;
  /** Most anomalies, as a share of the usable steps (at least one is always tested). */
  maxShare: number;
}

export const SHESD_SETTINGS: Readonly<Record<Sensitivity, ShesdSetting>> = {
  low: { alpha: 0.0001, maxShare: 0.02 },
  medium: { alpha: 0.001, maxShare: 0.02 },
  high: { alpha: 0.01, maxShare: 0.05 },
};

/** Periods that are one week at common steps (day, hour, 30, 15, 10, 5 and 1 minutes). */
const WEEK_PERIODS = new Set([7, 168, 336, 672, 1008, 2016, 10080]);
const MIN_STEPS = 16;

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

/** Non-negative whole numbers wherever observed (units sold, counts of events). */
function isCountSeries(values: readonly number[]): boolean {
  let seen = false;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < 0 || !Number.isInteger(value)) return false;
    seen = true;
  }
  return seen;
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

function detect(
  input: DetectorInput,
  settings: Readonly<Record<Sensitivity, ShesdSetting>>,
): DetectionResult {
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
  const needed = minLength(periods);
  if (usableCount < needed) {
    return quiet(n, [`too short to judge: ${usableCount} usable steps, S-H-ESD needs ${needed}`]);
  }
  if (constant) return quiet(n, ['constant series: nothing stands out']);

  const counts = isCountSeries(values);
  // Anscombe's square root gives Poisson counts near-unit variance, so ESD's normal critical
  // values hold at 2 units a day as at 2,000 (without it a quarter of clean slow series alarmed)
  const working = counts ? values.map((value) => toWorkingScale(value, true)) : values;
  const window = medianWindow(periods);
  const adjustment = removeSeasonality(working, periods, {
    explained: input.explained,
    longestPeriod: window !== undefined && n >= 2 * window ? window : undefined,
    // 4 robustness passes, not R's 15: the periodic seasonal averages every cycle, so the later
    // passes change it little and cost 4x the time of the whole detector.
    robustnessIterations: 4,
  });
  const notes = [...adjustment.notes];
  if (counts) notes.push("counts tested on Anscombe's square-root scale");
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
  const { alpha, maxShare } = settings[sensitivity];
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
  const signed = new Float64Array(n);
  for (let position = 0; position < positions.length; position += 1) {
    signed[positions[position]!] = spread > 0 ? (residuals[position]! - centre) / spread : 0;
  }
  // Per-step scores only where the test looked (its maxAnomalies most extreme steps, significant
  // or not): a sweep can go below the decision but not into the ordinary bulk, whose |z| on
  // heavy-tailed series is not comparable across series.
  const scores = new Float64Array(n);
  for (const position of esd.removed) {
    scores[positions[position]!] = Math.abs(signed[positions[position]!]!);
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
    let expected = 0;
    let lower = 0;
    let upper = 0;
    let observed = 0;
    let score = 0;
    const back = (value: number) => fromWorkingScale(value, counts);
    for (let step = start; step <= end; step += 1) {
      const centreOfStep = seasonal[step]! + level[step]! + centre;
      expected += back(centreOfStep);
      lower += back(centreOfStep - threshold * spread);
      upper += back(centreOfStep + threshold * spread);
      observed += values[step]!;
      score = Math.max(score, scores[step]!);
    }
    const length = end - start + 1;
    anomalies.push({
      start,
      end,
      kind: sign > 0 ? 'spike' : 'drop',
      score,
      expected: expected / length,
      observed: observed / length,
      expectedLower: lower / length,
      expectedUpper: upper / length,
      detector: 'shesd',
    });
    index += 1;
  }
  return { anomalies, scores, notes };
}

function minLength(periods: readonly number[]): number {
  const shortest = periods.filter((period) => Number.isInteger(period) && period >= 2);
  return Math.max(MIN_STEPS, shortest.length > 0 ? 2 * Math.min(...shortest) + 1 : 0);
}

function checkSettings(settings: Readonly<Record<Sensitivity, ShesdSetting>>): void {
  for (const sensitivity of ['low', 'medium', 'high'] as const) {
    const setting = settings[sensitivity];
    if (!(setting.alpha > 0 && setting.alpha < 1)) {
      throw new RangeError(`settings.${sensitivity}.alpha: ${setting.alpha} must be in (0, 1)`);
    }
    if (!(setting.maxShare > 0 && setting.maxShare < 0.5)) {
      throw new RangeError(
        `settings.${sensitivity}.maxShare: ${setting.maxShare} must be in (0, 0.5)`,
      );
    }
  }
}

/**
 * S-H-ESD with other significance levels or caps per sensitivity (e.g. the tighter cap that
 * heavy-tailed machine metrics need: NAB's Twitter ADVec wrapper uses max_anoms = 0.0008).
 */
export function createSeasonalHybridEsd(
  settings: Readonly<Record<Sensitivity, ShesdSetting>> = SHESD_SETTINGS,
): Detector {
  checkSettings(settings);
  return { name: 'shesd', minLength, detect: (input) => detect(input, settings) };
}

/** S-H-ESD behind the Detector interface (name 'shesd'), with SHESD_SETTINGS. */
export const seasonalHybridEsd: Detector = createSeasonalHybridEsd();
