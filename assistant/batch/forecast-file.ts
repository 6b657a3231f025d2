// `ayni forecast` without the command line: stream a tidy file through the worker pool and write
// each series' forecast as it comes back, in input order. One series in error is reported and
// left out of the output; the rest go on.
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
  const jobOptions: JobOptions = {
    task: 'forecast',
    method: options.method,
    horizon: options.horizon,
    levels: options.levels,
  };
  const summary: ForecastFileSummary = {
    series: 0,
    written: 0,
    failed: 0,
    failures: [],
    methodsUsed: {},
  };
  await writeText(options.output, csvLine(forecastColumns(options.levels), ','));
  for await (const outcome of runPool<ForecastSeriesJob, SeriesForecast>(jobs(), {
    jobModule: FORECAST_JOB_MODULE,
    jobOptions,
    threads: options.threads,
    signal,
  })) {
    summary.series += 1;
    const { job } = outcome;
    if (outcome.ok) {
      const forecast = outcome.value;
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
