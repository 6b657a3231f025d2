import { describe, expect, it } from 'vitest';
import { createMemoryToolContext } from '../memory-tool-context';
import type { CatalogLocation, CatalogProduct, SalesTotalsQuery } from '../tool-context';
import {
  createMonthlyListingsCache,
  monthlyListings,
  seriesThrough,
  unitsInMonth,
} from './monthly-listings';

const products: CatalogProduct[] = [
  { sku: 'A', name: 'A', category: 'dairy', launchDate: null, lifecycleStage: null },
  { sku: 'B', name: 'B', category: 'grains', launchDate: null, lifecycleStage: null },
];
const locations: CatalogLocation[] = [
  { code: 'LIM', name: 'Lima', region: 'Lima', city: 'Lima' },
  { code: 'AQP', name: 'Arequipa', region: 'Sur', city: 'Arequipa' },
];
const sales = [
  { date: '2025-11-03', sku: 'A', location: 'LIM', units: 4 },
  { date: '2025-11-20', sku: 'A', location: 'LIM', units: 6 },
  { date: '2026-01-31', sku: 'A', location: 'LIM', units: 7 },
  { date: '2026-02-10', sku: 'A', location: 'LIM', units: 99 },
  { date: '2025-12-05', sku: 'B', location: 'AQP', units: 3 },
];

describe('monthlyListings', () => {
  it('sums days into months and fills months without rows with 0, else monthly forecasts see gaps as missing', () => {
    const context = createMemoryToolContext({ products, locations, sales });
    const result = monthlyListings(context, {}, '2026-01-31');
    expect(result.lastMonth).toBe('2026-01');
    expect(result.listings).toEqual([
      {
        sku: 'A',
        location: 'LIM',
        category: 'dairy',
        region: 'Lima',
        firstMonth: '2025-11',
        units: [10, 0, 7],
      },
      {
        sku: 'B',
        location: 'AQP',
        category: 'grains',
        region: 'Sur',
        firstMonth: '2025-12',
        units: [3, 0],
      },
    ]);
    const listing = result.listings[0]!;
    expect(unitsInMonth(listing, '2025-11')).toBe(10);
    expect(unitsInMonth(listing, '2025-10')).toBe(0);
    expect(unitsInMonth(listing, '2026-02')).toBe(0);
    expect(seriesThrough(listing, '2025-12')).toEqual([10, 0]);
    expect(seriesThrough(listing, '2025-10')).toEqual([]);
  });

  it('reads at most the last 60 months, else a long store makes every summary slower', () => {
    const old = [...sales, { date: '2020-12-31', sku: 'A', location: 'LIM', units: 5 }];
    const context = createMemoryToolContext({ products, locations, sales: old });
    const result = monthlyListings(context, {}, '2025-12-31');
    expect(result.listings[0]?.firstMonth).toBe('2025-11');
    expect(monthlyListings(context, {}, '2025-11-30').listings[0]?.firstMonth).toBe('2020-12');
  });

  it('applies the scope, else a regional section reads every region', () => {
    const context = createMemoryToolContext({ products, locations, sales });
    const result = monthlyListings(context, { regions: ['Sur'] }, '2026-01-31');
    expect(result.listings.map((listing) => listing.sku)).toEqual(['B']);
  });

  it('the cache runs the grouped query once per scope and date, else sections repeat the slowest read', () => {
    const inner = createMemoryToolContext({ products, locations, sales });
    const queries: SalesTotalsQuery[] = [];
    const context = {
      ...inner,
      sales: {
        ...inner.sales,
        totals: (query: SalesTotalsQuery) => {
          queries.push(query);
          return inner.sales.totals(query);
        },
      },
    };
    const source = createMonthlyListingsCache();
    const first = source(context, {}, '2026-01-31');
    expect(source(context, {}, '2026-01-31')).toBe(first);
    source(context, { regions: ['Sur'] }, '2026-01-31');
    expect(queries).toHaveLength(2);
  });
});
