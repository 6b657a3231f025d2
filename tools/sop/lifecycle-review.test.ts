import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { createMemoryToolContext, type MemorySalesRow } from '../memory-tool-context';
import type { CatalogLocation, CatalogProduct } from '../tool-context';
import { buildLifecycleReview } from './lifecycle-review';
import { addMonths, monthEnd } from './months';
import type { LifecycleReview, SopSection } from './sop-facts';

const locations: CatalogLocation[] = [
  { code: 'LIM', name: 'Lima DC', region: 'Lima', city: 'Lima' },
  { code: 'AQP', name: 'Arequipa DC', region: 'Sur', city: 'Arequipa' },
];

function product(
  sku: string,
  fields: Partial<CatalogProduct> & { category: string },
): CatalogProduct {
  return {
    sku,
    name: `Product ${sku}`,
    launchDate: null,
    lifecycleStage: 'mature',
    price: 5,
    ...fields,
  };
}

const products: CatalogProduct[] = [
  product('OLD', { category: 'snacks', launchDate: '2025-01-06' }),
  product('NEW', { category: 'snacks', launchDate: '2026-05-04', lifecycleStage: 'launch' }),
  product('DEC', { category: 'dairy' }),
  product('STEADY', { category: 'dairy' }),
  product('YOUNG', { category: 'dairy' }),
  product('GONE', { category: 'grains', lifecycleStage: 'discontinued', unitCost: 2 }),
];

function daily(sku: string, location: string, from: string, to: string, units: number) {
  const rows: MemorySalesRow[] = [];
  for (let day = parseIsoDate(from); day <= parseIsoDate(to); day += 1) {
    rows.push({ date: formatIsoDate(day), sku, location, units });
  }
  return rows;
}

function monthly(sku: string, location: string, first: string, values: number[]) {
  return values.map((units, index) => ({
    date: monthEnd(addMonths(first, index)),
    sku,
    location,
    units,
  }));
}

const sales: MemorySalesRow[] = [
  ...monthly('STEADY', 'LIM', '2024-11', new Array<number>(20).fill(100)),
  ...daily('OLD', 'LIM', '2025-01-06', '2026-06-30', 10),
  ...daily('NEW', 'LIM', '2026-05-04', '2026-06-30', 20),
  // 100 a month through 2025-06, then 60 a month from 2026-04: -40% on last year
  ...monthly('DEC', 'LIM', '2024-12', [...new Array<number>(16).fill(100), 60, 60, 60]),
  // first sold 2025-10: 100 a month, then 70 from 2026-04 (-30% on the previous 3 months)
  ...monthly('YOUNG', 'AQP', '2025-10', [100, 100, 100, 100, 100, 100, 70, 70, 70]),
  ...monthly('GONE', 'AQP', '2024-12', new Array<number>(12).fill(30)),
];

const stock = [
  { sku: 'GONE', location: 'AQP', date: '2026-06-30', onHand: 50, onOrder: 0 },
  { sku: 'DEC', location: 'LIM', date: '2026-06-30', onHand: 400, onOrder: 0 },
];

function available(section: SopSection<LifecycleReview>): LifecycleReview {
  if (section.status !== 'available') throw new Error(`not available: ${section.reason}`);
  return section.data;
}

describe('buildLifecycleReview', () => {
  it('compares a launch with the analogue forecast made at launch over the same whole weeks, else launch ramps are misjudged', () => {
    const context = createMemoryToolContext({ products, locations, sales, stock });
    const review = available(buildLifecycleReview(context, '2026-06', {}));
    // launched 2026-05-04, data through 2026-06-30: 58 days = 8 whole weeks
    expect(review.launches).toHaveLength(1);
    const launch = review.launches[0]!;
    expect(launch).toMatchObject({ sku: 'NEW', launchDate: '2026-05-04', actualUnits: 20 * 56 });
    // one analogue at the same price: its 70 units a week at its own level
    expect(launch.analogueForecastUnits).toBeCloseTo(70 * 8, 9);
    expect(launch.ratio).toBeCloseTo(2, 9);
  });

  it('leaves launches older than 6 months out, else the review lists mature products', () => {
    const context = createMemoryToolContext({ products, locations, sales, stock });
    const review = available(buildLifecycleReview(context, '2026-12', {}));
    expect(review.launches).toHaveLength(0);
  });

  it('flags products 20% or more below last year, or below the previous 3 months when there is no year, else declines go unseen', () => {
    const context = createMemoryToolContext({ products, locations, sales, stock });
    const review = available(buildLifecycleReview(context, '2026-06', {}));
    expect(review.declining).toEqual([
      { sku: 'DEC', name: 'Product DEC', changePct: -0.4, onHandUnits: 400 },
      { sku: 'YOUNG', name: 'Product YOUNG', changePct: expect.closeTo(-0.3, 9), onHandUnits: 0 },
    ]);
  });

  it('lists discontinued products with their stock at unit cost, else dead stock is missed', () => {
    const context = createMemoryToolContext({ products, locations, sales, stock });
    const review = available(buildLifecycleReview(context, '2026-06', {}));
    expect(review.discontinued).toEqual([
      { sku: 'GONE', name: 'Product GONE', onHandUnits: 50, onHandValue: 100 },
    ]);
  });

  it('respects the scope, else a dairy review shows snacks', () => {
    const context = createMemoryToolContext({ products, locations, sales, stock });
    const review = available(buildLifecycleReview(context, '2026-06', { categories: ['dairy'] }));
    expect(review.launches).toHaveLength(0);
    expect(review.discontinued).toHaveLength(0);
    expect(review.declining.map((item) => item.sku)).toEqual(['DEC', 'YOUNG']);
    const lima = available(buildLifecycleReview(context, '2026-06', { regions: ['Lima'] }));
    expect(lima.declining.map((item) => item.sku)).toEqual(['DEC']);
  });

  it('says not available without sales or products in scope, else it would report empty lists as facts', () => {
    const empty = createMemoryToolContext({ products, locations, sales: [] });
    expect(buildLifecycleReview(empty, '2026-06', {})).toEqual({
      status: 'not_available',
      reason: 'no sales in the store',
    });
    const context = createMemoryToolContext({ products, locations, sales, stock });
    const section = buildLifecycleReview(context, '2026-06', { categories: ['beverages'] });
    expect(section).toEqual({
      status: 'not_available',
      reason: 'no products in categories beverages',
    });
  });
});
