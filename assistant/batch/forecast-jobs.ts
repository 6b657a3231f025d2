// The job module the batch workers run (see worker-protocol.ts): forecast one series, score one
// series in a holdout run over several methods, or generate and forecast one synthetic series.
import { performance } from 'node:perf_hooks';
import type { PredictionInterval } from '../../models/forecast/forecaster';
import {
  holdoutSkipReason,
  scoreHoldout,
  splitHoldout,
  type MethodOutcome,
  type SeriesHoldout,
} from '../../models/forecast/holdout';
import { getForecaster } from '../../models/forecast/registry';
import { syntheticDailySeries } from './synthetic-daily';
import type { JobHandler } from './worker-protocol';

export type JobOptions =
  | { task: 'forecast'; method: string; horizon: number; levels: number[] }
  | {
      task: 'holdout';
      methods: string[];
      horizon: number;
      /** Methods whose point forecasts come back with the scores (to combine them later). */
      keepForecasts?: string[];
    }
  | { task: 'synthetic'; method: string; horizon: number; days: number; seed: number };

/** A series to forecast or score; `period` is its seasonal period. */
export interface SeriesJob {
  values: readonly number[];
  period: number;
  /** Nothing to do for this series (its forecast comes from elsewhere): the result is null. */
  skip?: boolean;
}

/** A holdout job's result: the scores, and the point forecasts of `keepForecasts`'s methods. */
export type SeriesHoldoutResult = SeriesHoldout & { forecasts?: Record<string, number[]> };

export interface SeriesForecast {
  /** The method that produced it (differs from the one asked for after a fallback). */
  method: string;
  mean: number[];
  intervals: PredictionInterval[];
}

export interface SyntheticOutcome {
  method: string;
  /** Seconds in forecast() for this series. */
  seconds: number;
}

function forecastOne(
  method: string,
  job: SeriesJob,
  horizon: number,
  levels: number[],
): SeriesForecast {
  const result = getForecaster(method).forecast({
    values: job.values,
    period: job.period,
    horizon,
    levels,
  });
  return { method: result.method, mean: result.mean, intervals: result.intervals };
}

function holdoutOne(
  methods: string[],
  job: SeriesJob,
  horizon: number,
  keepForecasts: readonly string[],
): SeriesHoldoutResult {
  const split = splitHoldout(job.values, horizon);
  const skipped = holdoutSkipReason(split, job.period, horizon);
  if (skipped) return { skipped };
  const outcomes: Record<string, MethodOutcome> = {};
  const forecasts: Record<string, number[]> = {};
  for (const method of methods.includes('naive2') ? methods : [...methods, 'naive2']) {
    const started = performance.now();
    try {
      const result = getForecaster(method).forecast({
        values: split.train,
        period: job.period,
        horizon,
      });
      const seconds = (performance.now() - started) / 1000;
      outcomes[method] = { score: scoreHoldout(split, result.mean, job.period), seconds };
      if (keepForecasts.includes(method)) forecasts[method] = result.mean;
    } catch (error) {
      const seconds = (performance.now() - started) / 1000;
      outcomes[method] = { error: error instanceof Error ? error.message : String(error), seconds };
    }
  }
  return keepForecasts.length > 0 ? { outcomes, forecasts } : { outcomes };
}

export function createJobHandler(options: unknown): JobHandler {
  const settings = options as JobOptions;
  if (settings.task === 'forecast') {
    getForecaster(settings.method);
    return (job) =>
      (job as SeriesJob).skip
        ? null
        : forecastOne(settings.method, job as SeriesJob, settings.horizon, settings.levels);
  }
  if (settings.task === 'holdout') {
    settings.methods.forEach((method) => getForecaster(method));
    const keepForecasts = settings.keepForecasts ?? [];
    return (job) => holdoutOne(settings.methods, job as SeriesJob, settings.horizon, keepForecasts);
  }
  getForecaster(settings.method);
  return (job): SyntheticOutcome => {
    const values = syntheticDailySeries(settings.seed, job as number, settings.days);
    const started = performance.now();
    const result = getForecaster(settings.method).forecast({
      values,
      period: 7,
      horizon: settings.horizon,
    });
    return { method: result.method, seconds: (performance.now() - started) / 1000 };
  };
}
