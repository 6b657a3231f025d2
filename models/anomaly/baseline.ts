// The expected value of each step for the residual detectors: gaps and explained steps filled,
// counts put on a variance-stabilised scale, then robust STL (Cleveland et al. 1990) for the
// seasonal series or a running median for the rest, and the residuals' robust scale.
import { stl } from '../forecast/arima/stl';
import { runningMedian } from '../stats/running-median';
import { fillUnusable } from './seasonal-adjustment';

export interface Baseline {
  /** Values on the working scale (Anscombe for counts), gaps filled. */
  working: Float64Array;
  /** Expected value per step on the working scale (seasonal + trend). */
  expected: Float64Array;
  /** Seasonal part alone (zero without a usable period), for deseasonalised views. */
  seasonal: Float64Array;
  /** working - expected, NaN at missing and explained steps (never scored). */
  residual: Float64Array;
  /** Robust standard deviation of the residuals on the working scale. */
  scale: number;
  /** The values are non-negative whole numbers: the working scale is Anscombe's square root. */
  counts: boolean;
  /** The seasonal period used (0 = none). */
  period: number;
  notes: string[];
}

/** Anscombe (1948): 2 sqrt(x + 3/8) makes Poisson counts roughly unit-variance. */
export const toWorkingScale = (value: number, counts: boolean): number =>
  counts ? 2 * Math.sqrt(Math.max(value, 0) + 0.375) : value;

export function fromWorkingScale(value: number, counts: boolean): number {
  if (!counts) return value;
  const root = Math.max(value, 0) / 2;
  return Math.max(0, root * root - 0.375);
}

/**
 * Whole numbers with a typical level above this are measurements (bytes, requests), not units
 * sold; they are judged as continuous.
 */
const LARGEST_COUNT_LEVEL = 100_000;

function isCountSeries(values: readonly number[]): boolean {
  const seen: number[] = [];
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < 0 || !Number.isInteger(value)) return false;
    seen.push(value);
  }
  if (seen.length === 0) return false;
  seen.sort((a, b) => a - b);
  return (seen[seen.length >> 1] as number) <= LARGEST_COUNT_LEVEL;
}

function medianOf(values: Float64Array): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** 1.4826 MAD of the finite residuals, with the mean absolute deviation as a fallback at 0. */
export function robustScale(residual: Float64Array): number {
  const finite = residual.filter(Number.isFinite);
  if (finite.length === 0) return 0;
  const centre = medianOf(finite);
  const absolute = finite.map((value) => Math.abs(value - centre));
  const mad = 1.4826 * medianOf(absolute);
  if (mad > 0) return mad;
  let total = 0;
  for (const value of absolute) total += value;
  return 1.2533 * (total / absolute.length);
}

const nextOdd = (value: number): number => {
  const rounded = Math.max(3, Math.round(value));
  return rounded % 2 === 0 ? rounded + 1 : rounded;
};

export interface BaselineOptions {
  /** Seasonal periods, shortest first; the first one with more than two cycles of data is used. */
  periods: readonly number[];
  explained?: readonly boolean[];
  /** Steps kept out of the fit (suspected anomalies) that are still scored against it. */
  heldOut?: Uint8Array;
  /** Trend span in cycles of the period (default 5: short anomalies stay in the residual). */
  trendCycles?: number;
}

/** Builds the baseline of `values`; expects at least 4 usable steps (callers check). */
export function buildBaseline(values: readonly number[], options: BaselineOptions): Baseline {
  const n = values.length;
  const notes: string[] = [];
  const counts = isCountSeries(values);
  const usable = new Uint8Array(n);
  const working = new Float64Array(n);
  let missing = 0;
  for (let index = 0; index < n; index += 1) {
    const value = values[index] as number;
    const finite = Number.isFinite(value);
    if (!finite) missing += 1;
    usable[index] = finite && options.explained?.[index] !== true ? 1 : 0;
    working[index] = finite ? toWorkingScale(value, counts) : Number.NaN;
  }
  if (missing > 0) notes.push(`${missing} missing steps filled by interpolation, never scored`);
  const fitted = options.heldOut
    ? usable.map((flag, index) => (flag && !options.heldOut?.[index] ? 1 : 0))
    : usable;
  const filled = fillUnusable(working, fitted);

  const whole = options.periods.filter(
    (candidate) => Number.isInteger(candidate) && candidate >= 2,
  );
  const dropped = options.periods.filter((candidate) => !whole.includes(candidate));
  if (dropped.length > 0) {
    notes.push(
      `seasonal periods ${dropped.join(', ')} left out: a period is a whole number of steps, at least 2`,
    );
  }
  const period = whole.find((candidate) => n > 2 * candidate) ?? 0;
  if (whole.length > 0 && period === 0) {
    notes.push(
      `too short for the seasonal period ${whole[0]} (needs more than ${2 * (whole[0] ?? 0)} steps): a running median is the baseline`,
    );
  }
  let expected: Float64Array;
  let seasonal: Float64Array;
  if (period > 0) {
    const decomposition = stl(filled, period, {
      seasonalWindow: 11,
      trendWindow: nextOdd((options.trendCycles ?? 5) * period),
      robust: true,
      outer: 2,
    });
    seasonal = decomposition.seasonal;
    expected = new Float64Array(n);
    for (let index = 0; index < n; index += 1) {
      expected[index] = decomposition.seasonal[index]! + decomposition.trend[index]!;
    }
  } else {
    seasonal = new Float64Array(n);
    expected = runningMedian(filled, nextOdd(Math.min(31, Math.max(5, n / 10))));
  }
  const residual = new Float64Array(n);
  for (let index = 0; index < n; index += 1) {
    residual[index] = usable[index] ? working[index]! - expected[index]! : Number.NaN;
  }
  let scale = robustScale(
    options.heldOut
      ? residual.map((value, index) => (fitted[index] ? value : Number.NaN))
      : residual,
  );
  // on the Anscombe scale Poisson noise has unit sd; overdispersion only adds to it
  if (counts) scale = Math.max(scale, 1);
  // the deseasonalised views use the observed values, held-out steps included
  const observed = filled.map((value, index) => (usable[index] ? working[index]! : value));
  return { working: observed, expected, seasonal, residual, scale, counts, period, notes };
}
