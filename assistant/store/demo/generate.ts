// Generates the demo company for a seed and a window: deterministic (no clock), with one RNG
// stream per product, listing and purpose, so adding a SKU or a location changes no other series.
// The daily series are produced lazily, one listing at a time, to keep memory small.
import { formatIsoDate, parseIsoDate, partsOf } from '../../../models/calendar/dates';
import { Random } from '../../../models/stats/random';
import { InvalidInputError } from '../../errors';
import { applyRecordedAnomalies, planAnomalies } from './anomalies';
import { buildCatalogue, selectProducts } from './catalogue';
import { createDemandContext, listingDemand, type DemandContext } from './demand-model';
import { calendarRows } from './events';
import { simulateInventory } from './inventory-sim';
import { buildListings } from './listings';
import { LOCATIONS } from './locations';
import { planPromotions } from './promotions';
import type {
  Category,
  DemoCalendarEvent,
  DemoListing,
  DemoLocation,
  DemoProduct,
  DemoPromotion,
  DemoSupply,
  ListingSeries,
} from './types';

/** Bumped whenever the generator's output for a given seed changes. */
export const DEMO_VERSION = '1';

export interface GenerateOptions {
  seed: number;
  /** first day of sales (ISO) */
  startDate: string;
  /** last day of sales, inclusive (ISO) */
  endDate: string;
  /** a round-robin subset over categories (default: the whole catalogue) */
  skuCount?: number;
  /** a subset of location codes (default: all) */
  locationCodes?: readonly string[];
  /** only these categories (for tests) */
  categories?: readonly Category[];
}

export interface DemoCompany {
  seed: number;
  startDay: number;
  endDay: number;
  /** products with at least one listing */
  products: DemoProduct[];
  /** the locations asked for (all with listings unless a tiny subset) */
  locations: DemoLocation[];
  listings: DemoListing[];
  promotions: DemoPromotion[];
  calendar: DemoCalendarEvent[];
  supply: DemoSupply[];
  /** ISO date of a day number in the window (cached strings) */
  isoDate(day: number): string;
  /** the daily series of every listing, in listing order, generated on demand */
  series(): Generator<ListingSeries>;
}

function selectLocations(codes: readonly string[] | undefined): DemoLocation[] {
  if (codes === undefined) return [...LOCATIONS];
  const known = new Set(LOCATIONS.map((location) => location.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `unknown demo location ${unknown.map((code) => `"${code}"`).join(', ')}: use some of ${[...known].join(', ')}`,
    );
  }
  return LOCATIONS.filter((location) => codes.includes(location.code));
}

function generateSeries(
  listing: DemoListing,
  promotions: readonly DemoPromotion[],
  context: DemandContext,
  root: Random,
): ListingSeries {
  const { product, location, supply } = listing;
  const random = root.fork(`series:${product.sku}@${location.code}`);
  const demandRandom = random.fork('demand');
  const { mean, plan, price, promo } = listingDemand(listing, promotions, context);
  const length = mean.length;
  const demand = new Float64Array(length);
  for (let index = 0; index < length; index += 1) {
    demand[index] = demandRandom.negativeBinomial(mean[index] ?? 0, product.model.dispersion);
  }
  const warmUp = Math.min(28, length);
  let meanSum = 0;
  let planSum = 0;
  for (let index = 0; index < warmUp; index += 1) {
    meanSum += mean[index] ?? 0;
    planSum += plan[index] ?? 1;
  }
  const inventory = simulateInventory(
    demand,
    plan,
    planSum > 0 ? meanSum / planSum : 0,
    {
      leadTimeDays: supply.leadTimeDays,
      leadTimeSdDays: supply.leadTimeSdDays,
      moq: supply.moq,
      casePack: product.model.casePack,
      safetyFactor: listing.safetyFactor,
      coverDays: listing.coverDays,
      shelfLifeDays: product.shelfLifeDays,
      dispersion: Math.max(1, product.model.dispersion),
    },
    random.fork('inventory'),
  );
  const units = Float64Array.from(inventory.sales);
  const anomalies = applyRecordedAnomalies(listing, mean, units, inventory.stockout, promo);
  const revenue = new Float64Array(length);
  for (let index = 0; index < length; index += 1) {
    revenue[index] = Math.round((units[index] ?? 0) * (price[index] ?? 0) * 100) / 100;
  }
  return {
    listing,
    firstDay: listing.firstDay,
    length,
    units,
    demand,
    price,
    revenue,
    promo,
    stockout: inventory.stockout,
    onHand: inventory.onHand,
    onOrder: inventory.onOrder,
    expired: inventory.expired,
    anomalies,
  };
}

export function generateDemoCompany(options: GenerateOptions): DemoCompany {
  const startDay = parseIsoDate(options.startDate);
  const endDay = parseIsoDate(options.endDate);
  if (endDay < startDay + 59) {
    throw new InvalidInputError(
      `demo window ${options.startDate}..${options.endDate} is too short: it needs at least 60 days`,
    );
  }
  const root = new Random(options.seed);
  const catalogue = buildCatalogue(root.fork('catalogue'), startDay, endDay);
  const chosen = selectProducts(catalogue, options.skuCount, options.categories);
  const locations = selectLocations(options.locationCodes);
  const everyListing = buildListings(chosen, LOCATIONS, root.fork('listings'), startDay, endDay);
  const listings = buildListings(chosen, locations, root.fork('listings'), startDay, endDay);

  const wanted = new Set(locations.map((location) => location.code));
  const promotionsBySku = new Map<string, DemoPromotion[]>();
  for (const product of chosen) {
    const carried = everyListing
      .filter((listing) => listing.product === product)
      .map((listing) => listing.location.code);
    const planned = planPromotions(
      product,
      carried,
      root.fork(`promotions:${product.sku}`),
      startDay,
      endDay,
    ).filter((promotion) => promotion.location === null || wanted.has(promotion.location));
    promotionsBySku.set(product.sku, planned);
  }

  const context = createDemandContext(startDay, endDay);
  planAnomalies(listings, promotionsBySku, context, root.fork('anomalies'));

  const listed = new Set(listings.map((listing) => listing.product.sku));
  const products = chosen.filter((product) => listed.has(product.sku));
  const promotions = products.flatMap((product) => promotionsBySku.get(product.sku) ?? []);
  const calendar = calendarRows(partsOf(startDay).year, partsOf(endDay).year + 1, locations);
  const dates = Array.from({ length: endDay - startDay + 1 }, (_, index) =>
    formatIsoDate(startDay + index),
  );

  return {
    seed: options.seed,
    startDay,
    endDay,
    products,
    locations,
    listings,
    promotions,
    calendar,
    supply: listings.map((listing) => listing.supply),
    isoDate: (day) => dates[day - startDay] ?? formatIsoDate(day),
    *series() {
      for (const listing of listings) {
        yield generateSeries(
          listing,
          promotionsBySku.get(listing.product.sku) ?? [],
          context,
          root,
        );
      }
    },
  };
}
