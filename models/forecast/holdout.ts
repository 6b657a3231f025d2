// Scoring of a holdout run as in the M4 competition (Makridakis, Spiliotis & Assimakopoulos 2020,
// "The M4 Competition: 100,000 time series and 61 forecasting methods", IJF 36(1)): the last H
// values of each series are held out, sMAPE and MASE (in-sample seasonal naive scale of period m)
// are averaged over the series, and OWA relates both averages to Naive2's on the same series.
// Forecasts are truncated at 0 when the training data are non-negative (as the M4 benchmarks do);
// series whose MASE scale is 0 cannot be scored and are skipped and counted.
import { mase, maseScale, owa, smape } from './metrics';

export interface HoldoutSplit {
  train: number[];
  test: number[];
}

/** The last `horizon` values are the test part; the rest is the training part. */
export function splitHoldout(values: readonly number[], horizon: number): HoldoutSplit {
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`horizon: ${horizon} must be a whole number >= 1`);
  const cut = Math.max(0, values.length - horizon);
  return { train: values.slice(0, cut), test: values.slice(cut) };
}

export type SkipReason = 'too-short' | 'zero-scale' | 'no-actuals';

/**
 * Why a split cannot be scored: the training part is not longer than the period (or than the
 * horizon leaves), every in-sample seasonal difference is 0 (MASE undefined), or every test
 * value is missing. Undefined when it can be scored.
 */
export function holdoutSkipReason(
  split: HoldoutSplit,
  period: number,
  horizon: number,
): SkipReason | undefined {
  if (split.test.length < horizon || split.train.length <= period) return 'too-short';
  if (split.test.every(Number.isNaN)) return 'no-actuals';
  let scale: number;
  try {
    scale = maseScale(split.train, period);
  } catch {
    return 'too-short';
  }
  return scale > 0 ? undefined : 'zero-scale';
}

export interface SeriesScore {
  smape: number;
  mase: number;
}

/** sMAPE and MASE of one forecast of the test part (truncated at 0 for non-negative data). */
export function scoreHoldout(
  split: HoldoutSplit,
  forecast: readonly number[],
  period: number,
): SeriesScore {
  const nonNegative = split.train.every((value) => Number.isNaN(value) || value >= 0);
  const used = nonNegative ? forecast.map((value) => Math.max(0, value)) : forecast.slice();
  return {
    smape: smape(split.test, used),
    mase: mase(split.test, used, split.train, period),
  };
}

/** One method's result on one series: a score, or the error it raised. */
export type MethodOutcome =
  { score: SeriesScore; seconds: number } | { error: string; seconds: number };

/** One series of a holdout run: skipped, or each method's outcome (Naive2's among them). */
export type SeriesHoldout = { skipped: SkipReason } | { outcomes: Record<string, MethodOutcome> };

interface MethodTotals {
  smape: number;
  mase: number;
  naive2Smape: number;
  naive2Mase: number;
  series: number;
  failures: number;
  seconds: number;
  firstError?: string;
}

export interface HoldoutTotals {
  methods: Map<string, MethodTotals>;
  seriesTotal: number;
  skipped: Record<SkipReason, number>;
}

/** Empty totals for the named methods (Naive2 is added: OWA needs it). */
export function createHoldoutTotals(methods: readonly string[]): HoldoutTotals {
  const names = methods.includes('naive2') ? methods : [...methods, 'naive2'];
  return {
    methods: new Map(
      names.map((name) => [
        name,
        { smape: 0, mase: 0, naive2Smape: 0, naive2Mase: 0, series: 0, failures: 0, seconds: 0 },
      ]),
    ),
    seriesTotal: 0,
    skipped: { 'too-short': 0, 'zero-scale': 0, 'no-actuals': 0 },
  };
}

/**
 * Adds one series. A method's figures count only series where both it and Naive2 were scored,
 * so that its OWA compares like with like (Naive2's own OWA is then exactly 1).
 */
export function addSeriesHoldout(totals: HoldoutTotals, series: SeriesHoldout): void {
  totals.seriesTotal += 1;
  if ('skipped' in series) {
    totals.skipped[series.skipped] += 1;
    return;
  }
  const naive2 = series.outcomes.naive2;
  for (const [name, total] of totals.methods) {
    const outcome = series.outcomes[name];
    if (outcome === undefined) throw new RangeError(`series: has no outcome for method "${name}"`);
    total.seconds += outcome.seconds;
    if ('error' in outcome) {
      total.failures += 1;
      total.firstError ??= outcome.error;
      continue;
    }
    if (naive2 === undefined || 'error' in naive2) continue;
    total.smape += outcome.score.smape;
    total.mase += outcome.score.mase;
    total.naive2Smape += naive2.score.smape;
    total.naive2Mase += naive2.score.mase;
    total.series += 1;
  }
}

export interface MethodSummary {
  /** Mean sMAPE (percent) over the series scored; null when none was. */
  smape: number | null;
  mase: number | null;
  /** OWA against Naive2 on the same series; null when undefined (no series, or Naive2 perfect). */
  owa: number | null;
  /** Seconds spent forecasting (summed over the workers). */
  seconds: number;
  series: number;
  failures: number;
  firstError?: string;
}

export interface HoldoutSummary {
  methods: Record<string, MethodSummary>;
  seriesTotal: number;
  seriesSkipped: number;
  skipped: Record<SkipReason, number>;
}

export function summariseHoldout(totals: HoldoutTotals): HoldoutSummary {
  const methods: Record<string, MethodSummary> = {};
  for (const [name, total] of totals.methods) {
    const count = total.series;
    const own = { smape: total.smape / count, mase: total.mase / count };
    const baseline = { smape: total.naive2Smape / count, mase: total.naive2Mase / count };
    let ratio: number | null = null;
    if (count > 0 && baseline.smape > 0 && baseline.mase > 0) ratio = owa(own, baseline);
    methods[name] = {
      smape: count > 0 ? own.smape : null,
      mase: count > 0 ? own.mase : null,
      owa: ratio,
      seconds: total.seconds,
      series: count,
      failures: total.failures,
      ...(total.firstError === undefined ? {} : { firstError: total.firstError }),
    };
  }
  const { skipped } = totals;
  return {
    methods,
    seriesTotal: totals.seriesTotal,
    seriesSkipped: skipped['too-short'] + skipped['zero-scale'] + skipped['no-actuals'],
    skipped: { ...skipped },
  };
}
