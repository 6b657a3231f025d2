// Shared input checks and missing-value handling for the forecasters in this folder: every
// method validates the same way, fills interior gaps the same way and falls back the same way.
import type { ForecastInput, ForecastResult, Forecaster, PredictionInterval } from './forecaster';

/** Largest horizon accepted: beyond this a request is a mistake, not a forecast. */
export const MAX_HORIZON = 100_000;

export interface PreparedSeries {
  /** Observations with leading and trailing missing values removed and interior gaps filled. */
  values: number[];
  period: number;
  /** Steps the method must forecast: the requested horizon plus trailing missing values. */
  steps: number;
  levels: number[];
}

/** What a method computes on a prepared series (forecasts `steps` ahead of its last value). */
export interface CoreForecast {
  method: string;
  mean: number[];
  intervals: PredictionInterval[];
  fitted?: number[];
  parameters: Record<string, number | string | boolean>;
  notes: string[];
}

interface Checked {
  values: readonly number[];
  period: number;
  horizon: number;
  levels: number[];
}

function checkInteger(value: unknown, name: string, low: number, high: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < low || value > high) {
    throw new RangeError(
      `${name}: ${JSON.stringify(value) ?? String(value)} must be a whole number from ${low} to ${high}`,
    );
  }
  return value;
}

/** Checks the shape and values of a forecast request; throws TypeError/RangeError naming the field. */
export function checkForecastInput(
  input: ForecastInput,
  method: string,
  options: { nonNegative: boolean },
): Checked {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(`${method}: input must be an object { values, period, horizon, levels? }`);
  }
  const { values } = input;
  if (!Array.isArray(values)) {
    throw new TypeError(`${method}: values must be an array of numbers (NaN for a missing value)`);
  }
  values.forEach((value: unknown, index) => {
    if (typeof value !== 'number') {
      throw new TypeError(
        `${method}: values[${index}] is ${JSON.stringify(value) ?? String(value)} (${typeof value}); every value must be a number, NaN for a missing one`,
      );
    }
    if (value === Infinity || value === -Infinity) {
      throw new RangeError(`${method}: values[${index}] is ${value}; use a finite number or NaN`);
    }
    if (options.nonNegative && value < 0) {
      throw new RangeError(
        `${method}: values[${index}] = ${value} is negative; demand cannot be negative: correct it or mark it missing with NaN`,
      );
    }
  });
  const period = checkInteger(input.period, `${method}: period`, 1, 10_000);
  const horizon = checkInteger(input.horizon, `${method}: horizon`, 1, MAX_HORIZON);
  const levels = input.levels ?? [];
  if (!Array.isArray(levels))
    throw new TypeError(`${method}: levels must be an array of percentages`);
  levels.forEach((level: unknown, index) => {
    if (typeof level !== 'number' || !(level > 0 && level < 100)) {
      throw new RangeError(
        `${method}: levels[${index}] = ${String(level)} must be a percentage strictly between 0 and 100, e.g. 80 or 95`,
      );
    }
  });
  return { values, period, horizon, levels: [...levels] };
}

export function countPresent(values: readonly number[]): number {
  let count = 0;
  for (const value of values) if (!Number.isNaN(value)) count += 1;
  return count;
}

/**
 * Drops leading and trailing missing values and fills interior gaps by linear interpolation.
 * Returns the filled values, how many were dropped at each end and how many were filled.
 */
export function fillMissing(values: readonly number[]): {
  values: number[];
  leading: number;
  trailing: number;
  filled: number;
} {
  let first = 0;
  while (first < values.length && Number.isNaN(values[first])) first += 1;
  let last = values.length - 1;
  while (last >= first && Number.isNaN(values[last])) last -= 1;
  const kept = values.slice(first, last + 1);
  let filled = 0;
  let previous = 0;
  for (let index = 1; index < kept.length; index += 1) {
    if (!Number.isNaN(kept[index])) {
      const gap = index - previous;
      const start = kept[previous] as number;
      const end = kept[index] as number;
      for (let step = 1; step < gap; step += 1) {
        kept[previous + step] = start + ((end - start) * step) / gap;
        filled += 1;
      }
      previous = index;
    }
  }
  return { values: kept, leading: first, trailing: values.length - 1 - last, filled };
}

export interface MethodSpec {
  name: string;
  nonNegative: boolean;
  /** Fewest non-missing observations the method needs for this period. */
  minLength: number;
  /** The simpler forecaster used (and named in the notes) when the series is too short. */
  fallback?: Forecaster;
}

/**
 * Runs a method on a request: validates, falls back when the series is too short, handles
 * missing values, then realigns the result with the request (fitted values per input
 * position, forecasts starting after the last input position).
 */
export function runMethod(
  input: ForecastInput,
  spec: MethodSpec,
  core: (series: PreparedSeries) => CoreForecast,
): ForecastResult {
  const checked = checkForecastInput(input, spec.name, { nonNegative: spec.nonNegative });
  const present = countPresent(checked.values);
  if (present === 0) {
    throw new RangeError(`${spec.name}: values has no observations (empty or all missing)`);
  }
  if (present < spec.minLength) {
    if (!spec.fallback) {
      throw new RangeError(
        `${spec.name}: needs at least ${spec.minLength} observations, got ${present}`,
      );
    }
    const result = spec.fallback.forecast(input);
    return {
      ...result,
      notes: [
        `${spec.name} needs at least ${spec.minLength} observations for period ${checked.period}, got ${present}: used ${result.method} instead.`,
        ...result.notes,
      ],
    };
  }
  const filled = fillMissing(checked.values);
  const notes: string[] = [];
  if (filled.leading > 0) notes.push(`Ignored ${filled.leading} leading missing values.`);
  if (filled.filled > 0) {
    notes.push(`Filled ${filled.filled} missing values inside the series by linear interpolation.`);
  }
  if (filled.trailing > 0) {
    notes.push(
      `The last ${filled.trailing} values are missing: forecast from the last observation, ${filled.trailing} steps before the end.`,
    );
  }
  const steps = checked.horizon + filled.trailing;
  const output = core({
    values: filled.values,
    period: checked.period,
    steps,
    levels: checked.levels,
  });
  const skip = filled.trailing;
  const result: ForecastResult = {
    method: output.method,
    mean: output.mean.slice(skip),
    intervals: output.intervals.map((interval) => ({
      level: interval.level,
      lower: interval.lower.slice(skip),
      upper: interval.upper.slice(skip),
    })),
    parameters: output.parameters,
    notes: [...notes, ...output.notes],
  };
  if (output.fitted) {
    result.fitted = [
      ...new Array<number>(filled.leading).fill(Number.NaN),
      ...output.fitted,
      ...new Array<number>(filled.trailing).fill(Number.NaN),
    ];
  }
  return result;
}

/** Symmetric normal intervals mean +- z(level) * standardErrors[h] for each level. */
export function normalIntervals(
  mean: readonly number[],
  standardErrors: readonly number[],
  levels: readonly number[],
  multiplier: (level: number) => number,
): PredictionInterval[] {
  return levels.map((level) => {
    const z = multiplier(level);
    return {
      level,
      lower: mean.map((value, index) => value - z * (standardErrors[index] as number)),
      upper: mean.map((value, index) => value + z * (standardErrors[index] as number)),
    };
  });
}
