// Point forecasts and prediction intervals of a fitted ETS model. Analytic variances where the
// model class has them (Hyndman, Koehler, Ord & Snyder 2005, J. Forecasting 24:17-37; Hyndman
// et al. 2008, ch. 6): class 1 (linear: A error, N/A/Ad trend, N/A season), class 2 (M error,
// same components), class 3 (M error, N/A/Ad trend, M season); otherwise quantiles of simulated
// future paths (R forecast's pegelsfcast.C: 5000 paths, Hyndman & Fan 1996 type-8 quantiles).
import { centralIntervalMultiplier } from '../../stats/normal';
import type { PredictionInterval } from '../forecaster';
import { class3Moments } from './class3';
import type { EtsModel } from './fit';
import { Random } from '../../stats/random';
import { componentCode } from './model-spec';
import { pointForecasts, simulatePath } from './state-space';

export interface ForecastOptions {
  /** Seeded generator for simulated intervals; default one with a fixed seed. */
  random?: Random;
  /** Simulated paths when no analytic variance exists; default 5000 (as R). */
  paths?: number;
}

export interface EtsForecast {
  mean: number[];
  intervals: PredictionInterval[];
  /** How the intervals were computed. */
  intervalMethod: 'analytic' | 'simulated' | 'none';
  /** Forecast variance per step (analytic classes only). */
  variance?: number[];
}

/** Default seed of the simulation generator, so forecasts are reproducible without one. */
export const DEFAULT_SIMULATION_SEED = 20_080_101;

/** c_j = alpha + beta (phi + ... + phi^j) + gamma [j mod m = 0], j = 1..count (class 1 and 2 weights). */
export function innovationWeights(model: EtsModel, count: number): number[] {
  const weights: number[] = [];
  let dampedSum = 0;
  let power = 1;
  for (let j = 1; j <= count; j += 1) {
    power *= model.phi;
    dampedSum += power;
    let weight = model.alpha + (model.spec.trend === 'N' ? 0 : model.beta * dampedSum);
    if (model.spec.season !== 'N' && j % model.period === 0) weight += model.gamma;
    weights.push(weight);
  }
  return weights;
}

/** Class 1: var_h = sigma^2 (1 + sum_{j<h} c_j^2). */
function class1Variance(model: EtsModel, horizon: number): number[] {
  const weights = innovationWeights(model, horizon - 1);
  const variance: number[] = [model.sigma2];
  let total = 0;
  for (let j = 0; j < horizon - 1; j += 1) {
    total += (weights[j] as number) ** 2;
    variance.push(model.sigma2 * (1 + total));
  }
  return variance;
}

/** Class 2: theta_h = mu_h^2 + sigma^2 sum_{j<h} c_j^2 theta_{h-j}; var_h = (1 + sigma^2) theta_h - mu_h^2. */
function class2Variance(model: EtsModel, mean: readonly number[]): number[] {
  const horizon = mean.length;
  const weights = innovationWeights(model, horizon - 1);
  const theta: number[] = [];
  for (let h = 0; h < horizon; h += 1) {
    let value = (mean[h] as number) ** 2;
    for (let j = 1; j <= h; j += 1)
      value += model.sigma2 * (weights[j - 1] as number) ** 2 * (theta[h - j] as number);
    theta.push(value);
  }
  return theta.map((value, h) => (1 + model.sigma2) * value - (mean[h] as number) ** 2);
}

/** Type-8 sample quantile (median-unbiased) of sorted values. */
export function quantileType8(sorted: Float64Array, probability: number): number {
  const count = sorted.length;
  const position = count * probability + (probability + 1) / 3;
  const lowerIndex = Math.floor(position);
  const fraction = position - lowerIndex;
  const at = (index: number): number => sorted[Math.min(Math.max(index, 1), count) - 1] as number;
  return (1 - fraction) * at(lowerIndex) + fraction * at(lowerIndex + 1);
}

