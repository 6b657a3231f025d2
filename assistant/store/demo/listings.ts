// Which locations sell each product (a realistic subset: Lima carries nearly everything, Iquitos
// few perishables), with local taste, supply parameters and the local planner's policy.
import type { Random } from '../../../models/stats/random';
import { CATEGORY_PROFILES, isPerishable } from './categories';
import { LOCATIONS, regionalTaste } from './locations';
import type { DemoListing, DemoLocation, DemoProduct, DemoSupply } from './types';

const round1 = (value: number) => Math.round(value * 10) / 10;

function supplierOf(product: DemoProduct, location: DemoLocation, fresh: boolean): string {
  if (product.category === 'fresh_produce') {
    return location.region === 'Lima'
      ? 'Mercado Mayorista de Santa Anita'
      : `Mercado Mayorista de ${location.city}`;
  }
  const suppliers = CATEGORY_PROFILES[product.category].suppliers;
  const central = suppliers[product.index % suppliers.length] ?? 'Planta Ayni (Lurín)';
  if (location.code !== 'IQT') return central;
  return fresh ? `${central}, by air` : `${central}, by river from Yurimaguas`;
}

interface Draws {
  carried: boolean;
  affinity: number;
  stagger: number;
  leadTimeJitter: number;
  cases: number;
  orderCostJitter: number;
  safetyFactor: number;
  coverJitter: number;
}

/** Every draw of a product x location, always in the same order (so subsets change nothing). */
function drawsFor(product: DemoProduct, location: DemoLocation, random: Random): Draws {
  const perishable = isPerishable(product.shelfLifeDays);
  let probability = perishable
    ? location.perishableListingProbability
    : location.listingProbability;
  if (product.model.tier === 'S' && location.sizeFactor < 0.5) probability *= 0.7;
  return {
    carried: random.chance(probability),
    affinity: Math.exp(random.normal(0, 0.3)),
    stagger: random.int(0, 45),
    leadTimeJitter: random.uniform(0.9, 1.25),
    cases: random.int(1, 3),
    orderCostJitter: random.uniform(0.85, 1.2),
    safetyFactor: random.uniform(0.6, 1.7),
    coverJitter: random.uniform(0.8, 1.2),
  };
}

function supplyOf(product: DemoProduct, location: DemoLocation, draws: Draws): DemoSupply {
  const fresh =
    product.category === 'fresh_produce' ||
    (product.category === 'dairy' && isPerishable(product.shelfLifeDays));
  const leadTime = fresh ? location.freshLeadTimeDays : location.leadTimeDays;
  const spread = fresh ? location.freshLeadTimeSdDays : location.leadTimeSdDays;
  const airFreight = fresh && location.code === 'IQT' ? 1.5 : 1;
  return {
    sku: product.sku,
    location: location.code,
    leadTimeDays: round1(leadTime * draws.leadTimeJitter),
    leadTimeSdDays: round1(spread * draws.leadTimeJitter),
    moq: product.model.casePack * (product.model.tier === 'S' ? 1 : draws.cases),
    orderCost: Math.round(location.orderCost * draws.orderCostJitter * airFreight),
    holdingCostRate:
      CATEGORY_PROFILES[product.category].holdingCostRate + (location.code === 'IQT' ? 0.05 : 0),
    supplier: supplierOf(product, location, fresh),
  };
}

/**
 * Listings of the given products at the given locations, numbered in product then location order.
 * Carrying is decided over all locations first (at least Lima Callao), then filtered.
 */
export function buildListings(
  products: readonly DemoProduct[],
  locations: readonly DemoLocation[],
  root: Random,
  startDay: number,
  endDay: number,
): DemoListing[] {
  const wanted = new Set(locations.map((location) => location.code));
  const listings: DemoListing[] = [];
  for (const product of products) {
    const random = root.fork(`listing:${product.sku}`);
    const all = LOCATIONS.map((location) => ({
      location,
      draws: drawsFor(product, location, random.fork(location.code)),
    }));
    if (!all.some((entry) => entry.draws.carried) && all[0]) all[0].draws.carried = true;
    const { model } = product;
    for (const { location, draws } of all) {
      if (!draws.carried || !wanted.has(location.code)) continue;
      const stagger = location.region === 'Lima' ? 0 : draws.stagger;
      const firstDay = Math.max(startDay, model.launchDay + stagger);
      const lastDay = Math.min(endDay, model.discontinueDay ?? endDay);
      if (firstDay > lastDay) continue;
      const perishable = isPerishable(product.shelfLifeDays);
      const cover = perishable
        ? Math.max(1, Math.min(7, Math.floor(product.shelfLifeDays / 4)))
        : location.code === 'IQT'
          ? 28
          : 14;
      listings.push({
        index: listings.length,
        product,
        location,
        firstDay,
        lastDay,
        affinity: draws.affinity * regionalTaste(product.name, location.code),
        supply: supplyOf(product, location, draws),
        safetyFactor: draws.safetyFactor,
        coverDays: cover * draws.coverJitter,
        anomalies: [],
      });
    }
  }
  return listings;
}
