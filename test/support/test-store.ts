// A small store written through the repositories, for server tests (no demo generator).
import { openStore, type Store } from '../../assistant/store/store';

export const testDays = 14;

/** Two products, two locations; `days` days (default 14) from 2024-01-01 (a Monday) of steady sales. */
export function populateTestStore(store: Store, days = testDays): Store {
  const quinoa = store.products.upsert({
    sku: 'QUI-500',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    brand: 'Ayni',
    uom: 'unit',
    shelfLifeDays: 365,
    unitCost: 4.2,
    price: 7.9,
    lifecycleStage: 'mature',
    launchDate: null,
    co2eKgPerUnit: 0.6,
    ean: null,
  });
  const yogurt = store.products.upsert({
    sku: 'YOG-1L',
    name: 'Yogurt fresa 1 L',
    category: 'dairy',
    brand: null,
    uom: 'unit',
    shelfLifeDays: 21,
    unitCost: 3,
    price: 6.5,
    lifecycleStage: 'mature',
    launchDate: null,
    co2eKgPerUnit: 1.1,
    ean: null,
  });
  const lima = store.locations.upsert({
    code: 'LIM-DC1',
    name: 'Lima DC Callao',
    region: 'Lima',
    city: 'Lima',
    kind: 'dc',
    sizeFactor: 1,
  });
  const arequipa = store.locations.upsert({
    code: 'AQP-DC',
    name: 'Arequipa DC',
    region: 'Sur',
    city: 'Arequipa',
    kind: 'dc',
    sizeFactor: 0.4,
  });
  const rows = [];
  for (let day = 0; day < days; day += 1) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    rows.push(
      {
        skuId: quinoa,
        locationId: lima,
        date,
        units: 10,
        revenue: 79,
        price: 7.9,
        promo: day === 2,
        stockout: false,
      },
      {
        skuId: quinoa,
        locationId: arequipa,
        date,
        units: 2 + (day % 2),
        revenue: null,
        price: null,
        promo: false,
        stockout: false,
      },
      {
        skuId: yogurt,
        locationId: lima,
        date,
        units: 5,
        revenue: 32.5,
        price: 6.5,
        promo: false,
        stockout: day === 9,
      },
    );
  }
  store.sales.upsertMany(rows);
  return store;
}

/** `days` of sales from 2024-01-01 (default 14; forecasts need a few months). */
export function openTestStore(path = ':memory:', days = testDays): Store {
  return populateTestStore(openStore({ path }), days);
}
