import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCompany } from '../demo/load';
import { importText, seededStore } from '../import/import-fixtures';
import { openStore, type Store } from '../store';

// The rollup written independently of the repository: a grouped scan of the daily rows.
const rawMonthlySql = `
  SELECT sku_id, location_id, substr(date, 1, 7) AS month, sum(units) AS units,
    sum(revenue) AS revenue, count(*) AS rows, sum(promo) AS promo_rows,
    sum(stockout) AS stockout_rows
  FROM sales GROUP BY sku_id, location_id, substr(date, 1, 7)
  ORDER BY sku_id, location_id, month`;
const rollupSql = `
  SELECT sku_id, location_id, month, units, revenue, rows, promo_rows, stockout_rows
  FROM sales_monthly ORDER BY sku_id, location_id, month`;

function expectRollupCurrent(store: Store): void {
  expect(store.database.prepare(rollupSql).all()).toEqual(
    store.database.prepare(rawMonthlySql).all(),
  );
}

/** The month grain over a window that is not whole months: the daily rows are aggregated. */
function rawTotals(store: Store, from: string, to: string) {
  return store.database
    .prepare(
      `SELECT substr(s.date, 1, 7) || '-01' AS period, p.sku AS sku, l.code AS location,
         sum(s.units) AS units, coalesce(sum(s.revenue), 0) AS revenue, count(*) AS days,
         sum(s.promo) AS promoDays, sum(s.stockout) AS stockoutDays
       FROM sales s JOIN products p ON p.id = s.sku_id JOIN locations l ON l.id = s.location_id
       WHERE s.date >= ? AND s.date <= ?
       GROUP BY period, p.sku, l.code ORDER BY period, p.sku, l.code`,
    )
    .all(from, to);
}

describe('sales_monthly rollup on the demo company', () => {
  let directory: string;
  let store: Store;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'ayni-rollup-'));
    store = openStore({ path: join(directory, 'store.db') });
    loadDemoCompany(store, { seed: 3, today: '2026-11-26', skuCount: 12 });
  }, 120_000);
  afterAll(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('holds the sums of the daily rows after the demo load (else a write path bypasses it)', () => {
    expect(store.database.prepare('SELECT count(*) AS n FROM sales_monthly').get()).not.toEqual({
      n: 0,
    });
    expectRollupCurrent(store);
  });

  it('gives the same month-grain totals as aggregating the daily rows (else whole-month reads differ)', () => {
    const fromRollup = store.sales.aggregate({
      grain: 'month',
      groupBy: ['sku', 'location'],
      from: '2025-01-01',
      to: '2026-10-31',
    });
    expect(fromRollup.length).toBeGreaterThan(0);
    expect(fromRollup).toEqual(rawTotals(store, '2025-01-01', '2026-10-31'));
  });

  it('matches by region without filters and with a product filter (else the rollup filters differ)', () => {
    const whole = (filter: { categories?: string[] }) =>
      store.sales.aggregate({ grain: 'month', groupBy: ['region'], ...filter });
    // a window ending mid-month goes to the daily rows: the same totals over the rollup's months
    const daily = (filter: { categories?: string[] }) =>
      store.sales.aggregate({
        grain: 'month',
        groupBy: ['region'],
        to: '2099-12-30',
        ...filter,
      });
    expect(whole({})).toEqual(daily({}));
    const category = store.products.list()[0]?.category ?? 'none';
    expect(whole({ categories: [category] })).toEqual(daily({ categories: [category] }));
  });
});

describe('sales_monthly rollup after writes to existing months', () => {
  it('follows a CSV import that changes and adds days of existing months (else imports leave it stale)', async () => {
    const store = seededStore();
    await importText(
      store,
      [
        'date,sku,location,units,revenue,promo,stockout',
        '2023-12-31,QUI-500,LIM-DC1,4,31.6,1,0',
        '2023-12-30,QUI-500,LIM-DC1,2,15.8,0,1',
        '2024-01-02,YOG-1L,AQP-DC,5,,0,0',
      ].join('\n'),
      { kind: 'sales' },
    );
    expectRollupCurrent(store);
    expect(
      store.database
        .prepare(
          "SELECT units, rows, promo_rows, stockout_rows FROM sales_monthly WHERE month = '2023-12'",
        )
        .get(),
    ).toEqual({ units: 6, rows: 2, promo_rows: 1, stockout_rows: 1 });
    store.close();
  });

  it('is rebuilt once after a bulk import (more than one write buffer) over existing months, and its triggers come back (else big imports leave it stale or later writes stop updating it)', async () => {
    const store = seededStore();
    const triggers = () =>
      store.database
        .prepare(
          "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sales'",
        )
        .get();
    const before = triggers();
    const lines = ['date,sku,location,units,revenue,promo,stockout'];
    const start = Date.UTC(2020, 0, 1);
    // 2 SKUs x 2 locations x 18,000 days = 72,000 rows: past the 65,536-row buffer, so the bulk path
    for (const sku of ['QUI-500', 'YOG-1L'])
      for (const location of ['LIM-DC1', 'AQP-DC'])
        for (let day = 0; day < 18_000; day += 1) {
          const date = new Date(start - day * 86_400_000).toISOString().slice(0, 10);
          lines.push(`${date},${sku},${location},${(day % 7) + 1},${(day % 5) + 0.5},${day % 2},0`);
        }
    await importText(store, lines.join('\n'), { kind: 'sales' }, 1 << 20);
    expectRollupCurrent(store);
    expect(triggers()).toEqual(before);
    store.sales.upsert({
      skuId: 1,
      locationId: 1,
      date: '2019-12-31',
      units: 1000,
      revenue: null,
      price: null,
      promo: false,
      stockout: false,
    });
    expectRollupCurrent(store);
    store.close();
  }, 60_000);

  it('follows an upsert, a moved date and deletes down to an empty month (else a stale cell stays)', () => {
    const store = seededStore();
    const quinoa = store.products.findBySku('QUI-500')?.id ?? -1;
    const lima = store.locations.findByCode('LIM-DC1')?.id ?? -1;
    store.sales.upsertMany([
      {
        skuId: quinoa,
        locationId: lima,
        date: '2023-12-31',
        units: 3,
        revenue: 23.7,
        price: 7.9,
        promo: true,
        stockout: false,
      },
      {
        skuId: quinoa,
        locationId: lima,
        date: '2024-01-15',
        units: 8,
        revenue: null,
        price: null,
        promo: false,
        stockout: true,
      },
    ]);
    expectRollupCurrent(store);
    store.database.prepare("UPDATE sales SET date = '2024-02-01' WHERE date = '2023-12-31'").run();
    expectRollupCurrent(store);
    expect(
      store.database
        .prepare("SELECT count(*) AS n FROM sales_monthly WHERE month = '2023-12'")
        .get(),
    ).toEqual({ n: 0 });
    store.database.prepare('DELETE FROM sales').run();
    expect(store.database.prepare('SELECT count(*) AS n FROM sales_monthly').get()).toEqual({
      n: 0,
    });
    store.close();
  });
});
