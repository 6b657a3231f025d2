// The global MLP (models/forecast/global) as a batch method of `ayni forecast` and
// `ayni bench forecast`: trained once, in the main thread, on the given parts of all series of a
// file (in a holdout run: the training parts only), then used for every series long enough for
// its input window. `auto+global` averages auto's and the MLP's point forecasts per series.
import type { PredictionInterval } from '../../models/forecast/forecaster';
import {
  disposeGlobalModel,
  forecastGlobalBatch,
  trainGlobalModel,
} from '../../models/forecast/global';
import { windowScale } from '../../models/forecast/global/windows';

/** The batch methods built on the global MLP (not in the per-series registry). */
export const GLOBAL_METHODS = ['global', 'auto+global'] as const;
export type GlobalMethod = (typeof GLOBAL_METHODS)[number];

export function isGlobalMethod(name: string): name is GlobalMethod {
  return (GLOBAL_METHODS as readonly string[]).includes(name);
}

export interface GlobalBatchOptions {
  horizon: number;
  /** Seed of the first network; default 1. */
  seed?: number;
  /**
   * Networks trained with seeds seed, seed+1, ...; their forecasts are averaged. Default 3: on a
   * validation split of M4 weekly (last 13 values dropped, the 13 before held out) one network
   * scored OWA 1.01 and 1.05 (seeds 1, 2), three averaged 0.892 and 0.898 (seeds 1-3, 4-6).
   */
  seeds?: number;
  /** Input window in horizons; default: the largest of 3, 2, 1 that most series can fill. */
  inputHorizons?: number;
  /** Most epochs per network (early stopping may end sooner); default 30 (train.ts). */
  epochs?: number;
}

export interface GlobalBatchSummary {
  inputLength: number;
  seeds: number[];
  /** Wall seconds to train every network (in the main thread). */
  trainingSeconds: number;
  /** Wall seconds for the forecasts of all series (all networks). */
  predictSeconds: number;
  /** Training windows of the first network. */
  windows: number;
  /** Epochs run by each network (early stopping). */
  epochsRun: number[];
  /** Series whose last inputLength values are shorter or have a gap: they fall back to auto. */
  fallbackSeries: number;
}

export interface GlobalBatchResult {
  /** One entry per input series, in order: the MLP's point forecasts, or undefined (fallback). */
  forecasts: (number[] | undefined)[];
  summary: GlobalBatchSummary;
}

/** Networks averaged by default (see GlobalBatchOptions.seeds). */
export const DEFAULT_SEEDS = 3;

/** Share of the series that must be able to fill the input window plus one horizon. */
const COVERAGE_WANTED = 0.9;

/**
 * The input window in horizons: 3 (N-BEATS uses 2H to 7H) unless fewer than 90% of the series
 * hold at least one training window (input + horizon values), then 2, then 1. Decided on the
 * lengths of the parts the model is trained on, never on held-out values.
 */
export function chooseInputHorizons(lengths: readonly number[], horizon: number): number {
  for (const horizons of [3, 2]) {
    const fitting = lengths.filter((length) => length >= (horizons + 1) * horizon).length;
    if (fitting >= COVERAGE_WANTED * lengths.length) return horizons;
  }
  return 1;
}

/** True when the last `inputLength` values exist and are finite (forecastGlobalBatch needs it). */
function canForecast(values: readonly number[], inputLength: number): boolean {
  return (
    values.length >= inputLength &&
    !Number.isNaN(windowScale(values, values.length - inputLength, inputLength))
  );
}

const secondsSince = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/**
 * Trains the MLP on `series` (each in time order, NaN for missing values) and forecasts each of
 * them `horizon` steps after its last value. With several seeds the forecasts are averaged.
 */
export async function forecastWithGlobalModel(
  series: readonly (readonly number[])[],
  options: GlobalBatchOptions,
): Promise<GlobalBatchResult> {
  const { horizon } = options;
  const seed = options.seed ?? 1;
  const seedCount = options.seeds ?? DEFAULT_SEEDS;
  if (!Number.isInteger(seedCount) || seedCount < 1)
    throw new RangeError(`seeds: ${seedCount} must be a whole number >= 1`);
  const inputHorizons =
    options.inputHorizons ??
    chooseInputHorizons(
      series.map((values) => values.length),
      horizon,
    );
  const inputLength = inputHorizons * horizon;
  const usable = series.map((values) => canForecast(values, inputLength));
  const forecastable = series.filter((_, index) => usable[index]);
  const seeds = Array.from({ length: seedCount }, (_, offset) => seed + offset);
  const sums: number[][] = forecastable.map(() => new Array<number>(horizon).fill(0));
  const summary: GlobalBatchSummary = {
    inputLength,
    seeds,
    trainingSeconds: 0,
    predictSeconds: 0,
    windows: 0,
    epochsRun: [],
    fallbackSeries: series.length - forecastable.length,
  };
  // loaded here, not at import: the CLI imports this file for the names, and tfjs is slow to load
  const { loadTensorflow } = await import('./tensorflow-backend');
  const tf = await loadTensorflow();
  for (const networkSeed of seeds) {
    let started = process.hrtime.bigint();
    const model = await trainGlobalModel(tf, series, {
      horizon,
      inputLength,
      seed: networkSeed,
      ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
    });
    summary.trainingSeconds += secondsSince(started);
    if (summary.epochsRun.length === 0) summary.windows = model.training.windows;
    summary.epochsRun.push(model.training.epochsRun);
    started = process.hrtime.bigint();
    try {
      forecastGlobalBatch(model, forecastable).forEach((forecast, row) => {
        const sum = sums[row] as number[];
        forecast.forEach((value, step) => {
          sum[step] = (sum[step] as number) + value / seedCount;
        });
      });
    } finally {
      disposeGlobalModel(model);
    }
    summary.predictSeconds += secondsSince(started);
  }
  let row = 0;
  const forecasts = usable.map((isUsable) => {
    if (!isUsable) return undefined;
    row += 1;
    return sums[row - 1];
  });
  return { forecasts, summary };
}

export interface PointAndIntervals {
  mean: number[];
  intervals: PredictionInterval[];
}

/**
 * `auto+global` for one series: the mean of auto's and the MLP's point forecasts. An equal-weight
 * mean, because the simple average of forecasts is hard to beat with estimated weights (the
 * "forecast combination puzzle", Smith & Wallis 2009, Oxford Bull. Econ. Stat. 71(3)) and the
 * MLP's benchmark figures showed its errors differ from the statistical methods' (mean with Theta
 * better than either on M3 monthly). Intervals: auto's, shifted by the change of the point
 * forecast at each step (the MLP gives no distribution of its own).
 */
export function combineAutoAndGlobal(
  auto: PointAndIntervals,
  global: readonly number[],
): PointAndIntervals {
  if (global.length !== auto.mean.length)
    throw new RangeError(
      `global: has ${global.length} values, auto's forecast has ${auto.mean.length}`,
    );
  const mean = auto.mean.map((value, step) => (value + (global[step] as number)) / 2);
  const shift = mean.map((value, step) => value - (auto.mean[step] as number));
  return {
    mean,
    intervals: auto.intervals.map((interval) => ({
      level: interval.level,
      lower: interval.lower.map((value, step) => value + (shift[step] as number)),
      upper: interval.upper.map((value, step) => value + (shift[step] as number)),
    })),
  };
}
