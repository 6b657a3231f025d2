// The inventory card in real headless Chromium: the scripted model calls optimize_inventory with a
// budget on the test store (given a stock history here, run under a known (s, S) rule), and the
// card shows the orders now, the comparison with the current policy and the policy table, at
// desktop width and at 360 px (where the table scrolls in its own box, not the page).
// Screenshots go to test-artifacts/web/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../assistant/store/store';
import type { ChatBody } from '../../support/fake-ollama';
import { sendMessage, snap, startWebStack, type WebStack } from '../../support/browser';

const salesDays = 120;

/**
 * A daily stock history for a listing selling `units(day)` a day, run under (s, S) with orders
 * arriving `leadDays` later; the last day's stock is set to `lastOnHand` with nothing on order.
 */
function stockHistory(
  store: Store,
  listing: { sku: string; location: string },
  rule: { units: (day: number) => number; s: number; S: number; leadDays: number },
  lastOnHand: number,
): void {
  const skuId = store.products.findBySku(listing.sku)!.id;
  const locationId = store.locations.findByCode(listing.location)!.id;
  let onHand = rule.S;
  const arriving: { day: number; units: number }[] = [];
  for (let day = 0; day < salesDays; day += 1) {
    for (const order of arriving.filter((entry) => entry.day === day)) onHand += order.units;
    onHand = Math.max(0, onHand - rule.units(day));
    let onOrder = arriving
      .filter((entry) => entry.day > day)
      .reduce((sum, entry) => sum + entry.units, 0);
    if (onHand + onOrder <= rule.s) {
      const units = rule.S - onHand - onOrder;
      arriving.push({ day: day + rule.leadDays, units });
      onOrder += units;
    }
    const last = day === salesDays - 1;
    store.inventory.upsert({
      skuId,
      locationId,
      date: new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10),
      onHand: last ? lastOnHand : onHand,
      onOrder: last ? 0 : onOrder,
    });
  }
}

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack({ salesDays });
  const store = stack.server.running!.store;
  // Lima runs with 3 to 9 days of cover and ends nearly empty: an order now
  stockHistory(
    store,
    { sku: 'QUI-500', location: 'LIM-DC1' },
    { units: () => 10, s: 30, S: 90, leadDays: 2 },
    12,
  );
  stockHistory(
    store,
    { sku: 'QUI-500', location: 'AQP-DC' },
    { units: (day) => 2 + (day % 2), s: 20, S: 60, leadDays: 3 },
    45,
  );
  stockHistory(
    store,
    { sku: 'YOG-1L', location: 'LIM-DC1' },
    { units: () => 5, s: 12, S: 40, leadDays: 1 },
    30,
  );
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

const hasToolResult = (body: ChatBody) =>
  (body.messages ?? []).some((message) => message.role === 'tool');

function scriptInventoryCall(): void {
  stack.ollama.onChat((body) =>
    hasToolResult(body)
      ? { kind: 'chat', content: 'Pide quinua para Lima hoy; el resto está cubierto.' }
      : {
          kind: 'chat',
          toolCalls: [
            { name: 'optimize_inventory', arguments: { product: 'QUI-500', budget: 1000 } },
          ],
        },
  );
}

describe('the inventory card in Chromium', () => {
  it('shows the orders now within the budget, the comparison with the current policy and a row per listing', async () => {
    scriptInventoryCall();
    // tall, so that the screenshot holds the whole card (the message list scrolls, not the page)
    const page = await stack.open({ height: 1700 });
    await sendMessage(page, '¿Cuánta quinua debo pedir? Tengo S/ 1000.');
    const card = page.locator('details[data-tool="optimize_inventory"]');
    const policy = card.getByRole('table', { name: /Policy per item/ });
    await expect.poll(() => policy.count(), { timeout: 20_000 }).toBe(1);
    // a header row of groups, a header row of columns, then one row per listing
    expect(await policy.getByRole('row').count()).toBe(4);
    expect(await card.getByRole('table', { name: 'Orders to place now' }).count()).toBe(1);
    expect(
      await card.getByRole('table', { name: /Current policy \(inferred\) vs recommended/ }).count(),
    ).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/Order now: 1 item, \d+ units, S\/ [\d,.]+/);
    expect(text).toMatch(/Budget S\/ 1,000\.00: S\/ [\d,.]+ planned/);
    expect(text).not.toContain('too little history');
    await card.scrollIntoViewIfNeeded();
    await snap(page, 'chat-inventory-card', true);
    // the columns to the right: order now, expected service and waste, the why
    await card
      .getByRole('region', { name: /Policy per item/ })
      .evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await snap(page, 'chat-inventory-card-right', true);
    expect(stack.pageErrors).toEqual([]);
  });

  it('at 360 px the card fits the width and the policy table scrolls inside its own box', async () => {
    scriptInventoryCall();
    const page = await stack.open({ width: 360, height: 740 });
    await sendMessage(page, 'Inventario de quinua');
    const card = page.locator('details[data-tool="optimize_inventory"]');
    const policy = card.getByRole('table', { name: /Policy per item/ });
    await expect.poll(() => policy.count(), { timeout: 20_000 }).toBe(1);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    const region = card.getByRole('region', { name: /Policy per item/ });
    const box = await region.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    const overflow = await region.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeGreaterThan(0);
    await region.scrollIntoViewIfNeeded();
    await snap(page, 'phone-360-inventory');
    // keyboard: the box takes focus and the arrow keys scroll it
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await snap(page, 'phone-360-inventory-scrolled');
    expect(stack.pageErrors).toEqual([]);
  });
});
