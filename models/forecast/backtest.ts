// Rolling-origin evaluation (Tashman 2000): forecast from k successive origins, each time from
// only the values before the origin, and score the next `horizon` values.
import type { Forecaster, PredictionInterval } from './forecaster';
import { bias, intervalCoverage, intervalPinball, mape, mase, rmsse, smape, wape } from './metrics';

export interface BacktestOptions {
  period: number;
  horizon: number;
  /** Number of forecast origins; the last one leaves exactly `horizon` values to score. */
  origins: number;
  /** Interval levels in percent to request and score (coverage, pinball). */
  levels?: readonly number[];
  /** Distance between successive origins; default 1. */
  step?: number;
  /** Clip point forecasts and interval bounds at 0 (for non-negative data); default false. */
  truncateAtZero?: boolean;
}

export interface OriginMetrics {
  smape: number;
  mape: number;
  mase: number;
  wape: number;
  bias: number;
  rmsse: number;
}

export interface OriginResult {
  /** Number of values the forecaster saw (the origin index). */
  trainLength: number;
  actual: number[];
  forecast: number[];
  intervals: PredictionInterval[];
  method: string;
  notes: string[];
  metrics: OriginMetrics;
}

export interface BacktestMetrics extends OriginMetrics {
  /** Share of actual values inside each level's interval, pooled over origins (by level). */
  coverage: Record<number, number>;
  /** Mean pinball loss of the interval bounds over origins and levels; null without intervals. */
  pinball: number | null;
}

export interface BacktestResult {
  perOrigin: OriginResult[];
  metrics: BacktestMetrics;
}

function checkWhole(value: unknown, name: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name}: ${String(value)} must be a whole number >= ${minimum}`);
  }
  return value;
}

function averageFinite(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  return finite.length > 0
    ? finite.reduce((sum, value) => sum + value, 0) / finite.length
    : Number.NaN;
}

function present(values: readonly number[]): number {
  return values.filter((value) => !Number.isNaN(value)).length;
}

function scoreOrigin(
  actual: readonly number[],
  forecast: readonly number[],
  train: readonly number[],
  period: number,
): OriginMetrics {
  if (present(actual) === 0) {
    const missing = Number.NaN;
    return {
      smape: missing,
      mape: missing,
      mase: missing,
      wape: missing,
      bias: missing,
      rmsse: missing,
    };
  }
  const scalable = present(train) > period;
  return {
    smape: smape(actual, forecast),
    mape: mape(actual, forecast),
    mase: scalable ? mase(actual, forecast, train, period) : Number.NaN,
    wape: wape(actual, forecast),
    bias: bias(actual, forecast),
    rmsse: present(train) > 1 ? rmsse(actual, forecast, train, 1) : Number.NaN,
  };
}

/**
 * Backtests a forecaster on one series. The forecaster receives a frozen copy of the values
 * before each origin, so it cannot see (or change) the window it is scored on.
 * Per-origin sMAPE, MAPE, MASE and RMSSE are averaged over origins; WAPE, bias, coverage
 * and pinball loss are pooled over all scored periods.
 */
export function rollingOriginBacktest(
  forecaster: Forecaster,
  values: readonly number[],
  options: BacktestOptions,
): BacktestResult {
  if (!Array.isArray(values)) throw new TypeError('values: expected an array of numbers');
  const period = checkWhole(options.period, 'period', 1);
  const horizon = checkWhole(options.horizon, 'horizon', 1);
  const origins = checkWhole(options.origins, 'origins', 1);
  const step = checkWhole(options.step ?? 1, 'step', 1);
  const levels = [...(options.levels ?? [])];
  const first = values.length - horizon - (origins - 1) * step;
  if (first < 1) {
    throw new RangeError(
      `origins: ${origins} origins ${step} apart with horizon ${horizon} need more than ${horizon + (origins - 1) * step} values, got ${values.length}`,
    );
  }
  const clip = (series: number[]) =>
    options.truncateAtZero ? series.map((value) => Math.max(0, value)) : series;

  const perOrigin: OriginResult[] = [];
  for (let index = 0; index < origins; index += 1) {
    const trainLength = first + index * step;
    const train = Object.freeze(values.slice(0, trainLength));
    const actual = values.slice(trainLength, trainLength + horizon);
    const result = forecaster.forecast({ values: train, period, horizon, levels });
    if (result.mean.length !== horizon) {
      throw new RangeError(
        `${forecaster.name}: returned ${result.mean.length} forecasts for horizon ${horizon}`,
      );
    }
    const forecast = clip(result.mean);
    const intervals = result.intervals.map((interval) => ({
      level: interval.level,
      lower: clip(interval.lower),
      upper: clip(interval.upper),
    }));
    perOrigin.push({
      trainLength,
      actual,
      forecast,
      intervals,
      method: result.method,
      notes: result.notes,
      metrics: scoreOrigin(actual, forecast, train, period),
    });
  }

  const pooledActual = perOrigin.flatMap((origin) => origin.actual);
  const pooledForecast = perOrigin.flatMap((origin) => origin.forecast);
  const scored = present(pooledActual) > 0;
  const coverage: Record<number, number> = {};
  const pinballs: number[] = [];
  for (const level of levels) {
    const matched = perOrigin.map((origin) =>
      origin.intervals.find((item) => item.level === level),
    );
    if (!scored || matched.some((interval) => interval === undefined)) continue;
    const intervals = matched as PredictionInterval[];
    coverage[level] = intervalCoverage(
      pooledActual,
      intervals.flatMap((interval) => interval.lower),
      intervals.flatMap((interval) => interval.upper),
    );
    perOrigin.forEach((origin, index) => {
      if (present(origin.actual) > 0)
        pinballs.push(intervalPinball(origin.actual, intervals[index]!));
    });
  }
  return {
    perOrigin,
    metrics: {
      smape: averageFinite(perOrigin.map((origin) => origin.metrics.smape)),
      mape: averageFinite(perOrigin.map((origin) => origin.metrics.mape)),
      mase: averageFinite(perOrigin.map((origin) => origin.metrics.mase)),
      rmsse: averageFinite(perOrigin.map((origin) => origin.metrics.rmsse)),
      wape: scored ? wape(pooledActual, pooledForecast) : Number.NaN,
      bias: scored ? bias(pooledActual, pooledForecast) : Number.NaN,
      coverage,
      pinball: pinballs.length > 0 ? averageFinite(pinballs) : null,
    },
  };
}
