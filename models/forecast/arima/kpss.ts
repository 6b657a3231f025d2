// KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992) as urca's
// ur.kpss(type = "mu"), and forecast's ndiffs(): difference while the KPSS p-value < alpha.
import { difference, isConstant } from './difference';

/** Level-stationarity critical values of KPSS 1992 table 1 and their upper-tail probabilities. */
const CRITICAL_VALUES: readonly [number, number, number, number] = [0.347, 0.463, 0.574, 0.739];
const PROBABILITIES: readonly [number, number, number, number] = [0.1, 0.05, 0.025, 0.01];

export interface KpssResult {
  statistic: number;
  /** Bartlett-window lag truncation used for the long-run variance. */
  lags: number;
  /** p-value interpolated linearly in the critical-value table, clamped to [0.01, 0.1]. */
  pValue: number;
}

/** Lag truncation forecast's ndiffs passes to ur.kpss: trunc(3 sqrt(n) / 13). */
export function kpssLags(length: number): number {
  return Math.trunc((3 * Math.sqrt(length)) / 13);
}

/** Linear interpolation in the table, constant beyond its ends (R's approx(rule = 2)). */
export function kpssPValue(statistic: number): number {
  if (Number.isNaN(statistic)) return Number.NaN;
  const last = 3;
  if (statistic <= CRITICAL_VALUES[0]) return PROBABILITIES[0];
  if (statistic >= CRITICAL_VALUES[last]) return PROBABILITIES[last];
  for (let index = 1; index <= last; index += 1) {
    const high = CRITICAL_VALUES[index]!;
    if (statistic <= high) {
      const low = CRITICAL_VALUES[index - 1]!;
      const weight = (statistic - low) / (high - low);
      return (
        PROBABILITIES[index - 1]! + weight * (PROBABILITIES[index]! - PROBABILITIES[index - 1]!)
      );
    }
  }
  return PROBABILITIES[last];
}

/** KPSS level-stationarity statistic of the non-missing values (missing values are dropped). */
export function kpssTest(values: ArrayLike<number>, lags?: number): KpssResult {
  const series: number[] = [];
  for (let index = 0; index < values.length; index += 1) {
    if (!Number.isNaN(values[index]!)) series.push(values[index]!);
  }
  const n = series.length;
  const lagCount = lags ?? kpssLags(n);
  if (!Number.isInteger(lagCount) || lagCount < 0) {
    throw new RangeError(`lags: ${lagCount} must be a whole number >= 0`);
  }
  let mean = 0;
  for (const value of series) mean += value;
  mean /= n;
  const residuals = series.map((value) => value - mean);
  let partial = 0;
  let numerator = 0;
  let squares = 0;
  for (const residual of residuals) {
    partial += residual;
    numerator += partial * partial;
    squares += residual * residual;
  }
  numerator /= n * n;
  let longRunVariance = squares / n;
  for (let lag = 1; lag <= lagCount; lag += 1) {
    let covariance = 0;
    for (let index = lag; index < n; index += 1) {
      covariance += residuals[index]! * residuals[index - lag]!;
    }
    longRunVariance += (2 / n) * (1 - lag / (lagCount + 1)) * covariance;
  }
  const statistic = numerator / longRunVariance;
  return { statistic, lags: lagCount, pValue: kpssPValue(statistic) };
}

export interface NdiffsOptions {
  /** Significance level, clamped to [0.01, 0.1] as ndiffs does (default 0.05). */
  alpha?: number;
  /** Largest number of differences (default 2). */
  maxD?: number;
}

/**
 * Number of first differences needed for level stationarity (forecast::ndiffs with
 * test = "kpss"): difference while the KPSS p-value is below alpha, up to maxD.
 */
export function ndiffs(values: ArrayLike<number>, options: NdiffsOptions = {}): number {
  const alpha = Math.min(0.1, Math.max(0.01, options.alpha ?? 0.05));
  const maxD = options.maxD ?? 2;
  let series: Float64Array = Float64Array.from(values).filter((value) => !Number.isNaN(value));
  let d = 0;
  if (isConstant(series)) return d;
  let pValue = kpssTest(series).pValue;
  if (Number.isNaN(pValue)) return d;
  let needsDifference = pValue < alpha;
  while (needsDifference && d < maxD) {
    d += 1;
    series = difference(series, 1, 1);
    if (isConstant(series)) return d;
    pValue = kpssTest(series).pValue;
    if (Number.isNaN(pValue)) return d - 1;
    needsDifference = pValue < alpha;
  }
  return d;
}
