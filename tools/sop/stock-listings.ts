// The daily rows with stock counts: the supply review reads the month (and the 28 days before),
// the KPI card the previous month (and the 28 days before). A pack reads the union once and
// slices it for both (issue 9: the KPI card's own read cost ~2.5 s at demo scale).
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import type { ListingHistory, SalesScope, ToolContext } from '../tool-context';
import { monthEnd, monthStart, previousMonth } from './months';
import { DEMAND_WINDOW_DAYS } from './supply-review-listing';

/** The listings in `filters` (its from/to ignored) with their days in [from, to], stock included. */
export type StockListingsSource = (
  context: ToolContext,
  filters: SalesScope,
  from: string,
  to: string,
) => ListingHistory[];

function withoutDates(filters: SalesScope): SalesScope {
  return {
    ...(filters.skus && { skus: filters.skus }),
    ...(filters.categories && { categories: filters.categories }),
    ...(filters.locations && { locations: filters.locations }),
    ...(filters.regions && { regions: filters.regions }),
  };
}

/** One read of the store per call. */
export const readStockListings: StockListingsSource = (context, filters, from, to) =>
  context.sales.listings({ ...withoutDates(filters), from, to }, { stock: true });

/** The window both reads of a month's pack fall in: the previous month's start - 28 days to the month's end. */
export function packStockWindow(month: string): { from: string; to: string } {
  return {
    from: formatIsoDate(parseIsoDate(monthStart(previousMonth(month))) - DEMAND_WINDOW_DAYS),
    to: monthEnd(month),
  };
}

/** First index whose date is >= `date` (days are in date order). */
function firstAtOrAfter(days: ListingHistory['days'], date: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((days[middle] as ListingHistory['days'][number]).date < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The listings of a wider read cut to [from, to]: the same listings and days a read of [from, to]
 * gives (a listing without a day in the window is left out, as the store leaves it out).
 */
export function sliceListings(
  listings: readonly ListingHistory[],
  from: string,
  to: string,
): ListingHistory[] {
  const sliced: ListingHistory[] = [];
  for (const listing of listings) {
    const start = firstAtOrAfter(listing.days, from);
    const end = firstAtOrAfter(listing.days, `${to}\u0000`);
    if (end > start) sliced.push({ ...listing, days: listing.days.slice(start, end) });
  }
  return sliced;
}

/**
 * A source per month for one pack: reads inside packStockWindow(month) are answered from one read
 * of that window per filter set; others go to the store. Drop it after the pack (it does not see
 * later writes).
 */
export function createStockListingsCache(): (month: string) => StockListingsSource {
  const wideReads = new Map<string, ListingHistory[]>();
  return (month) => {
    const window = packStockWindow(month);
    return (context, filters, from, to) => {
      if (from < window.from || to > window.to)
        return readStockListings(context, filters, from, to);
      const plain = withoutDates(filters);
      const key = JSON.stringify([
        month,
        plain.skus,
        plain.categories,
        plain.locations,
        plain.regions,
      ]);
      let wide = wideReads.get(key);
      if (wide === undefined) {
        wide = readStockListings(context, plain, window.from, window.to);
        wideReads.set(key, wide);
      }
      return sliceListings(wide, from, to);
    };
  };
}
