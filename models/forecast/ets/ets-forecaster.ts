// ETS behind the Forecaster interface: 'ets' (automatic choice by AICc among the admissible
// forms, as R forecast's ets()), and the fixed forms 'ses' ETS(A,N,N), 'holt' ETS(A,A,N) and
// 'damped' ETS(A,Ad,N). Missing values: the longest stretch without gaps is used (R's
// na.contiguous); series shorter than a form needs fall back to smoothing with simple initial
// values, or below 3 observations to the naive forecast, and say so in `notes`.
import { centralIntervalMultiplier } from '../../stats/normal';
import type { ForecastInput, ForecastResult, Forecaster, PredictionInterval } from '../forecaster';
import { checkForecastInput } from '../prepare-input';
import { type EtsFit, type EtsOptions, fitEts, forecastEts, longestStretch } from './ets';
import type { ForecastOptions } from './intervals';
import { fitSimpleSmoothing } from './short-series';

export interface EtsForecasterOptions extends EtsOptions, ForecastOptions {}

/** Display parameters of a fit: the form, smoothing parameters present in it, fit statistics. */
function describe(fit: EtsFit): Record<string, number | string | boolean> {
  const { model } = fit;
  const parameters: Record<string, number | string | boolean> = {
    model: model.method,
    estimation: fit.estimation,
    alpha: model.alpha,
  };
  if (model.spec.trend !== 'N') parameters.beta = model.beta;
  if (model.spec.season !== 'N') parameters.gamma = model.gamma;
  if (model.spec.damped) parameters.phi = model.phi;
  parameters.sigma2 = model.sigma2;
  if (Number.isFinite(model.aicc)) {
    parameters.aicc = model.aicc;
    parameters.logLikelihood = model.logLikelihood;
  }
  parameters.initialLevel = model.initialState[0] as number;
  if (model.spec.trend !== 'N') parameters.initialSlope = model.initialState[1] as number;
  return parameters;
}

/** The naive forecast for 1-2 observations (intervals from the one difference when there are two). */
function naiveFallback(
  y: readonly number[],
  steps: number,
  levels: readonly number[],
): {
  mean: number[];
  intervals: PredictionInterval[];
  note: string | undefined;
} {
  const last = y[y.length - 1] as number;
  const mean = new Array<number>(steps).fill(last);
  if (y.length < 2) {
    return {
      mean,
      intervals: [],
      note:
        levels.length > 0
          ? 'No prediction intervals: one observation gives no estimate of the variability.'
          : undefined,
    };
  }
  const sigma = Math.abs(last - (y[y.length - 2] as number));
  const intervals = levels.map((level) => {
    const z = centralIntervalMultiplier(level);
    return {
      level,
      lower: mean.map((value, step) => value - z * sigma * Math.sqrt(step + 1)),
      upper: mean.map((value, step) => value + z * sigma * Math.sqrt(step + 1)),
    };
  });
  return { mean, intervals, note: undefined };
}

/** A Forecaster running ETS with the given model code; `minimum` observations below which it falls back. */
export function createEtsForecaster(
  name: string,
  minimum: number,
  options: EtsForecasterOptions = {},
): Forecaster {
  return {
    name,
    minLength: () => minimum,
    forecast(input: ForecastInput): ForecastResult {
      const checked = checkForecastInput(input, name, { nonNegative: false });
      const values = checked.values;
      const { start, end } = longestStretch(values);
      if (end <= start)
        throw new RangeError(`${name}: values has no observations (empty or all missing)`);
      const trailing = values.length - end;
      const steps = checked.horizon + trailing;
      const stretch = values.slice(start, end);
      const align = (fitted: readonly number[]): number[] => [
        ...new Array<number>(start).fill(Number.NaN),
        ...fitted,
        ...new Array<number>(trailing).fill(Number.NaN),
      ];
      const finish = (result: ForecastResult): ForecastResult => ({
        ...result,
        mean: result.mean.slice(trailing),
        intervals: result.intervals.map((interval) => ({
          level: interval.level,
          lower: interval.lower.slice(trailing),
          upper: interval.upper.slice(trailing),
        })),
      });
      const gapNote =
        end - start < values.length
          ? [
              `Used the longest stretch without missing values: positions ${start + 1} to ${end} of ${values.length}.`,
            ]
          : [];
      const constant = stretch.length >= 2 && stretch.every((value) => value === stretch[0]);
      if (stretch.length < minimum && !constant) {
        const shortNote = `${name} needs at least ${minimum} observations in a row for period ${checked.period}, got ${stretch.length}:`;
        if (stretch.length < 3) {
          const naive = naiveFallback(stretch, steps, checked.levels);
          return finish({
            method: 'naive',
            mean: naive.mean,
            intervals: naive.intervals,
            parameters: { lastValue: stretch[stretch.length - 1] as number },
            notes: [
              ...gapNote,
              `${shortNote} used the naive forecast (the last value).`,
              ...(naive.note ? [naive.note] : []),
            ],
          });
        }
        const y = Float64Array.from(stretch);
        const ses = fitSimpleSmoothing(y, false);
        const trendWanted = name !== 'ses' && y.length >= 3;
        const holt = trendWanted ? fitSimpleSmoothing(y, true) : undefined;
        const model =
          holt !== undefined && (name !== 'ets' || holt.sigma2 < ses.sigma2) ? holt : ses;
        const fit: EtsFit = { model, estimation: 'simple', candidates: [], notes: [], start, end };
        const forecast = forecastEts(fit, steps, checked.levels, options);
        const method = model.spec.trend === 'N' ? 'ses-simple' : 'holt-simple';
        return finish({
          method,
          mean: forecast.mean,
          intervals: forecast.intervals,
          fitted: align(model.fitted),
          parameters: describe(fit),
          notes: [
            ...gapNote,
            `${shortNote} used ${method === 'ses-simple' ? 'simple exponential smoothing' : "Holt's linear method"} with simple initial values and least-squares smoothing parameters instead.`,
          ],
        });
      }
      const fit = fitEts(values, checked.period, options);
      const forecast = forecastEts(fit, steps, checked.levels, options);
      const notes = [...fit.notes];
      if (fit.estimation === 'likelihood' && fit.candidates.length > 1) {
        const fitted = fit.candidates.filter((candidate) => candidate.score !== undefined).length;
        const criterion = { aicc: 'AICc', aic: 'AIC', bic: 'BIC' }[options.ic ?? 'aicc'];
        notes.push(`Chose ${fit.model.method} by ${criterion} among ${fitted} forms estimated.`);
      }
      if (forecast.intervalMethod === 'simulated' && checked.levels.length > 0) {
        notes.push(
          'Prediction intervals from simulated future paths (no analytic variance for this form).',
        );
      }
      return finish({
        method: name,
        mean: forecast.mean,
        intervals: forecast.intervals,
        fitted: align(fit.model.fitted),
        parameters: describe(fit),
        notes,
      });
    },
  };
}

/** Automatic ETS: the admissible form with the smallest AICc (R forecast's ets() defaults). */
export const etsForecaster = createEtsForecaster('ets', 7);
/** Simple exponential smoothing, ETS(A,N,N) by maximum likelihood. */
export const sesForecaster = createEtsForecaster('ses', 7, { model: 'ANN' });
/** Holt's linear trend, ETS(A,A,N). */
export const holtForecaster = createEtsForecaster('holt', 9, { model: 'AAN', damped: false });
/** Additive damped trend, ETS(A,Ad,N). */
export const dampedForecaster = createEtsForecaster('damped', 10, { model: 'AAN', damped: true });
