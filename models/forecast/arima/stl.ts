// Compact STL: seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning
// 1990, J. Official Statistics 6:3-73), following the netlib algorithm that R's stats::stl runs
// (inner loop of cycle-subseries smoothing, low-pass filter and trend smoothing, with jumps).
import { loessPoint, loessSmooth, movingAverage } from './loess';

export interface StlOptions {
  /** Seasonal loess span (odd, >= 3); R's stl needs it given, forecast's mstl passes 11. */
  seasonalWindow: number;
  seasonalDegree?: 0 | 1;
  /** Trend span; default nextodd(ceil(1.5 period / (1 - 1.5 / seasonalWindow))). */
  trendWindow?: number;
  trendDegree?: 0 | 1;
  /** Low-pass span; default nextodd(period). */
  lowPassWindow?: number;
  lowPassDegree?: 0 | 1;
  /** Inner iterations (default 2, or 1 when robust). */
  inner?: number;
  /** Robustness iterations (default 0, or 15 when robust). */
  outer?: number;
  robust?: boolean;
}

export interface StlDecomposition {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
}

function nextOdd(value: number): number {
  const rounded = Math.round(value);
  return rounded % 2 === 0 ? rounded + 1 : rounded;
}

/** Tukey biweight robustness weights from the residuals, scaled by 6 x median |residual|. */
function robustnessWeights(y: Float64Array, fit: Float64Array, out: Float64Array): void {
  const n = y.length;
  const absolute = new Float64Array(n);
  for (let i = 0; i < n; i += 1) absolute[i] = Math.abs(y[i]! - fit[i]!);
  const sorted = Float64Array.from(absolute).sort();
  const low = Math.trunc(n / 2);
  const cmad = 3 * (sorted[low]! + sorted[n - low - 1]!);
  for (let i = 0; i < n; i += 1) {
    const r = absolute[i]!;
    if (r <= 0.001 * cmad) out[i] = 1;
    else if (r <= 0.999 * cmad) {
      const u = r / cmad;
      out[i] = (1 - u * u) * (1 - u * u);
    } else out[i] = 0;
  }
}

/** STL decomposition of a complete (no missing values) series with period >= 2 and n > 2 period. */
export function stl(
  values: ArrayLike<number>,
  period: number,
  options: StlOptions,
): StlDecomposition {
  const y = Float64Array.from(values);
  const n = y.length;
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(`period: ${period} must be a whole number >= 2 for STL`);
  }
  if (n <= 2 * period) {
    throw new RangeError(`values: STL needs more than two periods (${2 * period}), got ${n}`);
  }
  for (let i = 0; i < n; i += 1) {
    if (!Number.isFinite(y[i]!))
      throw new RangeError(`values[${i}] = ${y[i]}: STL needs complete data`);
  }
  const robust = options.robust ?? false;
  const seasonalDegree = options.seasonalDegree ?? 0;
  const trendDegree = options.trendDegree ?? 1;
  const lowPassDegree = options.lowPassDegree ?? trendDegree;
  const oddAtLeast3 = (span: number): number => {
    const value = Math.max(3, span);
    return value % 2 === 0 ? value + 1 : value;
  };
  const seasonalSpan = oddAtLeast3(options.seasonalWindow);
  const trendSpan = oddAtLeast3(
    options.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / options.seasonalWindow))),
  );
  const lowPassSpan = oddAtLeast3(options.lowPassWindow ?? nextOdd(period));
  const seasonalJump = Math.ceil(seasonalSpan / 10);
  const trendJump = Math.ceil(trendSpan / 10);
  const lowPassJump = Math.ceil(lowPassSpan / 10);
  const inner = options.inner ?? (robust ? 1 : 2);
  const outer = options.outer ?? (robust ? 15 : 0);

  const extended = n + 2 * period;
  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  const detrended = new Float64Array(extended);
  const cycle = new Float64Array(extended);
  const lowPass = new Float64Array(extended);
  const scratch = new Float64Array(extended);
  const subseries = new Float64Array(n);
  const subseriesRobustness = new Float64Array(n);
  const smoothedSubseries = new Float64Array(n + 2);
  const weights = new Float64Array(extended);
  const robustness = new Float64Array(n).fill(1);
  let useRobustness = false;

  for (let iteration = 0; iteration <= outer; iteration += 1) {
    for (let pass = 0; pass < inner; pass += 1) {
      for (let i = 0; i < n; i += 1) detrended[i] = y[i]! - trend[i]!;
      // Cycle-subseries smoothing, extended one period at each end.
      for (let j = 1; j <= period; j += 1) {
        const k = Math.trunc((n - j) / period) + 1;
        for (let i = 1; i <= k; i += 1) {
          subseries[i - 1] = detrended[(i - 1) * period + j - 1]!;
          subseriesRobustness[i - 1] = robustness[(i - 1) * period + j - 1]!;
        }
        const rw = useRobustness ? subseriesRobustness : null;
        loessSmooth(
          subseries,
          0,
          k,
          seasonalSpan,
          seasonalDegree,
          seasonalJump,
          rw,
          0,
          smoothedSubseries,
          1,
          weights,
        );
        const before = loessPoint(
          subseries,
          0,
          k,
          seasonalSpan,
          seasonalDegree,
          0,
          1,
          Math.min(seasonalSpan, k),
          weights,
          rw,
          0,
        );
        smoothedSubseries[0] = Number.isNaN(before) ? smoothedSubseries[1]! : before;
        const after = loessPoint(
          subseries,
          0,
          k,
          seasonalSpan,
          seasonalDegree,
          k + 1,
          Math.max(1, k - seasonalSpan + 1),
          k,
          weights,
          rw,
          0,
        );
        smoothedSubseries[k + 1] = Number.isNaN(after) ? smoothedSubseries[k]! : after;
        for (let m = 1; m <= k + 2; m += 1)
          cycle[(m - 1) * period + j - 1] = smoothedSubseries[m - 1]!;
      }
      // Low-pass filter of the cycle-subseries: MA(period), MA(period), MA(3), then loess.
      movingAverage(cycle, extended, period, scratch);
      movingAverage(scratch, extended - period + 1, period, lowPass);
      movingAverage(lowPass, extended - 2 * period + 2, 3, scratch);
      loessSmooth(
        scratch,
        0,
        n,
        lowPassSpan,
        lowPassDegree,
        lowPassJump,
        null,
        0,
        lowPass,
        0,
        weights,
      );
      for (let i = 0; i < n; i += 1) seasonal[i] = cycle[period + i]! - lowPass[i]!;
      for (let i = 0; i < n; i += 1) detrended[i] = y[i]! - seasonal[i]!;
      loessSmooth(
        detrended,
        0,
        n,
        trendSpan,
        trendDegree,
        trendJump,
        useRobustness ? robustness : null,
        0,
        trend,
        0,
        weights,
      );
    }
    if (iteration < outer) {
      const fit = new Float64Array(n);
      for (let i = 0; i < n; i += 1) fit[i] = trend[i]! + seasonal[i]!;
      robustnessWeights(y, fit, robustness);
      useRobustness = true;
    }
  }
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i += 1) remainder[i] = y[i]! - seasonal[i]! - trend[i]!;
  return { seasonal, trend, remainder };
}