function simulatedIntervals(
  model: EtsModel,
  horizon: number,
  levels: readonly number[],
  options: ForecastOptions,
): PredictionInterval[] {
  const paths = options.paths ?? 5000;
  if (!Number.isInteger(paths) || paths < 2)
    throw new RangeError(`paths: ${String(paths)} must be a whole number >= 2`);
  const random = options.random ?? new Random(DEFAULT_SIMULATION_SEED);
  const normal = () => random.normal();
  const sigma = Math.sqrt(model.sigma2);
  const multiplicativeError = model.spec.error === 'M';
  const simulation = {
    error: componentCode(model.spec.error),
    trend: componentCode(model.spec.trend),
    season: componentCode(model.spec.season),
    m: model.period,
    alpha: model.alpha,
    beta: model.beta,
    gamma: model.gamma,
    phi: model.phi,
    state: model.finalState,
  };
  const innovations = new Float64Array(horizon);
  const path = new Float64Array(horizon);
  const ring = new Float64Array(Math.max(model.period, 1));
  const byStep = Array.from({ length: horizon }, () => new Float64Array(paths));
  let kept = 0;
  for (let index = 0; index < paths; index += 1) {
    for (let step = 0; step < horizon; step += 1) {
      const shock = sigma * normal();
      innovations[step] = multiplicativeError ? Math.max(-1, shock) : shock;
    }
    if (!simulatePath(simulation, innovations, path, ring)) continue;
    for (let step = 0; step < horizon; step += 1)
      (byStep[step] as Float64Array)[kept] = path[step] as number;
    kept += 1;
  }
  const sorted = byStep.map((values) => values.subarray(0, kept).sort());
  return levels.map((level) => ({
    level,
    lower: sorted.map((values) => quantileType8(values, 0.5 - level / 200)),
    upper: sorted.map((values) => quantileType8(values, 0.5 + level / 200)),
  }));
}

/**
 * Forecasts `horizon` steps after the model's last observation with central intervals at
 * `levels` (percent). Class 3 means include the sigma^2 term of the product of states, as R's.
 */
export function forecastModel(
  model: EtsModel,
  horizon: number,
  levels: readonly number[] = [],
  options: ForecastOptions = {},
): EtsForecast {
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new RangeError(`horizon: ${String(horizon)} must be a whole number >= 1`);
  }
  levels.forEach((level, index) => {
    if (!(level > 0 && level < 100)) {
      throw new RangeError(
        `levels[${index}]: ${String(level)} must be a percentage strictly between 0 and 100`,
      );
    }
  });
  const { spec } = model;
  const layout = {
    trend: componentCode(spec.trend),
    season: componentCode(spec.season),
    m: model.period,
  };
  let mean = pointForecasts(model.finalState, layout, model.phi, horizon);
  let variance: number[] | undefined;
  if (!(model.sigma2 >= 0)) return { mean, intervals: [], intervalMethod: 'none' };
  if (spec.trend !== 'M' && spec.season !== 'M') {
    variance = spec.error === 'A' ? class1Variance(model, horizon) : class2Variance(model, mean);
  } else if (spec.error === 'M' && spec.trend !== 'M' && spec.season === 'M') {
    const moments = class3Moments(
      {
        hasTrend: spec.trend !== 'N',
        alpha: model.alpha,
        beta: model.beta,
        gamma: model.gamma,
        phi: model.phi,
        period: model.period,
        sigma2: model.sigma2,
        state: model.finalState,
      },
      horizon,
    );
    mean = moments.mean;
    variance = moments.variance;
  }
  if (variance === undefined) {
    return {
      mean,
      intervals: simulatedIntervals(model, horizon, levels, options),
      intervalMethod: 'simulated',
    };
  }
  const spread = variance.map((value) => Math.sqrt(Math.max(value, 0)));
  const intervals = levels.map((level) => {
    const z = centralIntervalMultiplier(level);
    return {
      level,
      lower: mean.map((value, step) => value - z * (spread[step] as number)),
      upper: mean.map((value, step) => value + z * (spread[step] as number)),
    };
  });
  return { mean, intervals, intervalMethod: 'analytic', variance };
}
