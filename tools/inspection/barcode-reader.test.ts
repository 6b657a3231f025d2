import { describe, expect, it } from 'vitest';
import { readBarcodes } from './barcode-reader';
import { renderEan13 } from '../../models/vision/barcode-test-image';
import { checkBarcode } from '../../models/vision/barcode-check';

describe('readBarcodes (zxing-wasm loaded from node_modules, no network)', () => {
  it('reads an EAN-13 rendered from its bar pattern with its box, else the wasm did not load or the pixels are passed wrongly', async () => {
    const image = renderEan13('7751234567892');
    const found = await readBarcodes(image);
    expect(found).toHaveLength(1);
    expect(found[0]!.format).toBe('EAN13');
    expect(found[0]!.text).toBe('7751234567892');
    const box = found[0]!.box;
    expect(box.x).toBeGreaterThanOrEqual(15);
    expect(box.x + box.width).toBeLessThanOrEqual(20 + 95 * 3 + 5);
    expect(checkBarcode(found, '7751234567892').status).toBe('pass');
  });

  it('finds nothing on a blank image and the check fails as missing, else a pack without a barcode passes', async () => {
    const blank = { width: 200, height: 100, data: new Uint8ClampedArray(200 * 100 * 4).fill(255) };
    const found = await readBarcodes(blank);
    expect(found.filter((barcode) => barcode.text !== '')).toEqual([]);
    const check = checkBarcode(found, '7751234567892');
    expect(check.status).toBe('fail');
    expect(check.message).toMatch(/No barcode could be read|unreadable/);
  });

  it('an EAN-13 with its middle bars wiped is not read as a valid code, else damaged barcodes pass', async () => {
    const image = renderEan13('7751234567892');
    for (let y = 0; y < image.height; y += 1) {
      for (let x = 150; x < 200; x += 1)
        image.data.fill(255, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3);
    }
    const found = await readBarcodes(image);
    expect(found.some((barcode) => barcode.text === '7751234567892')).toBe(false);
    expect(checkBarcode(found, '7751234567892').status).toBe('fail');
  });

  it('a wrong EAN on the pack fails with both codes in the message', async () => {
    const found = await readBarcodes(renderEan13('4006381333931'));
    const check = checkBarcode(found, '7751234567892');
    expect(check.status).toBe('fail');
    expect(check.message).toMatch(/4006381333931.*7751234567892/);
  });

  it('stops before reading when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('request cancelled'));
    await expect(readBarcodes(renderEan13('7751234567892'), controller.signal)).rejects.toThrow(
      /request cancelled/,
    );
  });
});
