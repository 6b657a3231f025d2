import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, schemaVersion } from './database';
import { migrations } from './migrations';
import { openStore, type Store } from './store';

let store: Store | undefined;
afterEach(() => store?.close());

function seeded(): Store {
  const opened = openStore({ path: ':memory:' });
  const quinoa = opened.products.upsert({
    sku: 'QUI-500',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    brand: null,
    uom: 'unit',
    shelfLifeDays: 365,
    unitCost: 4.2,
    price: 7.9,
    lifecycleStage: 'mature',
    launchDate: null,
    co2eKgPerUnit: 0.6,
    ean: null,
  });
  const yogurt = opened.products.upsert({
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
  const lima = opened.locations.upsert({
    code: 'LIM-DC1',
    name: 'Lima DC Callao',
    region: 'Lima',
    city: 'Lima',
    kind: 'dc',
    sizeFactor: 1,
  });
  const arequipa = opened.locations.upsert({
    code: 'AQP-DC',
    name: 'Arequipa DC',
    region: 'Sur',
    city: 'Arequipa',
    kind: 'dc',
    sizeFactor: 0.4,
  });
  const rows = [];
  // 2024-01-01 is a Monday; 35 days = five full ISO weeks, crossing into February.
  for (let day = 0; day < 35; day += 1) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    rows.push({
      skuId: quinoa,
      locationId: lima,
      date,
      units: 10,
      revenue: 79,
      price: 7.9,
      promo: day === 3,
      stockout: false,
    });
    rows.push({
      skuId: quinoa,
      locationId: arequipa,
      date,
      units: 2,
      revenue: 15.8,
      price: 7.9,
      promo: false,
      stockout: day === 4,
    });
    rows.push({
      skuId: yogurt,
      locationId: lima,
      date,
      units: 5,
      revenue: 32.5,
      price: 6.5,
      promo: false,
      stockout: false,
    });
  }
  opened.sales.upsertMany(rows);
  return opened;
}

describe('store', () => {
  it('applies migrations once and records the version (a re-run must not fail or duplicate)', () => {
    store = openStore({ path: ':memory:' });
    expect(schemaVersion(store.database)).toBe(migrations.at(-1)?.version);
    expect(applyMigrations(store.database, migrations)).toEqual([]);
    expect(store.database.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('aggregates weekly totals of one SKU in SQL with Monday-start weeks', () => {
    store = seeded();
    const weeks = store.sales.aggregate({ grain: 'week', skus: ['QUI-500'] });
    expect(weeks.map((row) => row.period)).toEqual([
      '2024-01-01',
      '2024-01-08',
      '2024-01-15',
      '2024-01-22',
      '2024-01-29',
    ]);
    expect(weeks.every((row) => row.units === 7 * 12)).toBe(true);
    expect(weeks[0]).toMatchObject({ promoDays: 1, stockoutDays: 1, days: 14 });
  });

  it('aggregates monthly totals by category and region with filters', () => {
    store = seeded();
    const rows = store.sales.aggregate({ grain: 'month', groupBy: ['category', 'region'] });
    const january = rows.filter((row) => row.period === '2024-01-01');
    expect(january).toEqual([
      expect.objectContaining({ category: 'dairy', region: 'Lima', units: 31 * 5 }),
      expect.objectContaining({ category: 'grains', region: 'Lima', units: 31 * 10 }),
      expect.objectContaining({ category: 'grains', region: 'Sur', units: 31 * 2 }),
    ]);
    const filtered = store.sales.aggregate({
      grain: 'day',
      groupBy: ['location'],
      categories: ['grains'],
      from: '2024-02-01',
      to: '2024-02-02',
    });
    expect(filtered).toHaveLength(4);
    expect(filtered.map((row) => row.location)).toEqual(['AQP-DC', 'LIM-DC1', 'AQP-DC', 'LIM-DC1']);
  });

  it('upserts sales by key, so re-importing the same rows changes nothing', () => {
    store = seeded();
    const before = store.sales.count();
    const product = store.products.findBySku('QUI-500');
    const location = store.locations.findByCode('LIM-DC1');
    if (!product || !location) throw new Error('seed missing');
    store.sales.upsertMany([
      {
        skuId: product.id,
        locationId: location.id,
        date: '2024-01-01',
        units: 99,
        revenue: null,
        price: null,
        promo: false,
        stockout: false,
      },
    ]);
    expect(store.sales.count()).toBe(before);
    expect(
      store.sales.dailySeries(product.id, location.id, '2024-01-01', '2024-01-01')[0]?.units,
    ).toBe(99);
  });

  it('enforces non-negative units and known foreign keys in the schema itself', () => {
    store = seeded();
    expect(() =>
      store?.sales.upsert({
        skuId: 1,
        locationId: 1,
        date: '2024-03-01',
        units: -1,
        revenue: null,
        price: null,
        promo: false,
        stockout: false,
      }),
    ).toThrow(/CHECK/);
    expect(() =>
      store?.sales.upsert({
        skuId: 999,
        locationId: 1,
        date: '2024-03-01',
        units: 1,
        revenue: null,
        price: null,
        promo: false,
        stockout: false,
      }),
    ).toThrow(/FOREIGN KEY/);
  });
});
