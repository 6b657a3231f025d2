// The demand review's forecasts as independent per-series jobs (plain data in, plain data out),
// so a caller can run them in worker threads or on other machines (ARCHITECTURE.md 4). The default
// method is Theta on the monthly series (the M4 benchmark; models/forecast/theta.ts): one SES fit
// and a seasonality test per series, cheap enough for tens of thousands of series, with normal
// prediction intervals; it falls back to the naive forecast below 3 months.
import type { Forecaster } from '../../models/forecast/forecaster';
import { thetaForecaster } from '../../models/forecast/theta';

/** Interval level (percent) the review shows. */
export const OUTLOOK_INTERVAL_LEVEL = 80;

export interface MonthlyForecastJob {
  /** caller's identifier, returned unchanged */
  id: string;
  /** the SKU x location the series belongs to (for logs and checks) */
  sku: string;
  location: string;
  /** monthly units, oldest first, ending at the forecast origin */
  values: number[];
  horizon: number;
}

export interface MonthlyForecastOutcome {
  id: string;
  method: string;
  /** point forecasts, length = horizon, never negative */
  mean: number[];
  /** the OUTLOOK_INTERVAL_LEVEL% interval, when the method gives one */
  lower: number[] | null;
  upper: number[] | null;
}

/** Runs jobs and returns one outcome per job, in the same order. */
export type MonthlyForecastFunction = (
  jobs: readonly MonthlyForecastJob[],
) => MonthlyForecastOutcome[];

/** Forecasts each job's series with `forecaster` (default Theta) at period 12. */
export function forecastMonthlyJobs(
  jobs: readonly MonthlyForecastJob[],
  forecaster: Forecaster = thetaForecaster,
): MonthlyForecastOutcome[] {
  return jobs.map((job) => {
    const result = forecaster.forecast({
      values: job.values,
      period: 12,
      horizon: job.horizon,
      levels: [OUTLOOK_INTERVAL_LEVEL],
    });
    const interval = result.intervals.find((entry) => entry.level === OUTLOOK_INTERVAL_LEVEL);
    const finite = (values: readonly number[]) => values.every((value) => Number.isFinite(value));
    return {
      id: job.id,
      method: result.method,
      mean: result.mean.map((value) => Math.max(0, value)),
      lower:
        interval && finite(interval.lower)
          ? interval.lower.map((value) => Math.max(0, value))
          : null,
      upper: interval && finite(interval.upper) ? interval.upper : null,
    };
  });
}
