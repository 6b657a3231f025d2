// Removes the seasonal component(s) of a series for the S-H-ESD and change-point detectors: the
// periodic robust STL that Hochenbaum, Vallis & Kejariwal (2017) use (R's stl with
// s.window = "periodic", robust = TRUE; Cleveland et al. 1990), one period after another,
// shortest first, on a copy with missing and explained steps interpolated.
import { stl } from '../forecast/arima/stl';

export interface SeasonalAdjustment {
  /** Values with missing and explained steps linearly interpolated (ends: nearest usable). */
  filled: Float64Array;
  /** 1 where the value is observed and not explained in advance. */
  usable: Uint8Array;
  /** Sum of the seasonal components removed (all zeros when no period was usable). */
  seasonal: Float64Array;
  periodsUsed: number[];
  notes: string[];
}

export interface SeasonalAdjustmentOptions {
  explained?: readonly boolean[];
  /** Periods longer than this are left out (another part of the baseline follows them). */
  longestPeriod?: number;
  /** Robustness iterations of STL (R uses 15 with robust = TRUE). */
  robustnessIterations?: number;
}

/** Linear interpolation across unusable steps; leading and trailing gaps take the nearest value. */
export function fillUnusable(values: ArrayLike<number>, usable: Uint8Array): Float64Array {
  const n = values.length;
  const filled = new Float64Array(n);
  let previous = -1;
  for (let index = 0; index <= n; index += 1) {
    if (index < n && !usable[index]) continue;
    if (index < n) filled[index] = values[index]!;
    for (let step = previous + 1; step < index; step += 1) {
      if (previous >= 0 && index < n) {
        const left = values[previous]!;
        const right = values[index]!;
        filled[step] = left + ((right - left) * (step - previous)) / (index - previous);
      } else filled[step] = previous >= 0 ? values[previous]! : index < n ? values[index]! : 0;
    }
    previous = index;
  }
  return filled;
}

/** Periodic STL seasonal: the robust fit, then each cycle position replaced by its mean. */
function periodicSeasonal(
  values: Float64Array,
  period: number,
  robustnessIterations: number,
): Float64Array {
  const n = values.length;
  const { seasonal } = stl(values, period, {
    seasonalWindow: 10 * n + 1,
    seasonalDegree: 0,
    robust: true,
    outer: robustnessIterations,
  });
  const totals = new Float64Array(period);
  const counts = new Float64Array(period);
  for (let index = 0; index < n; index += 1) {
    totals[index % period] = totals[index % period]! + seasonal[index]!;
    counts[index % period] = counts[index % period]! + 1;
  }
  const result = new Float64Array(n);
  for (let index = 0; index < n; index += 1) {
    result[index] = totals[index % period]! / counts[index % period]!;
  }
  return result;
}

/**
 * Seasonal adjustment of `values` (NaN = missing). Each period p (whole, >= 2) is used when the
 * series is longer than 2p steps and p <= `longestPeriod`; the others are named in `notes`.
 */
export function removeSeasonality(
  values: readonly number[],
  periods: readonly number[],
  options: SeasonalAdjustmentOptions = {},
): SeasonalAdjustment {
  const n = values.length;
  const notes: string[] = [];
  const usable = new Uint8Array(n);
  for (let index = 0; index < n; index += 1) {
    usable[index] = Number.isFinite(values[index]) && options.explained?.[index] !== true ? 1 : 0;
  }
  const filled = fillUnusable(values, usable);
  const seasonal = new Float64Array(n);
  const periodsUsed: number[] = [];
  const adjusted = Float64Array.from(filled);
  for (const period of periods) {
    if (!Number.isInteger(period) || period < 2) {
      notes.push(`period ${period} ignored: a seasonal period is a whole number of steps >= 2`);
      continue;
    }
    if (options.longestPeriod !== undefined && period > options.longestPeriod) {
      notes.push(`period ${period} left to the local level (longer than ${options.longestPeriod})`);
      continue;
    }
    if (n <= 2 * period) {
      notes.push(`period ${period} dropped: needs more than ${2 * period} steps, got ${n}`);
      continue;
    }
    const component = periodicSeasonal(adjusted, period, options.robustnessIterations ?? 15);
    for (let index = 0; index < n; index += 1) {
      seasonal[index] = seasonal[index]! + component[index]!;
      adjusted[index] = adjusted[index]! - component[index]!;
    }
    periodsUsed.push(period);
  }
  return { filled, usable, seasonal, periodsUsed, notes };
}
