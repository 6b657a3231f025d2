// The nightly forecast refresh (issue 9): for every SKU x location, monthly forecasts of the next
// FORECAST_REFRESH_MONTHS months made on the run's date from the months closed before it, kept as
// snapshots, so the S&OP demand review of a month compares its actuals with the forecast made
// before it. Same per-listing method as the review's outlook (Theta on monthly series,
// tools/sop/demand-review-forecasts.ts) from one grouped read of monthly sales.
import {
  forecastMonthlyJobs,
  type MonthlyForecastFunction,
  type MonthlyForecastJob,
} from '../../tools/sop/demand-review-forecasts';
import { monthlyListings, seriesThrough } from '../../tools/sop/monthly-listings';
import {
  addMonths,
  lastDayBefore,
  monthEnd,
  monthOf,
  monthsBetween,
  previousMonth,
} from '../../tools/sop/months';
import type { ToolContext } from '../../tools/tool-context';
import type { ForecastSnapshotRow, PlanningRepository } from '../store/repositories/planning';

/** Months forecast after the run's month (the S&OP outlook's horizon). */
export const FORECAST_REFRESH_MONTHS = 3;

export interface ForecastRefreshResult {
  madeOn: string;
  /** the last closed month of sales the forecasts start from (YYYY-MM) */
  origin: string;
  /** the months forecast (YYYY-MM) */
  months: string[];
  listings: number;
  snapshots: number;
  /** forecasts per method (Theta, or naive below 3 months of history) */
  methods: Record<string, number>;
}

export interface ForecastRefreshOptions {
  /** runs the per-listing jobs; default Theta in this thread */
  forecastJobs?: MonthlyForecastFunction;
}

/**
 * Forecasts made on `madeOn` (ISO date) for the 3 months after its month, from the sales of the
 * months closed before it (a month whose last day has no sales yet is not used), and saves them.
 */
export function refreshForecasts(
  context: ToolContext,
  planning: Pick<PlanningRepository, 'saveForecastSnapshots'>,
  madeOn: string,
  options: ForecastRefreshOptions = {},
): ForecastRefreshResult {
  const runMonth = monthOf(madeOn);
  const range = context.sales.dateRange();
  if (range === undefined)
    throw new RangeError('the store holds no sales: import sales or load the demo data first');
  const closedThrough = lastDayBefore(runMonth);
  const through = range.last < closedThrough ? range.last : closedThrough;
  const origin =
    through === monthEnd(monthOf(through)) ? monthOf(through) : previousMonth(monthOf(through));
  const months = Array.from({ length: FORECAST_REFRESH_MONTHS }, (_, index) =>
    addMonths(runMonth, index + 1),
  );
  const horizon = monthsBetween(origin, months[months.length - 1]!);
  const { listings } = monthlyListings(context, {}, monthEnd(origin));
  const jobs: MonthlyForecastJob[] = [];
  listings.forEach((listing, index) => {
    const values = seriesThrough(listing, origin);
    if (values.length === 0) return;
    jobs.push({ id: String(index), sku: listing.sku, location: listing.location, values, horizon });
  });
  context.signal.throwIfAborted();
  const outcomes = (options.forecastJobs ?? ((batch) => forecastMonthlyJobs(batch)))(jobs);
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const rows: ForecastSnapshotRow[] = [];
  const methods: Record<string, number> = {};
  for (const job of jobs) {
    const outcome = byId.get(job.id);
    if (outcome === undefined) throw new RangeError(`forecastJobs: no outcome for job ${job.id}`);
    methods[outcome.method] = (methods[outcome.method] ?? 0) + 1;
    for (const month of months) {
      const step = monthsBetween(origin, month) - 1;
      const units = outcome.mean[step];
      if (units === undefined || !Number.isFinite(units))
        throw new RangeError(`forecastJobs: job ${job.id} has no finite forecast for ${month}`);
      rows.push({
        madeOn,
        sku: job.sku,
        location: job.location,
        month,
        units,
        lower: outcome.lower?.[step] ?? null,
        upper: outcome.upper?.[step] ?? null,
        method: outcome.method,
      });
    }
  }
  context.signal.throwIfAborted();
  planning.saveForecastSnapshots(rows);
  return { madeOn, origin, months, listings: jobs.length, snapshots: rows.length, methods };
}
