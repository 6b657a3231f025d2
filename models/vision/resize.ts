// Separable resampling. Shrinking averages the source area each output pixel covers (a box filter
// with fractional edge weights, "area" resampling as in OpenCV's INTER_AREA), so no detail aliases
// into the result; enlarging interpolates linearly. Both are applied one axis at a time.
import { assertGreyImage, assertRgbaImage, toGrey } from './grey';
import type { GreyImage, RgbaImage } from './image';

/** For each output index along one axis: the first source index and the weights of the taps. */
interface AxisWeights {
  first: Int32Array;
  count: Int32Array;
  offset: Int32Array;
  weights: Float32Array;
}

const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function checkSize(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name}: expected a positive integer number of pixels, got ${value}`);
  }
}

function axisWeights(sourceLength: number, targetLength: number): AxisWeights {
  const first = new Int32Array(targetLength);
  const count = new Int32Array(targetLength);
  const offset = new Int32Array(targetLength);
  const taps: number[] = [];
  const scale = sourceLength / targetLength;
  for (let output = 0; output < targetLength; output += 1) {
    offset[output] = taps.length;
    if (scale >= 1) {
      const start = output * scale;
      const end = start + scale;
      const firstSource = Math.floor(start);
      const lastSource = Math.min(sourceLength - 1, Math.ceil(end) - 1);
      first[output] = firstSource;
      for (let source = firstSource; source <= lastSource; source += 1) {
        const overlap = Math.min(end, source + 1) - Math.max(start, source);
        taps.push(overlap / scale);
      }
      count[output] = lastSource - firstSource + 1;
    } else {
      const centre = Math.min(Math.max((output + 0.5) * scale - 0.5, 0), sourceLength - 1);
      const left = Math.min(Math.floor(centre), sourceLength - 1);
      const fraction = centre - left;
      first[output] = left;
      if (left + 1 < sourceLength) {
        taps.push(1 - fraction, fraction);
        count[output] = 2;
      } else {
        taps.push(1);
        count[output] = 1;
      }
    }
  }
  return { first, count, offset, weights: Float32Array.from(taps) };
}

/** The size with the given long side and the same aspect ratio (each side at least 1 px). */
export function sizeForLongSide(
  width: number,
  height: number,
  longSide: number,
): { width: number; height: number } {
  checkSize(width, 'width');
  checkSize(height, 'height');
  checkSize(longSide, 'longSide');
  const scale = longSide / Math.max(width, height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Resamples `channels` interleaved float channels (source read through `read`). */
function resampleChannels(
  sourceWidth: number,
  sourceHeight: number,
  channels: number,
  read: (index: number) => number,
  width: number,
  height: number,
): Float32Array {
  const horizontal = axisWeights(sourceWidth, width);
  const vertical = axisWeights(sourceHeight, height);
  const rows = new Float32Array(sourceHeight * width * channels);
  for (let y = 0; y < sourceHeight; y += 1) {
    const sourceRow = y * sourceWidth * channels;
    const targetRow = y * width * channels;
    for (let x = 0; x < width; x += 1) {
      const firstTap = horizontal.first[x]!;
      const taps = horizontal.count[x]!;
      const weightOffset = horizontal.offset[x]!;
      for (let channel = 0; channel < channels; channel += 1) {
        let sum = 0;
        for (let tap = 0; tap < taps; tap += 1) {
          sum +=
            horizontal.weights[weightOffset + tap]! *
            read(sourceRow + (firstTap + tap) * channels + channel);
        }
        rows[targetRow + x * channels + channel] = sum;
      }
    }
  }
  const result = new Float32Array(width * height * channels);
  const rowLength = width * channels;
  for (let y = 0; y < height; y += 1) {
    const firstTap = vertical.first[y]!;
    const taps = vertical.count[y]!;
    const weightOffset = vertical.offset[y]!;
    const target = y * rowLength;
    for (let tap = 0; tap < taps; tap += 1) {
      const weight = vertical.weights[weightOffset + tap]!;
      const source = (firstTap + tap) * rowLength;
      for (let index = 0; index < rowLength; index += 1) {
        result[target + index]! += weight * rows[source + index]!;
      }
    }
  }
  return result;
}

/** A grey image resampled to width x height (area average when shrinking, linear when enlarging). */
export function resizeGrey(image: GreyImage, width: number, height: number): GreyImage {
  assertGreyImage(image);
  checkSize(width, 'width');
  checkSize(height, 'height');
  const source = image.data;
  const data = resampleChannels(
    image.width,
    image.height,
    1,
    (index) => source[index]!,
    width,
    height,
  );
  return { width, height, data };
}

/** An RGBA image resampled to width x height (area average when shrinking, linear when enlarging). */
export function resizeRgba(image: RgbaImage, width: number, height: number): RgbaImage {
  assertRgbaImage(image);
  checkSize(width, 'width');
  checkSize(height, 'height');
  const source = image.data;
  const values = resampleChannels(
    image.width,
    image.height,
    4,
    (index) => source[index]!,
    width,
    height,
  );
  const data = new Uint8ClampedArray(values.length);
  for (let index = 0; index < values.length; index += 1) data[index] = Math.round(values[index]!);
  return { width, height, data };
}

/** Separable resample of one float channel with precomputed tables (no per-tap callbacks). */
function resampleGrey(
  source: Float32Array,
  sourceWidth: number,
  sourceHeight: number,
  width: number,
  height: number,
): Float32Array {
  const {
    first: columnFirst,
    count: columnCount,
    offset: columnOffset,
    weights: columnWeights,
  } = axisWeights(sourceWidth, width);
  const {
    first: rowFirst,
    count: rowCount,
    offset: rowOffset,
    weights: rowWeights,
  } = axisWeights(sourceHeight, height);
  const rows = new Float32Array(sourceHeight * width);
  for (let y = 0; y < sourceHeight; y += 1) {
    const sourceRow = y * sourceWidth;
    const targetRow = y * width;
    for (let x = 0; x < width; x += 1) {
      const firstTap = sourceRow + columnFirst[x]!;
      const taps = columnCount[x]!;
      const weightOffset = columnOffset[x]!;
      let sum = 0;
      for (let tap = 0; tap < taps; tap += 1)
        sum += columnWeights[weightOffset + tap]! * source[firstTap + tap]!;
      rows[targetRow + x] = sum;
    }
  }
  const result = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const firstTap = rowFirst[y]!;
    const taps = rowCount[y]!;
    const weightOffset = rowOffset[y]!;
    const target = y * width;
    for (let tap = 0; tap < taps; tap += 1) {
      const weight = rowWeights[weightOffset + tap]!;
      const sourceRow = (firstTap + tap) * width;
      for (let x = 0; x < width; x += 1) result[target + x]! += weight * rows[sourceRow + x]!;
    }
  }
  return result;
}

/**
 * Rec. 601 grey levels of an RGBA image, area-averaged down to `longSide` pixels on its long side
 * (never enlarged: a smaller image keeps its size). The fast path of the quality checks: when the
 * image is at least twice too large, whole k x k blocks are first averaged into grey in one pass over
 * the bytes (k = the integer part of the scale), then the small grey image is area-resampled to the
 * exact size. The result differs from a single exact area resample by at most the partial blocks at
 * the right and bottom edges (which the block pass drops) and by the integer luma weights (77, 150,
 * 29)/256 of the block pass, within half a grey level of Rec. 601.
 */
export function greyAtLongSide(image: RgbaImage, longSide: number): GreyImage {
  assertRgbaImage(image);
  checkSize(longSide, 'longSide');
  const currentLong = Math.max(image.width, image.height);
  if (currentLong <= longSide) return toGrey(image);
  const target = sizeForLongSide(image.width, image.height, longSide);
  const block = Math.floor(currentLong / longSide);
  if (block < 2) {
    const grey = toGrey(image);
    return {
      ...target,
      data: resampleGrey(grey.data, grey.width, grey.height, target.width, target.height),
    };
  }
  const blockWidth = Math.floor(image.width / block);
  const blockHeight = Math.floor(image.height / block);
  const blocks = new Float32Array(blockWidth * blockHeight);
  const source = image.data;
  // read whole pixels as 32-bit words where the buffer allows (R in the low byte on little-endian
  // machines, which are all the platforms Node ships for); integer luma weights 77/150/29 of 256
  const words =
    source.byteOffset % 4 === 0 && littleEndian
      ? new Uint32Array(source.buffer, source.byteOffset, source.length >> 2)
      : undefined;
  const scale = 1 / (block * block * 256);
  for (let by = 0; by < blockHeight; by += 1) {
    const target = by * blockWidth;
    for (let dy = 0; dy < block; dy += 1) {
      let pixel = (by * block + dy) * image.width;
      for (let bx = 0; bx < blockWidth; bx += 1) {
        let sum = 0;
        if (words !== undefined) {
          for (let dx = 0; dx < block; dx += 1, pixel += 1) {
            const word = words[pixel]!;
            sum += 77 * (word & 255) + 150 * ((word >>> 8) & 255) + 29 * ((word >>> 16) & 255);
          }
        } else {
          for (let dx = 0; dx < block; dx += 1, pixel += 1) {
            const byte = pixel * 4;
            sum += 77 * source[byte]! + 150 * source[byte + 1]! + 29 * source[byte + 2]!;
          }
        }
        blocks[target + bx]! += sum * scale;
      }
    }
  }
  return {
    ...target,
    data: resampleGrey(blocks, blockWidth, blockHeight, target.width, target.height),
  };
}
