// Loads the demo company into a store: everything in one transaction, the daily rows streamed
// listing by listing into prepared statements (no giant arrays).
import { DeferredSalesRollup } from '../import/deferred-rollup';
import { z } from 'zod';
import { dayNumberOf, formatIsoDate, parseIsoDate, partsOf } from '../../../models/calendar/dates';
import { ConflictError, InvalidInputError } from '../../errors';
import type { Store } from '../store';
import { DEMO_VERSION, generateDemoCompany, type DemoCompany } from './generate';
import type { DemoAnomaly } from './types';

export interface DemoOptions {
  seed: number;
  /** ISO date; sales end the day before */
  today: string;
  /** default 3 */
  years?: number;
  skuCount?: number;
  locationCodes?: string[];
  onProgress?: (message: string) => void;
}

export interface DemoSummary {
  products: number;
  locations: number;
  salesRows: number;
  inventoryRows: number;
  anomalies: number;
  from: string;
  to: string;
  seconds: number;
}

const optionsSchema = z.object({
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  today: z.iso.date(),
  years: z.number().int().min(1).max(10).optional(),
  skuCount: z.number().int().min(1).optional(),
  locationCodes: z.array(z.string().min(1)).min(1).optional(),
  onProgress: z
    .custom<(message: string) => void>((value) => typeof value === 'function', 'must be a function')
    .optional(),
});

/** Validated options; a bad one is an InvalidInputError naming the field and the fix. */
export function parseDemoOptions(options: DemoOptions): DemoOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'options';
    const hints: Record<string, string> = {
      seed: 'a whole number >= 0',
      today: 'an ISO date such as 2026-03-15',
      years: 'a whole number of years from 1 to 10',
      skuCount: 'a whole number >= 1',
      locationCodes: 'a non-empty list of location codes',
    };
    throw new InvalidInputError(
      `demo option ${field}: ${issue?.message ?? 'invalid'}; use ${hints[field.split('.')[0] ?? ''] ?? 'a valid value'}`,
      parsed.error.issues,
    );
  }
  return parsed.data as DemoOptions;
}

/** The sales window for `today`: from the same date `years` earlier to the day before today. */
export function demoWindow(today: string, years = 3): { startDate: string; endDate: string } {
  const todayDay = parseIsoDate(today);
  const { year, month, day } = partsOf(todayDay);
  return {
    startDate: formatIsoDate(dayNumberOf(year - years, month, day)),
    endDate: formatIsoDate(todayDay - 1),
  };
}

/** Generates the company the options describe (validated), without writing anything. */
export function generateForOptions(options: DemoOptions): DemoCompany {
  const valid = parseDemoOptions(options);
  const window = demoWindow(valid.today, valid.years ?? 3);
  return generateDemoCompany({
    seed: valid.seed,
    ...window,
    ...(valid.skuCount !== undefined ? { skuCount: valid.skuCount } : {}),
    ...(valid.locationCodes !== undefined ? { locationCodes: valid.locationCodes } : {}),
  });
}

/** Deletes every planning table's rows and the demo meta keys (conversations etc. stay). */
export function clearPlanningData(store: Store): void {
  store.transaction(() => {
    for (const table of [
      'labelled_anomalies',
      'promotions',
      'calendar_events',
      'sales',
      'inventory',
      'supply',
      'products',
      'locations',
    ]) {
      store.database.exec(`DELETE FROM ${table}`);
    }
    store.database.prepare("DELETE FROM meta WHERE key LIKE 'demo\\_%' ESCAPE '\\'").run();
  });
}

