// `ayni bench forecast --input`: hold out the last H points of every series of a tidy file,
// forecast them with each method in the worker pool, and score them as M4 does (holdout.ts).
// The global methods (assistant/ml/global-batch.ts) need every series first: the file is then
// read whole, the MLP trained in this thread on the training parts (never the held-out values),
// and its forecasts scored here, beside the pool's per-series results.
import {
  addSeriesHoldout,
  createHoldoutTotals,
  scoreHoldout,
  splitHoldout,
  summariseHoldout,
  type HoldoutSummary,
  type MethodOutcome,
} from '../../models/forecast/holdout';
import {
  combineAutoAndGlobal,
  forecastWithGlobalModel,
  isGlobalMethod,
  type GlobalBatchSummary,
} from '../ml/global-batch';
import { FORECAST_JOB_MODULE } from './forecast-file';
import type { JobOptions, SeriesHoldoutResult, SeriesJob } from './forecast-jobs';
import { readTidySeries, type TidyReadOptions } from './tidy-reader';
import { seasonalPeriodOf } from './tidy-time';
import { runPool } from './worker-pool';

export interface HoldoutFileOptions {
  input: string;
  horizon: number;
  /** Seasonal period (M4's m) for every series; default from each series' frequency. */
  season?: number;
  methods: string[];
  /** Values dropped from the end of every series before the holdout (a validation split). */
  dropLast?: number;
  /** Seed of the global MLP (default 1) and how many seeds' networks to average (default 1). */
  globalSeed?: number;
  globalSeeds?: number;
  /** Trains and forecasts the global MLP; default forecastWithGlobalModel (tests wrap it). */
  globalForecaster?: typeof forecastWithGlobalModel;
  threads?: number;
  read?: Omit<TidyReadOptions, 'signal'>;
  signal?: AbortSignal;
  onSeries?: (done: number) => void;
}

export type HoldoutFileSummary = HoldoutSummary & {
  /** Present when a global method ran: its training, and the series that fell back to auto. */
  global?: GlobalBatchSummary;
};

/** The global methods' outcomes on one series, given auto's outcome and forecast. */
function globalOutcomes(
  job: SeriesJob,
  horizon: number,
  result: SeriesHoldoutResult,
  global: number[] | undefined,
  secondsPerSeries: number,
): Record<string, MethodOutcome> {
  if (!('outcomes' in result)) return {};
  const auto = result.outcomes.auto as MethodOutcome;
  // a series too short for the MLP's input window falls back to auto alone (counted apart)
  if (global === undefined) return { global: auto, 'auto+global': auto };
  const split = splitHoldout(job.values, horizon);
  const own: MethodOutcome = {
    score: scoreHoldout(split, global, job.period),
    seconds: secondsPerSeries,
  };
  const autoMean = result.forecasts?.auto;
  const combined: MethodOutcome =
    autoMean === undefined
      ? { error: `auto failed: ${'error' in auto ? auto.error : 'no forecast'}`, seconds: 0 }
      : {
          score: scoreHoldout(
            split,
            combineAutoAndGlobal({ mean: autoMean, intervals: [] }, global).mean,
            job.period,
          ),
          seconds: auto.seconds + secondsPerSeries,
        };
  return { global: own, 'auto+global': combined };
}

export async function holdoutFile(options: HoldoutFileOptions): Promise<HoldoutFileSummary> {
  const { signal, horizon } = options;
  const dropLast = options.dropLast ?? 0;
  async function* jobs(): AsyncGenerator<SeriesJob> {
    for await (const series of readTidySeries(options.input, { ...options.read, signal }))
      yield {
        values: dropLast > 0 ? series.values.slice(0, -dropLast) : series.values,
        period: options.season ?? seasonalPeriodOf(series.time),
      };
  }
  const wantsGlobal = options.methods.some(isGlobalMethod);
  const poolMethods = options.methods.filter((method) => !isGlobalMethod(method));
  if (wantsGlobal && !poolMethods.includes('auto')) poolMethods.push('auto');
  const jobOptions: JobOptions = {
    task: 'holdout',
    methods: poolMethods,
    horizon,
    ...(wantsGlobal ? { keepForecasts: ['auto'] } : {}),
  };

  let source: AsyncIterable<SeriesJob> | SeriesJob[] = jobs();
  let global: Awaited<ReturnType<typeof forecastWithGlobalModel>> | undefined;
  if (wantsGlobal) {
    const all: SeriesJob[] = [];
    for await (const job of jobs()) all.push(job);
    source = all;
    global = await (options.globalForecaster ?? forecastWithGlobalModel)(
      all.map((job) => splitHoldout(job.values, horizon).train),
      { horizon, seed: options.globalSeed, seeds: options.globalSeeds },
    );
    signal?.throwIfAborted();
  }
  const forecastCount = global ? global.forecasts.length - global.summary.fallbackSeries : 0;
  const secondsPerSeries = global ? global.summary.predictSeconds / Math.max(1, forecastCount) : 0;

  const totals = createHoldoutTotals(options.methods);
  let done = 0;
  for await (const outcome of runPool<SeriesJob, SeriesHoldoutResult>(source, {
    jobModule: FORECAST_JOB_MODULE,
    jobOptions,
    threads: options.threads,
    signal,
  })) {
    // holdoutOne catches each method's errors, so a failed job is a bug or a dead worker
    if (!outcome.ok) throw new Error(`series ${outcome.index + 1}: ${outcome.error}`);
    let result: SeriesHoldoutResult = outcome.value;
    if (global && 'outcomes' in result) {
      const extra = globalOutcomes(
        outcome.job,
        horizon,
        result,
        global.forecasts[outcome.index],
        secondsPerSeries,
      );
      result = { outcomes: { ...result.outcomes, ...extra } };
    }
    addSeriesHoldout(totals, result);
    done += 1;
    options.onSeries?.(done);
  }
  const summary = summariseHoldout(totals);
  return global ? { ...summary, global: global.summary } : summary;
}
