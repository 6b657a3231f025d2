// The S&OP summary's supply and inventory review (issue 9), as of each listing's last stock count
// in the month: one scoped query of the daily rows with their stock counts, one pass over the
// listings (supply-review-listing.ts), then the totals and the largest rows. Money: lost sales at
// list price (unit cost where the catalogue has no price), stock (excess, expiry, waste) at unit
// cost.
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import type {
  CatalogProduct,
  ListingHistory,
  SalesScope,
  SupplyTerms,
  ToolContext,
} from '../tool-context';
import { monthEnd, monthStart } from './months';
import type { SopSection, SupplyReview } from './sop-facts';
import { readStockListings, type StockListingsSource } from './stock-listings';
import {
  DEMAND_WINDOW_DAYS,
  listingService,
  planListingSupply,
  recommendSupplyPolicy,
  type ListingSupplyFacts,
  type ListingSupplyPlan,
  type SupplyPolicyFunction,
  type SupplyPolicyJob,
  type SupplyPolicyOutcome,
} from './supply-review-listing';

/** Most rows kept in each list (the totals cover every listing). */
export const SUPPLY_REVIEW_ROWS = 20;
/** Most days of history read before the month to date the stock on hand (its FIFO age). */
export const SUPPLY_HISTORY_DAYS = 120;

const round = (value: number, digits = 2) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

function largest<T>(rows: T[], by: (row: T) => number): T[] {
  return rows.sort((left, right) => by(right) - by(left)).slice(0, SUPPLY_REVIEW_ROWS);
}

