import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { smallestOrderWorthPlacing } from './replenishment-plan-blocking';
import { prepareReplenishmentInput } from './replenishment-plan-input';
import type { PreparedItem, ReplenishmentItem } from './replenishment-plan-input';

function prepared(item: ReplenishmentItem): PreparedItem {
  const [only] = prepareReplenishmentInput({ items: [item] }).items;
  if (only === undefined) throw new Error('no item prepared');
  return only;
}

/** The item's own cost of `cases` whole cases, ordering cost included. */
function costOf(item: PreparedItem, cases: number): number {
  const after = item.position + cases * item.caseSize;
  return (
    item.item.shortageCost * Math.max(0, item.target - after) +
    item.item.holdingCost * Math.max(0, after - item.target) +
    (cases > 0 ? (item.item.fixedOrderCost ?? 0) : 0)
  );
}

describe('smallestOrderWorthPlacing', () => {
  it('finds the fewest cases that beat ordering nothing, as trying every allowed case count does, on 500 random items (else blocked orders are missed, invented or given the wrong size)', () => {
    const random = createRandom(7);
    const outcomes = { worth: 0, not: 0, aboveMinimum: 0 };
    for (let trial = 0; trial < 500; trial += 1) {
      const caseSize = [1, 6, 12, 24][random.int(0, 3)] ?? 1;
      const item = prepared({
        sku: `SKU-${trial}`,
        location: 'Lima DC',
        onHand: random.int(0, 120),
        demandForecast: [random.int(0, 150)],
        safetyStock: random.int(0, 30),
        unitCost: random.uniform(1, 20),
        shortageCost: random.uniform(0, 5),
        holdingCost: random.uniform(0, 5),
        fixedOrderCost: random.chance(0.5) ? random.uniform(0, 200) : undefined,
        minimumOrderQuantity: random.chance(0.5) ? random.int(1, 200) : undefined,
        orderMultiple: caseSize,
      });
      const none = costOf(item, 0);
      let expected: number | undefined;
      for (let cases = item.minimumCases; cases <= item.maximumCases; cases += 1) {
        if (cases > 0 && costOf(item, cases) < none - 1e-9 * Math.max(1, none)) {
          expected = cases;
          break;
        }
      }
      expect(smallestOrderWorthPlacing(item), `trial ${trial}`).toBe(expected);
      outcomes[expected === undefined ? 'not' : 'worth'] += 1;
      if (expected !== undefined && expected > item.minimumCases) outcomes.aboveMinimum += 1;
    }
    // both answers occur often, so the comparison tests something
    expect(Math.min(outcomes.worth, outcomes.not)).toBeGreaterThan(50);
    // and the fixed order cost often asks for more than the supplier minimum
    expect(outcomes.aboveMinimum).toBeGreaterThan(20);
  });

  it('is false for an item at its target or with a shelf life too short for one case (else such items are said to be blocked)', () => {
    expect(smallestOrderWorthPlacing(prepared(baseItem({ onHand: 100 })))).toBeUndefined();
    expect(
      smallestOrderWorthPlacing(
        prepared(baseItem({ orderMultiple: 24, demandForecast: [10], shelfLifePeriods: 1 })),
      ),
    ).toBeUndefined();
    expect(smallestOrderWorthPlacing(prepared(baseItem()))).toBe(1);
    // S/ 5 saved a unit against a S/ 42 order cost: 9 units are the fewest that pay (45 > 42)
    expect(smallestOrderWorthPlacing(prepared(baseItem({ fixedOrderCost: 42 })))).toBe(9);
  });
});

function baseItem(overrides: Partial<ReplenishmentItem> = {}): ReplenishmentItem {
  return {
    sku: 'ARZ-001',
    location: 'Lima DC',
    onHand: 0,
    demandForecast: [100],
    orderUpToLevel: 100,
    unitCost: 10,
    shortageCost: 5,
    holdingCost: 1,
    ...overrides,
  };
}
