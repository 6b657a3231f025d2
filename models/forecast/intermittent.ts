// Intermittent-demand forecasters: Croston (1972), SBA (Syntetos & Boylan 2005: Croston times
// 1 - alpha/2) and TSB (Teunter, Syntetos & Babai 2011: smooth the demand probability every
// period, so forecasts decay towards zero when demand stops). Point forecasts are per-period
// demand rates. These methods have no agreed stochastic model (Shenstone & Hyndman 2005), so
// they return no prediction intervals.
import { mean } from '../stats/descriptive';
import type { ForecastInput, ForecastResult, Forecaster } from './forecaster';
import { type CoreForecast, runMethod } from './prepare-input';
import { gridThenBrent } from './ses-fit';

export type SmoothingParameter = number | 'optimise';

export interface IntermittentOptions {
  /** Smoothing constant for demand sizes (and intervals in Croston/SBA); default 0.1 as R. */
  alpha?: SmoothingParameter;
  /** TSB only: smoothing constant for the demand probability; default 0.1. */
  beta?: SmoothingParameter;
  /** In-sample criterion when optimising: one-step 'mse' (default) or 'mae'. */
  criterion?: 'mse' | 'mae';
  /** Search range when optimising; default [0.01, 0.5]. */
  bounds?: readonly [number, number];
}

export const NO_INTERVALS_NOTE =
  'No prediction intervals: Croston-type methods have no consistent stochastic model (Shenstone & Hyndman 2005); size safety stock from the demand distribution instead.';

interface Path {
  /** One-step-ahead fitted demand per period (NaN where undefined). */
  fitted: number[];
  /** The forecast demand per period after the last observation. */
  forecast: number;
}

/**
 * Croston's decomposition as R forecast's croston(): SES (first value as the initial level) of
 * the non-zero demand sizes and of the intervals between them; forecast = factor * size / interval.
 * The fitted value at t is the forecast from the data before t (0 before the first demand).
 */
export function crostonPath(values: readonly number[], alpha: number, factor = 1): Path {
  const fitted = new Array<number>(values.length).fill(Number.NaN);
  let size = Number.NaN;
  let interval = Number.NaN;
  let sinceLast = 0;
  let current = 0;
  values.forEach((value, index) => {
    if (index > 0) fitted[index] = current;
    sinceLast += 1;
    if (value > 0) {
      if (Number.isNaN(size)) {
        size = value;
        interval = sinceLast;
      } else {
        size += alpha * (value - size);
        interval += alpha * (sinceLast - interval);
      }
      sinceLast = 0;
      current = (factor * size) / interval;
    }
  });
  return { fitted, forecast: current };
}

/** TSB: z_t, p_t updated each period; forecast p * z. Initial z = mean size, p = share of periods with demand. */
export function tsbPath(values: readonly number[], alpha: number, beta: number): Path {
  const demands = values.filter((value) => value > 0);
  const fitted = new Array<number>(values.length);
  if (demands.length === 0) return { fitted: fitted.fill(0), forecast: 0 };
  let size = mean(demands);
  let probability = demands.length / values.length;
  values.forEach((value, index) => {
    fitted[index] = probability * size;
    if (value > 0) {
      probability += beta * (1 - probability);
      size += alpha * (value - size);
    } else {
      probability -= beta * probability;
    }
  });
  return { fitted, forecast: probability * size };
}

function criterionOf(
  values: readonly number[],
  fitted: readonly number[],
  kind: 'mse' | 'mae',
): number {
  let total = 0;
  let count = 0;
  fitted.forEach((value, index) => {
    if (Number.isNaN(value)) return;
    const error = (values[index] as number) - value;
    total += kind === 'mse' ? error * error : Math.abs(error);
    count += 1;
  });
  return count > 0 ? total / count : 0;
}

function checkParameter(value: SmoothingParameter, name: string): void {
  if (value === 'optimise') return;
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    throw new RangeError(`${name}: ${String(value)} must be in (0, 1] or 'optimise'`);
  }
}

