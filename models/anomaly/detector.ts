// The one interface every anomaly detector implements (ARCHITECTURE.md 1: models/anomaly).

export type Sensitivity = 'low' | 'medium' | 'high';

export type AnomalyKind = 'spike' | 'drop' | 'level_shift' | 'outlier';

export interface DetectorInput {
  /** Observations in time order at a regular step; NaN marks a missing value (not a zero). */
  values: readonly number[];
  /** Seasonal periods in steps, shortest first: [] none, [7] daily-weekly, [24, 168] hourly. */
  periods: readonly number[];
  sensitivity: Sensitivity;
  /**
   * Steps whose deviation is explained in advance (a holiday, a promotion, a stockout): they are
   * kept out of the baseline estimate and never reported by themselves.
   */
  explained?: readonly boolean[];
}

export interface DetectedAnomaly {
  /** First and last step of the anomaly (inclusive indices into `values`). */
  start: number;
  end: number;
  kind: AnomalyKind;
  /**
   * How unusual, on the detector's own scale (robust z for residual detectors); comparable
   * across series for one detector, and >= the detector's threshold for the sensitivity.
   */
  score: number;
  /** What the baseline expected over [start, end] (mean per step) and the observed mean. */
  expected: number;
  observed: number;
  /** Central range the baseline allows per step at the sensitivity's threshold. */
  expectedLower: number;
  expectedUpper: number;
  /** Which detector found it. */
  detector: string;
}

export interface DetectionResult {
  anomalies: DetectedAnomaly[];
  /** Per-step anomaly score on the detector's scale (0 where nothing stands out), for sweeps. */
  scores: Float64Array;
  /** Plain-language notes: too short to judge, constant series, gaps filled, periods dropped. */
  notes: string[];
}

export interface Detector {
  /** Stable identifier used by the CLI, the tool and the benchmarks. */
  readonly name: string;
  /** Fewest non-missing observations the detector needs for these periods. */
  minLength(periods: readonly number[]): number;
  /** Never throws on short, constant, gappy or NaN input: it says so in `notes` instead. */
  detect(input: DetectorInput): DetectionResult;
}
