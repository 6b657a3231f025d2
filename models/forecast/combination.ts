// Forecast combination: the equal-weight mean or the median of several methods' point
// forecasts, as the M4 'Comb' benchmark and the ETS/ARIMA/Theta combinations that did well on
// M3/M4 (Makridakis, Spiliotis & Assimakopoulos 2020; Petropoulos & Svetunkov 2020).
import { median } from '../stats/descriptive';
import type { ForecastInput, ForecastResult, Forecaster, PredictionInterval } from './forecaster';

export type CombineRule = 'mean' | 'median';

export interface CombinationOptions {
  /** The member methods; at least one. */
  members: readonly Forecaster[];
  /** How point forecasts and interval bounds are combined; default 'mean'. */
  combine?: CombineRule;
  /** Name of the resulting forecaster; default 'combination'. */
  name?: string;
}

/** The mean or median of the values; NaN (undefined) when any of them is NaN. */
function combineValues(values: readonly number[], rule: CombineRule): number {
  if (values.some((value) => Number.isNaN(value))) return Number.NaN;
  if (rule === 'median') return median(values);
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Combines position by position: out[h] = rule(series[0][h], series[1][h], ...). */
function combineSeries(series: readonly (readonly number[])[], rule: CombineRule): number[] {
  const length = series[0]?.length ?? 0;
  return Array.from({ length }, (_, step) =>
    combineValues(
      series.map((values) => values[step] as number),
      rule,
    ),
  );
}

/**
 * Intervals: each level's lower and upper bounds are combined with the same rule as the points
 * (so they contain the combined point: a mean or an order statistic of bounds that each
 * contain their own point). Half-widths are then made non-decreasing in the horizon, widening
 * a bound where a member's interval narrowed, so the combined interval never gets narrower
 * further ahead. Levels are returned only when every member gave a finite interval for it.
 */
function combineIntervals(
  results: readonly ForecastResult[],
  mean: readonly number[],
  levels: readonly number[],
  rule: CombineRule,
): PredictionInterval[] {
  const intervals: PredictionInterval[] = [];
  let previousLower: number[] | undefined;
  let previousUpper: number[] | undefined;
  for (const level of levels) {
    const matched = results.map((result) =>
      result.intervals.find((interval) => interval.level === level),
    );
    const complete = matched.every(
      (interval) =>
        interval !== undefined &&
        interval.lower.every(Number.isFinite) &&
        interval.upper.every(Number.isFinite),
    );
    if (!complete) return [];
    const found = matched as PredictionInterval[];
    const lower = combineSeries(
      found.map((interval) => interval.lower),
      rule,
    );
    const upper = combineSeries(
      found.map((interval) => interval.upper),
      rule,
    );
    let below = 0;
    let above = 0;
    for (let step = 0; step < mean.length; step += 1) {
      const point = mean[step] as number;
      below = Math.max(below, point - (lower[step] as number));
      above = Math.max(above, (upper[step] as number) - point);
      // Nested levels: a wider level is never inside a narrower one.
      if (previousLower) below = Math.max(below, point - (previousLower[step] as number));
      if (previousUpper) above = Math.max(above, (previousUpper[step] as number) - point);
      lower[step] = point - below;
      upper[step] = point + above;
    }
    intervals.push({ level, lower, upper });
    previousLower = lower;
    previousUpper = upper;
  }
  return intervals;
}

/** Combines members' results for the same request (all of length `horizon`). */
export function combineResults(
  results: readonly ForecastResult[],
  levels: readonly number[],
  rule: CombineRule,
): { mean: number[]; intervals: PredictionInterval[]; fitted: number[] | undefined } {
  if (results.length === 0) throw new RangeError('results: need at least one member forecast');
  const mean = combineSeries(
    results.map((result) => result.mean),
    rule,
  );
  const fittedAll = results.map((result) => result.fitted);
  const fitted = fittedAll.every((values) => values !== undefined)
    ? combineSeries(fittedAll as number[][], rule)
    : undefined;
  return { mean, intervals: combineIntervals(results, mean, levels, rule), fitted };
}

/** A Forecaster averaging (or taking the median of) its members' forecasts. */
export function createCombinationForecaster(options: CombinationOptions): Forecaster {
  const members = [...options.members];
  if (members.length === 0)
    throw new RangeError('members: a combination needs at least one method');
  const rule = options.combine ?? 'mean';
  if (rule !== 'mean' && rule !== 'median') {
    throw new RangeError(`combine: "${String(rule)}" must be 'mean' or 'median'`);
  }
  const name = options.name ?? 'combination';
  return {
    name,
    minLength: (period) => Math.max(...members.map((member) => member.minLength(period))),
    forecast(input: ForecastInput): ForecastResult {
      const results = members.map((member) => member.forecast(input));
      const combined = combineResults(results, input.levels ?? [], rule);
      const parameters: Record<string, number | string | boolean> = { combine: rule };
      results.forEach((result, index) => {
        const member = members[index] as Forecaster;
        const form = result.parameters.model;
        parameters[`member.${member.name}`] =
          typeof form === 'string' && result.method === member.name
            ? `${result.method} ${form}`
            : result.method;
      });
      const notes = [
        `Combined ${members.map((member) => member.name).join(', ')} by the ${rule} of their forecasts.`,
      ];
      results.forEach((result, index) => {
        const member = members[index] as Forecaster;
        if (result.method !== member.name)
          notes.push(`Member ${member.name} used ${result.method}.`);
      });
      if ((input.levels ?? []).length > 0 && combined.intervals.length === 0) {
        notes.push('No prediction intervals: a member gave none for this series.');
      }
      const result: ForecastResult = {
        method: name,
        mean: combined.mean,
        intervals: combined.intervals,
        parameters,
        notes,
      };
      if (combined.fitted) result.fitted = combined.fitted;
      return result;
    },
  };
}
