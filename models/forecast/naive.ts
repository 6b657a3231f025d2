// Benchmark forecasters: naive (random walk), seasonal naive, and Naive2 (naive on seasonally
// adjusted data, as defined for the M4 competition: Makridakis, Spiliotis & Assimakopoulos
// 2020). Intervals as R forecast's naive()/snaive(): sigma^2 = mean squared in-sample
// residual, standard error sigma * sqrt(floor((h - 1) / lag) + 1) (Hyndman & Athanasopoulos,
// FPP3 section 5.5).
import { centralIntervalMultiplier } from '../stats/normal';
import { type SeasonalityRule, seasonallyAdjust } from './decompose';
import type { ForecastInput, ForecastResult, Forecaster } from './forecaster';
import { type CoreForecast, normalIntervals, runMethod } from './prepare-input';

interface LagWalk {
  mean: number[];
  fitted: number[];
  standardErrors: number[] | undefined;
  residualCount: number;
}

/** Forecast y_{n+h} = y_{n+h-lag*k}, the last value at the same position in the cycle. */
function lagWalk(values: readonly number[], lag: number, steps: number): LagWalk {
  const count = values.length;
  const fitted = values.map((_, index) =>
    index >= lag ? (values[index - lag] as number) : Number.NaN,
  );
  let squares = 0;
  let residualCount = 0;
  for (let index = lag; index < count; index += 1) {
    squares += ((values[index] as number) - (fitted[index] as number)) ** 2;
    residualCount += 1;
  }
  const mean = Array.from(
    { length: steps },
    (_, step) => values[count - lag + (step % lag)] as number,
  );
  const standardErrors =
    residualCount > 0
      ? Array.from({ length: steps }, (_, step) =>
          Math.sqrt((squares / residualCount) * (Math.floor(step / lag) + 1)),
        )
      : undefined;
  return { mean, fitted, standardErrors, residualCount };
}

function lagWalkForecast(
  values: readonly number[],
  lag: number,
  steps: number,
  levels: readonly number[],
  method: string,
): CoreForecast {
  const walk = lagWalk(values, lag, steps);
  const notes: string[] = [];
  if (!walk.standardErrors && levels.length > 0) {
    notes.push(
      'No prediction intervals: there are no in-sample residuals to estimate their width.',
    );
  }
  const intervals = walk.standardErrors
    ? normalIntervals(walk.mean, walk.standardErrors, levels, centralIntervalMultiplier)
    : [];
  const sigma = walk.standardErrors ? (walk.standardErrors[0] as number) : Number.NaN;
  return {
    method,
    mean: walk.mean,
    intervals,
    fitted: walk.fitted,
    parameters: { lag, sigma },
    notes,
  };
}

/** The naive (random walk) forecast: every future value equals the last observation. */
export const naiveForecaster: Forecaster = {
  name: 'naive',
  minLength: () => 1,
  forecast(input: ForecastInput): ForecastResult {
    return runMethod(input, { name: 'naive', nonNegative: true, minLength: 1 }, (series) =>
      lagWalkForecast(series.values, 1, series.steps, series.levels, 'naive'),
    );
  },
};

/** Seasonal naive: each future value equals the last observation one season earlier. */
export const seasonalNaiveForecaster: Forecaster = {
  name: 'snaive',
  minLength: (period) => Math.max(1, period),
  forecast(input: ForecastInput): ForecastResult {
    const period = input.period;
    const minLength = Number.isInteger(period) && period >= 1 ? period : 1;
    return runMethod(
      input,
      { name: 'snaive', nonNegative: true, minLength, fallback: naiveForecaster },
      (series) =>
        lagWalkForecast(series.values, series.period, series.steps, series.levels, 'snaive'),
    );
  },
};

export interface Naive2Options {
  /** Seasonality test rule; 'm4' (default) as the M4 benchmark code. */
  seasonalityRule?: SeasonalityRule;
}

/**
 * Naive2: naive forecasts of the seasonally adjusted series (classical multiplicative
 * decomposition, applied only when the M4 90% autocorrelation test finds seasonality),
 * reseasonalised. Intervals are computed on the adjusted scale and multiplied by the indices.
 */
export function createNaive2Forecaster(options: Naive2Options = {}): Forecaster {
  const rule = options.seasonalityRule ?? 'm4';
  return {
    name: 'naive2',
    minLength: () => 1,
    forecast(input: ForecastInput): ForecastResult {
      return runMethod(input, { name: 'naive2', nonNegative: true, minLength: 1 }, (series) => {
        const adjustment = seasonallyAdjust(series.values, series.period, rule);
        const core = lagWalkForecast(adjustment.adjusted, 1, series.steps, series.levels, 'naive2');
        const future = adjustment.future(series.steps);
        const scale = (values: number[]) =>
          values.map((value, index) => value * (future[index] as number));
        return {
          ...core,
          mean: scale(core.mean),
          intervals: core.intervals.map((interval) => ({
            level: interval.level,
            lower: scale(interval.lower),
            upper: scale(interval.upper),
          })),
          fitted: (core.fitted ?? []).map(
            (value, index) => value * (adjustment.indices[index] as number),
          ),
          parameters: { ...core.parameters, seasonal: adjustment.seasonal },
          notes: [...adjustment.notes, ...core.notes],
        };
      });
    },
  };
}

export const naive2Forecaster: Forecaster = createNaive2Forecaster();
