// The lifecycle review on the demo company in a SQLite store, cross-checked by SQL written
// independently of tools/sop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCompany } from '../../assistant/store/demo/load';
import { openStore, type Store } from '../../assistant/store/store';
import { createStoreToolContext } from '../../assistant/store/tool-context';
import { buildLifecycleReview } from '../../tools/sop/lifecycle-review';
import type { LifecycleReview } from '../../tools/sop/sop-facts';

describe('lifecycle review on the demo store', () => {
  let directory: string;
  let store: Store;
  let review: LifecycleReview;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'ayni-lifecycle-review-'));
    store = openStore({ path: join(directory, 'ayni.db') });
    loadDemoCompany(store, { seed: 5, today: '2026-11-26', skuCount: 40 });
    const context = createStoreToolContext(store, {
      signal: new AbortController().signal,
      now: () => new Date('2026-11-26T12:00:00Z'),
      logger: { debug() {}, info() {}, warn() {} },
    });
    const section = buildLifecycleReview(context, '2026-10', {});
    if (section.status !== 'available') throw new Error(section.reason);
    review = section.data;
  }, 120_000);

  afterAll(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('values discontinued stock as SQL does (latest count x unit cost), else dead stock is misvalued', () => {
    const rows = store.database
      .prepare(
        `SELECT p.sku AS sku, sum(i.on_hand) AS units, sum(i.on_hand) * p.unit_cost AS value
         FROM inventory i JOIN products p ON p.id = i.sku_id
         WHERE p.lifecycle_stage = 'discontinued'
           AND i.date = (SELECT max(j.date) FROM inventory j
                         WHERE j.sku_id = i.sku_id AND j.location_id = i.location_id)
           AND EXISTS (SELECT 1 FROM sales s WHERE s.sku_id = i.sku_id
                       AND s.location_id = i.location_id AND s.date <= '2026-10-31')
         GROUP BY p.sku HAVING sum(i.on_hand) > 0 ORDER BY p.sku`,
      )
      .all() as Array<{ sku: string; units: number; value: number }>;
    expect(rows.length).toBeGreaterThan(0);
    const got = [...review.discontinued].sort((a, b) => a.sku.localeCompare(b.sku));
    expect(got.map((item) => item.sku)).toEqual(rows.map((row) => row.sku));
    got.forEach((item, index) => {
      expect(item.onHandUnits).toBeCloseTo(rows[index]!.units, 9);
      expect(item.onHandValue).toBeCloseTo(rows[index]!.value, 6);
    });
  });

  it("flags as declining the products whose August-October units fell 20% or more on last year's by SQL, else declines are misreported", () => {
    const rows = store.database
      .prepare(
        `SELECT p.sku AS sku,
           sum(CASE WHEN s.date BETWEEN '2026-08-01' AND '2026-10-31' THEN s.units ELSE 0 END) AS recent,
           sum(CASE WHEN s.date BETWEEN '2025-08-01' AND '2025-10-31' THEN s.units ELSE 0 END) AS base
         FROM sales s JOIN products p ON p.id = s.sku_id
         WHERE p.lifecycle_stage <> 'discontinued'
           AND (p.launch_date IS NULL OR p.launch_date < '2026-05-01')
         GROUP BY p.sku`,
      )
      .all() as Array<{ sku: string; recent: number; base: number }>;
    const lastYearDeclines = rows
      .filter((row) => row.base >= 30 && (row.recent - row.base) / row.base <= -0.2)
      .map((row) => ({ sku: row.sku, change: (row.recent - row.base) / row.base }));
    expect(lastYearDeclines.length).toBeGreaterThan(0);
    for (const decline of lastYearDeclines) {
      const item = review.declining.find((entry) => entry.sku === decline.sku);
      expect(item?.changePct).toBeCloseTo(decline.change, 9);
    }
    // and nothing else that sold last year is flagged
    const soldLastYear = new Set(rows.filter((row) => row.base > 0).map((row) => row.sku));
    const flagged = review.declining.filter((item) => soldLastYear.has(item.sku)).map((i) => i.sku);
    expect(flagged.sort()).toEqual(lastYearDeclines.map((decline) => decline.sku).sort());
  });

  it('lists the launches of May to October with actuals from the sales table, else launches are missed', () => {
    const launched = store.database
      .prepare(
        `SELECT sku, launch_date AS launchDate FROM products
         WHERE launch_date BETWEEN '2026-05-01' AND '2026-10-31' ORDER BY launch_date, sku`,
      )
      .all() as Array<{ sku: string; launchDate: string }>;
    expect(launched.length).toBeGreaterThan(0);
    expect(review.launches.map((launch) => launch.sku).sort()).toEqual(
      launched.map((row) => row.sku).sort(),
    );
    for (const launch of review.launches) {
      const weeks = Math.floor(
        (Date.parse('2026-10-31') - Date.parse(launch.launchDate)) / 86_400_000 / 7 + 1 / 7,
      );
      if (weeks < 1) continue;
      const lastDay = new Date(Date.parse(launch.launchDate) + (weeks * 7 - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const row = store.database
        .prepare(
          `SELECT coalesce(sum(s.units), 0) AS units FROM sales s JOIN products p ON p.id = s.sku_id
           WHERE p.sku = ? AND s.date BETWEEN ? AND ?`,
        )
        .get(launch.sku, launch.launchDate, lastDay) as { units: number };
      expect(launch.actualUnits).toBe(row.units);
    }
  });
});