function idOf(map: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo ${what} ${key} has no id`);
  return id;
}

/**
 * Loads the demo company into an empty store (ConflictError otherwise; see clearPlanningData) in
 * one transaction, and returns what was written.
 */
export function loadDemoCompany(store: Store, options: DemoOptions): DemoSummary {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const valid = parseDemoOptions(options);
  if (!store.isEmpty()) {
    throw new ConflictError(
      'the store already holds planning data: clear it first (ayni demo-data --force) or use another AYNI_DATA_DIR',
    );
  }
  progress('generating the demo company...');
  const company = generateForOptions(valid);
  const database = store.database;
  const insertSales = database.prepare(
    'INSERT INTO sales (sku_id, location_id, date, units, revenue, price, promo, stockout) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertInventory = database.prepare(
    'INSERT INTO inventory (sku_id, location_id, date, on_hand, on_order) VALUES (?, ?, ?, ?, ?)',
  );
  let salesRows = 0;
  const anomalies: DemoAnomaly[] = [];

  store.transaction(() => {
    const locationIds = new Map<string, number>();
    for (const location of company.locations) {
      const { code, name, region, city, kind, sizeFactor } = location;
      locationIds.set(code, store.locations.upsert({ code, name, region, city, kind, sizeFactor }));
    }
    const productIds = new Map<string, number>();
    for (const product of company.products) {
      productIds.set(
        product.sku,
        store.products.upsert({
          sku: product.sku,
          name: product.name,
          category: product.category,
          brand: product.brand,
          uom: product.uom,
          shelfLifeDays: product.shelfLifeDays,
          unitCost: product.unitCost,
          price: product.price,
          lifecycleStage: product.lifecycleStage,
          launchDate: product.launchDate,
          co2eKgPerUnit: product.co2eKgPerUnit,
          ean: product.ean,
        }),
      );
    }
    for (const event of company.calendar) {
      store.calendar.add({
        date: event.date,
        name: event.name,
        kind: event.kind,
        locationId: event.location === null ? null : idOf(locationIds, event.location, 'location'),
      });
    }
    for (const promotion of company.promotions) {
      store.promotions.add({
        skuId: idOf(productIds, promotion.sku, 'product'),
        locationId:
          promotion.location === null ? null : idOf(locationIds, promotion.location, 'location'),
        startDate: formatIsoDate(promotion.startDay),
        endDate: formatIsoDate(promotion.endDay),
        discountPct: promotion.discountPct,
      });
    }
    for (const supply of company.supply) {
      store.supply.upsert({
        skuId: idOf(productIds, supply.sku, 'product'),
        locationId: idOf(locationIds, supply.location, 'location'),
        leadTimeDays: supply.leadTimeDays,
        leadTimeSdDays: supply.leadTimeSdDays,
        moq: supply.moq,
        orderCost: supply.orderCost,
        holdingCostRate: supply.holdingCostRate,
        supplier: supply.supplier,
      });
    }

    const total = company.listings.length;
    let done = 0;
    let reported = 0;
    // The store is empty: the monthly rollup is built once after the sales, not row by row.
    const rollup = new DeferredSalesRollup(database);
    rollup.suspend();
    let firstDate: string | undefined;
    let lastDate: string | undefined;
    for (const series of company.series()) {
      const skuId = idOf(productIds, series.listing.product.sku, 'product');
      const locationId = idOf(locationIds, series.listing.location.code, 'location');
      for (let index = 0; index < series.length; index += 1) {
        const date = company.isoDate(series.firstDay + index);
        insertSales.run(
          skuId,
          locationId,
          date,
          series.units[index],
          series.revenue[index],
          series.price[index],
          series.promo[index],
          series.stockout[index],
        );
        insertInventory.run(skuId, locationId, date, series.onHand[index], series.onOrder[index]);
      }
      salesRows += series.length;
      if (series.length > 0) {
        const first = company.isoDate(series.firstDay);
        const last = company.isoDate(series.firstDay + series.length - 1);
        if (firstDate === undefined || first < firstDate) firstDate = first;
        if (lastDate === undefined || last > lastDate) lastDate = last;
      }
      anomalies.push(...series.anomalies);
      done += 1;
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent > reported) {
        reported = percent;
        progress(`sales and inventory ${percent}% (${done}/${total} SKU x location series)`);
      }
    }
    rollup.restore(firstDate, lastDate);
    for (const anomaly of anomalies) {
      store.labelledAnomalies.add({
        skuId: idOf(productIds, anomaly.sku, 'product'),
        locationId: idOf(locationIds, anomaly.location, 'location'),
        startDate: anomaly.startDate,
        endDate: anomaly.endDate,
        kind: anomaly.kind,
        magnitude: anomaly.magnitude,
        note: anomaly.note,
      });
    }
    store.meta.set('demo_seed', String(valid.seed));
    store.meta.set('demo_generated_at', valid.today);
    store.meta.set('demo_version', DEMO_VERSION);
  });

  return {
    products: company.products.length,
    locations: company.locations.length,
    salesRows,
    inventoryRows: salesRows,
    anomalies: anomalies.length,
    from: formatIsoDate(company.startDay),
    to: formatIsoDate(company.endDay),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
