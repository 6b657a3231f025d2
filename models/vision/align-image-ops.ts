// Grey-level operations the alignment and the reference checks share: luma, 2x2 reduction for
// pyramids, integer-factor box downsampling, local contrast normalisation and image gradients.
import type { GreyImage, RgbaImage } from './image';

/** ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B) on the 0..255 scale. */
export function lumaOf(image: RgbaImage): GreyImage {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) {
    throw new RangeError(`image: data has ${data.length} values, expected ${width * height * 4}`);
  }
  const out = new Float32Array(width * height);
  for (let index = 0, pixel = 0; index < out.length; index += 1, pixel += 4) {
    out[index] = 0.299 * data[pixel]! + 0.587 * data[pixel + 1]! + 0.114 * data[pixel + 2]!;
  }
  return { width, height, data: out };
}

/**
 * BT.601 luma averaged over factor x factor blocks, straight from RGBA in one pass (the same as
 * downsampleBy(lumaOf(image), factor) without the full-size grey image).
 */
export function lumaBlocks(image: RgbaImage, factor: number): GreyImage {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`factor: ${factor} must be a positive integer`);
  }
  if (factor === 1) return lumaOf(image);
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const out = new Float32Array(width * height);
  const sums = new Float64Array(width);
  const data = image.data;
  const scale = 1 / (factor * factor);
  for (let y = 0; y < height; y += 1) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy += 1) {
      let pixel = (y * factor + dy) * image.width * 4;
      for (let x = 0; x < width; x += 1) {
        let red = 0;
        let green = 0;
        let blue = 0;
        for (let dx = 0; dx < factor; dx += 1, pixel += 4) {
          red += data[pixel]!;
          green += data[pixel + 1]!;
          blue += data[pixel + 2]!;
        }
        sums[x] = sums[x]! + 0.299 * red + 0.587 * green + 0.114 * blue;
      }
    }
    for (let x = 0; x < width; x += 1) out[y * width + x] = sums[x]! * scale;
  }
  return { width, height, data: out };
}

/**
 * Averages factor x factor blocks (the last partial block averages what there is). Pixel centre
 * (x, y) of the result sits at (factor * x + (factor - 1) / 2, ...) of the input.
 */
export function downsampleBy(image: GreyImage, factor: number): GreyImage {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`factor: ${factor} must be a positive integer`);
  }
  if (factor === 1) return image;
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const out = new Float32Array(width * height);
  const sums = new Float64Array(width);
  for (let y = 0; y < height; y += 1) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy += 1) {
      const row = (y * factor + dy) * image.width;
      for (let x = 0; x < width; x += 1) {
        let total = 0;
        const start = row + x * factor;
        for (let dx = 0; dx < factor; dx += 1) total += image.data[start + dx]!;
        sums[x] = sums[x]! + total;
      }
    }
    const area = factor * factor;
    for (let x = 0; x < width; x += 1) out[y * width + x] = sums[x]! / area;
  }
  return { width, height, data: out };
}

/** Box mean of radius r at every pixel (window clipped at the borders), by an integral image. */
export function boxMean(image: GreyImage, radius: number): GreyImage {
  const { width, height, data } = image;
  const stride = width + 1;
  const integral = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y += 1) {
    let rowTotal = 0;
    for (let x = 0; x < width; x += 1) {
      rowTotal += data[y * width + x]!;
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1]! + rowTotal;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const top = Math.max(0, y - radius);
    const bottom = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x += 1) {
      const left = Math.max(0, x - radius);
      const right = Math.min(width, x + radius + 1);
      const total =
        integral[bottom * stride + right]! -
        integral[top * stride + right]! -
        integral[bottom * stride + left]! +
        integral[top * stride + left]!;
      out[y * width + x] = total / ((bottom - top) * (right - left));
    }
  }
  return { width, height, data: out };
}

/**
 * Local contrast normalisation: (I - local mean) / (local standard deviation + floor), so slow
 * lighting gradients and global gain/offset changes drop out before intensity-based alignment.
 */
export function normaliseLocalContrast(image: GreyImage, radius: number, floor = 4): GreyImage {
  const mean = boxMean(image, radius);
  const squares: GreyImage = {
    width: image.width,
    height: image.height,
    data: image.data.map((value) => value * value),
  };
  const meanOfSquares = boxMean(squares, radius);
  const out = new Float32Array(image.data.length);
  for (let index = 0; index < out.length; index += 1) {
    const m = mean.data[index]!;
    const variance = Math.max(0, meanOfSquares.data[index]! - m * m);
    out[index] = (image.data[index]! - m) / (Math.sqrt(variance) + floor);
  }
  return { width: image.width, height: image.height, data: out };
}

/** Central-difference gradients (one-sided at the borders); NaN pixels give NaN gradients. */
export function gradientsOf(image: GreyImage): { gx: Float32Array; gy: Float32Array } {
  const { width, height, data } = image;
  const gx = new Float32Array(width * height);
  const gy = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      const left = x > 0 ? index - 1 : index;
      const right = x < width - 1 ? index + 1 : index;
      const up = y > 0 ? index - width : index;
      const down = y < height - 1 ? index + width : index;
      gx[index] = (data[right]! - data[left]!) / Math.max(1, right - left);
      gy[index] = (data[down]! - data[up]!) / Math.max(1, (down - up) / width);
    }
  }
  return { gx, gy };
}

/** Crops a rectangle (clipped to the image). */
export function cropGrey(
  image: GreyImage,
  x: number,
  y: number,
  width: number,
  height: number,
): GreyImage {
  const left = Math.max(0, Math.round(x));
  const top = Math.max(0, Math.round(y));
  const right = Math.min(image.width, Math.round(x + width));
  const bottom = Math.min(image.height, Math.round(y + height));
  if (right <= left || bottom <= top) {
    throw new RangeError(`box: (${x}, ${y}, ${width}x${height}) lies outside the image`);
  }
  const out = new Float32Array((right - left) * (bottom - top));
  for (let row = top; row < bottom; row += 1) {
    out.set(
      image.data.subarray(row * image.width + left, row * image.width + right),
      (row - top) * (right - left),
    );
  }
  return { width: right - left, height: bottom - top, data: out };
}
