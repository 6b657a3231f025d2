// The scale benchmark: N seeded synthetic daily series (synthetic-daily.ts), generated inside the
// workers from their index so that nothing but an index and a timing crosses threads, each
// forecast with one method. Reports throughput, peak RSS and the projected time for 30,000.
import { performance } from 'node:perf_hooks';
import { FORECAST_JOB_MODULE } from './forecast-file';
import type { JobOptions, SyntheticOutcome } from './forecast-jobs';
import { runPool } from './worker-pool';
import { availableParallelism } from 'node:os';

export interface SyntheticBenchOptions {
  series: number;
  days: number;
  method: string;
  horizon: number;
  seed: number;
  threads?: number;
  signal?: AbortSignal;
  onSeries?: (done: number) => void;
}

export interface SyntheticBenchResult {
  series: number;
  days: number;
  method: string;
  horizon: number;
  seed: number;
  threads: number;
  seconds: number;
  seriesPerSecond: number;
  /** Mean seconds inside forecast() per series (one thread's time). */
  forecastSecondsPerSeries: number;
  /** Peak resident set size of the whole process (all threads), MB. */
  peakRssMb: number;
  projectedSecondsFor30000: number;
  failures: number;
  firstError?: string;
  methodsUsed: Record<string, number>;
}

export async function syntheticBench(
  options: SyntheticBenchOptions,
): Promise<SyntheticBenchResult> {
  const threads = options.threads ?? availableParallelism();
  const count = options.series;
  function* indexes(): Generator<number> {
    for (let index = 0; index < count; index += 1) yield index;
  }
  const jobOptions: JobOptions = {
    task: 'synthetic',
    method: options.method,
    horizon: options.horizon,
    days: options.days,
    seed: options.seed,
  };
  const started = performance.now();
  let forecastSeconds = 0;
  let failures = 0;
  let firstError: string | undefined;
  let done = 0;
  const methodsUsed: Record<string, number> = {};
  for await (const outcome of runPool<number, SyntheticOutcome>(indexes(), {
    jobModule: FORECAST_JOB_MODULE,
    jobOptions,
    threads,
    signal: options.signal,
  })) {
    done += 1;
    if (outcome.ok) {
      forecastSeconds += outcome.value.seconds;
      methodsUsed[outcome.value.method] = (methodsUsed[outcome.value.method] ?? 0) + 1;
    } else {
      failures += 1;
      firstError ??= outcome.error;
    }
    options.onSeries?.(done);
  }
  const seconds = (performance.now() - started) / 1000;
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return {
    series: count,
    days: options.days,
    method: options.method,
    horizon: options.horizon,
    seed: options.seed,
    threads,
    seconds: round(seconds, 2),
    seriesPerSecond: round(count / seconds, 1),
    forecastSecondsPerSeries: round(forecastSeconds / Math.max(1, count - failures), 5),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    projectedSecondsFor30000: round((seconds * 30_000) / count, 1),
    failures,
    ...(firstError === undefined ? {} : { firstError }),
    methodsUsed,
  };
}