function scopeText(scope: SalesScope): string {
  const parts = [
    scope.skus?.length ? `SKU ${scope.skus.join(', ')}` : '',
    scope.categories?.length ? `category ${scope.categories.join(', ')}` : '',
    scope.locations?.length ? `location ${scope.locations.join(', ')}` : '',
    scope.regions?.length ? `region ${scope.regions.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` for ${parts.join(', ')}` : '';
}

function daysOfCover(facts: readonly ListingSupplyFacts[]): SupplyReview['daysOfCover'] {
  const groups = new Map<
    string,
    { category: string; location: string; onHand: number; daily: number }
  >();
  for (const item of facts) {
    const key = `${item.category}\u0000${item.location}`;
    const group = groups.get(key) ?? {
      category: item.category,
      location: item.location,
      onHand: 0,
      daily: 0,
    };
    group.onHand += item.onHand;
    group.daily += item.averageDailyUnits;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort(
      (left, right) =>
        left.category.localeCompare(right.category) || left.location.localeCompare(right.location),
    )
    .map((group) => ({
      category: group.category,
      location: group.location,
      onHandUnits: group.onHand,
      averageDailyUnits: round(group.daily, 3),
      days: group.daily > 0 ? round(group.onHand / group.daily, 1) : null,
    }));
}

/**
 * The listings' daily rows with stock counts: every listing from 28 days before the month (the
 * demand window of a count on the 1st); products whose shelf life is over 28 and at most
 * SUPPLY_HISTORY_DAYS days also from their shelf life before it, so the age of their stock is
 * resolved back to the end of their life (older stock is expired whatever its exact age). Stock
 * older than the rows read is dated at the first count (a lower bound on its age: for a shelf life
 * over SUPPLY_HISTORY_DAYS, only slow movers are affected). Two scoped queries, none per listing.
 */
function readListings(
  context: ToolContext,
  scope: SalesScope,
  products: ReadonlyMap<string, CatalogProduct>,
  startDay: number,
  endDay: number,
  stockListings: StockListingsSource,
): ListingHistory[] {
  const places = {
    ...(scope.categories && { categories: scope.categories }),
    ...(scope.locations && { locations: scope.locations }),
    ...(scope.regions && { regions: scope.regions }),
  };
  const recentStart = startDay - DEMAND_WINDOW_DAYS;
  const resolvable = (life: number) => life > DEMAND_WINDOW_DAYS && life <= SUPPLY_HISTORY_DAYS;
  const listings = stockListings(
    context,
    { ...places, ...(scope.skus && { skus: scope.skus }) },
    formatIsoDate(recentStart),
    formatIsoDate(endDay),
  );
  const longLived = listings
    .map((listing) => products.get(listing.sku)?.shelfLifeDays ?? null)
    .filter((life): life is number => life !== null && resolvable(life));
  if (longLived.length === 0) return listings;
  const lifeDays = Math.max(...longLived);
  const skus = [
    ...new Set(
      listings
        .map((listing) => listing.sku)
        .filter((sku) => resolvable(products.get(sku)?.shelfLifeDays ?? 0)),
    ),
  ];
  const earlier = context.sales.listings(
    {
      ...places,
      skus,
      from: formatIsoDate(startDay - lifeDays),
      to: formatIsoDate(recentStart - 1),
    },
    { stock: true },
  );
  const byKey = new Map(
    earlier.map((listing) => [`${listing.sku}\u0000${listing.location}`, listing]),
  );
  return listings.map((listing) => {
    const before = byKey.get(`${listing.sku}\u0000${listing.location}`);
    return before === undefined ? listing : { ...listing, days: [...before.days, ...listing.days] };
  });
}

/** Each listing's supply terms: one bulk read when the context has one, else one per listing. */
function supplyTermsOf(
  context: ToolContext,
  listings: readonly ListingHistory[],
): (SupplyTerms | undefined)[] {
  if (context.supply.forListings) return context.supply.forListings(listings);
  return listings.map((listing) => context.supply.forListing(listing.sku, listing.location));
}

export interface SupplyReviewOptions {
  /** runs the policy jobs; default recommendSupplyPolicy in this thread */
  policyJobs?: SupplyPolicyFunction;
  /** the daily rows with stock; default one read of the store (a pack shares one with the KPIs) */
  stockListings?: StockListingsSource;
}

export type SupplyReviewPlan =
  | { status: 'not_available'; reason: string }
  | {
      status: 'ready';
      /** one per listing with a stock count in the month (plain data: worker threads may run them) */
      jobs: SupplyPolicyJob[];
      /** the section from the jobs' outcomes (any order; matched by id) */
      complete(outcomes: readonly SupplyPolicyOutcome[]): SopSection<SupplyReview>;
    };

/**
 * The supply review of `month` (YYYY-MM) over `scope` (its dates are ignored):
 * - days of cover = on hand at the count / average daily units sold over the 28 days ending on it;
 * - below safety stock: on hand under the recommended policy's safety stock;
 * - projected stockouts: on hand + on order under the lead-time demand; order = lead-time demand +
 *   safety stock - position (at least the MOQ); lost sales = the shortfall at list price;
 * - excess: on hand above the recommended order-up-to level, at unit cost;
 * - expiry risk: units projected to expire unsold (stock-age.ts), at unit cost; expected waste is
 *   the part that expires within 30 days of the count;
 * - fill rate over the month's days: sold / (sold + estimated lost on stockout days).
 */
export function buildSupplyReview(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  options: SupplyReviewOptions = {},
): SopSection<SupplyReview> {
  const plan = prepareSupplyReview(context, month, scope, options.stockListings);
  if (plan.status === 'not_available') return plan;
  const run = options.policyJobs ?? ((jobs) => jobs.map((job) => recommendSupplyPolicy(job)));
  return plan.complete(run(plan.jobs));
}

/** The review in two phases: the listings' policy jobs, then the section from their outcomes. */
export function prepareSupplyReview(
  context: ToolContext,
  month: string,
  scope: SalesScope,
  stockListings: StockListingsSource = readStockListings,
): SupplyReviewPlan {
  const startDay = parseIsoDate(monthStart(month));
  const endDay = parseIsoDate(monthEnd(month));
  const products = new Map<string, CatalogProduct>(
    context.catalog.products().map((product) => [product.sku, product]),
  );
  const listings = readListings(context, scope, products, startDay, endDay, stockListings);
  const plans: ListingSupplyPlan[] = [];
  let soldUnits = 0;
  let lostUnits = 0;
  let stockoutDays = 0;
  let listingDays = 0;
  const terms = supplyTermsOf(context, listings);
  for (const [index, listing] of listings.entries()) {
    context.signal.throwIfAborted();
    const product = products.get(listing.sku);
    if (product === undefined) continue;
    const service = listingService(listing, { startDay, endDay });
    soldUnits += service.soldUnits;
    lostUnits += service.lostUnits;
    stockoutDays += service.stockoutDays;
    listingDays += service.listingDays;
    const plan = planListingSupply(
      listing,
      product,
      terms[index],
      { startDay, endDay },
      `supply:${plans.length}`,
    );
    if (plan !== undefined) plans.push(plan);
  }
  if (plans.length === 0) {
    return {
      status: 'not_available',
      reason: `no stock counts in the store for ${month}${scopeText(scope)}`,
    };
  }
  return {
    status: 'ready',
    jobs: plans.map((plan) => plan.job),
    complete(outcomes) {
      const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
      const facts = plans.map((plan) => {
        const outcome = byId.get(plan.job.id);
        if (outcome === undefined)
          throw new RangeError(`outcomes: no policy for job ${plan.job.id}`);
        return plan.finish(outcome);
      });
      return supplySection(facts, products, { soldUnits, lostUnits, stockoutDays, listingDays });
    },
  };
}

function supplySection(
  facts: readonly ListingSupplyFacts[],
  products: ReadonlyMap<string, CatalogProduct>,
  service: { soldUnits: number; lostUnits: number; stockoutDays: number; listingDays: number },
): SopSection<SupplyReview> {
  const { soldUnits, lostUnits, stockoutDays, listingDays } = service;
  const priceOf = (sku: string) => {
    const product = products.get(sku);
    return product?.price ?? product?.unitCost ?? 0;
  };
  const costOf = (sku: string) => products.get(sku)?.unitCost ?? 0;
  const co2eOf = (sku: string) => products.get(sku)?.co2eKgPerUnit ?? null;

  const excessItems = facts
    .filter((item) => item.excessUnits > 0)
    .map((item) => ({
      sku: item.sku,
      location: item.location,
      onHandUnits: item.onHand,
      recommendedMaxUnits: item.orderUpToLevel,
      excessUnits: item.excessUnits,
      excessValue: round(item.excessUnits * costOf(item.sku)),
    }));
  const atRisk = facts.filter((item) => item.expiry !== null && item.expiry.atRiskUnits > 0);
  const co2e = (units: (item: ListingSupplyFacts) => number) => {
    const known = atRisk.filter((item) => co2eOf(item.sku) !== null && units(item) > 0);
    if (known.length === 0) return atRisk.some((item) => units(item) > 0) ? null : 0;
    return round(
      known.reduce((total, item) => total + units(item) * (co2eOf(item.sku) as number), 0),
      3,
    );
  };
  const riskUnits = (item: ListingSupplyFacts) => item.expiry?.atRiskUnits ?? 0;
  const wasteUnits = (item: ListingSupplyFacts) => item.expiry?.atRiskWithinUnits ?? 0;
  const sumOf = (value: (item: ListingSupplyFacts) => number) =>
    atRisk.reduce((total, item) => total + value(item), 0);

  return {
    status: 'available',
    data: {
      stockDate: formatIsoDate(Math.max(...facts.map((item) => item.stockDay))),
      daysOfCover: daysOfCover(facts),
      belowSafetyStock: largest(
        facts.filter((item) => item.onHand < item.safetyStock),
        (item) => (item.safetyStock - item.onHand) * costOf(item.sku),
      ).map((item) => ({
        sku: item.sku,
        location: item.location,
        onHandUnits: item.onHand,
        safetyStockUnits: round(item.safetyStock, 1),
      })),
      projectedStockouts: largest(
        facts.flatMap((item) =>
          item.stockout === null
            ? []
            : [
                {
                  sku: item.sku,
                  location: item.location,
                  daysUntilStockout: round(item.stockout.daysUntilStockout, 1),
                  leadTimeDays: item.leadTimeDays,
                  orderUnits: item.stockout.orderUnits,
                  lostSalesValue: round(item.stockout.lostUnits * priceOf(item.sku)),
                },
              ],
        ),
        (row) => row.lostSalesValue,
      ),
      excess: {
        totalValue: round(excessItems.reduce((total, item) => total + item.excessValue, 0)),
        items: largest(excessItems, (item) => item.excessValue),
      },
      expiryRisk: {
        units: round(sumOf(riskUnits), 1),
        value: round(sumOf((item) => riskUnits(item) * costOf(item.sku))),
        co2eKg: co2e(riskUnits),
        items: largest(
          atRisk.map((item) => ({
            sku: item.sku,
            location: item.location,
            units: round(riskUnits(item), 1),
            value: round(riskUnits(item) * costOf(item.sku)),
            daysLeft: item.expiry?.daysLeft ?? 0,
          })),
          (row) => row.value,
        ),
      },
      expectedWaste: {
        units: round(sumOf(wasteUnits), 1),
        value: round(sumOf((item) => wasteUnits(item) * costOf(item.sku))),
        co2eKg: co2e(wasteUnits),
      },
      serviceLevel: {
        fillRate: soldUnits + lostUnits > 0 ? round(soldUnits / (soldUnits + lostUnits), 4) : null,
        stockoutDays,
        listingDays,
      },
    },
  };
}
