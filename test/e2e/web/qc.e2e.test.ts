// The QC page in real headless Chromium at a phone's 360 px: a generated pack photo (blurred, so
// the photo-quality checks ask for a retake whatever the vision model says) and a file that is
// not a photo are sent with a SKU and lot; the verdict shows as a word with its reasons, the
// non-photo gets its own error, the history lists the inspection with its thumbnail and the pass
// rates show the SKU; nothing overflows the width. Screenshots go to test-artifacts/web/.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../../models/stats/random';
import { generatePackPhoto } from '../../../models/vision/synthetic/pack-photo';
import { sendMessage, snap, startWebStack, type WebStack } from '../../support/browser';

async function blurredPackPng(): Promise<Buffer> {
  const { photo } = generatePackPhoto(
    { width: 480, height: 360, defects: [{ kind: 'blur', sigma: 4 }] },
    new Random(103),
  );
  return sharp(Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.length), {
    raw: { width: photo.width, height: photo.height, channels: 4 },
  })
    .png()
    .toBuffer();
}

let stack: WebStack;
let png: Buffer;
beforeAll(async () => {
  [stack, png] = await Promise.all([startWebStack(), blurredPackPng()]);
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

describe('QC page', () => {
  it('inspects a photo taken on a phone and shows its verdict, a per-file error, the history and the pass rate, within 360 px', async () => {
    const page = await stack.open({ width: 360, height: 740, path: '/#/qc' });
    await page.getByRole('heading', { name: 'Packaging QC' }).waitFor();
    const picker = page.locator('input[type="file"][capture="environment"][multiple]');
    await picker.setInputFiles([
      { name: 'pack.png', mimeType: 'image/png', buffer: png },
      // typed as a photo, so the browser lets it through and the server must reject it
      { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a photo at all') },
    ]);
    await page.getByRole('combobox', { name: 'SKU', exact: true }).fill('YOG-1L');
    await page.getByRole('textbox', { name: 'Lot', exact: true }).fill('L2611');
    await page.getByRole('textbox', { name: 'Line', exact: true }).fill('L1');
    await snap(page, 'phone-360-qc-picked');
    await page.getByRole('button', { name: 'Inspect' }).click();

    const result = page.getByRole('article', { name: 'Photo pack.png' });
    await expect
      .poll(() => result.getByRole('status').textContent(), { timeout: 30_000 })
      .toContain('Retake the photo');
    expect(await result.getByRole('listitem').first().textContent()).toMatch(/blur/i);
    await expect
      .poll(() => page.getByRole('article', { name: 'Photo notes.png' }).textContent())
      .toMatch(/not accepted/);
    // the photo shown is the one taken, with its checks
    expect(
      await result
        .locator('img')
        .evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(480);
    expect(
      await result.getByRole('table', { name: 'Checks' }).getByRole('row').count(),
    ).toBeGreaterThan(2);

    // the history and the pass rates reload after the upload
    const history = page.getByRole('region', { name: 'Inspections' });
    await expect
      .poll(() => history.textContent())
      .toMatch(/Today[\s\S]*Retake the photo[\s\S]*YOG-1L · Lot L2611 · Line L1/);
    await expect
      .poll(() =>
        history
          .locator('summary img')
          .evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(480);
    const bySku = page.getByRole('table', { name: 'Pass rate by SKU' });
    await expect
      .poll(() => bySku.getByRole('row', { name: /YOG-1L/ }).textContent())
      .toMatch(/0\.0 %\s*1/);

    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    // nor does anything overflow inside the page's own scrolling box
    const wide = await page.evaluate(`[...document.querySelectorAll('#main *')]
      .filter((element) => !element.closest('.table-scroll') && element.getBoundingClientRect().right > 360.5)
      .map((element) => element.tagName + '.' + element.className + ' ' + Math.round(element.getBoundingClientRect().right))`);
    expect(wide).toEqual([]);
    await result.scrollIntoViewIfNeeded();
    await snap(page, 'phone-360-qc-verdict');
    await history.scrollIntoViewIfNeeded();
    await snap(page, 'phone-360-qc-history');
    await bySku.scrollIntoViewIfNeeded();
    await snap(page, 'phone-360-qc-pass-rates');
    expect(stack.pageErrors).toEqual([]);
  }, 90_000);

  it('filters the history by lot and speaks Spanish (else a lot recall would list every inspection)', async () => {
    const page = await stack.open({ width: 360, height: 740, path: '/#/qc', locale: 'es-PE' });
    const history = page.getByRole('region', { name: 'Inspecciones' });
    await expect.poll(() => history.textContent()).toContain('Repetir la foto');
    await page.getByRole('textbox', { name: 'Filtrar por lote' }).fill('OTRO-LOTE');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect.poll(() => history.textContent()).toContain('Ninguna inspección coincide.');
    await snap(page, 'phone-360-qc-filtered-es');
  }, 60_000);

  it('shows the inspection card in the chat for an attached photo: the verdict in words and the stored photo (else the chat would show raw JSON)', async () => {
    const page = await stack.open({ width: 360, height: 740 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach image', exact: true }).click();
    await (await chooser).setFiles({ name: 'lata.png', mimeType: 'image/png', buffer: png });
    await sendMessage(page, '/inspect YOG-1L');
    const card = page.locator('details[data-tool="inspect_packaging"]');
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    // the chat's attachments reach the tool without their file names
    const photo = card.getByRole('article', { name: 'Photo 1', exact: true });
    await expect
      .poll(() => photo.getByRole('status').textContent(), { timeout: 30_000 })
      .toContain('Retake the photo');
    // the photo comes back from GET /api/inspections/:id/photo
    await expect
      .poll(() =>
        photo
          .locator('img')
          .evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(480);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    await photo.scrollIntoViewIfNeeded();
    await snap(page, 'phone-360-chat-inspection-card');
    expect(stack.pageErrors).toEqual([]);
  }, 60_000);
});
