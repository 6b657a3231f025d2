// Intake of an uploaded packaging photo (issue 6, step 1): recognise the format from its bytes,
// refuse bad uploads with a reason and a fix, apply the EXIF orientation and decode to RGBA with
// sharp. HEIC is refused: the prebuilt libvips in sharp decodes AVIF but has no HEVC decoder.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { RgbaImage } from '../../models/vision/image';
import { PhotoRejectedError } from './photo-rejected-error';

type Metadata = Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

export interface DecodePhotoOptions {
  fileName?: string;
  /** default 20 MB */
  maxBytes?: number;
  /** default 50 megapixels */
  maxPixels?: number;
}

export interface DecodedPhoto {
  image: RgbaImage;
  mime: PhotoMime;
  /** sha256 hex of the original bytes */
  hash: string;
  width: number;
  height: number;
  /** true when the EXIF orientation turned or flipped the image */
  orientationApplied: boolean;
  ms: number;
}

export const defaultMaxPhotoBytes = 20 * 1024 * 1024;
export const defaultMaxPhotoPixels = 50_000_000;

type SniffedFormat = PhotoMime | 'heic' | 'avif' | 'gif' | 'tiff' | 'bmp' | null;

const extensionsByMime: Record<PhotoMime, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
};
const knownImageExtensions = new Set([
  ...Object.values(extensionsByMime).flat(),
  'heic',
  'heif',
  'avif',
  'gif',
  'tif',
  'tiff',
  'bmp',
]);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** The format by its magic bytes (never by the file name). */
export function sniffPhotoFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) {
      return 'heic';
    }
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  return null;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function checkExtension(fileName: string | undefined, mime: PhotoMime): void {
  const extension = fileName?.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase();
  if (extension === undefined || !knownImageExtensions.has(extension)) return;
  if (extensionsByMime[mime].includes(extension)) return;
  const actual = extensionsByMime[mime][0] as string;
  throw new PhotoRejectedError(
    'wrong_extension',
    fileName,
    `the name says .${extension} but the bytes are ${mime}; rename it to .${actual} or export it again as .${extension}`,
  );
}

function unsupported(format: Exclude<SniffedFormat, PhotoMime>, fileName?: string): never {
  if (format === null) {
    throw new PhotoRejectedError(
      'not_an_image',
      fileName,
      'the bytes are not a JPEG, PNG or WebP image; send the photo file itself',
    );
  }
  const name = format.toUpperCase();
  throw new PhotoRejectedError(
    'unsupported_format',
    fileName,
    `${name} is not accepted${format === 'heic' ? ' (this installation cannot decode HEIC)' : ''}; set the camera to JPEG ("Most compatible") or convert the photo to JPEG or PNG`,
  );
}

/** Decodes an uploaded photo to upright RGBA pixels, or throws PhotoRejectedError. */
export async function decodePhoto(
  bytes: Uint8Array,
  options: DecodePhotoOptions = {},
): Promise<DecodedPhoto> {
  const started = performance.now();
  const { fileName } = options;
  const maxBytes = options.maxBytes ?? defaultMaxPhotoBytes;
  const maxPixels = options.maxPixels ?? defaultMaxPhotoPixels;
  if (bytes.length === 0) {
    throw new PhotoRejectedError('empty', fileName, 'the upload is empty (0 bytes); send it again');
  }
  if (bytes.length > maxBytes) {
    throw new PhotoRejectedError(
      'too_large',
      fileName,
      `${megabytes(bytes.length)} is more than the ${megabytes(maxBytes)} allowed; send a smaller JPEG (lower resolution or quality)`,
    );
  }
  const format = sniffPhotoFormat(bytes);
  if (format !== 'image/jpeg' && format !== 'image/png' && format !== 'image/webp') {
    unsupported(format, fileName);
  }
  checkExtension(fileName, format);
  const hash = createHash('sha256').update(bytes).digest('hex');

  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw truncatedOr(error, fileName);
  }
  const declaredWidth = metadata.width ?? 0;
  const declaredHeight = metadata.height ?? 0;
  if (declaredWidth * declaredHeight > maxPixels) {
    throw new PhotoRejectedError(
      'decompression_bomb',
      fileName,
      `the header claims ${declaredWidth} x ${declaredHeight} pixels (${((declaredWidth * declaredHeight) / 1e6).toFixed(0)} MP), more than the ${(maxPixels / 1e6).toFixed(0)} MP allowed; send a photo of at most ${(maxPixels / 1e6).toFixed(0)} MP`,
    );
  }
  const orientation = metadata.orientation ?? 1;
  let decoded: { data: Buffer; info: { width: number; height: number; channels: number } };
  try {
    decoded = await sharp(input, { limitInputPixels: maxPixels, failOn: 'truncated' })
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw truncatedOr(error, fileName);
  }
  const { width, height, channels } = decoded.info;
  if (channels !== 4) {
    throw new Error(`intake: sharp returned ${channels} channels for ${fileName ?? 'a photo'}`);
  }
  const data = new Uint8ClampedArray(
    decoded.data.buffer,
    decoded.data.byteOffset,
    decoded.data.byteLength,
  );
  return {
    image: { width, height, data },
    mime: format,
    hash,
    width,
    height,
    orientationApplied: orientation > 1,
    ms: performance.now() - started,
  };
}

function truncatedOr(error: unknown, fileName: string | undefined): PhotoRejectedError {
  const text = error instanceof Error ? error.message : String(error);
  if (/premature end|truncat|unexpected end|not enough|corrupt|invalid|read error/i.test(text)) {
    return new PhotoRejectedError(
      'truncated',
      fileName,
      `the file is cut short or damaged (${text.split('\n')[0]}); send it again, the upload may have been interrupted`,
    );
  }
  return new PhotoRejectedError(
    'not_an_image',
    fileName,
    `it could not be decoded (${text.split('\n')[0]}); send the original JPEG or PNG from the camera`,
  );
}