function resolveOptions(options: IntermittentOptions) {
  const alpha = options.alpha ?? 0.1;
  const beta = options.beta ?? 0.1;
  checkParameter(alpha, 'alpha');
  checkParameter(beta, 'beta');
  const bounds = options.bounds ?? [0.01, 0.5];
  if (!(bounds[0] > 0 && bounds[0] < bounds[1] && bounds[1] <= 1)) {
    throw new RangeError(`bounds: [${bounds.join(', ')}] must satisfy 0 < lower < upper <= 1`);
  }
  return { alpha, beta, bounds, criterion: options.criterion ?? 'mse' };
}

type Variant = 'croston' | 'sba';

function crostonCore(
  values: readonly number[],
  steps: number,
  variant: Variant,
  options: ReturnType<typeof resolveOptions>,
): CoreForecast {
  const factorOf = (alpha: number) => (variant === 'sba' ? 1 - alpha / 2 : 1);
  const alpha =
    options.alpha === 'optimise'
      ? gridThenBrent(
          (candidate) =>
            criterionOf(
              values,
              crostonPath(values, candidate, factorOf(candidate)).fitted,
              options.criterion,
            ),
          options.bounds[0],
          options.bounds[1],
          10,
        )
      : options.alpha;
  const path = crostonPath(values, alpha, factorOf(alpha));
  const demands = values.filter((value) => value > 0).length;
  const notes = [NO_INTERVALS_NOTE];
  if (demands === 0) notes.unshift('No demand in the history: the forecast is zero.');
  if (options.alpha === 'optimise') {
    notes.unshift(`alpha chosen by in-sample ${options.criterion.toUpperCase()}.`);
  }
  return {
    method: variant,
    mean: new Array<number>(steps).fill(path.forecast),
    intervals: [],
    fitted: path.fitted,
    parameters: { alpha, demands },
    notes,
  };
}

function tsbCore(
  values: readonly number[],
  steps: number,
  options: ReturnType<typeof resolveOptions>,
): CoreForecast {
  let alpha = options.alpha === 'optimise' ? 0.1 : options.alpha;
  let beta = options.beta === 'optimise' ? 0.1 : options.beta;
  const [low, high] = options.bounds;
  const loss = (a: number, b: number) =>
    criterionOf(values, tsbPath(values, a, b).fitted, options.criterion);
  // Coordinate descent: two rounds of one-dimensional searches over the free parameters.
  for (let round = 0; round < 2; round += 1) {
    if (options.alpha === 'optimise') alpha = gridThenBrent((a) => loss(a, beta), low, high, 10);
    if (options.beta === 'optimise') beta = gridThenBrent((b) => loss(alpha, b), low, high, 10);
    if (options.alpha !== 'optimise' || options.beta !== 'optimise') break;
  }
  const path = tsbPath(values, alpha, beta);
  return {
    method: 'tsb',
    mean: new Array<number>(steps).fill(path.forecast),
    intervals: [],
    fitted: path.fitted,
    parameters: { alpha, beta, demands: values.filter((value) => value > 0).length },
    notes: [NO_INTERVALS_NOTE],
  };
}

function makeForecaster(name: 'croston' | 'sba' | 'tsb', options: IntermittentOptions): Forecaster {
  const resolved = resolveOptions(options);
  return {
    name,
    minLength: () => 1,
    forecast(input: ForecastInput): ForecastResult {
      return runMethod(input, { name, nonNegative: true, minLength: 1 }, (series) =>
        name === 'tsb'
          ? tsbCore(series.values, series.steps, resolved)
          : crostonCore(series.values, series.steps, name, resolved),
      );
    },
  };
}

/** Croston's method (Croston 1972), alpha 0.1 by default as R's croston(). */
export function createCrostonForecaster(options: IntermittentOptions = {}): Forecaster {
  return makeForecaster('croston', options);
}

/** Syntetos-Boylan approximation: Croston times (1 - alpha/2), removing Croston's bias. */
export function createSbaForecaster(options: IntermittentOptions = {}): Forecaster {
  return makeForecaster('sba', options);
}

/** Teunter-Syntetos-Babai: demand probability updated every period (handles obsolescence). */
export function createTsbForecaster(options: IntermittentOptions = {}): Forecaster {
  return makeForecaster('tsb', options);
}

export const crostonForecaster: Forecaster = createCrostonForecaster();
export const sbaForecaster: Forecaster = createSbaForecaster();
export const tsbForecaster: Forecaster = createTsbForecaster();
