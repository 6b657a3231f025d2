// Seasonal-differencing decision of forecast::nsdiffs(test = "seas"), the default in forecast
// 8.20: difference seasonally when the STL seasonal strength exceeds 0.64 (Wang, Smith &
// Hyndman 2006, Data Mining and Knowledge Discovery 13:335-364).
import { difference, isConstant } from './difference';
import { stl } from './stl';

/** Seasonal span forecast's mstl() hands to stl() for a single seasonal period. */
const MSTL_SEASONAL_WINDOW = 11;
/** Threshold of nsdiffs' "seas" heuristic. */
export const SEASONAL_STRENGTH_THRESHOLD = 0.64;

/** Sample variance (n - 1 denominator) of the finite values. */
function variance(values: ArrayLike<number>): number {
  let count = 0;
  let mean = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (Number.isNaN(value)) continue;
    count += 1;
    mean += (value - mean) / count;
  }
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (!Number.isNaN(value)) sum += (value - mean) * (value - mean);
  }
  return sum / (count - 1);
}

/**
 * Fills missing values by linear interpolation, holding the first/last observation beyond the
 * ends (R's approx(rule = 2); forecast's na.interp does this for short series).
 */
export function interpolateMissing(values: ArrayLike<number>): Float64Array {
  const filled = Float64Array.from(values);
  let previous = -1;
  for (let index = 0; index < filled.length; index += 1) {
    if (Number.isNaN(filled[index]!)) continue;
    const value = filled[index]!;
    const start = previous < 0 ? value : filled[previous]!;
    for (let gap = previous + 1; gap < index; gap += 1) {
      filled[gap] = start + ((value - start) * (gap - previous)) / (index - previous);
    }
    previous = index;
  }
  for (let gap = previous + 1; previous >= 0 && gap < filled.length; gap += 1) {
    filled[gap] = filled[previous]!;
  }
  return filled;
}

/**
 * Strength of seasonality, max(0, min(1, 1 - var(remainder) / var(seasonal + remainder))),
 * from the STL decomposition forecast's mstl() makes (s.window = 11, non-robust).
 */
export function seasonalStrength(values: ArrayLike<number>, period: number): number {
  const series = interpolateMissing(values);
  const decomposition = stl(series, period, { seasonalWindow: MSTL_SEASONAL_WINDOW });
  const detrended = new Float64Array(series.length);
  for (let index = 0; index < series.length; index += 1) {
    detrended[index] = decomposition.remainder[index]! + decomposition.seasonal[index]!;
  }
  const strength = 1 - variance(decomposition.remainder) / variance(detrended);
  return Math.max(0, Math.min(1, strength));
}

/**
 * Number of seasonal differences (0..maxD) forecast::nsdiffs chooses with its default
 * test = "seas". Series too short for STL (n <= 2 period) get 0, as R's error handler gives.
 */
export function nsdiffs(values: ArrayLike<number>, period: number, maxD = 1): number {
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(`period: ${period} must be a whole number >= 2 (non-seasonal data)`);
  }
  let series: Float64Array = Float64Array.from(values);
  let seasonalD = 0;
  if (isConstant(series)) return seasonalD;
  if (period >= series.length) return seasonalD;
  const test = (x: Float64Array): boolean =>
    x.length > 2 * period && seasonalStrength(x, period) > SEASONAL_STRENGTH_THRESHOLD;
  let needsDifference = test(series);
  while (needsDifference && seasonalD < maxD) {
    seasonalD += 1;
    series = difference(series, period, 1);
    if (isConstant(series)) return seasonalD;
    needsDifference = series.length >= 2 * period && seasonalD < maxD ? test(series) : false;
  }
  return seasonalD;
}
