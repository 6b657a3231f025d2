// The tools' ToolContext (tools/tool-context.ts) over the store's repositories.
import type { KnowledgeIndex } from '../../knowledge/types';
import type { ToolVisionModel } from '../../tools/inspection/inspection-records';
import type {
  ListingHistory,
  SupplyTerms,
  ToolContext,
  ToolLogger,
} from '../../tools/tool-context';
import { planningRecordsOf } from './repositories/planning';
import type { Store } from './store';

export interface StoreToolContextOptions {
  signal: AbortSignal;
  now: () => Date;
  logger: ToolLogger;
  /** the knowledge index for search_knowledge, when it was built */
  knowledge?: KnowledgeIndex;
  /** the vision model for inspect_packaging, when one is configured */
  vision?: ToolVisionModel;
}

function supplyTermsRead(store: Store) {
  return store.database.prepare<
    [],
    { sku: string; location: string } & SupplyTerms
  >(`SELECT p.sku AS sku, l.code AS location, s.lead_time_days AS leadTimeDays,
       s.lead_time_sd_days AS leadTimeSdDays, s.moq AS moq
     FROM supply s
     JOIN products p ON p.id = s.sku_id
     JOIN locations l ON l.id = s.location_id`);
}

export function createStoreToolContext(
  store: Store,
  options: StoreToolContextOptions,
): ToolContext {
  return {
    catalog: {
      products: () =>
        store.products.list().map((product) => ({
          sku: product.sku,
          name: product.name,
          category: product.category,
          launchDate: product.launchDate,
          lifecycleStage: product.lifecycleStage,
          price: product.price,
          shelfLifeDays: product.shelfLifeDays,
          unitCost: product.unitCost,
          co2eKgPerUnit: product.co2eKgPerUnit,
          ean: product.ean,
        })),
      locations: () =>
        store.locations.list().map((location) => ({
          code: location.code,
          name: location.name,
          region: location.region,
          city: location.city,
        })),
    },
    sales: {
      daily: (scope) =>
        store.sales
          .aggregate({
            grain: 'day',
            skus: scope.skus,
            categories: scope.categories,
            locations: scope.locations,
            regions: scope.regions,
            from: scope.from,
            to: scope.to,
          })
          .map((row) => ({
            date: row.period,
            units: row.units,
            revenue: row.revenue,
            rows: row.days,
            promoRows: row.promoDays,
            stockoutRows: row.stockoutDays,
          })),
      totals: (query) =>
        store.sales
          .aggregate({
            grain: query.grain,
            groupBy: query.groupBy,
            skus: query.skus,
            categories: query.categories,
            locations: query.locations,
            regions: query.regions,
            from: query.from,
            to: query.to,
          })
          .map((row) => ({
            period: row.period,
            ...(row.sku !== undefined && { sku: row.sku }),
            ...(row.category !== undefined && { category: row.category }),
            ...(row.location !== undefined && { location: row.location }),
            ...(row.region !== undefined && { region: row.region }),
            units: row.units,
            revenue: row.revenue,
            rows: row.days,
            promoRows: row.promoDays,
            stockoutRows: row.stockoutDays,
          })),
      dateRange: () => store.sales.dateRange(),
      listings(scope, options = {}) {
        const histories: ListingHistory[] = [];
        for (const row of store.sales.listingRows(scope, { stock: options.stock === true })) {
          let last = histories[histories.length - 1];
          if (last === undefined || last.sku !== row.sku || last.location !== row.location) {
            last = { sku: row.sku, location: row.location, region: row.region, days: [] };
            histories.push(last);
          }
          last.days.push({
            date: row.date,
            units: row.units,
            price: row.price,
            promo: row.promo,
            stockout: row.stockout,
            ...(options.stock && { onHand: row.onHand ?? null, onOrder: row.onOrder ?? null }),
          });
        }
        return histories;
      },
    },
    promotions: {
      overlapping(skus, from, to) {
        const locationCodes = new Map(
          store.locations.list().map((location) => [location.id, location.code]),
        );
        return skus.flatMap((sku) => {
          const product = store.products.findBySku(sku);
          if (product === undefined) return [];
          return store.promotions
            .forSku(product.id)
            .filter((promotion) => promotion.startDate <= to && promotion.endDate >= from)
            .map((promotion) => ({
              sku,
              location:
                promotion.locationId === null
                  ? null
                  : (locationCodes.get(promotion.locationId) ?? null),
              startDate: promotion.startDate,
              endDate: promotion.endDate,
              discountPct: promotion.discountPct,
            }));
        });
      },
    },
    inventory: {
      latest(sku, location) {
        const product = store.products.findBySku(sku);
        const place = store.locations.findByCode(location);
        if (product === undefined || place === undefined) return undefined;
        const record = store.inventory.latest(product.id, place.id);
        return record && { date: record.date, onHand: record.onHand, onOrder: record.onOrder };
      },
    },
    supply: {
      forListing(sku, location) {
        const product = store.products.findBySku(sku);
        const place = store.locations.findByCode(location);
        if (product === undefined || place === undefined) return undefined;
        const record = store.supply.get(product.id, place.id);
        return (
          record && {
            leadTimeDays: record.leadTimeDays,
            leadTimeSdDays: record.leadTimeSdDays,
            moq: record.moq,
          }
        );
      },
      forListings(pairs) {
        // one read of the supply terms (at most one row per listing) instead of three per pair
        const byKey = new Map<string, SupplyTerms>();
        for (const row of supplyTermsRead(store).all()) {
          byKey.set(`${row.sku}\u0000${row.location}`, {
            leadTimeDays: row.leadTimeDays,
            leadTimeSdDays: row.leadTimeSdDays,
            moq: row.moq,
          });
        }
        return pairs.map((pair) => byKey.get(`${pair.sku}\u0000${pair.location}`));
      },
    },
    planning: planningRecordsOf(store.planning),
    inspections: store.inspections,
    ...(options.vision ? { vision: options.vision } : {}),
    signal: options.signal,
    now: options.now,
    logger: options.logger,
    ...(options.knowledge ? { knowledge: options.knowledge } : {}),
  };
}
