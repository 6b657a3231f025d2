// Cross-checks of the S&OP supply review (tools/sop/supply-review.ts) against direct SQL over the
// demo company (issue 9's target): days of cover by category x location, the excess value and the
// expiry-risk value. The SQL and the FIFO arithmetic here are written from the review's documented
// definitions, not by calling its code; the recommended policy comes from the inventory engine
// (tools/inventory/recommend-policy.ts), which the review reuses and which has its own tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { serviceTargetFor } from '../../models/inventory/service-targets';
import { loadDemoCompany } from '../../assistant/store/demo/load';
import { openStore, type Store } from '../../assistant/store/store';
import { createStoreToolContext } from '../../assistant/store/tool-context';
import { lifeOnArrivalDays, recommendPolicy } from '../../tools/inventory/recommend-policy';
import type { SupplyReview } from '../../tools/sop/sop-facts';
import { buildSupplyReview } from '../../tools/sop/supply-review';

const MONTH = '2026-10';
const FIRST = '2026-10-01';
const LAST = '2026-10-31';
/**
 * The first day the review reads for a product: 28 days before the month, or for a shelf life over
 * 28 and at most 120 days the longest such shelf life before it.
 */
function windowStart(shelfLifeDays: number): string {
  if (shelfLifeDays <= 28 || shelfLifeDays > 120) return '2026-09-03';
  const { days } = store.database
    .prepare(
      'SELECT MAX(shelf_life_days) AS days FROM products WHERE shelf_life_days > 28 AND shelf_life_days <= 120',
    )
    .get() as { days: number };
  return formatIsoDate(parseIsoDate(FIRST) - days);
}

let store: Store;
let review: SupplyReview;

interface ListingRow {
  sku_id: number;
  location_id: number;
  sku: string;
  code: string;
  category: string;
  shelf_life_days: number | null;
  unit_cost: number | null;
  price: number | null;
  co2e_kg_per_unit: number | null;
  stock_date: string;
  on_hand: number;
  lead_time_days: number | null;
  lead_time_sd_days: number | null;
  moq: number | null;
  sold_28: number;
  n: number | null;
  total: number | null;
  squares: number | null;
}

function listingRows(): ListingRow[] {
  return store.database
    .prepare(
      `WITH counts AS (
         SELECT sku_id, location_id, MAX(date) AS stock_date FROM inventory
         WHERE date BETWEEN ? AND ? GROUP BY sku_id, location_id)
       SELECT c.sku_id, c.location_id, p.sku, l.code, p.category, p.shelf_life_days, p.unit_cost,
              p.price, p.co2e_kg_per_unit, c.stock_date, MAX(i.on_hand, 0) AS on_hand,
              su.lead_time_days, su.lead_time_sd_days, su.moq,
              (SELECT COALESCE(SUM(s.units), 0) FROM sales s WHERE s.sku_id = c.sku_id
                 AND s.location_id = c.location_id AND s.date > date(c.stock_date, '-28 days')
                 AND s.date <= c.stock_date) AS sold_28,
              w.n, w.total, w.squares
       FROM counts c
       JOIN inventory i ON i.sku_id = c.sku_id AND i.location_id = c.location_id AND i.date = c.stock_date
       JOIN products p ON p.id = c.sku_id
       JOIN locations l ON l.id = c.location_id
       LEFT JOIN supply su ON su.sku_id = c.sku_id AND su.location_id = c.location_id
       LEFT JOIN (
         SELECT s.sku_id, s.location_id, c2.stock_date, COUNT(*) AS n, SUM(s.units) AS total,
                SUM(s.units * s.units) AS squares
         FROM sales s JOIN counts c2 ON c2.sku_id = s.sku_id AND c2.location_id = s.location_id
         WHERE s.promo = 0 AND s.stockout = 0 AND s.date > date(c2.stock_date, '-28 days')
           AND s.date <= c2.stock_date
         GROUP BY s.sku_id, s.location_id) w
         ON w.sku_id = c.sku_id AND w.location_id = c.location_id`,
    )
    .all(FIRST, LAST) as ListingRow[];
}

/** The policy's demand: mean and sample sd of the 28 days without promotion or stockout. */
function demandOf(row: ListingRow): { rate: number; sd: number } {
  const n = row.n ?? 0;
  if (n === 0) return { rate: 0, sd: 0 };
  const rate = (row.total ?? 0) / n;
  if (n < 2) return { rate, sd: Math.sqrt(rate) };
  return { rate, sd: Math.sqrt(Math.max(0, ((row.squares ?? 0) - n * rate * rate) / (n - 1))) };
}

