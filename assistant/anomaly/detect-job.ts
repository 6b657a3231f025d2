// The job module the batch workers run for anomaly detection (see batch/worker-protocol.ts): one
// series in, the detector's anomalies, per-step scores and notes out. The detector comes from a
// module exporting getDetector(name) (the registry; tests pass a module of their own).
import type { DetectedAnomaly, Detector, Sensitivity } from '../../models/anomaly/detector';
import type { JobHandler } from '../batch/worker-protocol';

export interface DetectJobOptions {
  /** file: URL of a module exporting getDetector(name). */
  detectorModule: string;
  detector: string;
  sensitivity: Sensitivity;
}

export interface DetectJob {
  values: readonly number[];
  periods: readonly number[];
}

export interface DetectJobResult {
  anomalies: DetectedAnomaly[];
  scores: Float64Array;
  notes: string[];
  /** Seconds in detect() for this series. */
  seconds: number;
}

interface DetectorModule {
  getDetector(name: string): Detector;
}

export async function createJobHandler(options: unknown): Promise<JobHandler> {
  const { detectorModule, detector: name, sensitivity } = options as DetectJobOptions;
  const loaded = (await import(detectorModule)) as Partial<DetectorModule>;
  if (typeof loaded.getDetector !== 'function')
    throw new TypeError(`${detectorModule} does not export getDetector(name)`);
  const detector = loaded.getDetector(name);
  return (job: unknown): DetectJobResult => {
    const { values, periods } = job as DetectJob;
    const started = performance.now();
    const result = detector.detect({ values, periods, sensitivity });
    return { ...result, seconds: (performance.now() - started) / 1000 };
  };
}
