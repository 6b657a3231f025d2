import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store';
import { createStoreToolContext } from './tool-context';

describe('createStoreToolContext supply.forListings', () => {
  it('gives each pair the terms forListing gives, in order, undefined where none (else the S&OP supply review uses wrong lead times)', () => {
    const store = openTestStore();
    const context = createStoreToolContext(store, {
      signal: new AbortController().signal,
      now: () => new Date('2024-01-20T12:00:00Z'),
      logger: pino({ level: 'silent' }),
    });
    const quinoa = store.products.findBySku('QUI-500')?.id ?? -1;
    const yogurt = store.products.findBySku('YOG-1L')?.id ?? -1;
    const lima = store.locations.findByCode('LIM-DC1')?.id ?? -1;
    const arequipa = store.locations.findByCode('AQP-DC')?.id ?? -1;
    const terms = { orderCost: null, holdingCostRate: null, supplier: null };
    store.supply.upsert({
      ...terms,
      skuId: quinoa,
      locationId: lima,
      leadTimeDays: 5,
      leadTimeSdDays: 1.5,
      moq: 40,
    });
    store.supply.upsert({
      ...terms,
      skuId: yogurt,
      locationId: arequipa,
      leadTimeDays: 2,
      leadTimeSdDays: null,
      moq: null,
    });
    const pairs = [
      { sku: 'YOG-1L', location: 'AQP-DC' },
      { sku: 'QUI-500', location: 'AQP-DC' },
      { sku: 'QUI-500', location: 'LIM-DC1' },
      { sku: 'NOPE', location: 'LIM-DC1' },
    ];
    const bulk = context.supply.forListings?.(pairs);
    expect(bulk).toEqual(pairs.map((pair) => context.supply.forListing(pair.sku, pair.location)));
    expect(bulk).toEqual([
      { leadTimeDays: 2, leadTimeSdDays: null, moq: null },
      undefined,
      { leadTimeDays: 5, leadTimeSdDays: 1.5, moq: 40 },
      undefined,
    ]);
    store.close();
  });
});
