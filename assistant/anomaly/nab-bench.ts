// `ayni bench anomaly` without the command line: every file of a NAB-layout corpus through a
// detector in the worker pool, scored at window level (alerts = starts of runs of rows inside the
// detector's anomalies) and by NAB's own scoring (the per-step scores swept over the corpus).
// Scoring is on the file's rows, as NAB does, even where gaps were filled for the detector.
import { availableParallelism } from 'node:os';
import type { DetectedAnomaly, Sensitivity } from '../../models/anomaly/detector';
import {
  nabScores,
  type NabResult,
  type NabSeries,
} from '../../models/anomaly/evaluation/nab-score';
import {
  addWindowCounts,
  alertsFromFlags,
  countWindowHits,
  windowScores,
  type WindowCounts,
} from '../../models/anomaly/evaluation/window-metrics';
import { detectSeries } from './detect-series';
import { listNabCorpus, readNabFile, type NabFile } from './nab-corpus';

export interface NabBenchOptions {
  input: string;
  labels: string;
  detector: string;
  sensitivity: Sensitivity;
  detectorModule?: URL;
  threads?: number;
  signal?: AbortSignal;
  onFile?: (done: number, total: number) => void;
}

export interface NabFileFigures extends WindowCounts {
  file: string;
  rows: number;
  anomalies: number;
  seconds: number;
  notes: string[];
}

export interface NabBenchResult {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  seconds: number;
  files: number;
  nab_standard: number | null;
  nab_low_fp: number | null;
  nab_low_fn: number | null;
  windows: number;
  alerts: number;
  true_positives: number;
  false_positives: number;
  detector: string;
  sensitivity: Sensitivity;
  /** Seconds inside detect(), summed over the files (all threads). */
  detect_seconds: number;
  /** NAB per profile, sweeping the per-step `scores`. */
  nab: Record<string, NabResult>;
  /**
   * NAB per profile, sweeping only the alerts: each alert's first row carries the largest score of
   * the anomalies it starts (every other row none), so the sweep starts at the sensitivity's cut.
   */
  nab_alerts: Record<string, NabResult>;
  per_file: NabFileFigures[];
}

/** Per-row scores that hold only the alerts: the first row of each run gets the run's largest anomaly score. */
export function alertScores(
  anomalies: readonly DetectedAnomaly[],
  rowPositions: Int32Array,
  gridLength: number,
): Float64Array {
  const best = new Float64Array(gridLength).fill(Number.NaN);
  for (const anomaly of anomalies)
    for (
      let step = Math.max(0, anomaly.start);
      step <= Math.min(gridLength - 1, anomaly.end);
      step += 1
    )
      if (!(best[step]! >= anomaly.score)) best[step] = anomaly.score;
  const rows = new Float64Array(rowPositions.length).fill(Number.NaN);
  let runStart = -1;
  rowPositions.forEach((position, row) => {
    const score = best[position] as number;
    if (Number.isNaN(score)) {
      runStart = -1;
      return;
    }
    if (runStart < 0) runStart = row;
    if (!(rows[runStart]! >= score)) rows[runStart] = score;
  });
  return rows;
}

/** Row flags of a file: a row is flagged when its grid step lies inside an anomaly. */
export function flaggedRows(
  anomalies: readonly DetectedAnomaly[],
  rowPositions: Int32Array,
  gridLength: number,
): boolean[] {
  const flagged = new Uint8Array(gridLength);
  for (const anomaly of anomalies)
    flagged.fill(1, Math.max(0, anomaly.start), Math.min(gridLength, anomaly.end + 1));
  return Array.from(rowPositions, (position) => flagged[position] === 1);
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Number(value.toFixed(digits));

export async function runNabBench(options: NabBenchOptions): Promise<NabBenchResult> {
  const started = performance.now();
  const listing = listNabCorpus(options.input, options.labels);
  const files: NabFile[] = listing.files.map((file) =>
    readNabFile(options.input, file, listing.labels),
  );
  const threads = Math.min(options.threads ?? availableParallelism(), files.length);
  const counts: WindowCounts[] = [];
  const scored: NabSeries[] = [];
  const alertsOnly: NabSeries[] = [];
  const perFile: NabFileFigures[] = [];
  let detectSeconds = 0;
  const jobs = files.map((file) => ({
    values: file.series.values,
    periods: file.series.periods,
  }));
  for await (const outcome of detectSeries(jobs, {
    detector: options.detector,
    sensitivity: options.sensitivity,
    detectorModule: options.detectorModule,
    threads,
    signal: options.signal,
  })) {
    const file = files[outcome.index] as NabFile;
    if (!outcome.ok) throw new Error(`${file.name}: the detector failed: ${outcome.error}`);
    const { rowPositions, values } = file.series;
    const result = outcome.value;
    const rows = rowPositions.length;
    const alerts = alertsFromFlags(flaggedRows(result.anomalies, rowPositions, values.length));
    const fileCounts = countWindowHits(alerts, file.windows, rows);
    counts.push(fileCounts);
    scored.push({
      scores: Float64Array.from(rowPositions, (position) => result.scores[position] ?? Number.NaN),
      windows: file.windows,
    });
    alertsOnly.push({
      scores: alertScores(result.anomalies, rowPositions, values.length),
      windows: file.windows,
    });
    detectSeconds += result.seconds;
    perFile.push({
      file: file.name,
      rows,
      anomalies: result.anomalies.length,
      ...fileCounts,
      seconds: round(result.seconds, 3) as number,
      notes: [...file.series.notes, ...result.notes],
    });
    options.onFile?.(perFile.length, files.length);
  }
  const total = addWindowCounts(counts);
  const scores = windowScores(total);
  const nab = nabScores(scored);
  return {
    precision: round(scores.precision, 4),
    recall: round(scores.recall, 4),
    f1: round(scores.f1, 4),
    seconds: round((performance.now() - started) / 1000, 2) as number,
    files: files.length,
    nab_standard: round(nab.standard.score, 1),
    nab_low_fp: round(nab.reward_low_FP_rate.score, 1),
    nab_low_fn: round(nab.reward_low_FN_rate.score, 1),
    windows: total.windows,
    alerts: total.alerts,
    true_positives: total.truePositives,
    false_positives: total.falsePositives,
    detector: options.detector,
    sensitivity: options.sensitivity,
    detect_seconds: round(detectSeconds, 2) as number,
    nab,
    nab_alerts: nabScores(alertsOnly),
    per_file: perFile,
  };
}
