// Builds the design for a checked daily request, fits the model, and turns the transformed-
// scale forecast into point forecasts (bias-adjusted, never below 0) and prediction intervals.
import { centralIntervalMultiplier } from '../../stats/normal';
import type { PredictionInterval } from '../forecaster';
import type { CalendarGroup } from './calendar-regressors';
import { fitDailyModel, type FittedModel } from './daily-model';
import {
  backTransformMean,
  backTransformQuantile,
  type Transform,
  type TrendForm,
} from './model-steps';
import { buildDesign, knotRowFor } from './design';

export interface DailyRun {
  values: readonly number[];
  weights: Float64Array;
  horizon: number;
  levels: readonly number[];
  firstTime: number;
  cyclePeriod: number;
  events: readonly CalendarGroup[];
  promotion?: Float64Array;
  logPrice?: Float64Array;
  transforms: readonly Transform[];
  /** Whether yearly terms are allowed (daily data with about two years observed). */
  yearly: boolean;
  /** Trend forms to choose from (default DEFAULT_TREND_FORMS). */
  trendForms?: readonly TrendForm[];
}

/** The trend forms the daily model chooses from by AICc on prewhitened data. */
export const DEFAULT_TREND_FORMS: readonly TrendForm[] = ['flat', 'linear', 'knot'];

export interface DailyRunResult {
  model: FittedModel;
  mean: number[];
  intervals: PredictionInterval[];
  fitted: number[];
  /** Forecast days whose point forecast hit the ceiling (CEILING_FACTOR x the largest day). */
  cappedDays: number;
  ceiling: number;
}

/** No day is forecast above this multiple of the largest day observed in the fit. */
export const CEILING_FACTOR = 3;

/** Yearly harmonic candidates: few for a smooth annual shape, up to 10 for sharp seasons. */
export const YEARLY_CANDIDATES = [0, 3, 6, 10] as const;

export function cycleHarmonicsFor(period: number): number {
  return Math.min(Math.floor(period / 2), 12);
}

export function runDaily(run: DailyRun): DailyRunResult {
  const count = run.values.length;
  const maxYearly = run.yearly ? Math.max(...YEARLY_CANDIDATES) : 0;
  const forms = run.trendForms ?? DEFAULT_TREND_FORMS;
  const knotRow = count >= 56 && forms.includes('knot') ? knotRowFor(count) : undefined;
  const columns = buildDesign({
    count,
    horizon: run.horizon,
    firstTime: run.firstTime,
    cyclePeriod: run.cyclePeriod,
    cycleHarmonics: run.cyclePeriod > 1 ? cycleHarmonicsFor(run.cyclePeriod) : 0,
    yearlyHarmonics: maxYearly,
    knotRow,
    events: run.events,
    ...(run.promotion ? { promotion: run.promotion } : {}),
    ...(run.logPrice ? { logPrice: run.logPrice } : {}),
  });
  const trendCandidates = forms.filter((form) => form !== 'knot' || knotRow !== undefined);
  const model = fitDailyModel({
    values: run.values,
    weights: run.weights,
    columns,
    horizon: run.horizon,
    transforms: run.transforms,
    yearlyCandidates: run.yearly ? YEARLY_CANDIDATES : [0],
    trendCandidates,
  });
  // A guard against explosive extrapolation (a large calendar lift estimated from a handful of
  // uncensored days, a wide log-scale variance): no day is forecast above CEILING_FACTOR times
  // the largest day observed in the fit.
  let largest = 0;
  run.values.forEach((value, row) => {
    if (run.weights[row]! > 0 && value > largest) largest = value;
  });
  const ceiling = CEILING_FACTOR * Math.max(largest, 1);
  let capped = 0;
  const cap = (value: number) => {
    if (!(value <= ceiling)) {
      capped += 1;
      return ceiling;
    }
    return value;
  };
  const mean = model.forecastMean.map((value, step) =>
    cap(backTransformMean(value, model.forecastVariance[step]!, model.transform)),
  );
  const intervals = run.levels.map((level) => {
    const z = centralIntervalMultiplier(level);
    const lower: number[] = [];
    const upper: number[] = [];
    model.forecastMean.forEach((value, step) => {
      const spread = z * Math.sqrt(model.forecastVariance[step]!);
      const point = mean[step]!;
      lower.push(Math.min(point, backTransformQuantile(value - spread, model.transform)));
      upper.push(
        Math.max(point, Math.min(ceiling, backTransformQuantile(value + spread, model.transform))),
      );
    });
    return { level, lower, upper };
  });
  const oneStepVariance = model.forecastVariance[0] ?? 0;
  const fitted = Array.from(model.fittedTransformed, (value) =>
    backTransformMean(value, oneStepVariance, model.transform),
  );
  return { model, mean, intervals, fitted, cappedDays: capped, ceiling };
}
