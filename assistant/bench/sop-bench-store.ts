// A synthetic company for the S&OP scale benchmark: `series` SKU x location series over 10
// locations, daily sales from the seeded syntheticDailySeries (assistant/batch), a weekly stock
// count over the last 8 weeks (on hand = 10 to 40 days of the series' mean) and supply terms.
// Written like the demo loader: one transaction, prepared INSERTs (the store is new), each series
// generated and written before the next, and the monthly rollup built once at the end instead of
// by its triggers row by row (DeferredSalesRollup): 30,000 series took ~27 min through upserts.
import { syntheticDailySeries } from '../batch/synthetic-daily';
import { DeferredSalesRollup } from '../store/import/deferred-rollup';
import type { Store } from '../store/store';

const categories = ['dairy', 'grains', 'beverages', 'snacks', 'bakery', 'frozen'];
const regions = ['Lima', 'Norte', 'Sur', 'Centro', 'Oriente'];
const locationCount = 10;

function isoDay(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** Loads the company; sales run `days` days ending the day before `today`. Returns the series made. */
export function loadScaleCompany(
  store: Store,
  options: { series: number; days: number; today: string; seed: number },
): number {
  if (!store.isEmpty())
    throw new RangeError('loadScaleCompany: the store must be empty (it inserts, never updates)');
  const start = isoDay(options.today, -options.days);
  const dates = Array.from({ length: options.days }, (_, day) => isoDay(start, day));
  const skuCount = Math.ceil(options.series / locationCount);
  const insertSales = store.database.prepare(
    `INSERT INTO sales (sku_id, location_id, date, units, revenue, price, promo, stockout)
     VALUES (?, ?, ?, ?, ?, ?, 0, 0)`,
  );
  let made = 0;
  store.transaction(() => {
    const rollup = new DeferredSalesRollup(store.database);
    rollup.suspend();
    const locationIds = Array.from({ length: locationCount }, (_, index) =>
      store.locations.upsert({
        code: `DC-${String(index + 1).padStart(2, '0')}`,
        name: `Centro de distribución ${index + 1}`,
        region: regions[index % regions.length] ?? 'Lima',
        city: `Ciudad ${index + 1}`,
        kind: 'dc',
        sizeFactor: 1,
      }),
    );
    for (let sku = 0; sku < skuCount && made < options.series; sku += 1) {
      const price = 2 + (sku % 37) * 0.5;
      const skuId = store.products.upsert({
        sku: `SKU-${String(sku + 1).padStart(5, '0')}`,
        name: `Producto ${sku + 1}`,
        category: categories[sku % categories.length] ?? 'dairy',
        brand: null,
        uom: 'unit',
        shelfLifeDays: sku % 3 === 0 ? 21 : 180,
        unitCost: Math.round(price * 55) / 100,
        price,
        lifecycleStage: 'mature',
        launchDate: null,
        co2eKgPerUnit: 0.5,
        ean: null,
      });
      for (const locationId of locationIds) {
        if (made >= options.series) break;
        const units = syntheticDailySeries(options.seed, made, options.days);
        units.forEach((value, day) =>
          insertSales.run(
            skuId,
            locationId,
            dates[day],
            value,
            Math.round(value * price * 100) / 100,
            price,
          ),
        );
        const mean = units.slice(-56).reduce((sum, value) => sum + value, 0) / 56;
        for (let week = 8; week >= 1; week -= 1)
          store.inventory.upsert({
            skuId,
            locationId,
            date: isoDay(options.today, -7 * week),
            onHand: Math.round(mean * (10 + ((made + week) % 31))),
            onOrder: 0,
          });
        store.supply.upsert({
          skuId,
          locationId,
          leadTimeDays: 3 + (made % 12),
          leadTimeSdDays: 1,
          moq: 12,
          orderCost: 40,
          holdingCostRate: 0.25,
          supplier: null,
        });
        made += 1;
      }
    }
    rollup.restore(dates[0], dates[dates.length - 1]);
  });
  return made;
}
