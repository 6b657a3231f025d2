// The worker job of the anomaly scale benchmark: series `index` of the seeded synthetic daily set
// is generated in the worker and scanned there, so only an index and a timing cross threads.
import type { Sensitivity } from '../../models/anomaly/detector';
import { getDetector } from '../../models/anomaly/registry';
import { syntheticDailySeries } from '../batch/synthetic-daily';
import type { JobHandler } from '../batch/worker-protocol';

export interface SyntheticScanJobOptions {
  detector: string;
  sensitivity: Sensitivity;
  days: number;
  seed: number;
}

export interface SyntheticScanOutcome {
  anomalies: number;
  /** seconds inside detect() */
  seconds: number;
}

export function createJobHandler(options: unknown): JobHandler {
  const { detector: name, sensitivity, days, seed } = options as SyntheticScanJobOptions;
  const detector = getDetector(name);
  return (job: unknown): SyntheticScanOutcome => {
    const values = syntheticDailySeries(seed, job as number, days);
    const started = performance.now();
    const result = detector.detect({ values, periods: [7], sensitivity });
    return { anomalies: result.anomalies.length, seconds: (performance.now() - started) / 1000 };
  };
}
