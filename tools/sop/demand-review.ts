// The S&OP demand review (issue 9): the month's actuals against the forecast made before it
// (a stored snapshot when the nightly job kept one, else a backtest fitted on the months before),
// accuracy overall, by category and by region, the worst items, the next months' outlook against
// last year, and the drivers. Two phases, so the forecasts can run elsewhere (worker threads):
// prepareDemandReview gives plain jobs, `complete` turns their outcomes into the section.
import type { CatalogProduct, SalesScope, ToolContext } from '../tool-context';
import { accuracyBy, accuracyOf, type ScoredListing } from './demand-review-accuracy';
import { demandDrivers } from './demand-review-drivers';
import {
  forecastMonthlyJobs,
  type MonthlyForecastFunction,
  type MonthlyForecastJob,
  type MonthlyForecastOutcome,
} from './demand-review-forecasts';
import { outlookRows } from './demand-review-outlook';
import { scopeFilters } from './demand-review-scope';
import {
  monthlyListings,
  type MonthlyListingsSource,
  seriesThrough,
  unitsInMonth,
  type MonthlyListing,
} from './monthly-listings';
import {
  addMonths,
  daysInMonth,
  lastDayBefore,
  monthEnd,
  monthStart,
  previousMonth,
} from './months';
import type { DemandReview, SopSection } from './sop-facts';

/** Months of sales before the month a SKU x location needs for its backtest forecast. */
export const MINIMUM_BACKTEST_MONTHS = 3;
/** Months the outlook covers after the reviewed month. */
export const OUTLOOK_MONTHS = 3;
/** Items the review lists by absolute error. */
const WORST_ITEMS = 10;

export interface DemandReviewOptions {
  /** runs the forecast jobs; default Theta in this thread (forecastMonthlyJobs) */
  forecastJobs?: MonthlyForecastFunction;
  /** where monthly listings come from; a createMonthlyListingsCache() shares them across sections */
  listings?: MonthlyListingsSource;
}

export type DemandReviewPlan =
  | { status: 'not_available'; reason: string }
  | {
      status: 'ready';
      jobs: MonthlyForecastJob[];
      /** the section from the jobs' outcomes (any order; matched by id) */
      complete(outcomes: readonly MonthlyForecastOutcome[]): SopSection<DemandReview>;
    };

interface Forecasted {
  listing: Pick<MonthlyListing, 'sku' | 'location' | 'category' | 'region'>;
  actualUnits: number;
  /** a stored snapshot's units, or the id of the backtest job that gives them */
  forecast: number | string;
}

const keyOf = (sku: string, location: string) => `${sku}\u0000${location}`;

/** The month's demand review, or why it cannot be computed. */
export function buildDemandReview(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  options: DemandReviewOptions = {},
): SopSection<DemandReview> {
  const plan = prepareDemandReview(context, month, scope, options.listings);
  if (plan.status === 'not_available') return plan;
  const run = options.forecastJobs ?? ((jobs) => forecastMonthlyJobs(jobs));
  return plan.complete(run(plan.jobs));
}

