import { describe, expect, it } from 'vitest';
import { inferCurrentPolicy } from './current-policy';
import {
  inventoryTestData,
  TEST_DAYS,
  TEST_FIRST_DAY,
  TEST_ORDER_UP_TO_DAYS,
  TEST_REORDER_DAYS,
} from './test-data';
import type { ListingDay } from '../tool-context';

function daysOf(sku: string): ListingDay[] {
  const data = inventoryTestData();
  const stock = new Map(
    (data.stock ?? []).filter((row) => row.sku === sku).map((row) => [row.date, row]),
  );
  return data.sales
    .filter((row) => row.sku === sku)
    .map((row) => ({
      date: row.date,
      units: row.units,
      price: null,
      promo: false,
      stockout: row.stockout ?? false,
      onHand: stock.get(row.date)?.onHand ?? null,
      onOrder: stock.get(row.date)?.onOrder ?? null,
    }));
}

describe('inferCurrentPolicy', () => {
  it('recovers the reorder point and order-up-to level in days of cover from a known policy (else the comparison baseline is wrong)', () => {
    const inferred = inferCurrentPolicy(daysOf('GRA-001'), TEST_FIRST_DAY + TEST_DAYS - 1);
    expect(inferred).toBeDefined();
    // the position falls a day's demand past the trigger before the order: within 1.5 days
    expect(Math.abs(inferred!.reorderPointDays - TEST_REORDER_DAYS)).toBeLessThan(1.5);
    expect(Math.abs(inferred!.orderUpToDays - TEST_ORDER_UP_TO_DAYS)).toBeLessThan(1.5);
    expect(inferred!.orders).toBeGreaterThanOrEqual(5);
    expect(inferred!.windowDays).toBe(120);
  });

  it('gives no policy without stock counts (else it would invent one from sales alone)', () => {
    const days = daysOf('GRA-001').map((day) => ({ ...day, onHand: null, onOrder: null }));
    expect(inferCurrentPolicy(days, TEST_FIRST_DAY + TEST_DAYS - 1)).toBeUndefined();
  });

  it('rejects a window that is not a whole number of days, naming it', () => {
    expect(() => inferCurrentPolicy([], 0, 0)).toThrow(/windowDays/);
  });
});
