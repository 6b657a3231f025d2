// The anomaly scale benchmark (issue 4: a full scan of 30,000 daily series of three years in
// under 60 s on 2 cores): N seeded synthetic daily series scanned by one detector on the worker
// pool; reports wall time, throughput, detect() time per series and peak memory.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Sensitivity } from '../../models/anomaly/detector';
import { runPool } from '../batch/worker-pool';
import type { SyntheticScanJobOptions, SyntheticScanOutcome } from './synthetic-scan-job';

const JOB_MODULE = new URL('./synthetic-scan-job.ts', import.meta.url);

export interface SyntheticScanOptions {
  series: number;
  days: number;
  seed: number;
  detector: string;
  sensitivity: Sensitivity;
  threads?: number;
  signal?: AbortSignal;
}

export interface SyntheticScanResult {
  series: number;
  days: number;
  detector: string;
  sensitivity: Sensitivity;
  threads: number;
  seconds: number;
  seriesPerSecond: number;
  detectMsPerSeries: number;
  anomalies: number;
  failures: number;
  firstError?: string;
  peakRssMb: number;
  projectedSecondsFor30000: number;
}

export async function syntheticScanBench(
  options: SyntheticScanOptions,
): Promise<SyntheticScanResult> {
  const threads = options.threads ?? availableParallelism();
  function* indexes(): Generator<number> {
    for (let index = 0; index < options.series; index += 1) yield index;
  }
  const jobOptions: SyntheticScanJobOptions = {
    detector: options.detector,
    sensitivity: options.sensitivity,
    days: options.days,
    seed: options.seed,
  };
  const started = performance.now();
  let detectSeconds = 0;
  let anomalies = 0;
  let failures = 0;
  let firstError: string | undefined;
  for await (const outcome of runPool<number, SyntheticScanOutcome>(indexes(), {
    jobModule: JOB_MODULE,
    jobOptions,
    threads,
    signal: options.signal,
  })) {
    if (outcome.ok) {
      detectSeconds += outcome.value.seconds;
      anomalies += outcome.value.anomalies;
    } else {
      failures += 1;
      firstError ??= outcome.error;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return {
    series: options.series,
    days: options.days,
    detector: options.detector,
    sensitivity: options.sensitivity,
    threads,
    seconds: round(seconds, 2),
    seriesPerSecond: round(options.series / seconds, 1),
    detectMsPerSeries: round((1000 * detectSeconds) / Math.max(1, options.series - failures), 3),
    anomalies,
    failures,
    ...(firstError === undefined ? {} : { firstError }),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    projectedSecondsFor30000: round((seconds * 30_000) / options.series, 1),
  };
}
