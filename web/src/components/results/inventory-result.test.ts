import { describe, expect, it } from 'vitest';
import {
  comparisonRows,
  isInventoryResult,
  orderSuggestion,
  percentText,
  plannedQuantity,
  serviceMeasure,
  serviceOf,
  signedText,
  visibleItems,
  type InventoryResultData,
} from './inventory-result';
import { inventorySample } from './inventory-sample.test-data';

function sample(): InventoryResultData {
  const copy: unknown = structuredClone(inventorySample);
  if (!isInventoryResult(copy)) throw new Error('the fixture is an optimize_inventory result');
  return copy;
}

const plain = (value: number, digits = 0) => value.toFixed(digits);

describe('inventory result guard', () => {
  it('accepts a real optimize_inventory result, with and without a budget plan (else every inventory card would fall back to JSON)', () => {
    expect(isInventoryResult(inventorySample)).toBe(true);
    expect(isInventoryResult({ ...inventorySample, plan: null })).toBe(true);
  });

  it('rejects a result missing what the view reads (else the view would crash or show blanks)', () => {
    const data = sample();
    expect(isInventoryResult({ ...data, items: undefined })).toBe(false);
    expect(isInventoryResult({ ...data, comparison: { ...data.comparison, current: null } })).toBe(
      false,
    );
    const [first] = data.items;
    const broken = { ...first, recommendation: { ...first?.recommendation, policy: {} } };
    expect(isInventoryResult({ ...data, items: [broken] })).toBe(false);
    expect(isInventoryResult({ ...data, plan: { budget: 1000 } })).toBe(false);
  });

  it('accepts an item whose current policy could not be inferred (else one new listing would hide the whole result)', () => {
    const data = sample();
    expect(data.items.some((entry) => entry.current === null)).toBe(true);
  });
});

describe('comparison rows', () => {
  it('gives current, recommended and change per measure, fill rate in points and inventory and excess value with their percentages (else the changes would be misread)', () => {
    const data = sample();
    const rows = comparisonRows(data.comparison);
    expect(rows.map((row) => row.key)).toEqual([
      'inventoryValue',
      'excessValue',
      'fillRate',
      'wasteUnits',
      'wasteValue',
      'wasteCo2e',
    ]);
    const [value, excess, fill, wasteUnits, wasteValue] = rows;
    // S/ 77.27 against S/ 290.29 of stock above the maximum cover over the sample's 6 items
    expect(excess?.current).toBeCloseTo(290.288, 2);
    expect(excess?.recommended).toBeCloseTo(77.267, 2);
    expect(excess?.changePercent).toBeCloseTo((77.2674505 / 290.2880883 - 1) * 100, 4);
    expect(value?.current).toBeCloseTo(data.comparison.current.averageInventoryValue);
    expect(value?.change).toBeCloseTo(
      data.comparison.recommended.averageInventoryValue -
        data.comparison.current.averageInventoryValue,
    );
    expect(value?.changePercent).toBeCloseTo(-13.51, 2);
    expect(fill?.change).toBeCloseTo(data.comparison.fillRateChangePoints);
    expect(fill?.changePercent).toBeNull();
    expect(wasteUnits?.change).toBeCloseTo(
      data.comparison.recommended.wasteUnits - data.comparison.current.wasteUnits,
    );
    expect(wasteValue?.change).toBeCloseTo(data.comparison.wasteValueChange);
  });

  it('writes changes with their sign and a true minus, and no sign on a change that rounds to zero (else a cut would read as a rise)', () => {
    expect(signedText(12.4, plain)).toBe('+12');
    expect(signedText(-3.46, plain, 1)).toBe('−3.5');
    expect(signedText(-0.004, plain, 2)).toBe('0.00');
    expect(percentText(0.9735, plain)).toBe('97.4 %');
  });
});

describe('order suggestion', () => {
  it('lists the items to order now in the tool order, with what the budget plan orders of each (else the order could not be placed as planned)', () => {
    const data = sample();
    const ordering = orderSuggestion(data.items, data.plan);
    expect(ordering.map((entry) => `${entry.sku}@${entry.location}`)).toEqual([
      'BEB-001@IQT',
      'BEB-006@IQT',
      'BEB-021@CUS',
    ]);
    const [first, second] = ordering;
    if (!first || !second) throw new Error('two orders');
    expect(plannedQuantity(first, data.plan)).toBe(219);
    expect(plannedQuantity(second, data.plan)).toBe(0);
    expect(plannedQuantity(first, null)).toBeUndefined();
  });

  it('includes an item only the budget plan orders (else a planned order would be missing from the list)', () => {
    const data = sample();
    const [first] = data.items;
    if (!first || !data.plan) throw new Error('sample has items and a plan');
    expect(first.orderNow).toBe(0);
    const plan = {
      ...data.plan,
      orders: [{ sku: first.sku, location: first.location, orderQuantity: 5 }],
    };
    expect(orderSuggestion(data.items, plan)[0]).toBe(first);
  });
});

describe('service and rows shown', () => {
  it('reads the service in the measure the items were optimised for (else a cycle-service target would be shown against a fill rate)', () => {
    const data = sample();
    const [first] = data.items;
    if (!first) throw new Error('sample has items');
    expect(serviceMeasure(data.items)).toBe('fill-rate');
    const outcome = first.comparison.recommended;
    expect(serviceOf(outcome, 'fill-rate')).toBe(outcome.fillRate);
    expect(serviceOf(outcome, 'cycle-service-level')).toBe(outcome.cycleServiceLevel);
    const csl = { ...first, target: { ...first.target, measure: 'cycle-service-level' as const } };
    expect(serviceMeasure([csl])).toBe('cycle-service-level');
  });

  it('collapses a long list after 12 rows, keeps a short one whole, and shows all when expanded (else long results would flood the chat or rows be lost)', () => {
    const many = Array.from({ length: 40 }, (_, index) => index);
    expect(visibleItems(many, false)).toEqual({ shown: many.slice(0, 12), hidden: 28 });
    expect(visibleItems(many, true)).toEqual({ shown: many, hidden: 0 });
    const fifteen = many.slice(0, 15);
    expect(visibleItems(fifteen, false)).toEqual({ shown: fifteen, hidden: 0 });
  });
});
