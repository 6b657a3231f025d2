// `ayni forecast` without the command line: stream a tidy file through the worker pool and write
// each series' forecast as it comes back, in input order. One series in error is reported and
// left out of the output; the rest go on. A global method (assistant/ml/global-batch.ts) reads the
// file whole first: the MLP trains in this thread on all series, the pool runs auto where needed.
import {
  combineAutoAndGlobal,
  forecastWithGlobalModel,
  isGlobalMethod,
  type GlobalBatchSummary,
} from '../ml/global-batch';
import { forecastColumns, forecastRows, writeText } from './forecast-writer';
import type { JobOptions, SeriesForecast, SeriesJob } from './forecast-jobs';
import { csvLine } from '../store/import/report';
import { readTidySeries, type TidyReadOptions } from './tidy-reader';
import { seasonalPeriodOf, type SeriesTime } from './tidy-time';
import { runPool } from './worker-pool';

export const FORECAST_JOB_MODULE = new URL('./forecast-jobs.ts', import.meta.url);

export interface ForecastFileOptions {
  input: string;
  output: NodeJS.WritableStream;
  method: string;
  horizon: number;
  /** Seasonal period for every series; default from each series' frequency (daily 7, ...). */
  season?: number;
  levels: number[];
  /** Global methods: seed of the MLP (default 1) and how many seeds' networks to average. */
  globalSeed?: number;
  globalSeeds?: number;
  threads?: number;
  read?: Omit<TidyReadOptions, 'signal'>;
  signal?: AbortSignal;
  /** Called after each series with the count so far. */
  onSeries?: (done: number) => void;
}

export interface SeriesFailure {
  seriesId: string;
  error: string;
}

export interface ForecastFileSummary {
  series: number;
  written: number;
  failed: number;
  /** The first 20 failures. */
  failures: SeriesFailure[];
  /** How many series each method produced (fallbacks show under their own name). */
  methodsUsed: Record<string, number>;
  /** Present for a global method: the MLP's training and how many series fell back to auto. */
  global?: GlobalBatchSummary;
}

interface ForecastSeriesJob extends SeriesJob {
  id: string;
  time: SeriesTime;
}

const FAILURES_KEPT = 20;

export async function forecastFile(options: ForecastFileOptions): Promise<ForecastFileSummary> {
  const { signal } = options;
  async function* jobs(): AsyncGenerator<ForecastSeriesJob> {
    for await (const series of readTidySeries(options.input, { ...options.read, signal })) {
      yield {
        id: series.id,
        time: series.time,
        values: series.values,
        period: options.season ?? seasonalPeriodOf(series.time),
      };
    }
  }
  const wantsGlobal = isGlobalMethod(options.method);
  const jobOptions: JobOptions = {
    task: 'forecast',
    method: wantsGlobal ? 'auto' : options.method,
    horizon: options.horizon,
    levels: options.levels,
  };
  let source: AsyncIterable<ForecastSeriesJob> | ForecastSeriesJob[] = jobs();
  let global: Awaited<ReturnType<typeof forecastWithGlobalModel>> | undefined;
  if (wantsGlobal) {
    const all: ForecastSeriesJob[] = [];
    for await (const job of jobs()) all.push(job);
    global = await forecastWithGlobalModel(
      all.map((job) => job.values),
      { horizon: options.horizon, seed: options.globalSeed, seeds: options.globalSeeds },
    );
    signal?.throwIfAborted();
    const forecasts = global.forecasts;
    // `global` alone needs auto only for the series the MLP cannot read (too short)
    source =
      options.method === 'global'
        ? all.map((job, index) => ({ ...job, skip: forecasts[index] !== undefined }))
        : all;
  }
  const summary: ForecastFileSummary = {
    series: 0,
    written: 0,
    failed: 0,
    failures: [],
    methodsUsed: {},
    ...(global ? { global: global.summary } : {}),
  };
  await writeText(options.output, csvLine(forecastColumns(options.levels), ','));
  for await (const outcome of runPool<ForecastSeriesJob, SeriesForecast | null>(source, {
    jobModule: FORECAST_JOB_MODULE,
    jobOptions,
    threads: options.threads,
    signal,
  })) {
    summary.series += 1;
    const { job } = outcome;
    const globalForecast = global?.forecasts[outcome.index];
    if (outcome.ok || (options.method === 'global' && globalForecast !== undefined)) {
      let forecast = outcome.ok ? outcome.value : null;
      if (globalForecast !== undefined)
        forecast =
          options.method === 'global' || forecast === null
            ? { method: 'global', mean: globalForecast, intervals: [] }
            : {
                method: 'auto+global',
                ...combineAutoAndGlobal(forecast, globalForecast),
              };
      if (forecast === null) throw new Error(`series ${job.id}: no forecast came back`);
      summary.methodsUsed[forecast.method] = (summary.methodsUsed[forecast.method] ?? 0) + 1;
      await writeText(
        options.output,
        forecastRows(job.id, job.time, job.values.length, forecast, options.levels),
      );
      summary.written += 1;
    } else {
      summary.failed += 1;
      if (summary.failures.length < FAILURES_KEPT)
        summary.failures.push({ seriesId: job.id, error: outcome.error });
    }
    options.onSeries?.(summary.series);
  }
  return summary;
}
