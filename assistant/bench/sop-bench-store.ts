// A synthetic company for the S&OP scale benchmark: `series` SKU x location series over 10
// locations, daily sales from the seeded syntheticDailySeries (assistant/batch), a weekly stock
// count over the last 8 weeks (on hand = 10 to 40 days of the series' mean) and supply terms.
import { syntheticDailySeries } from '../batch/synthetic-daily';
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
  const start = isoDay(options.today, -options.days);
  const skuCount = Math.ceil(options.series / locationCount);
  let made = 0;
  store.transaction(() => {
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
        store.sales.upsertMany(
          units.map((value, day) => ({
            skuId,
            locationId,
            date: isoDay(start, day),
            units: value,
            revenue: Math.round(value * price * 100) / 100,
            price,
            promo: false,
            stockout: false,
          })),
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
  });
  return made;
}
