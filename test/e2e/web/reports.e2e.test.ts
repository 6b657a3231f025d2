// The Reports page in real headless Chromium: generate the S&OP report of a month of the test
// store (120 days from 2024-01-01: no inspections, so QC is "not available"), see the KPI card and
// the QC section's reason, download the HTML rendering, and at 360 px open the stored report with
// nothing overflowing the page's width. Screenshots go to test-artifacts/web/.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snap, startWebStack, type WebStack } from '../../support/browser';

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack();
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

describe('the reports page in Chromium', () => {
  it('generates the March 2024 report: the KPI card, QC "not available" with its reason, the HTML download', async () => {
    const page = await stack.open({ path: '/#/reports', height: 1400 });
    await page.getByRole('link', { name: 'Reports' }).waitFor();
    expect(await page.getByRole('link', { name: 'Reports' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.getByLabel('Month', { exact: true }).fill('2024-03');
    await page.getByLabel('Language of the narrative').selectOption('en');
    await page.getByRole('button', { name: 'Generate report' }).click();

    const card = page.getByRole('table', { name: /KPI report card: March 2024/ });
    await card.waitFor({ timeout: 30_000 });
    expect(await page.getByText('Report for March 2024 generated.').count()).toBe(1);
    const revenue = card.getByRole('row', { name: /Revenue/ });
    expect(await revenue.textContent()).toMatch(/S\/ 3,457.*S\/ 3,234.*better/);
    const quality = page.getByRole('region', { name: 'Quality control' });
    expect(await quality.textContent()).toMatch(/Not available: .*inspection/);
    // the stored list shows it too, with its narrative source
    const listed = page.getByRole('button', {
      name: /Open the report of March 2024, whole company/,
    });
    await expect.poll(() => listed.count()).toBe(1);
    // Chromium is installed here, so the server offers the PDF
    expect(await page.getByRole('button', { name: 'Download as PDF' }).count()).toBe(1);
    await snap(page, 'reports-generated', true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as HTML' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sop-2024-03-[0-9a-f]{8}\.html$/);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html).toContain('3,457');
    expect(stack.pageErrors).toEqual([]);
  });

  it('at 360 px the stored report opens and nothing overflows the width', async () => {
    // a stored report to open (this test does not depend on the one above)
    const created = await fetch(new URL('/api/reports', stack.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ month: '2024-03', language: 'en' }),
    });
    expect(created.status).toBe(201);
    const page = await stack.open({ path: '/#/reports', width: 360, height: 740 });
    const open = page.getByRole('button', { name: /Open the report of March 2024/ }).first();
    await open.click();
    const card = page.getByRole('table', { name: /KPI report card: March 2024/ });
    await card.waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    // the page's own scrolling box too (wide tables scroll inside their regions, not the page)
    const main = page.locator('main');
    expect(await main.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    // the KPI card's change (the better/worse arrow and word) fits on the phone without scrolling
    const change = card
      .getByRole('row', { name: /Revenue/ })
      .locator('td')
      .last();
    const box = await change.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await change.textContent()).toContain('better');
    await card.scrollIntoViewIfNeeded();
    await snap(page, 'phone-360-report');
    const quality = page.getByRole('region', { name: 'Quality control' });
    await quality.scrollIntoViewIfNeeded();
    await snap(page, 'phone-360-report-qc');
    expect(stack.pageErrors).toEqual([]);
  });
});
