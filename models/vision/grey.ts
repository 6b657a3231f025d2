// Grey levels from sRGB pixels. Rec. 601 luma weights (ITU-R BT.601: Y' = 0.299 R' + 0.587 G' +
// 0.114 B'), applied to the gamma-encoded values as image tools (OpenCV, PIL) do, so thresholds
// learnt elsewhere on "grey" images carry over.
import type { GreyImage, RgbaImage } from './image';

export const lumaWeights = { red: 0.299, green: 0.587, blue: 0.114 } as const;

/** Checks that an RgbaImage is well formed; throws a TypeError/RangeError naming `name`. */
export function assertRgbaImage(image: RgbaImage, name = 'image'): void {
  if (image === null || typeof image !== 'object') {
    throw new TypeError(`${name}: expected an RgbaImage { width, height, data }`);
  }
  const { width, height, data } = image;
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
    throw new RangeError(
      `${name}: width and height must be positive integers, got ${width}x${height}`,
    );
  }
  if (!((data as unknown) instanceof Uint8ClampedArray)) {
    throw new TypeError(`${name}.data: expected a Uint8ClampedArray of RGBA bytes`);
  }
  if (data.length !== width * height * 4) {
    throw new RangeError(
      `${name}.data: length ${data.length} does not match ${width}x${height}x4 = ${width * height * 4}`,
    );
  }
}

/** Checks that a GreyImage is well formed; throws a TypeError/RangeError naming `name`. */
export function assertGreyImage(image: GreyImage, name = 'image'): void {
  if (image === null || typeof image !== 'object') {
    throw new TypeError(`${name}: expected a GreyImage { width, height, data }`);
  }
  const { width, height, data } = image;
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
    throw new RangeError(
      `${name}: width and height must be positive integers, got ${width}x${height}`,
    );
  }
  if (!((data as unknown) instanceof Float32Array)) {
    throw new TypeError(`${name}.data: expected a Float32Array`);
  }
  if (data.length !== width * height) {
    throw new RangeError(
      `${name}.data: length ${data.length} does not match ${width}x${height} = ${width * height}`,
    );
  }
}

/** Grey levels 0..255 (Rec. 601 luma of the gamma-encoded RGB; alpha ignored). */
export function toGrey(image: RgbaImage): GreyImage {
  assertRgbaImage(image);
  const { width, height, data } = image;
  const grey = new Float32Array(width * height);
  for (let pixel = 0, byte = 0; pixel < grey.length; pixel += 1, byte += 4) {
    grey[pixel] = 0.299 * data[byte]! + 0.587 * data[byte + 1]! + 0.114 * data[byte + 2]!;
  }
  return { width, height, data: grey };
}
