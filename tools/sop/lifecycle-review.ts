// The S&OP product-lifecycle review (issue 9): launches of the last 6 months against their
// analogue forecast, declining products, and discontinued products with the stock left.
import type { CatalogProduct, SalesScope, ToolContext } from '../tool-context';
import { scopeFilters } from './demand-review-scope';
import { reviewLaunches } from './lifecycle-review-launches';
import {
  type MonthlyListing,
  type MonthlyListingsSource,
  monthlyListings,
  unitsInMonth,
} from './monthly-listings';
import { addMonths, monthEnd, monthStart, previousMonth } from './months';
import type { LifecycleReview, SopSection } from './sop-facts';

/** Launches reviewed: launch date in the 6 months up to the month's end. */
export const LAUNCH_WINDOW_MONTHS = 6;
/**
 * Declining: units of the last 3 closed months at least 20% below the same 3 months a year
 * earlier (or, when the product sold nothing then, the 3 months before), on a base of at least
 * 30 units so that small numbers do not flag noise.
 */
export const DECLINE_THRESHOLD = -0.2;
export const DECLINE_WINDOW_MONTHS = 3;
export const MINIMUM_DECLINE_BASE_UNITS = 30;

export interface LifecycleReviewOptions {
  /** where monthly listings come from; a createMonthlyListingsCache() shares them across sections */
  listings?: MonthlyListingsSource;
}

const discontinuedStage = /discontinu|delist|end[ _-]?of[ _-]?life|\beol\b|phase[ _-]?out/i;

export function isDiscontinued(product: CatalogProduct): boolean {
  return product.lifecycleStage !== null && discontinuedStage.test(product.lifecycleStage);
}

/** The month's lifecycle review, or why it cannot be computed. */
export function buildLifecycleReview(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  options: LifecycleReviewOptions = {},
): SopSection<LifecycleReview> {
  const range = context.sales.dateRange();
  if (range === undefined) return { status: 'not_available', reason: 'no sales in the store' };
  if (range.first > monthEnd(month)) {
    return {
      status: 'not_available',
      reason: `the store's sales start on ${range.first}, after ${month}`,
    };
  }
  const filters = scopeFilters(context, scope);
  if (filters.products.length === 0) {
    return { status: 'not_available', reason: `no products in ${filters.label}` };
  }
  const through = range.last < monthEnd(month) ? range.last : monthEnd(month);
  const closed = through === monthEnd(month);
  const { listings } = (options.listings ?? monthlyListings)(context, filters.salesScope, through);
  const listingsBySku = new Map<string, MonthlyListing[]>();
  for (const listing of listings) {
    const group = listingsBySku.get(listing.sku);
    if (group) group.push(listing);
    else listingsBySku.set(listing.sku, [listing]);
  }
  // The latest stock count of each listing of the SKU in scope (0 where none is recorded).
  const onHandOf = (sku: string) =>
    (listingsBySku.get(sku) ?? []).reduce(
      (sum, listing) => sum + (context.inventory.latest(sku, listing.location)?.onHand ?? 0),
      0,
    );

  const windowStart = monthStart(addMonths(month, -(LAUNCH_WINDOW_MONTHS - 1)));
  const launched = filters.products
    .filter(
      (product) =>
        product.launchDate !== null &&
        product.launchDate >= windowStart &&
        product.launchDate <= through,
    )
    .sort((left, right) => (left.launchDate as string).localeCompare(right.launchDate as string));
  const launches = reviewLaunches(context, {
    catalogue: context.catalog.products(),
    launched,
    locations: filters.locations,
    dataFirst: range.first,
    through,
  });

  const recent = new Set(launched.map((product) => product.sku));
  const lastClosed = closed ? month : previousMonth(month);
  const declining = filters.products
    .filter((product) => !recent.has(product.sku) && !isDiscontinued(product))
    .flatMap((product) => {
      const change = declineOf(listingsBySku.get(product.sku) ?? [], lastClosed);
      return change === null
        ? []
        : [
            {
              sku: product.sku,
              name: product.name,
              changePct: change,
              onHandUnits: onHandOf(product.sku),
            },
          ];
    })
    .sort((left, right) => left.changePct - right.changePct || left.sku.localeCompare(right.sku));

  const discontinued = filters.products
    .filter(isDiscontinued)
    .map((product) => {
      const onHandUnits = onHandOf(product.sku);
      const cost = product.unitCost;
      return {
        sku: product.sku,
        name: product.name,
        onHandUnits,
        // stock at unit cost (PEN); null when the cost is not on file
        onHandValue: cost != null && cost >= 0 ? onHandUnits * cost : null,
      };
    })
    .filter((item) => item.onHandUnits > 0)
    .sort(
      (left, right) =>
        (right.onHandValue ?? 0) - (left.onHandValue ?? 0) || left.sku.localeCompare(right.sku),
    );

  return { status: 'available', data: { launches, declining, discontinued } };
}

/**
 * Change of the last DECLINE_WINDOW_MONTHS months ending at `lastMonth` against the same months a
 * year earlier, or against the months just before when the product sold nothing a year earlier;
 * as a fraction, returned only when it is at or below DECLINE_THRESHOLD on a large enough base.
 */
export function declineOf(listings: readonly MonthlyListing[], lastMonth: string): number | null {
  const total = (endMonth: string) => {
    let units = 0;
    for (let back = 0; back < DECLINE_WINDOW_MONTHS; back += 1) {
      const month = addMonths(endMonth, -back);
      for (const listing of listings) units += unitsInMonth(listing, month);
    }
    return units;
  };
  const recent = total(lastMonth);
  const yearEarlier = total(addMonths(lastMonth, -12));
  const base = yearEarlier > 0 ? yearEarlier : total(addMonths(lastMonth, -DECLINE_WINDOW_MONTHS));
  if (base < MINIMUM_DECLINE_BASE_UNITS) return null;
  const change = (recent - base) / base;
  return change <= DECLINE_THRESHOLD ? change : null;
}
