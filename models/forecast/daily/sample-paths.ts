// Joint future paths of daily models, summed into periods (weeks, months) and across series:
// the distribution of a period total needs the day-to-day correlation of the AR errors, which
// per-day intervals do not carry. Paths follow the fitted model (Hyndman & Athanasopoulos,
// FPP3 5.5 "prediction intervals from bootstrapped/simulated paths"), Gaussian innovations.
import { quantiles } from '../../stats/descriptive';
import type { Random } from '../../stats/random';
import type { PredictionInterval } from '../forecaster';
import { backTransformQuantile, type Transform } from './model-steps';

/** What a path needs of a fitted daily model (forecastDaily returns it as `pathModel`). */
export interface DailyPathModel {
  transform: Transform;
  /** Conditional mean on the transformed scale, per future day. */
  forecastMean: readonly number[];
  /** AR coefficients phi_1..phi_p of the regression errors. */
  arCoefficients: readonly number[];
  /** Standard deviation of the AR innovations (transformed scale). */
  innovationSd: number;
  /** Largest value a day may take (the model's guard against explosive extrapolation). */
  ceiling?: number;
}

export interface PeriodTotals {
  /** Mean of the simulated period totals (equals the sum of the daily means up to noise). */
  mean: number[];
  intervals: PredictionInterval[];
  draws: number;
}

/**
 * Simulates `draws` joint paths of every model (independent innovations across models), maps
 * future day `step` to period `periodOf[step]` (-1: not counted), and returns per period the mean
 * and the central intervals of the summed totals.
 */
export function samplePeriodTotals(
  models: readonly DailyPathModel[],
  periodOf: readonly number[],
  periods: number,
  levels: readonly number[],
  random: Random,
  draws = 1000,
): PeriodTotals {
  if (!Number.isInteger(draws) || draws < 10) {
    throw new RangeError(`draws: ${draws} must be a whole number >= 10`);
  }
  if (!Number.isInteger(periods) || periods < 1) {
    throw new RangeError(`periods: ${periods} must be a whole number >= 1`);
  }
  periodOf.forEach((period, step) => {
    if (!Number.isInteger(period) || period < -1 || period >= periods) {
      throw new RangeError(
        `periodOf[${step}] = ${period}: must be -1 or a period index below ${periods}`,
      );
    }
  });
  const totals = Array.from({ length: periods }, () => new Float64Array(draws));
  for (const model of models) {
    const steps = Math.min(model.forecastMean.length, periodOf.length);
    const order = model.arCoefficients.length;
    const errors = new Float64Array(steps);
    for (let draw = 0; draw < draws; draw += 1) {
      for (let step = 0; step < steps; step += 1) {
        let error = model.innovationSd * random.normal();
        for (let lag = 1; lag <= order && lag <= step; lag += 1) {
          error += (model.arCoefficients[lag - 1] as number) * (errors[step - lag] as number);
        }
        errors[step] = error;
        const period = periodOf[step] as number;
        if (period < 0) continue;
        const value = Math.min(
          model.ceiling ?? Number.POSITIVE_INFINITY,
          backTransformQuantile((model.forecastMean[step] as number) + error, model.transform),
        );
        const sums = totals[period] as Float64Array;
        sums[draw] = (sums[draw] as number) + value;
      }
    }
  }
  const probabilities = levels.flatMap((level) => [(1 - level / 100) / 2, (1 + level / 100) / 2]);
  const bounds = totals.map((values) => quantiles(Array.from(values), probabilities));
  return {
    mean: totals.map((values) => values.reduce((sum, value) => sum + value, 0) / draws),
    intervals: levels.map((level, index) => ({
      level,
      lower: bounds.map((values) => values[2 * index] as number),
      upper: bounds.map((values) => values[2 * index + 1] as number),
    })),
    draws,
  };
}
