import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store';
import { runTool } from '../../tools/index';
import { createStoreToolContext } from './tool-context';

function context() {
  const store = openTestStore();
  const toolContext = createStoreToolContext(store, {
    signal: new AbortController().signal,
    now: () => new Date('2024-01-20T12:00:00Z'),
    logger: pino({ level: 'silent' }),
  });
  return { store, toolContext };
}

describe('createStoreToolContext', () => {
  it('maps the catalogue to codes and names, or resolution would see the wrong fields', () => {
    const { toolContext } = context();
    expect(toolContext.catalog.products().map((product) => product.sku)).toEqual([
      'QUI-500',
      'YOG-1L',
    ]);
    expect(toolContext.catalog.locations()).toContainEqual({
      code: 'AQP-DC',
      name: 'Arequipa DC',
      region: 'Sur',
      city: 'Arequipa',
    });
  });

  it('returns each SKU x location as its own daily series (else daily models would fit a blend of stores)', () => {
    const { toolContext } = context();
    const listings = toolContext.sales.listings({
      skus: ['QUI-500'],
      regions: ['Lima', 'Sur'],
      to: '2024-01-03',
    });
    expect(listings.map((listing) => [listing.sku, listing.location, listing.region])).toEqual([
      ['QUI-500', 'AQP-DC', 'Sur'],
      ['QUI-500', 'LIM-DC1', 'Lima'],
    ]);
    const lima = listings[1]!;
    expect(lima.days.map((day) => [day.date, day.units, day.promo])).toEqual([
      ['2024-01-01', 10, false],
      ['2024-01-02', 10, false],
      ['2024-01-03', 10, true],
    ]);
  });

  it('sums daily sales over a SKU in a region with promotion and stockout counts', () => {
    const { toolContext } = context();
    const daily = toolContext.sales.daily({
      skus: ['QUI-500'],
      regions: ['Lima', 'Sur'],
      to: '2024-01-03',
    });
    // Lima 10 a day plus Arequipa 2 + (day % 2); the promotion is in Lima on day 2
    expect(daily).toEqual([
      { date: '2024-01-01', units: 12, revenue: 79, rows: 2, promoRows: 0, stockoutRows: 0 },
      { date: '2024-01-02', units: 13, revenue: 79, rows: 2, promoRows: 0, stockoutRows: 0 },
      { date: '2024-01-03', units: 12, revenue: 79, rows: 2, promoRows: 1, stockoutRows: 0 },
    ]);
  });

  it('totals by week and category in the store order', () => {
    const { toolContext } = context();
    const rows = toolContext.sales.totals({
      grain: 'week',
      groupBy: ['category'],
      locations: ['LIM-DC1'],
    });
    expect(rows.map((row) => [row.period, row.category, row.units, row.stockoutRows])).toEqual([
      ['2024-01-01', 'dairy', 35, 0],
      ['2024-01-01', 'grains', 70, 0],
      ['2024-01-08', 'dairy', 35, 1],
      ['2024-01-08', 'grains', 70, 0],
    ]);
    expect(toolContext.sales.dateRange()).toEqual({ first: '2024-01-01', last: '2024-01-14' });
  });

  it('reads the latest stock by codes and nothing for unknown codes', () => {
    const { store, toolContext } = context();
    const sku = store.products.findBySku('QUI-500')!.id;
    const location = store.locations.findByCode('AQP-DC')!.id;
    store.inventory.upsert({
      skuId: sku,
      locationId: location,
      date: '2024-01-05',
      onHand: 40,
      onOrder: null,
    });
    store.inventory.upsert({
      skuId: sku,
      locationId: location,
      date: '2024-01-12',
      onHand: 25,
      onOrder: 10,
    });
    expect(toolContext.inventory.latest('QUI-500', 'AQP-DC')).toEqual({
      date: '2024-01-12',
      onHand: 25,
      onOrder: 10,
    });
    expect(toolContext.inventory.latest('QUI-500', 'NOPE')).toBeUndefined();
  });

  it('runs forecast_demand on the store by product name', async () => {
    const { toolContext } = context();
    const outcome = await runTool(
      'forecast_demand',
      { product: 'quinua blanca', location: 'Lima DC', grain: 'day', horizon: 3, method: 'naive' },
      toolContext,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const result = outcome.result as { forecast: { start: string; mean: number }[] };
    expect(result.forecast).toEqual([
      expect.objectContaining({ start: '2024-01-15', mean: 10 }),
      expect.objectContaining({ start: '2024-01-16', mean: 10 }),
      expect.objectContaining({ start: '2024-01-17', mean: 10 }),
    ]);
  });
});
