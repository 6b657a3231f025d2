// `ayni bench forecast --input`: hold out the last H points of every series of a tidy file,
// forecast them with each method in the worker pool, and score them as M4 does (holdout.ts).
import {
  addSeriesHoldout,
  createHoldoutTotals,
  summariseHoldout,
  type HoldoutSummary,
  type SeriesHoldout,
} from '../../models/forecast/holdout';
import { FORECAST_JOB_MODULE } from './forecast-file';
import type { JobOptions, SeriesJob } from './forecast-jobs';
import { readTidySeries, type TidyReadOptions } from './tidy-reader';
import { seasonalPeriodOf } from './tidy-time';
import { runPool } from './worker-pool';

export interface HoldoutFileOptions {
  input: string;
  horizon: number;
  /** Seasonal period (M4's m) for every series; default from each series' frequency. */
  season?: number;
  methods: string[];
  threads?: number;
  read?: Omit<TidyReadOptions, 'signal'>;
  signal?: AbortSignal;
  onSeries?: (done: number) => void;
}

export async function holdoutFile(options: HoldoutFileOptions): Promise<HoldoutSummary> {
  const { signal } = options;
  async function* jobs(): AsyncGenerator<SeriesJob> {
    for await (const series of readTidySeries(options.input, { ...options.read, signal }))
      yield { values: series.values, period: options.season ?? seasonalPeriodOf(series.time) };
  }
  const jobOptions: JobOptions = {
    task: 'holdout',
    methods: options.methods,
    horizon: options.horizon,
  };
  const totals = createHoldoutTotals(options.methods);
  let done = 0;
  for await (const outcome of runPool<SeriesJob, SeriesHoldout>(jobs(), {
    jobModule: FORECAST_JOB_MODULE,
    jobOptions,
    threads: options.threads,
    signal,
  })) {
    // holdoutOne catches each method's errors, so a failed job is a bug or a dead worker
    if (!outcome.ok) throw new Error(`series ${outcome.index + 1}: ${outcome.error}`);
    addSeriesHoldout(totals, outcome.value);
    done += 1;
    options.onSeries?.(done);
  }
  return summariseHoldout(totals);
}
