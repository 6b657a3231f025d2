// The Data page in Chromium: a malformed sales CSV is rejected with its errors shown row by row,
// and nothing of it is imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snap, startWebStack, type WebStack } from '../../support/browser';

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack();
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

const malformed = [
  'date,sku,location,units',
  '2024-05-01,QUI-500,LIM-DC1,12',
  '2024-13-45,QUI-500,LIM-DC1,5',
  '2024-05-02,QUI-500,LIM-DC1,-3',
  '2024-05-03,NOPE-1,LIM-DC1,4',
  '',
].join('\n');

describe('the Data page in Chromium', () => {
  it('shows each rejected row of a malformed sales CSV (line, column, value, reason) and imports nothing', async () => {
    const page = await stack.open();
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByRole('combobox', { name: /^Kind of data/ }).selectOption('sales');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'ventas-mayo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(malformed),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'nothing imported' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    const report = page.getByRole('region', { name: 'Import a CSV file' }).getByRole('table');
    // the header and one row per problem
    await expect.poll(() => report.getByRole('row').count(), { timeout: 10_000 }).toBe(4);
    const rows: string[][] = [];
    for (const row of await report.getByRole('row').all()) {
      const cells = (await row.getByRole('cell').allTextContents()).map((cell) => cell.trim());
      if (cells.length > 0) rows.push(cells);
    }
    // line (of the file, header = 1), column, value, then the reason
    expect(rows.map((cells) => cells.slice(0, 3))).toEqual([
      ['3', 'date', '2024-13-45'],
      ['4', 'units', '-3'],
      ['5', 'sku', 'NOPE-1'],
    ]);
    expect(rows[0]![3]).toContain('not a calendar date');
    expect(rows[1]![3]).toContain('negative');
    expect(rows[2]![3]).toContain('unknown SKU');
    await snap(page, 'data-csv-rejected', true);
    const sales = (await (
      await fetch(
        `${stack.server.url}/api/sales?sku=QUI-500&location=LIM-DC1&from=2024-05-01&to=2024-05-31&grain=day`,
      )
    ).json()) as { rowCount: number };
    expect(sales.rowCount).toBe(0);
    expect(stack.pageErrors).toEqual([]);
  });
});
