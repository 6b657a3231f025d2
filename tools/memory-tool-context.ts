// A ToolContext over plain arrays: tools run on it in tests and in scripts without a store.
// Same semantics as the store's: weeks start on Monday, periods are their first day.
import { formatIsoDate, parseIsoDate } from '../models/calendar/dates';
import { periodStartOf } from './forecast/period-series';
import type {
  CatalogLocation,
  CatalogProduct,
  DailySales,
  ListingHistory,
  ListingOptions,
  PlannedPromotion,
  SalesScope,
  SalesTotalsQuery,
  SalesTotalsRow,
  StockPosition,
  SupplyTerms,
  ToolContext,
  ToolLogger,
} from './tool-context';

export interface MemorySalesRow {
  date: string;
  sku: string;
  location: string;
  units: number;
  revenue?: number | null;
  promo?: boolean;
  stockout?: boolean;
  price?: number | null;
}

export interface MemoryStockRow extends StockPosition {
  sku: string;
  location: string;
}

export interface MemorySupplyRow extends SupplyTerms {
  sku: string;
  location: string;
}

export interface MemoryData {
  products: readonly CatalogProduct[];
  locations: readonly CatalogLocation[];
  sales: readonly MemorySalesRow[];
  /** daily stock counts; joined to the sales rows of the same day by `listings(scope, { stock })` */
  stock?: readonly MemoryStockRow[];
  promotions?: readonly PlannedPromotion[];
  supply?: readonly MemorySupplyRow[];
}

export interface MemoryContextOptions {
  now?: () => Date;
  signal?: AbortSignal;
  logger?: ToolLogger;
}

const silentLogger: ToolLogger = { debug() {}, info() {}, warn() {} };

const stockOf = (row: MemoryStockRow | undefined) => ({
  onHand: row?.onHand ?? null,
  onOrder: row?.onOrder ?? null,
});

