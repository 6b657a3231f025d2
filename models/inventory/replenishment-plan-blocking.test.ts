import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { smallestOrderWorthPlacing } from './replenishment-plan-blocking';
import { prepareReplenishmentInput } from './replenishment-plan-input';
import { planReplenishment } from './replenishment-plan';
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

describe('planReplenishment: a limit too small for a minimum order (MOQ) blocks it', () => {
  // A: 100 units short at S/ 5 each, MOQ 100 units of S/ 10 (S/ 1,000); B: 30 units short, no MOQ.
  const blockedItem = baseItem({ sku: 'A', minimumOrderQuantity: 100 });
  const cheapItem = baseItem({ sku: 'B', location: 'Arequipa DC', orderUpToLevel: 30 });

  it('says the budget stopped the MOQ order while the cheaper item is ordered, and that the budget it names would allow it (else a partly used budget reads "not binding" though it blocked an order)', async () => {
    const plan = await planReplenishment({ items: [blockedItem, cheapItem], budget: 500 });
    expect(plan.orders.map((order) => order.orderQuantity)).toEqual([0, 30]);
    const budget = plan.constraints[0];
    expect(budget).toMatchObject({ kind: 'budget', used: 300, slack: 200, binding: true });
    expect(budget?.blocking).toBe(true);
    expect(budget?.shadowPrice).toBeCloseTo(0, 9);
    expect(budget?.blockedOrders).toEqual([
      {
        sku: 'A',
        location: 'Lima DC',
        smallestOrderQuantity: 100,
        smallestOrderReason: 'minimum-order',
        smallestOrderUsage: 1_000,
        shortageCost: 500,
        alsoBlockedBy: [],
      },
    ]);
    expect(budget?.explanation).toBe(
      'The overall purchasing budget is binding (S/ 300.00 of S/ 500.00 used): the S/ 200.00 left is less than the smallest order of A at Lima DC (S/ 1,000.00 for its minimum of 100 units), so it is not ordered; S/ 500.00 of shortage cost left; S/ 1,300.00 would allow it.',
    );
    expect(plan.explanations[0]).toBe(budget?.explanation);
    const allowed = await planReplenishment({ items: [blockedItem, cheapItem], budget: 1_300 });
    expect(allowed.orders.map((order) => order.orderQuantity)).toEqual([100, 30]);
    expect(allowed.constraints[0]?.blocking).toBe(false);
  });

  it('says nothing is ordered when the budget is below the only item’s minimum order (else "not binding" while the budget stops every order)', async () => {
    const plan = await planReplenishment({ items: [blockedItem], budget: 200 });
    expect(plan.totals.orderValue).toBe(0);
    expect(plan.constraints[0]).toMatchObject({ binding: true, blocking: true, used: 0 });
    expect(plan.explanations).toEqual([
      'The overall purchasing budget of S/ 200.00 is below the smallest order of A at Lima DC (S/ 1,000.00 for its minimum of 100 units): nothing ordered; S/ 500.00 of shortage cost left; S/ 1,000.00 would allow it.',
    ]);
  });

  it('does not blame the budget for an MOQ order not worth placing (else a skipped order is called blocked)', async () => {
    // gap 30, MOQ 100: ordering leaves 70 × S/ 1 excess, more than the 30 × S/ 2 shortage saved
    const plan = await planReplenishment({
      items: [baseItem({ onHand: 70, shortageCost: 2, minimumOrderQuantity: 100 })],
      budget: 200,
    });
    expect(plan.orders[0]?.orderQuantity).toBe(0);
    expect(plan.constraints[0]).toMatchObject({ binding: false, blocking: false });
    expect(plan.constraints[0]?.explanation).toContain('is not binding: S/ 200.00 left');
  });

  it('names the other limit that also lacks room, in both budgets (else raising one budget is promised to be enough)', async () => {
    const plan = await planReplenishment({
      items: [blockedItem, cheapItem],
      budget: 800,
      locations: [{ name: 'Lima DC', budget: 400 }, { name: 'Arequipa DC' }],
    });
    expect(plan.orders.map((order) => order.orderQuantity)).toEqual([0, 30]);
    const [overall, lima] = plan.constraints;
    expect(overall?.blockedOrders[0]?.alsoBlockedBy).toEqual([
      { kind: 'location-budget', name: 'Lima DC' },
    ]);
    expect(overall?.explanation).toContain(
      'S/ 1,300.00 would allow it as far as this limit goes (the purchasing budget of Lima DC also lacks room).',
    );
    expect(lima?.explanation).toBe(
      'The purchasing budget of Lima DC of S/ 400.00 is below the smallest order of A at Lima DC (S/ 1,000.00 for its minimum of 100 units): nothing ordered; S/ 500.00 of shortage cost left; S/ 1,000.00 would allow it as far as this limit goes (the overall purchasing budget also lacks room).',
    );
  });

  it('gives both the shadow price and the blocked MOQ order when the budget is spent and also too small for it (else one of the two reasons is lost)', async () => {
    const plan = await planReplenishment({
      items: [blockedItem, baseItem({ sku: 'B', location: 'Arequipa DC' })],
      budget: 500,
    });
    expect(plan.orders.map((order) => order.orderQuantity)).toEqual([0, 50]);
    expect(plan.constraints[0]?.shadowPrice).toBeCloseTo(0.5, 9);
    expect(plan.constraints[0]?.explanation).toBe(
      'The overall purchasing budget is binding (S/ 500.00 of S/ 500.00 used): one more S/ 1,000 would reduce shortage and holding cost by about S/ 500.00. Its S/ 0.00 left is also less than the smallest order of A at Lima DC (S/ 1,000.00 for its minimum of 100 units), so it is not ordered; S/ 500.00 of shortage cost left; S/ 1,500.00 would allow it.',
    );
  });

  it('lists the three cheapest blocked orders, counts the rest, and gives the budget for the cheapest and for all (else a long list hides which order is within reach)', async () => {
    // five items 100 short at S/ 5, MOQ 100 units at S/ 2, 4, 6, 8, 10 a unit
    const plan = await planReplenishment({
      items: [10, 8, 6, 4, 2].map((unitCost) =>
        baseItem({ sku: `SKU-${unitCost}`, unitCost, minimumOrderQuantity: 100 }),
      ),
      budget: 150,
    });
    expect(plan.totals.orders).toBe(0);
    expect(plan.constraints[0]?.blockedOrders.map((order) => order.sku)).toEqual([
      'SKU-2',
      'SKU-4',
      'SKU-6',
      'SKU-8',
      'SKU-10',
    ]);
    expect(plan.constraints[0]?.explanation).toBe(
      'The overall purchasing budget of S/ 150.00 is below the smallest order of SKU-2 at Lima DC (S/ 200.00 for its minimum of 100 units), SKU-4 at Lima DC (S/ 400.00 for its minimum of 100 units), SKU-6 at Lima DC (S/ 600.00 for its minimum of 100 units) and 2 more: nothing ordered; S/ 2,500.00 of shortage cost left; S/ 200.00 would allow the cheapest of them, S/ 3,000.00 all of them.',
    );
  });

  it('counts the fixed order cost in the smallest order worth placing (else a budget that leaves room only for an order that does not pay is called not binding)', async () => {
    // S/ 50 buys 5 units saving S/ 25, less than the S/ 42 order cost; 9 units (S/ 90) save S/ 45
    const plan = await planReplenishment({ items: [baseItem({ fixedOrderCost: 42 })], budget: 50 });
    expect(plan.totals.orders).toBe(0);
    expect(plan.constraints[0]?.blockedOrders[0]).toMatchObject({
      smallestOrderQuantity: 9,
      smallestOrderReason: 'ordering-cost',
    });
    expect(plan.explanations).toEqual([
      'The overall purchasing budget of S/ 50.00 is below the smallest order of ARZ-001 at Lima DC (S/ 90.00 for 9 units, the fewest that pay its fixed order cost): nothing ordered; S/ 500.00 of shortage cost left; S/ 90.00 would allow it.',
    ]);
    const allowed = await planReplenishment({
      items: [baseItem({ fixedOrderCost: 42 })],
      budget: 90,
    });
    expect(allowed.orders[0]?.orderQuantity).toBe(9);
  });

  it('reports pallets too small for a minimum order in pallets (else a capacity that blocks an order reads "not binding")', async () => {
    // 40 units on hand take 4 pallets of 5; the MOQ of 20 units needs 2
    const plan = await planReplenishment({
      items: [baseItem({ onHand: 40, unitsPerPallet: 10, minimumOrderQuantity: 20 })],
      locations: [{ name: 'Lima DC', capacityPallets: 5 }],
    });
    expect(plan.orders[0]?.orderQuantity).toBe(0);
    expect(plan.constraints[0]).toMatchObject({ kind: 'capacity-pallets', blocking: true });
    expect(plan.constraints[0]?.explanation).toBe(
      'Lima DC storage capacity (pallets) is binding (4.00 pallets of 5.00 pallets used): the 1.00 pallets left is less than the smallest order of ARZ-001 at Lima DC (2.00 pallets for its minimum of 20 units), so it is not ordered; S/ 300.00 of shortage cost left; 6.00 pallets would allow it.',
    );
  });
});