export function prepareDemandReview(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  listingsSource: MonthlyListingsSource = monthlyListings,
): DemandReviewPlan {
  const range = context.sales.dateRange();
  if (range === undefined) return { status: 'not_available', reason: 'no sales in the store' };
  if (range.last < monthStart(month) || range.first > monthEnd(month)) {
    return {
      status: 'not_available',
      reason: `no sales in ${month}: the store's sales run from ${range.first} to ${range.last}`,
    };
  }
  const through = range.last < monthEnd(month) ? range.last : monthEnd(month);
  const closed = through === monthEnd(month);
  const filters = scopeFilters(context, scope);
  const { listings } = listingsSource(context, filters.salesScope, through);
  const monthUnits = listings.reduce((sum, listing) => sum + unitsInMonth(listing, month), 0);
  if (monthUnits <= 0) {
    return { status: 'not_available', reason: `no sales in ${month} in ${filters.label}` };
  }
  // A month in progress is compared with the share of its forecast for the days with data.
  const coverage = closed ? 1 : Number(through.slice(8, 10)) / daysInMonth(month);
  const jobs: MonthlyForecastJob[] = [];
  const forecasted: Forecasted[] = [];
  let forecastSource: DemandReview['forecastSource'];
  let forecastOrigin: string;

  const snapshots = (context.planning?.forecastSnapshots(month, lastDayBefore(month)) ?? []).filter(
    (row) => filters.includes(row.sku, row.location),
  );
  if (snapshots.length > 0) {
    forecastSource = 'snapshot';
    forecastOrigin = snapshots.reduce((last, row) => (row.madeOn > last ? row.madeOn : last), '');
    const byKey = new Map(
      listings.map((listing) => [keyOf(listing.sku, listing.location), listing]),
    );
    for (const row of snapshots) {
      const listing = byKey.get(keyOf(row.sku, row.location));
      forecasted.push({
        listing: listing ?? filters.describe(row.sku, row.location),
        actualUnits: listing ? unitsInMonth(listing, month) : 0,
        forecast: row.units * coverage,
      });
    }
  } else {
    forecastSource = 'backtest';
    forecastOrigin = lastDayBefore(month);
    let longest = 0;
    listings.forEach((listing, index) => {
      const history = seriesThrough(listing, previousMonth(month));
      longest = Math.max(longest, history.length);
      if (history.length < MINIMUM_BACKTEST_MONTHS) return;
      const id = `backtest:${index}`;
      jobs.push({ id, sku: listing.sku, location: listing.location, values: history, horizon: 1 });
      forecasted.push({ listing, actualUnits: unitsInMonth(listing, month), forecast: id });
    });
    if (forecasted.length === 0) {
      return {
        status: 'not_available',
        reason: `too little history to forecast ${month}: a SKU x location needs ${MINIMUM_BACKTEST_MONTHS} months of sales before it (from ${addMonths(month, -MINIMUM_BACKTEST_MONTHS)}), and the longest in ${filters.label} has ${longest}`,
      };
    }
  }

  // The outlook starts after the month when it is closed, else after the last closed month.
  const outlookOrigin = closed ? month : previousMonth(month);
  const outlookHorizon = closed ? OUTLOOK_MONTHS : OUTLOOK_MONTHS + 1;
  const outlookIds: string[] = [];
  listings.forEach((listing, index) => {
    const history = seriesThrough(listing, outlookOrigin);
    if (history.length === 0) return;
    const id = `outlook:${index}`;
    outlookIds.push(id);
    jobs.push({
      id,
      sku: listing.sku,
      location: listing.location,
      values: history,
      horizon: outlookHorizon,
    });
  });

  return {
    status: 'ready',
    jobs,
    complete(outcomes) {
      const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
      const forecastOf = (id: string, step: number): number => {
        const outcome = byId.get(id);
        const value = outcome?.mean[step];
        if (value === undefined) throw new RangeError(`outcomes: no forecast for job ${id}`);
        return value;
      };
      const scored: ScoredListing[] = forecasted.map((entry) => ({
        ...entry.listing,
        actualUnits: entry.actualUnits,
        forecastUnits:
          typeof entry.forecast === 'number'
            ? entry.forecast
            : forecastOf(entry.forecast, 0) * coverage,
      }));
      const outlookOutcomes = outlookIds.map((id) => {
        const outcome = byId.get(id);
        if (outcome === undefined) throw new RangeError(`outcomes: no forecast for job ${id}`);
        return outcome;
      });
      return {
        status: 'available',
        data: {
          forecastSource,
          forecastOrigin,
          overall: accuracyOf(scored),
          byCategory: accuracyBy(scored, (listing) => listing.category).map((group) => ({
            category: group.key,
            ...group.accuracy,
          })),
          byRegion: accuracyBy(scored, (listing) => listing.region).map((group) => ({
            region: group.key,
            ...group.accuracy,
          })),
          worstItems: worstItems(scored, filters.productBySku),
          outlook: outlookRows({
            month,
            months: OUTLOOK_MONTHS,
            skipSteps: outlookHorizon - OUTLOOK_MONTHS,
            outcomes: outlookOutcomes,
            listings,
          }),
          drivers: demandDrivers(context, month, OUTLOOK_MONTHS, {
            products: filters.products,
            locations: filters.locations,
            dataThrough: range.last,
          }),
        },
      };
    },
  };
}

function worstItems(
  scored: readonly ScoredListing[],
  productBySku: ReadonlyMap<string, CatalogProduct>,
): DemandReview['worstItems'] {
  return scored
    .map((listing) => ({ listing, error: Math.abs(listing.actualUnits - listing.forecastUnits) }))
    .sort(
      (left, right) =>
        right.error - left.error ||
        left.listing.sku.localeCompare(right.listing.sku) ||
        left.listing.location.localeCompare(right.listing.location),
    )
    .slice(0, WORST_ITEMS)
    .map(({ listing, error }) => {
      const product = productBySku.get(listing.sku);
      const price = product?.price;
      return {
        sku: listing.sku,
        name: product?.name ?? listing.sku,
        location: listing.location,
        actualUnits: listing.actualUnits,
        forecastUnits: listing.forecastUnits,
        absErrorUnits: error,
        // lost or excess sales at list price (PEN)
        errorValue: price != null && price > 0 ? error * price : null,
      };
    });
}
