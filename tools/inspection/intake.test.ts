import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePhoto, sniffPhotoFormat } from './intake';
import { PhotoRejectedError, type PhotoRejectionReason } from './photo-rejected-error';

/** A 40 x 20 photo: left half red, right half blue. */
function halves() {
  const width = 40;
  const height = 20;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      if (x < width / 2) data[offset] = 220;
      else data[offset + 2] = 220;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

// CRC-32 of PNG chunks (ISO 3309, as the PNG specification's annex D computes it).
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

async function rejection(promise: Promise<unknown>): Promise<PhotoRejectedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PhotoRejectedError) return error;
    throw error;
  }
  throw new Error('expected the photo to be rejected');
}

async function expectRejected(
  bytes: Uint8Array,
  fileName: string,
  reason: PhotoRejectionReason,
  fix: RegExp,
) {
  const error = await rejection(decodePhoto(bytes, { fileName }));
  expect(error.reason).toBe(reason);
  expect(error.fileName).toBe(fileName);
  expect(error.message).toContain(fileName);
  expect(error.message).toMatch(fix);
}

describe('decodePhoto accepts', () => {
  it('JPEG, PNG and WebP to RGBA of the same size with the sha256 of the original bytes (else formats or channels are mishandled)', async () => {
    for (const [format, mime] of [
      ['jpeg', 'image/jpeg'],
      ['png', 'image/png'],
      ['webp', 'image/webp'],
    ] as const) {
      const bytes = new Uint8Array(await halves().toFormat(format).toBuffer());
      const photo = await decodePhoto(bytes, {
        fileName: `pack.${format === 'jpeg' ? 'jpg' : format}`,
      });
      expect(photo.mime).toBe(mime);
      expect([photo.width, photo.height]).toEqual([40, 20]);
      expect(photo.image.data.length).toBe(40 * 20 * 4);
      expect(photo.image.data[0]).toBeGreaterThan(180); // red at the top-left
      expect(photo.image.data[3]).toBe(255);
      expect(photo.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(photo.orientationApplied).toBe(false);
    }
  });

  it('a greyscale PNG as four channels (else grey photos would be misread as RGBA)', async () => {
    const grey = await sharp(Buffer.alloc(16 * 8, 90), {
      raw: { width: 16, height: 8, channels: 1 },
    })
      .png()
      .toBuffer();
    const photo = await decodePhoto(new Uint8Array(grey));
    expect(photo.image.data.length).toBe(16 * 8 * 4);
    expect([...photo.image.data.subarray(0, 4)]).toEqual([90, 90, 90, 255]);
  });

  it('applies EXIF orientation 6 (90 degrees clockwise): the red left half ends up on top (else phone photos arrive sideways)', async () => {
    const bytes = new Uint8Array(await halves().jpeg().withMetadata({ orientation: 6 }).toBuffer());
    const photo = await decodePhoto(bytes, { fileName: 'phone.jpg' });
    expect(photo.orientationApplied).toBe(true);
    expect([photo.width, photo.height]).toEqual([20, 40]);
    const pixel = (x: number, y: number) =>
      photo.image.data.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 3);
    expect(pixel(10, 5)[0]).toBeGreaterThan(180);
    expect(pixel(10, 35)[2]).toBeGreaterThan(180);
  });

  it('gives the same hash for the same bytes and a different one for other bytes (else storage by content hash breaks)', async () => {
    const bytes = new Uint8Array(await halves().png().toBuffer());
    const other = new Uint8Array(await halves().jpeg().toBuffer());
    const [first, second, third] = await Promise.all([
      decodePhoto(bytes),
      decodePhoto(bytes.slice()),
      decodePhoto(other),
    ]);
    expect(first.hash).toBe(second.hash);
    expect(first.hash).not.toBe(third.hash);
  });
});

describe('decodePhoto rejects', () => {
  it('an empty upload as empty', async () => {
    await expectRejected(new Uint8Array(0), 'empty.jpg', 'empty', /send it again/);
  });

  it('a text file as not an image', async () => {
    const text = new TextEncoder().encode('lot,sku\nL1,GRA-005\n');
    await expectRejected(text, 'notes.jpg', 'not_an_image', /send the photo file itself/);
  });

  it('a truncated JPEG as truncated (else half a photo would be inspected as grey)', async () => {
    const whole = await halves().resize(400, 200).jpeg({ quality: 95 }).toBuffer();
    const cut = new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRejected(cut, 'cut.jpg', 'truncated', /send it again/);
  });

  it('a PNG whose header claims 100000 x 100000 pixels as a decompression bomb, before decoding', async () => {
    const png = new Uint8Array(await halves().png().toBuffer());
    const view = new DataView(png.buffer, png.byteOffset);
    // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type + data.
    view.setUint32(16, 100_000);
    view.setUint32(20, 100_000);
    view.setUint32(29, crc32(png.subarray(12, 29)));
    const started = performance.now();
    await expectRejected(png, 'bomb.png', 'decompression_bomb', /100000 x 100000.*at most 50 MP/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('JPEG bytes named .png as a wrong extension naming the real type', async () => {
    const bytes = new Uint8Array(await halves().jpeg().toBuffer());
    await expectRejected(bytes, 'pack.png', 'wrong_extension', /image\/jpeg; rename it to \.jpg/);
  });

  it('an upload over maxBytes as too large', async () => {
    const bytes = new Uint8Array(await halves().png().toBuffer());
    const error = await rejection(decodePhoto(bytes, { fileName: 'big.png', maxBytes: 100 }));
    expect(error.reason).toBe('too_large');
    expect(error.message).toMatch(/send a smaller JPEG/);
  });

  it('HEIC and GIF as unsupported formats with the conversion to make (this sharp build has no HEVC decoder)', async () => {
    const heic = new Uint8Array(32);
    heic.set(new TextEncoder().encode('\0\0\0\x18ftypheic'), 0);
    await expectRejected(heic, 'IMG_0001.HEIC', 'unsupported_format', /cannot decode HEIC.*JPEG/);
    const gif = new Uint8Array(await halves().gif().toBuffer());
    expect(sniffPhotoFormat(gif)).toBe('gif');
    await expectRejected(gif, 'pack.gif', 'unsupported_format', /convert the photo to JPEG/);
  });
});
