import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { serviceTargetFor } from '../../models/inventory/service-targets';
import { recommendPolicy } from '../inventory/recommend-policy';
import {
  createMemoryToolContext,
  type MemorySalesRow,
  type MemoryStockRow,
} from '../memory-tool-context';
import type { CatalogProduct } from '../tool-context';
import type { SupplyReview } from './sop-facts';
import { buildSupplyReview, prepareSupplyReview } from './supply-review';
import { recommendSupplyPolicy } from './supply-review-listing';

const products: CatalogProduct[] = [
  {
    sku: 'ARR-1',
    name: 'Arroz 1 kg',
    category: 'grains',
    launchDate: null,
    lifecycleStage: 'mature',
    price: 8,
    unitCost: 5,
    shelfLifeDays: null,
    co2eKgPerUnit: 0.5,
  },
  {
    sku: 'YOG-1',
    name: 'Yogurt 1 L',
    category: 'dairy',
    launchDate: null,
    lifecycleStage: 'mature',
    price: 6.5,
    unitCost: 3,
    shelfLifeDays: 21,
    co2eKgPerUnit: 1.1,
  },
];
const locations = [
  { code: 'AQP', name: 'Arequipa DC', region: 'Sur', city: 'Arequipa' },
  { code: 'TRU', name: 'Trujillo DC', region: 'Norte', city: 'Trujillo' },
];

const day = (iso: string) => parseIsoDate(iso);
const datesBetween = (from: string, to: string) => {
  const dates: string[] = [];
  for (let number = day(from); number <= day(to); number += 1) dates.push(formatIsoDate(number));
  return dates;
};

function sales(sku: string, location: string, from: string, to: string, units: number) {
  return datesBetween(from, to).map((date) => ({ date, sku, location, units }));
}

/** Arroz at AQP: 10 a day, 100 on hand at the end of October, 14-day lead time (10 days of stock). */
function shortItem() {
  const rows: MemorySalesRow[] = sales('ARR-1', 'AQP', '2026-09-01', '2026-10-31', 10);
  const stock: MemoryStockRow[] = [
    { sku: 'ARR-1', location: 'AQP', date: '2026-10-31', onHand: 100, onOrder: 0 },
  ];
  return {
    rows,
    stock,
    supply: { sku: 'ARR-1', location: 'AQP', leadTimeDays: 14, leadTimeSdDays: 0, moq: 1 },
  };
}

function review(data: Parameters<typeof createMemoryToolContext>[0], month = '2026-10') {
  const section = buildSupplyReview(createMemoryToolContext(data), month, {});
  if (section.status !== 'available') throw new Error(`not available: ${section.reason}`);
  return section.data as SupplyReview;
}

