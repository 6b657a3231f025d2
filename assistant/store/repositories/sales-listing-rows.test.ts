import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store';
import type { SalesFilter } from './sales';

// Products and locations inserted out of code order, so the ids' order differs from the codes'.
function storeWithListings(): Store {
  const store = openStore({ path: ':memory:' });
  const product = (sku: string, category: string) =>
    store.products.upsert({
      sku,
      name: sku,
      category,
      brand: null,
      uom: 'unit',
      shelfLifeDays: null,
      unitCost: null,
      price: null,
      lifecycleStage: null,
      launchDate: null,
      co2eKgPerUnit: null,
      ean: null,
    });
  const location = (code: string, region: string) =>
    store.locations.upsert({ code, name: code, region, city: null, kind: 'dc', sizeFactor: 1 });
  const skus = [product('ZZZ-9', 'dairy'), product('AAA-1', 'grains'), product('MMM-5', 'dairy')];
  const places = [
    location('TRU-DC', 'Norte'),
    location('AQP-DC', 'Sur'),
    location('LIM-DC', 'Lima'),
  ];
  store.transaction(() => {
    skus.forEach((skuId, skuIndex) =>
      places.forEach((locationId, placeIndex) => {
        if ((skuIndex + placeIndex) % 4 === 3) return; // a pair without sales
        for (let day = 10; day >= 1; day -= 1) {
          const date = `2024-03-${String(day).padStart(2, '0')}`;
          store.sales.upsert({
            skuId,
            locationId,
            date,
            units: skuIndex * 100 + placeIndex * 10 + day,
            revenue: null,
            price: day % 3 === 0 ? 2.5 : null,
            promo: day === 4,
            stockout: day === 7,
          });
          if (day % 3 === 1)
            store.inventory.upsert({ skuId, locationId, date, onHand: day * 5, onOrder: null });
        }
      }),
    );
  });
  return store;
}

// The plain form (sales joined to the catalogue, sorted at the end), written apart from the
// repository's catalogue-driven loop, as the reference the rows must equal.
function referenceRows(store: Store, filter: SalesFilter) {
  const conditions: string[] = [];
  const parameters: string[] = [];
  const add = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    conditions.push(`${column} IN (${values.map(() => '?').join(',')})`);
    parameters.push(...values);
  };
  add('p.sku', filter.skus);
  add('p.category', filter.categories);
  add('l.code', filter.locations);
  add('l.region', filter.regions);
  if (filter.from) {
    conditions.push('s.date >= ?');
    parameters.push(filter.from);
  }
  if (filter.to) {
    conditions.push('s.date <= ?');
    parameters.push(filter.to);
  }
  const rows = store.database
    .prepare(
      `SELECT p.sku AS sku, l.code AS location, l.region AS region, s.date AS date, s.units AS units,
         s.price AS price, s.promo AS promo, s.stockout AS stockout,
         i.on_hand AS onHand, i.on_order AS onOrder
       FROM sales s JOIN products p ON p.id = s.sku_id JOIN locations l ON l.id = s.location_id
       LEFT JOIN inventory i
         ON i.sku_id = s.sku_id AND i.location_id = s.location_id AND i.date = s.date
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY p.sku, l.code, s.date`,
    )
    .all(...parameters) as Array<Record<string, unknown>>;
  return rows.map((row): Record<string, unknown> => ({
    ...row,
    promo: row.promo === 1,
    stockout: row.stockout === 1,
  }));
}

describe('sales listingRows', () => {
  const filters: SalesFilter[] = [
    {},
    { from: '2024-03-03', to: '2024-03-08' },
    { categories: ['dairy'], regions: ['Sur', 'Lima'], from: '2024-03-05' },
    { skus: ['MMM-5', 'AAA-1'], locations: ['TRU-DC'], to: '2024-03-02' },
    { skus: ['NOT-A-SKU'] },
  ];

  it.each(filters)(
    'returns the same rows in SKU, location, date order as the plain join (%j), or the reviews would read other sales',
    (filter) => {
      const store = storeWithListings();
      expect(store.sales.listingRows(filter, { stock: true })).toEqual(
        referenceRows(store, filter),
      );
      const withoutStock = referenceRows(store, filter).map(
        ({ onHand: _onHand, onOrder: _onOrder, ...row }) => row,
      );
      expect(store.sales.listingRows(filter)).toEqual(withoutStock);
      store.close();
    },
  );

  it('searches sales by primary key per SKU x location without a sort, or a date window would scan every sales row', () => {
    const store = storeWithListings();
    const { database } = store;
    const details: string[] = [];
    const original = database.prepare.bind(database);
    // read the plan of the statement the repository prepares
    const spy = (sql: string) => {
      if (sql.includes('ORDER BY p.sku, l.code, s.date'))
        for (const row of original(`EXPLAIN QUERY PLAN ${sql}`).all(
          '2024-03-01',
          '2024-03-31',
        ) as Array<{ detail: string }>)
          details.push(row.detail);
      return original(sql);
    };
    (database as { prepare: unknown }).prepare = spy;
    store.sales.listingRows({ from: '2024-03-01', to: '2024-03-31' }, { stock: true });
    expect(details.some((detail) => /SEARCH s USING PRIMARY KEY/.test(detail))).toBe(true);
    expect(details.filter((detail) => /TEMP B-TREE|SCAN s\b/.test(detail))).toEqual([]);
    store.close();
  });
});
