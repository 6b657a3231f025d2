// Layout checks in Chromium that screenshots had caught: the message box's placeholder fits its
// two lines at 360 px (in both languages), and the Data page keeps its From and To date fields on
// one line at desktop width. Screenshots go to test-artifacts/web/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snap, startWebStack, type WebStack } from '../../support/browser';

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack();
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

/**
 * Whether the placeholder fits the box: it is typed in as the value (same font and wrapping) and
 * the box must not need to scroll for it.
 */
async function placeholderOverflow(page: Page, name: string): Promise<number> {
  const box = page.getByRole('textbox', { name, exact: true });
  return box.evaluate((element) => {
    // the page's textarea (the Node-side types have no DOM)
    const textarea = element as unknown as {
      value: string;
      placeholder: string;
      scrollHeight: number;
      clientHeight: number;
    };
    textarea.value = textarea.placeholder;
    const overflow = textarea.scrollHeight - textarea.clientHeight;
    textarea.value = '';
    return overflow;
  });
}

describe('layout in Chromium', () => {
  it('at 360 px the message box placeholder fits its lines, in English and Spanish', async () => {
    const english = await stack.open({ width: 360, height: 740 });
    await expect
      .poll(() => english.getByRole('textbox', { name: 'Message', exact: true }).count())
      .toBe(1);
    expect(await placeholderOverflow(english, 'Message')).toBeLessThanOrEqual(0);
    await snap(english, 'phone-360-placeholder');
    const spanish = await stack.open({ width: 360, height: 740, locale: 'es-PE' });
    await expect
      .poll(() => spanish.getByRole('textbox', { name: 'Mensaje', exact: true }).count())
      .toBe(1);
    expect(await placeholderOverflow(spanish, 'Mensaje')).toBeLessThanOrEqual(0);
    await snap(spanish, 'phone-360-placeholder-es');
    expect(stack.pageErrors).toEqual([]);
  });

  it('on a desktop the message box shows the full placeholder', async () => {
    const page = await stack.open();
    const placeholder = await page
      .getByRole('textbox', { name: 'Message', exact: true })
      .getAttribute('placeholder');
    expect(placeholder).toContain('forecasts');
    expect(await placeholderOverflow(page, 'Message')).toBeLessThanOrEqual(0);
  });

  it('at 1280 px the Data page keeps the From and To date fields on one line', async () => {
    const page = await stack.open({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    await expect.poll(() => to.count(), { timeout: 10_000 }).toBe(1);
    const fromBox = await from.boundingBox();
    const toBox = await to.boundingBox();
    expect(Math.abs(fromBox!.y - toBox!.y)).toBeLessThan(2);
    expect(toBox!.x).toBeGreaterThan(fromBox!.x + fromBox!.width);
    await snap(page, 'data-1280-filters');
    expect(stack.pageErrors).toEqual([]);
  });
});