describe('buildSupplyReview', () => {
  it('flags 10 days of stock against a 14-day lead time as a stockout with the order covering lead-time demand and safety stock (else the order size or lost sales are wrong)', () => {
    const { rows, stock, supply } = shortItem();
    const data = review({ products, locations, sales: rows, stock, supply: [supply] });
    const recommended = recommendPolicy(
      {
        demand: {
          mean: [10],
          sd: [0],
          dailyMean: 10,
          dailySd: 0,
          method: 'recent-mean',
          note: null,
        },
        leadTimeDays: 14,
        leadTimeSdDays: 0,
        moq: 1,
        shelfLifeDays: null,
        locationCode: 'AQP',
        costs: { holdingCost: 0, stockoutCost: 3, wasteCost: 5 },
      },
      {
        measure: 'fill-rate',
        level: serviceTargetFor({ category: 'grains', locationCode: 'AQP' }).fillRate,
      },
      { replications: 2, seed: 1 },
    );
    expect(recommended.safetyStock).toBeGreaterThan(0);
    expect(data.projectedStockouts).toEqual([
      {
        sku: 'ARR-1',
        location: 'AQP',
        daysUntilStockout: 10,
        leadTimeDays: 14,
        orderUnits: Math.ceil(140 + recommended.safetyStock - 100),
        lostSalesValue: 40 * 8,
      },
    ]);
    expect(data.belowSafetyStock).toEqual([]);
    expect(data.stockDate).toBe('2026-10-31');
    expect(data.daysOfCover).toEqual([
      { category: 'grains', location: 'AQP', onHandUnits: 100, averageDailyUnits: 10, days: 10 },
    ]);
  });

  it('values on hand above the recommended order-up-to level as excess at unit cost (else excess is mispriced)', () => {
    const { rows, supply } = shortItem();
    const stock = [{ sku: 'ARR-1', location: 'AQP', date: '2026-10-31', onHand: 1000, onOrder: 0 }];
    const data = review({ products, locations, sales: rows, stock, supply: [supply] });
    const [item] = data.excess.items;
    expect(item).toBeDefined();
    expect(item!.excessUnits).toBe(1000 - item!.recommendedMaxUnits);
    expect(item!.excessValue).toBeCloseTo(item!.excessUnits * 5, 6);
    expect(data.excess.totalValue).toBeCloseTo(item!.excessValue, 6);
    expect(data.projectedStockouts).toEqual([]);
  });

  it('counts yogurt older than its shelf life as expiry risk and waste with its CO2e (else expired stock is hidden)', () => {
    // 300 on hand on 1 September, 2 sold a day, nothing received: 180 left on 31 October, all of it
    // received 60 days earlier, beyond the 21 - 3 = 18 days of life a delivery has on arrival
    const rows = sales('YOG-1', 'TRU', '2026-09-01', '2026-10-31', 2);
    const stock = datesBetween('2026-09-01', '2026-10-31').map((date, index) => ({
      sku: 'YOG-1',
      location: 'TRU',
      date,
      onHand: 302 - 2 * (index + 1),
      onOrder: 0,
    }));
    const supply = [{ sku: 'YOG-1', location: 'TRU', leadTimeDays: 3, leadTimeSdDays: 0, moq: 1 }];
    const data = review({ products, locations, sales: rows, stock, supply });
    expect(stock[stock.length - 1]!.onHand).toBe(180);
    expect(data.expiryRisk).toEqual({
      units: 180,
      value: 540,
      co2eKg: 198,
      items: [{ sku: 'YOG-1', location: 'TRU', units: 180, value: 540, daysLeft: 0 }],
    });
    expect(data.expectedWaste).toEqual({ units: 180, value: 540, co2eKg: 198 });
  });

  it('estimates units lost on stockout days from the usual demand (else the fill rate is wrong)', () => {
    // October: 10 a day except three stockout days selling 4: 292 sold, 3 x 6 = 18 lost
    const rows = sales('ARR-1', 'AQP', '2026-09-01', '2026-10-31', 10).map((row) =>
      ['2026-10-10', '2026-10-11', '2026-10-12'].includes(row.date)
        ? { ...row, units: 4, stockout: true }
        : row,
    );
    const stock = [{ sku: 'ARR-1', location: 'AQP', date: '2026-10-31', onHand: 500, onOrder: 0 }];
    const data = review({ products, locations, sales: rows, stock });
    expect(data.serviceLevel).toEqual({
      fillRate: Number((292 / 310).toFixed(4)),
      stockoutDays: 3,
      listingDays: 31,
    });
  });

  it('is not available, naming the month, when the month has no stock counts (else numbers would be invented)', () => {
    const { rows } = shortItem();
    const stock = [{ sku: 'ARR-1', location: 'AQP', date: '2026-09-30', onHand: 100, onOrder: 0 }];
    const section = buildSupplyReview(
      createMemoryToolContext({ products, locations, sales: rows, stock }),
      '2026-10',
      { categories: ['grains'] },
    );
    expect(section).toEqual({
      status: 'not_available',
      reason: 'no stock counts in the store for 2026-10 for category grains',
    });
  });

  it('keeps to the scope: a location outside it is not reviewed (else the review mixes places)', () => {
    const { rows, stock, supply } = shortItem();
    const other = sales('YOG-1', 'TRU', '2026-09-01', '2026-10-31', 2);
    const otherStock = [
      { sku: 'YOG-1', location: 'TRU', date: '2026-10-31', onHand: 10, onOrder: 0 },
    ];
    const section = buildSupplyReview(
      createMemoryToolContext({
        products,
        locations,
        sales: [...rows, ...other],
        stock: [...stock, ...otherStock],
        supply: [supply],
      }),
      '2026-10',
      { locations: ['TRU'] },
    );
    expect(section.status).toBe('available');
    if (section.status === 'available') {
      expect(section.data.daysOfCover.map((row) => row.location)).toEqual(['TRU']);
    }
  });

  it('gives the same section from policy jobs run elsewhere and returned in any order, or worker threads would change the numbers', () => {
    const { rows, stock, supply } = shortItem();
    const yogurt = sales('YOG-1', 'TRU', '2026-09-01', '2026-10-31', 2);
    const yogurtStock = [
      { sku: 'YOG-1', location: 'TRU', date: '2026-10-31', onHand: 90, onOrder: 0 },
    ];
    const context = createMemoryToolContext({
      products,
      locations,
      sales: [...rows, ...yogurt],
      stock: [...stock, ...yogurtStock],
      supply: [supply],
    });
    const plan = prepareSupplyReview(context, '2026-10', {});
    if (plan.status !== 'ready') throw new Error('expected a plan');
    expect(plan.jobs).toHaveLength(2);
    // structured cloning is what a worker thread does to a job and its outcome
    const outcomes = structuredClone(plan.jobs)
      .map((job) => structuredClone(recommendSupplyPolicy(job)))
      .reverse();
    expect(plan.complete(outcomes)).toEqual(buildSupplyReview(context, '2026-10', {}));
    expect(() => plan.complete(outcomes.slice(1))).toThrow(/no policy for job/);
  });
});
