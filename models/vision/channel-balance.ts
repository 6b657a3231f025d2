// Per-channel gains that undo a colour cast before matching (von Kries 1902 chromatic adaptation:
// a cast is modelled as one gain per channel). Used only to find the pack and its label; the checks
// that judge colour still see the photo as taken.
import type { PixelBox, RgbaImage } from './image';

export type ChannelGains = readonly [number, number, number];

/** Mean red, green and blue over the box (default: whole image), skipping transparent pixels. */
export function channelMeans(image: RgbaImage, box?: PixelBox): [number, number, number] {
  const left = Math.max(0, Math.floor(box?.x ?? 0));
  const top = Math.max(0, Math.floor(box?.y ?? 0));
  const right = Math.min(
    image.width,
    Math.ceil(box === undefined ? image.width : box.x + box.width),
  );
  const bottom = Math.min(
    image.height,
    Math.ceil(box === undefined ? image.height : box.y + box.height),
  );
  if (!(right > left && bottom > top)) {
    throw new RangeError(
      `box: (${box?.x}, ${box?.y}, ${box?.width}x${box?.height}) has no pixels inside the ${image.width}x${image.height} image`,
    );
  }
  // every second pixel each way: means of a photo need no more
  const step = Math.min(right - left, bottom - top) >= 64 ? 2 : 1;
  const data = image.data;
  let red = 0;
  let green = 0;
  let blue = 0;
  let count = 0;
  for (let y = top; y < bottom; y += step) {
    for (
      let x = left, pixel = (y * image.width + left) * 4;
      x < right;
      x += step, pixel += 4 * step
    ) {
      if (data[pixel + 3] === 0) continue;
      red += data[pixel]!;
      green += data[pixel + 1]!;
      blue += data[pixel + 2]!;
      count += 1;
    }
  }
  if (count === 0) return [0, 0, 0];
  return [red / count, green / count, blue / count];
}

/**
 * Gains that bring the photo's channel balance to the reference's, leaving its overall brightness
 * (mean of the three channels) as it is. Channels near black get gain 1 (nothing to scale).
 */
export function balancingGains(
  photoMeans: readonly number[],
  referenceMeans: readonly number[],
): ChannelGains {
  const photoLevel = (photoMeans[0]! + photoMeans[1]! + photoMeans[2]!) / 3;
  const referenceLevel = (referenceMeans[0]! + referenceMeans[1]! + referenceMeans[2]!) / 3;
  if (!(photoLevel > 1) || !(referenceLevel > 1)) return [1, 1, 1];
  const gain = (channel: number): number => {
    const photoShare = photoMeans[channel]! / photoLevel;
    const referenceShare = referenceMeans[channel]! / referenceLevel;
    if (!(photoShare > 0.02) || !(referenceShare > 0.02)) return 1;
    return Math.min(4, Math.max(0.25, referenceShare / photoShare));
  };
  return [gain(0), gain(1), gain(2)];
}

/** A copy of the image with each channel multiplied by its gain (clamped to 0-255). */
export function applyChannelGains(image: RgbaImage, gains: ChannelGains): RgbaImage {
  for (const [index, gain] of gains.entries()) {
    if (!(gain > 0) || !Number.isFinite(gain)) {
      throw new RangeError(`gains[${index}]: ${gain} must be a positive finite number`);
    }
  }
  const source = image.data;
  const data = new Uint8ClampedArray(source.length);
  const [red, green, blue] = gains;
  for (let index = 0; index < source.length; index += 4) {
    data[index] = source[index]! * red;
    data[index + 1] = source[index + 1]! * green;
    data[index + 2] = source[index + 2]! * blue;
    data[index + 3] = source[index + 3]!;
  }
  return { width: image.width, height: image.height, data };
}
