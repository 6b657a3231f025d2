// Box-average downscaling of an RGBA image so that its long side is at most a given length: the
// features are computed at one scale whatever size the photo was decoded at.
import type { RgbaImage } from '../image';

export function downscaleToLongSide(image: RgbaImage, longSide: number): RgbaImage {
  if (!Number.isInteger(longSide) || longSide < 16)
    throw new RangeError(`longSide: need a whole number >= 16, got ${longSide}`);
  const { width, height, data } = image;
  if (!(width > 0 && height > 0) || data.length !== width * height * 4)
    throw new RangeError(
      `image: ${width}x${height} needs ${width * height * 4} RGBA bytes, got ${data.length}`,
    );
  const scale = longSide / Math.max(width, height);
  if (scale >= 1) return image;
  const targetWidth = Math.max(1, Math.round(width * scale));
  const targetHeight = Math.max(1, Math.round(height * scale));
  const sums = new Float64Array(targetWidth * targetHeight * 4);
  const counts = new Float64Array(targetWidth * targetHeight);
  // each source pixel goes to the target pixel its centre falls in
  const columnOf = Int32Array.from({ length: width }, (_, x) =>
    Math.min(targetWidth - 1, Math.floor(((x + 0.5) * targetWidth) / width)),
  );
  for (let y = 0; y < height; y += 1) {
    const row = Math.min(targetHeight - 1, Math.floor(((y + 0.5) * targetHeight) / height));
    for (let x = 0; x < width; x += 1) {
      const target = row * targetWidth + columnOf[x]!;
      const source = (y * width + x) * 4;
      counts[target]! += 1;
      for (let channel = 0; channel < 4; channel += 1)
        sums[target * 4 + channel]! += data[source + channel]!;
    }
  }
  const out = new Uint8ClampedArray(targetWidth * targetHeight * 4);
  for (let index = 0; index < counts.length; index += 1)
    for (let channel = 0; channel < 4; channel += 1)
      out[index * 4 + channel] = sums[index * 4 + channel]! / Math.max(1, counts[index]!);
  return { width: targetWidth, height: targetHeight, data: out };
}
