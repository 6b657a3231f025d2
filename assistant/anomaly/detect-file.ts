// `ayni anomalies --input FILE` without the command line: every series of the file through a
// detector in the worker pool, each anomaly reported with the input's own time labels and a
// plain-language explanation.
import { availableParallelism } from 'node:os';
import type { AnomalyKind, Sensitivity } from '../../models/anomaly/detector';
import type { DetectJob } from './detect-job';
import { detectSeries } from './detect-series';
import { explainAnomaly } from './explain';
import { isTimestampFile, readAnomalyInput } from './read-input';

export interface FileAnomaly {
  series_id: string;
  start: string;
  end: string;
  kind: AnomalyKind;
  score: number;
  expected: number;
  observed: number;
  explanation: string;
}

export interface DetectFileOptions {
  input: string;
  detector: string;
  sensitivity: Sensitivity;
  detectorModule?: URL;
  threads?: number;
  signal?: AbortSignal;
  onSeries?: (done: number) => void;
}

export interface DetectFileResult {
  anomalies: FileAnomaly[];
  series: number;
  /** The readers' and the detector's notes (gaps filled, too short to judge, ...). */
  notes: Array<{ series_id: string; note: string }>;
}

const significant = (value: number) =>
  Number.isFinite(value) ? Number(value.toPrecision(6)) : value;

export async function detectFile(options: DetectFileOptions): Promise<DetectFileResult> {
  const seen: Array<{ id: string; labelAt: (position: number) => string; notes: string[] }> = [];
  async function* jobs(): AsyncGenerator<DetectJob> {
    for await (const series of readAnomalyInput(options.input, options.signal)) {
      seen.push({ id: series.id, labelAt: series.labelAt, notes: series.notes });
      yield { values: series.values, periods: series.periods };
    }
  }
  const threads = isTimestampFile(options.input) ? 1 : (options.threads ?? availableParallelism());
  const anomalies: FileAnomaly[] = [];
  const notes: DetectFileResult['notes'] = [];
  let done = 0;
  for await (const outcome of detectSeries(jobs(), {
    detector: options.detector,
    sensitivity: options.sensitivity,
    detectorModule: options.detectorModule,
    threads,
    signal: options.signal,
  })) {
    const series = seen[outcome.index] as (typeof seen)[number];
    if (!outcome.ok)
      throw new Error(`series "${series.id}": the detector failed: ${outcome.error}`);
    for (const note of [...series.notes, ...outcome.value.notes])
      notes.push({ series_id: series.id, note });
    for (const anomaly of outcome.value.anomalies)
      anomalies.push({
        series_id: series.id,
        start: series.labelAt(anomaly.start),
        end: series.labelAt(anomaly.end),
        kind: anomaly.kind,
        score: Number(anomaly.score.toFixed(2)),
        expected: significant(anomaly.expected),
        observed: significant(anomaly.observed),
        explanation: explainAnomaly(anomaly),
      });
    done += 1;
    options.onSeries?.(done);
  }
  return { anomalies, series: done, notes };
}
