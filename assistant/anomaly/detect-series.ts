// Runs a detector over many series in the worker pool (one job per series, results in input order).
import type { Sensitivity } from '../../models/anomaly/detector';
import { runPool, type PoolOutcome } from '../batch/worker-pool';
import type { DetectJob, DetectJobOptions, DetectJobResult } from './detect-job';

export const DETECT_JOB_MODULE = new URL('./detect-job.ts', import.meta.url);
/** The detector registry the commands use. */
export const DETECTOR_REGISTRY = new URL('../../models/anomaly/registry.ts', import.meta.url);

export interface DetectSeriesOptions {
  detector: string;
  sensitivity: Sensitivity;
  /** file: URL of a module exporting getDetector(name); default the registry. */
  detectorModule?: URL;
  threads?: number;
  signal?: AbortSignal;
}

/** Jobs must be plain data (they are structured-cloned into the workers). */
export function detectSeries(
  jobs: Iterable<DetectJob> | AsyncIterable<DetectJob>,
  options: DetectSeriesOptions,
): AsyncGenerator<PoolOutcome<DetectJob, DetectJobResult>> {
  const jobOptions: DetectJobOptions = {
    detectorModule: (options.detectorModule ?? DETECTOR_REGISTRY).href,
    detector: options.detector,
    sensitivity: options.sensitivity,
  };
  return runPool<DetectJob, DetectJobResult>(jobs, {
    jobModule: DETECT_JOB_MODULE,
    jobOptions,
    threads: options.threads,
    signal: options.signal,
  });
}