export function createMemoryToolContext(
  data: MemoryData,
  options: MemoryContextOptions = {},
): ToolContext {
  const productBySku = new Map(data.products.map((product) => [product.sku, product]));
  const locationByCode = new Map(data.locations.map((location) => [location.code, location]));
  const inScope = (row: MemorySalesRow, scope: SalesScope) => {
    const product = productBySku.get(row.sku);
    const location = locationByCode.get(row.location);
    if (!product || !location) return false;
    if (scope.skus?.length && !scope.skus.includes(row.sku)) return false;
    if (scope.categories?.length && !scope.categories.includes(product.category)) return false;
    if (scope.locations?.length && !scope.locations.includes(row.location)) return false;
    if (scope.regions?.length && !scope.regions.includes(location.region)) return false;
    if (scope.from !== undefined && row.date < scope.from) return false;
    if (scope.to !== undefined && row.date > scope.to) return false;
    return true;
  };

  const totals = (query: SalesTotalsQuery): SalesTotalsRow[] => {
    const dimensions = [...new Set(query.groupBy ?? [])];
    const groups = new Map<string, SalesTotalsRow>();
    for (const row of data.sales) {
      if (!inScope(row, query)) continue;
      const product = productBySku.get(row.sku) as CatalogProduct;
      const location = locationByCode.get(row.location) as CatalogLocation;
      const values = {
        sku: row.sku,
        category: product.category,
        location: row.location,
        region: location.region,
      };
      const period = formatIsoDate(periodStartOf(parseIsoDate(row.date), query.grain));
      const key = [period, ...dimensions.map((dimension) => values[dimension])].join('\u0000');
      let group = groups.get(key);
      if (group === undefined) {
        group = { period, units: 0, revenue: 0, rows: 0, promoRows: 0, stockoutRows: 0 };
        for (const dimension of dimensions) group[dimension] = values[dimension];
        groups.set(key, group);
      }
      group.units += row.units;
      group.revenue += row.revenue ?? 0;
      group.rows += 1;
      group.promoRows += row.promo ? 1 : 0;
      group.stockoutRows += row.stockout ? 1 : 0;
    }
    const order = (row: SalesTotalsRow) =>
      [row.period, ...dimensions.map((dimension) => row[dimension] ?? '')].join('\u0000');
    return [...groups.values()].sort((left, right) => order(left).localeCompare(order(right)));
  };

  return {
    catalog: {
      products: () => data.products,
      locations: () => data.locations,
    },
    sales: {
      daily(scope: SalesScope): DailySales[] {
        return totals({ ...scope, grain: 'day' }).map((row) => ({
          date: row.period,
          units: row.units,
          revenue: row.revenue,
          rows: row.rows,
          promoRows: row.promoRows,
          stockoutRows: row.stockoutRows,
        }));
      },
      totals,
      dateRange() {
        if (data.sales.length === 0) return undefined;
        const dates = data.sales.map((row) => row.date).sort();
        return { first: dates[0] as string, last: dates[dates.length - 1] as string };
      },
      listings(scope: SalesScope, listingOptions: ListingOptions = {}): ListingHistory[] {
        const stockByDay = new Map<string, MemoryStockRow>();
        if (listingOptions.stock) {
          for (const row of data.stock ?? [])
            stockByDay.set(`${row.sku}\u0000${row.location}\u0000${row.date}`, row);
        }
        const byKey = new Map<string, ListingHistory>();
        for (const row of data.sales) {
          if (!inScope(row, scope)) continue;
          const key = `${row.sku}\u0000${row.location}`;
          let history = byKey.get(key);
          if (history === undefined) {
            const region = (locationByCode.get(row.location) as CatalogLocation).region;
            history = { sku: row.sku, location: row.location, region, days: [] };
            byKey.set(key, history);
          }
          history.days.push({
            date: row.date,
            units: row.units,
            price: row.price ?? null,
            promo: row.promo ?? false,
            stockout: row.stockout ?? false,
            ...(listingOptions.stock && stockOf(stockByDay.get(`${key}\u0000${row.date}`))),
          });
        }
        const histories = [...byKey.values()].sort(
          (left, right) =>
            left.sku.localeCompare(right.sku) || left.location.localeCompare(right.location),
        );
        for (const history of histories)
          history.days.sort((left, right) => left.date.localeCompare(right.date));
        return histories;
      },
    },
    promotions: {
      overlapping(skus: readonly string[], from: string, to: string): PlannedPromotion[] {
        return (data.promotions ?? []).filter(
          (promotion) =>
            skus.includes(promotion.sku) && promotion.startDate <= to && promotion.endDate >= from,
        );
      },
    },
    inventory: {
      latest(sku: string, location: string) {
        const rows = (data.stock ?? [])
          .filter((row) => row.sku === sku && row.location === location)
          .sort((left, right) => left.date.localeCompare(right.date));
        const row = rows[rows.length - 1];
        return row ? { date: row.date, onHand: row.onHand, onOrder: row.onOrder } : undefined;
      },
    },
    supply: {
      forListing(sku: string, location: string): SupplyTerms | undefined {
        const row = (data.supply ?? []).find(
          (supply) => supply.sku === sku && supply.location === location,
        );
        return row
          ? { leadTimeDays: row.leadTimeDays, leadTimeSdDays: row.leadTimeSdDays, moq: row.moq }
          : undefined;
      },
      forListings(pairs) {
        const byKey = new Map<string, SupplyTerms>();
        for (const row of data.supply ?? []) {
          const key = `${row.sku}\u0000${row.location}`;
          if (byKey.has(key)) continue; // the first row wins, as in forListing
          byKey.set(key, {
            leadTimeDays: row.leadTimeDays,
            leadTimeSdDays: row.leadTimeSdDays,
            moq: row.moq,
          });
        }
        return pairs.map((pair) => byKey.get(`${pair.sku}\u0000${pair.location}`));
      },
    },
    signal: options.signal ?? new AbortController().signal,
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? silentLogger,
  };
}
