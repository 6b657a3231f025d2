// Monthly units of every SKU x location in a scope, from one grouped query (the store sums the
// days), so the S&OP sections make one pass over listings instead of one query per listing.
import type { CatalogLocation, CatalogProduct, SalesScope, ToolContext } from '../tool-context';
import { addMonths, monthOf, monthsBetween, monthStart } from './months';

export interface MonthlyListing {
  sku: string;
  location: string;
  category: string;
  region: string;
  /** the month of its first sales row in the window (YYYY-MM) */
  firstMonth: string;
  /** units by month from `firstMonth` to the window's last month; months without rows are 0 */
  units: number[];
}

export interface MonthlyListings {
  /** the window's last month (YYYY-MM); every listing's `units` ends there */
  lastMonth: string;
  listings: MonthlyListing[];
  productBySku: ReadonlyMap<string, CatalogProduct>;
  locationByCode: ReadonlyMap<string, CatalogLocation>;
}

/** Months of history read at most (5 years: enough for yearly seasonality, bounded cost). */
export const HISTORY_MONTHS = 60;

/** Units of a listing in a month (0 outside its series). */
export function unitsInMonth(listing: MonthlyListing, month: string): number {
  const index = monthsBetween(listing.firstMonth, month);
  return index >= 0 && index < listing.units.length ? (listing.units[index] as number) : 0;
}

/** The listing's monthly units from its first month through `month` (inclusive). */
export function seriesThrough(listing: MonthlyListing, month: string): number[] {
  const count = monthsBetween(listing.firstMonth, month) + 1;
  return count <= 0 ? [] : listing.units.slice(0, count);
}

/**
 * Every SKU x location with sales in `scope` up to `through` (inclusive ISO date; the last
 * month may be partial when `through` is not a month's end), as monthly series over at most the
 * last HISTORY_MONTHS months.
 */
export function monthlyListings(
  context: ToolContext,
  scope: SalesScope,
  through: string,
): MonthlyListings {
  const lastMonth = monthOf(through);
  const productBySku = new Map(context.catalog.products().map((product) => [product.sku, product]));
  const locationByCode = new Map(
    context.catalog.locations().map((location) => [location.code, location]),
  );
  const windowStart = monthStart(addMonths(lastMonth, 1 - HISTORY_MONTHS));
  const rows = context.sales.totals({
    ...scope,
    from: scope.from !== undefined && scope.from > windowStart ? scope.from : windowStart,
    to: scope.to !== undefined && scope.to < through ? scope.to : through,
    grain: 'month',
    groupBy: ['sku', 'location'],
  });
  // months as integers (year * 12 + month - 1): cheap to compare and subtract
  const monthNumber = (month: string) =>
    Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const lastNumber = monthNumber(lastMonth);
  const byKey = new Map<string, { sku: string; location: string; months: Map<number, number> }>();
  for (const row of rows) {
    if (row.sku === undefined || row.location === undefined) continue;
    const key = `${row.sku}\u0000${row.location}`;
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { sku: row.sku, location: row.location, months: new Map() };
      byKey.set(key, entry);
    }
    const month = monthNumber(row.period);
    entry.months.set(month, (entry.months.get(month) ?? 0) + row.units);
  }
  const listings: MonthlyListing[] = [];
  for (const entry of byKey.values()) {
    const product = productBySku.get(entry.sku);
    const location = locationByCode.get(entry.location);
    if (product === undefined || location === undefined) continue;
    let first = lastNumber;
    for (const month of entry.months.keys()) first = Math.min(first, month);
    const units = new Array<number>(lastNumber - first + 1).fill(0);
    for (const [month, value] of entry.months) units[month - first] = value;
    const firstMonth = addMonths(lastMonth, first - lastNumber);
    listings.push({
      sku: entry.sku,
      location: entry.location,
      category: product.category,
      region: location.region,
      firstMonth,
      units,
    });
  }
  listings.sort((left, right) =>
    left.sku === right.sku
      ? left.location.localeCompare(right.location)
      : left.sku.localeCompare(right.sku),
  );
  return { lastMonth, listings, productBySku, locationByCode };
}

/** Reads monthly listings; `monthlyListings` itself, or a cache of it shared by the sections. */
export type MonthlyListingsSource = (
  context: ToolContext,
  scope: SalesScope,
  through: string,
) => MonthlyListings;

/**
 * A source that reads each (scope, through) once: create one per S&OP pack so the demand and
 * lifecycle reviews (and others) share the grouped query; drop it afterwards (it does not see
 * later writes to the store).
 */
export function createMonthlyListingsCache(): MonthlyListingsSource {
  const cache = new Map<string, MonthlyListings>();
  return (context, scope, through) => {
    const key = JSON.stringify([
      scope.skus,
      scope.categories,
      scope.locations,
      scope.regions,
      scope.from,
      scope.to,
      through,
    ]);
    let entry = cache.get(key);
    if (entry === undefined) {
      entry = monthlyListings(context, scope, through);
      cache.set(key, entry);
    }
    return entry;
  };
}
