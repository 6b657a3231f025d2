// Forecast accuracy measures. sMAPE, MASE and OWA exactly as defined for the M4 competition
// (Makridakis, Spiliotis & Assimakopoulos 2020; M4 Competitor's Guide); RMSSE as in M5
// (Makridakis, Spiliotis & Assimakopoulos 2022); pinball loss (Koenker & Bassett 1978).
// NaN in `actual` marks a missing value: that period is left out of every measure.
import type { PredictionInterval } from './forecaster';

function pairs(actual: readonly number[], forecast: readonly number[], name = 'forecast') {
  if (actual.length !== forecast.length) {
    throw new RangeError(
      `${name}: has ${forecast.length} values but actual has ${actual.length}; they must align`,
    );
  }
  const kept: Array<[number, number]> = [];
  actual.forEach((value, index) => {
    const predicted = forecast[index] as number;
    if (Number.isNaN(value)) return;
    if (!Number.isFinite(predicted)) {
      throw new RangeError(`${name}[${index}]: ${String(predicted)} is not a finite forecast`);
    }
    kept.push([value, predicted]);
  });
  if (kept.length === 0) throw new RangeError('actual: no non-missing values to score');
  return kept;
}

/** sMAPE in percent: (200/h) sum |y - f| / (|y| + |f|); a term with y = f = 0 counts 0. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  const kept = pairs(actual, forecast);
  let total = 0;
  for (const [value, predicted] of kept) {
    const denominator = Math.abs(value) + Math.abs(predicted);
    if (denominator > 0) total += Math.abs(value - predicted) / denominator;
  }
  return (200 * total) / kept.length;
}

/** MAPE in percent: (100/h) sum |y - f| / |y|; NaN when an actual value is 0 (undefined). */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  const kept = pairs(actual, forecast);
  let total = 0;
  for (const [value, predicted] of kept) {
    if (value === 0) return Number.NaN;
    total += Math.abs(value - predicted) / Math.abs(value);
  }
  return (100 * total) / kept.length;
}

function seasonalDifferences(insample: readonly number[], period: number, power: 1 | 2): number {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`period: ${String(period)} must be a positive whole number`);
  }
  let total = 0;
  let count = 0;
  for (let index = period; index < insample.length; index += 1) {
    const difference = (insample[index] as number) - (insample[index - period] as number);
    if (Number.isNaN(difference)) continue;
    total += power === 1 ? Math.abs(difference) : difference * difference;
    count += 1;
  }
  if (count === 0) {
    throw new RangeError(
      `insample: scaling with period ${period} needs more than ${period} non-missing values, got ${insample.length}`,
    );
  }
  return total / count;
}

/** MASE scale: (1/(n - m)) sum_{t=m+1..n} |y_t - y_{t-m}|, the in-sample seasonal naive MAE. */
export function maseScale(insample: readonly number[], period: number): number {
  return seasonalDifferences(insample, period, 1);
}

/** MASE: mean |y - f| over the horizon divided by maseScale (Infinity when the scale is 0). */
export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  insample: readonly number[],
  period: number,
): number {
  const kept = pairs(actual, forecast);
  let total = 0;
  for (const [value, predicted] of kept) total += Math.abs(value - predicted);
  return total / kept.length / maseScale(insample, period);
}

/** RMSSE: sqrt(mean (y - f)^2 / ((1/(n - m)) sum (y_t - y_{t-m})^2)); M5 uses period 1. */
export function rmsse(
  actual: readonly number[],
  forecast: readonly number[],
  insample: readonly number[],
  period = 1,
): number {
  const kept = pairs(actual, forecast);
  let total = 0;
  for (const [value, predicted] of kept) total += (value - predicted) ** 2;
  return Math.sqrt(total / kept.length / seasonalDifferences(insample, period, 2));
}

/** WAPE: sum |y - f| / sum |y| (a ratio, not a percentage; NaN when every actual is 0). */
export function wape(actual: readonly number[], forecast: readonly number[]): number {
  const kept = pairs(actual, forecast);
  let errors = 0;
  let volume = 0;
  for (const [value, predicted] of kept) {
    errors += Math.abs(value - predicted);
    volume += Math.abs(value);
  }
  return volume > 0 ? errors / volume : Number.NaN;
}

/** Mean error forecast - actual: positive means over-forecasting. */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  const kept = pairs(actual, forecast);
  let total = 0;
  for (const [value, predicted] of kept) total += predicted - value;
  return total / kept.length;
}

/** Share of actual values inside [lower, upper] (bounds included). */
export function intervalCoverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  const low = pairs(actual, lower, 'lower');
  const high = pairs(actual, upper, 'upper');
  let inside = 0;
  low.forEach(([value, bound], index) => {
    if (value >= bound && value <= (high[index] as [number, number])[1]) inside += 1;
  });
  return inside / low.length;
}

/** Pinball (quantile) loss of a forecast of the `probability` quantile, averaged over periods. */
export function pinballLoss(
  actual: readonly number[],
  quantileForecast: readonly number[],
  probability: number,
): number {
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(`probability: ${String(probability)} must be strictly between 0 and 1`);
  }
  const kept = pairs(actual, quantileForecast, 'quantileForecast');
  let total = 0;
  for (const [value, predicted] of kept) {
    const error = value - predicted;
    total += error >= 0 ? probability * error : (probability - 1) * error;
  }
  return total / kept.length;
}

/** Mean pinball loss of an interval's two bounds, read as the (1-l)/2 and (1+l)/2 quantiles. */
export function intervalPinball(actual: readonly number[], interval: PredictionInterval): number {
  const tail = (1 - interval.level / 100) / 2;
  return (
    (pinballLoss(actual, interval.lower, tail) + pinballLoss(actual, interval.upper, 1 - tail)) / 2
  );
}

export interface AccuracySummary {
  smape: number;
  mase: number;
}

/**
 * Overall Weighted Average (M4): ((sMAPE / sMAPE_Naive2) + (MASE / MASE_Naive2)) / 2, where
 * each figure is the average over all series of the set (not a per-series ratio).
 */
export function owa(method: AccuracySummary, naive2: AccuracySummary): number {
  if (!(naive2.smape > 0) || !(naive2.mase > 0)) {
    throw new RangeError('naive2: OWA needs positive Naive2 sMAPE and MASE');
  }
  return (method.smape / naive2.smape + method.mase / naive2.mase) / 2;
}
