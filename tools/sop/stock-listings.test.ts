import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { createMemoryToolContext, type MemorySalesRow } from '../memory-tool-context';
import type { CatalogProduct, ToolContext } from '../tool-context';
import { createStockListingsCache, packStockWindow, readStockListings } from './stock-listings';

const product = (sku: string, category: string): CatalogProduct => ({
  sku,
  name: sku,
  category,
  launchDate: null,
  lifecycleStage: 'mature',
  price: 8,
  unitCost: 5,
  shelfLifeDays: null,
  co2eKgPerUnit: null,
});

/** Two SKUs at two locations, 2024-01-01 to 2024-04-29 (one listing starts in February), stock counts on Sundays. */
function countingContext(): { context: ToolContext; reads: () => number } {
  const sales: MemorySalesRow[] = [];
  const stock: { sku: string; location: string; date: string; onHand: number; onOrder: number }[] =
    [];
  const first = parseIsoDate('2024-01-01');
  for (const [sku, location, start] of [
    ['ARR-1', 'LIM-DC1', 0],
    ['ARR-1', 'AQP-DC', 0],
    ['YOG-1', 'LIM-DC1', 40],
  ] as const) {
    for (let day = first + start; day < first + 120; day += 1) {
      const date = formatIsoDate(day);
      sales.push({ date, sku, location, units: (day * 7) % 13, stockout: day % 17 === 0 });
      if (day % 7 === 6) stock.push({ sku, location, date, onHand: day % 50, onOrder: 0 });
    }
  }
  const inner = createMemoryToolContext({
    products: [product('ARR-1', 'grains'), product('YOG-1', 'dairy')],
    locations: [
      { code: 'LIM-DC1', name: 'Lima', region: 'Lima', city: 'Lima' },
      { code: 'AQP-DC', name: 'Arequipa', region: 'Sur', city: 'Arequipa' },
    ],
    sales,
    stock,
  });
  let reads = 0;
  const context: ToolContext = {
    ...inner,
    sales: {
      ...inner.sales,
      listings: (scope, options) => {
        reads += 1;
        return inner.sales.listings(scope, options);
      },
    },
  };
  return { context, reads: () => reads };
}

describe('stock listings shared by a pack', () => {
  it('spans the previous month minus 28 days to the month end (else the KPI read falls outside)', () => {
    expect(packStockWindow('2024-03')).toEqual({ from: '2024-01-04', to: '2024-03-31' });
  });

  it('answers the supply and KPI windows as direct reads do, from one store read (else the numbers or the cost change)', () => {
    const { context, reads } = countingContext();
    const cache = createStockListingsCache()('2024-03');
    const windows: [string, string][] = [
      ['2024-03-01', '2024-03-31'],
      ['2024-02-02', '2024-03-31'],
      ['2024-01-04', '2024-02-29'],
      ['2024-01-04', '2024-01-04'],
      ['2024-02-09', '2024-02-11'],
    ];
    const march = readStockListings(context, {}, '2024-03-01', '2024-03-31');
    expect(march).toHaveLength(3);
    expect(march[0]?.days.some((day) => typeof day.onHand === 'number')).toBe(true);
    for (const scope of [{}, { locations: ['LIM-DC1'], from: '2023-01-01' }]) {
      for (const [from, to] of windows) {
        expect(cache(context, scope, from, to)).toEqual(
          readStockListings(context, scope, from, to),
        );
      }
    }
    // two filter sets: one wide read each, plus the direct reads made for the comparison
    expect(reads()).toBe(1 + 2 + 2 * windows.length);
  });

  it('leaves out a listing with no day in the window and reads the store outside the pack window (else listings differ)', () => {
    const { context, reads } = countingContext();
    const cache = createStockListingsCache()('2024-03');
    // inside January's pack window but before the first sale: sliced to no listing at all
    expect(createStockListingsCache()('2024-01')(context, {}, '2023-11-10', '2023-12-31')).toEqual(
      [],
    );
    const before = readStockListings(context, {}, '2023-12-01', '2024-01-10');
    expect(before.length).toBeGreaterThan(0);
    const readsBefore = reads();
    expect(cache(context, {}, '2023-12-01', '2024-01-10')).toEqual(before);
    expect(reads()).toBe(readsBefore + 1);
  });
});
