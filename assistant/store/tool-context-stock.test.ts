// The stock, supply and product-cost parts of the store's ToolContext that the business rules read.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store';
import { createStoreToolContext } from './tool-context';

function context() {
  const store = openTestStore();
  const toolContext = createStoreToolContext(store, {
    signal: new AbortController().signal,
    now: () => new Date('2024-01-20T12:00:00Z'),
    logger: pino({ level: 'silent' }),
  });
  const quinoa = store.products.findBySku('QUI-500')!.id;
  const arequipa = store.locations.findByCode('AQP-DC')!.id;
  return { store, toolContext, quinoa, arequipa };
}

describe('createStoreToolContext: stock, supply and costs', () => {
  it('joins each day its own stock count, null where none was taken (else rules would read another day)', () => {
    const { store, toolContext, quinoa, arequipa } = context();
    store.inventory.upsert({
      skuId: quinoa,
      locationId: arequipa,
      date: '2024-01-02',
      onHand: 40,
      onOrder: 12,
    });
    store.inventory.upsert({
      skuId: quinoa,
      locationId: arequipa,
      date: '2024-01-03',
      onHand: -1,
      onOrder: null,
    });
    const [listing] = toolContext.sales.listings(
      { skus: ['QUI-500'], locations: ['AQP-DC'], to: '2024-01-04' },
      { stock: true },
    );
    expect(listing!.days.map((day) => [day.date, day.onHand, day.onOrder])).toEqual([
      ['2024-01-01', null, null],
      ['2024-01-02', 40, 12],
      ['2024-01-03', -1, null],
      ['2024-01-04', null, null],
    ]);
  });

  it('leaves the stock fields out unless asked (the scans that need no stock pay no join)', () => {
    const { toolContext } = context();
    const [listing] = toolContext.sales.listings({ skus: ['QUI-500'], locations: ['AQP-DC'] });
    expect(listing!.days[0]).not.toHaveProperty('onHand');
  });

  it('reads the supply terms by codes, and nothing for a listing without a supply row', () => {
    const { store, toolContext, quinoa, arequipa } = context();
    store.supply.upsert({
      skuId: quinoa,
      locationId: arequipa,
      leadTimeDays: 9,
      leadTimeSdDays: 2,
      moq: 120,
      orderCost: 50,
      holdingCostRate: 0.2,
      supplier: 'Molino',
    });
    expect(toolContext.supply.forListing('QUI-500', 'AQP-DC')).toEqual({
      leadTimeDays: 9,
      leadTimeSdDays: 2,
      moq: 120,
    });
    expect(toolContext.supply.forListing('QUI-500', 'LIM-DC1')).toBeUndefined();
    expect(toolContext.supply.forListing('NOPE', 'AQP-DC')).toBeUndefined();
  });

  it('carries shelf life and unit cost on the catalogue (expiry risk is valued at cost)', () => {
    const { toolContext } = context();
    const yogurt = toolContext.catalog.products().find((product) => product.sku === 'YOG-1L');
    expect(yogurt).toMatchObject({ shelfLifeDays: 21, unitCost: 3 });
  });
});