function orderUpTo(row: ListingRow): number {
  const { rate, sd } = demandOf(row);
  const unitCost = row.unit_cost ?? 0;
  const margin = (row.price ?? 0) - unitCost;
  return recommendPolicy(
    {
      demand: {
        mean: new Array<number>(56).fill(rate),
        sd: new Array<number>(56).fill(sd),
        dailyMean: rate,
        dailySd: sd,
        method: 'recent-mean',
        note: null,
      },
      leadTimeDays: row.lead_time_days ?? 7,
      leadTimeSdDays: row.lead_time_sd_days ?? 0,
      moq: Math.max(1, row.moq ?? 1),
      shelfLifeDays: row.shelf_life_days,
      locationCode: row.code,
      costs: {
        holdingCost: (unitCost * 0.2) / 365,
        stockoutCost: margin > 0 ? margin : unitCost * 0.3,
        wasteCost: unitCost,
        co2ePerWastedUnit: row.co2e_kg_per_unit ?? 0,
      },
    },
    {
      measure: 'fill-rate',
      level: serviceTargetFor({
        category: row.category,
        locationCode: row.code,
        shelfLifeDays: row.shelf_life_days,
      }).fillRate,
    },
    // the review's documented simulation settings for perishables
    { replications: 10, seed: 20_261_009 },
  ).policy.orderUpToLevel;
}

/** Units of the count that expire unsold: receipts from consecutive counts, FIFO, sold at the rate. */
function unitsAtRisk(row: ListingRow): number {
  const counts = store.database
    .prepare(
      `SELECT i.date, i.on_hand,
              MAX(0, i.on_hand - LAG(i.on_hand) OVER w + COALESCE(s.units, 0)) AS received
       FROM inventory i LEFT JOIN sales s
         ON s.sku_id = i.sku_id AND s.location_id = i.location_id AND s.date = i.date
       WHERE i.sku_id = ? AND i.location_id = ? AND i.date BETWEEN ? AND ?
       WINDOW w AS (ORDER BY i.date)
       ORDER BY i.date DESC`,
    )
    .all(
      row.sku_id,
      row.location_id,
      windowStart(row.shelf_life_days as number),
      row.stock_date,
    ) as {
    date: string;
    on_hand: number;
    received: number | null;
  }[];
  let left = row.on_hand;
  const batches: { day: number; units: number }[] = [];
  for (const count of counts) {
    if (left <= 0) break;
    const units = count.received === null ? left : Math.min(left, count.received);
    if (units > 0) batches.unshift({ day: parseIsoDate(count.date), units });
    left -= units;
  }
  const stockDay = parseIsoDate(row.stock_date);
  const life = lifeOnArrivalDays(row.shelf_life_days as number, row.lead_time_days ?? 7);
  const { rate } = demandOf(row);
  let selling = 0; // days from the count at which the batch starts selling
  let atRisk = 0;
  for (const batch of batches) {
    const expiresIn = batch.day + life - stockDay;
    const canSell = Math.max(0, expiresIn - selling) * rate;
    if (canSell >= batch.units) {
      selling += rate > 0 ? batch.units / rate : 0;
    } else {
      atRisk += batch.units - canSell;
      selling = Math.max(selling, expiresIn);
    }
  }
  return atRisk;
}

beforeAll(() => {
  store = openStore({ path: ':memory:' });
  loadDemoCompany(store, { seed: 5, today: '2026-11-15', years: 1, skuCount: 24 });
  const section = buildSupplyReview(
    createStoreToolContext(store, {
      signal: new AbortController().signal,
      now: () => new Date('2026-11-15T12:00:00Z'),
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined },
    }),
    MONTH,
    {},
  );
  if (section.status !== 'available') throw new Error(section.reason);
  review = section.data;
}, 120_000);

afterAll(() => store?.database.close());

describe('supply review against direct SQL over the demo company', () => {
  it('has the days of cover of every category x location that SQL finds (else cover is misstated)', () => {
    const groups = new Map<string, { onHand: number; daily: number }>();
    for (const row of listingRows()) {
      const key = `${row.category}|${row.code}`;
      const group = groups.get(key) ?? { onHand: 0, daily: 0 };
      group.onHand += row.on_hand;
      group.daily += row.sold_28 / 28;
      groups.set(key, group);
    }
    expect(review.daysOfCover).toHaveLength(groups.size);
    expect(groups.size).toBeGreaterThan(8);
    for (const cover of review.daysOfCover) {
      const group = groups.get(`${cover.category}|${cover.location}`);
      expect(group, `${cover.category} ${cover.location}`).toBeDefined();
      expect(cover.onHandUnits).toBeCloseTo(group!.onHand, 6);
      expect(cover.days).toBeCloseTo(group!.onHand / group!.daily, 1);
    }
  });

  it('has the excess value SQL finds above the recommended order-up-to levels, at unit cost (else excess is misstated)', () => {
    let total = 0;
    for (const row of listingRows()) {
      total += Math.max(0, row.on_hand - orderUpTo(row)) * (row.unit_cost ?? 0);
    }
    expect(total).toBeGreaterThan(0);
    expect(review.excess.totalValue).toBeCloseTo(total, 0);
  });

  it('has the expiry-risk value SQL finds from the FIFO age of the stock, at unit cost (else expiry risk is misstated)', () => {
    let value = 0;
    let units = 0;
    for (const row of listingRows()) {
      if (row.shelf_life_days === null) continue;
      const atRisk = unitsAtRisk(row);
      units += atRisk;
      value += atRisk * (row.unit_cost ?? 0);
    }
    expect(units).toBeGreaterThan(0);
    expect(review.expiryRisk.units).toBeCloseTo(units, 0);
    expect(review.expiryRisk.value).toBeCloseTo(value, 0);
  });
});
