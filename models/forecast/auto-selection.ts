// Per-series choice between a default method (the combination) and simple benchmarks by a
// rolling-origin backtest (Tashman 2000): each candidate forecasts from origins before the end
// of the series, using only the values before each origin, and is scored on what followed.
// Picking the backtest winner outright is noisy (a few windows rarely separate methods
// reliably: Fildes & Petropoulos 2015), so the default is kept unless a benchmark beats it
// clearly: by a margin on the pooled error and at every origin.
import { rollingOriginBacktest } from './backtest';
import type { Forecaster } from './forecaster';

export interface CandidateScore {
  name: string;
  /** Mean absolute error over all scored points of all origins (one series: same scale). */
  mae: number;
  /** Mean absolute error at each origin, oldest first. */
  perOrigin: number[];
}

export interface BacktestPlan {
  /** Origins used (may be fewer than asked when the series is short). */
  origins: number;
  step: number;
  /** Steps ahead scored at each origin (the horizon, or less for a short series). */
  horizon: number;
}

export interface SelectionRule {
  /** A benchmark must have a pooled MAE below (1 - margin) times the default's; 0..1. */
  margin: number;
  /** And a lower MAE than the default at every origin. */
  everyOrigin: boolean;
}

/**
 * Fewest values before the first backtest origin. When the whole series holds two full
 * seasons (what seasonal decomposition and seasonal models need), so must every origin:
 * otherwise the members would be scored as non-seasonal models while the final forecast is
 * seasonal, and a seasonal benchmark would win the backtest unfairly (seen on weekly retail
 * sales with period 52 and under three years of history).
 */
export function backtestMinimumTrain(
  length: number,
  period: number,
  memberMinimum: number,
): number {
  const seasonal = 2 * period;
  return period > 1 && length > seasonal ? Math.max(memberMinimum, seasonal) : memberMinimum;
}

/**
 * The backtest layout for a series of `length` values: up to `origins` origins `step` apart,
 * scoring min(horizon, what fits) steps, each leaving at least `minimumTrain` values before
 * the first origin. Undefined when not even one origin with one scored step fits.
 */
export function planBacktest(
  length: number,
  horizon: number,
  origins: number,
  step: number,
  minimumTrain: number,
): BacktestPlan | undefined {
  for (let count = origins; count >= 1; count -= 1) {
    const scored = Math.min(horizon, length - minimumTrain - (count - 1) * step);
    if (scored >= 1) return { origins: count, step, horizon: scored };
  }
  return undefined;
}

function meanAbsoluteError(actual: readonly number[], forecast: readonly number[]): number {
  let total = 0;
  let count = 0;
  actual.forEach((value, index) => {
    if (Number.isNaN(value)) return;
    total += Math.abs(value - (forecast[index] as number));
    count += 1;
  });
  return count > 0 ? total / count : Number.NaN;
}

/** Backtests each candidate on the same origins (forecasts clipped at 0: demand data). */
export function scoreCandidates(
  candidates: readonly Forecaster[],
  values: readonly number[],
  period: number,
  plan: BacktestPlan,
): CandidateScore[] {
  return candidates.map((candidate) => {
    const result = rollingOriginBacktest(candidate, values, {
      period,
      horizon: plan.horizon,
      origins: plan.origins,
      step: plan.step,
      truncateAtZero: true,
    });
    const perOrigin = result.perOrigin.map((origin) =>
      meanAbsoluteError(origin.actual, origin.forecast),
    );
    const pooledActual = result.perOrigin.flatMap((origin) => origin.actual);
    const pooledForecast = result.perOrigin.flatMap((origin) => origin.forecast);
    return {
      name: candidate.name,
      mae: meanAbsoluteError(pooledActual, pooledForecast),
      perOrigin,
    };
  });
}

export interface Selection {
  /** Index into the scores of the chosen candidate (0 = the default). */
  index: number;
  /** The best benchmark by pooled MAE (undefined when there are none or none is scored). */
  bestBenchmark: number | undefined;
}

/**
 * Chooses scores[0] (the default) unless the benchmark with the lowest pooled MAE beats it
 * clearly under `rule`. Unscored candidates (NaN) never win.
 */
export function selectCandidate(scores: readonly CandidateScore[], rule: SelectionRule): Selection {
  const base = scores[0];
  if (base === undefined) throw new RangeError('scores: need the default candidate first');
  let best: number | undefined;
  scores.forEach((score, index) => {
    if (index === 0 || !Number.isFinite(score.mae)) return;
    if (best === undefined || score.mae < (scores[best] as CandidateScore).mae) best = index;
  });
  if (best === undefined || !Number.isFinite(base.mae)) return { index: 0, bestBenchmark: best };
  const challenger = scores[best] as CandidateScore;
  const clearly = challenger.mae < (1 - rule.margin) * base.mae;
  const everywhere =
    !rule.everyOrigin ||
    challenger.perOrigin.every((error, origin) => error < (base.perOrigin[origin] ?? Number.NaN));
  return { index: clearly && everywhere ? best : 0, bestBenchmark: best };
}
