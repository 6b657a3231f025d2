// A float RGB drawing surface in linear light (0..1 per channel), so lighting, colour casts, blur
// and glare are the physical multiplications and sums; encoded to 8-bit sRGB only at the end.
import { linearToSrgbChannel, srgbChannelToLinear } from '../colour/lab';
import type { RgbaImage } from '../image';

export interface LinearCanvas {
  width: number;
  height: number;
  /** interleaved R, G, B in linear light, row by row */
  data: Float32Array;
}

/** An 8-bit sRGB colour [red, green, blue]. */
export type Srgb = readonly [number, number, number];
export type LinearRgb = [number, number, number];

export function toLinear(colour: Srgb): LinearRgb {
  return [
    srgbChannelToLinear(colour[0]),
    srgbChannelToLinear(colour[1]),
    srgbChannelToLinear(colour[2]),
  ];
}

export function createCanvas(width: number, height: number, colour: Srgb): LinearCanvas {
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
    throw new RangeError(`width, height: expected positive integers, got ${width}x${height}`);
  }
  const data = new Float32Array(width * height * 3);
  const [red, green, blue] = toLinear(colour);
  for (let index = 0; index < data.length; index += 3) {
    data[index] = red;
    data[index + 1] = green;
    data[index + 2] = blue;
  }
  return { width, height, data };
}

/** Fills the pixels whose centres lie in the rectangle. */
export function fillRect(
  canvas: LinearCanvas,
  x: number,
  y: number,
  width: number,
  height: number,
  colour: Srgb,
): void {
  const [red, green, blue] = toLinear(colour);
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(canvas.width, Math.round(x + width));
  const y1 = Math.min(canvas.height, Math.round(y + height));
  for (let row = y0; row < y1; row += 1) {
    for (let column = x0; column < x1; column += 1) {
      const index = (row * canvas.width + column) * 3;
      canvas.data[index] = red;
      canvas.data[index + 1] = green;
      canvas.data[index + 2] = blue;
    }
  }
}

/** Fills an axis-aligned ellipse. */
export function fillEllipse(
  canvas: LinearCanvas,
  centreX: number,
  centreY: number,
  radiusX: number,
  radiusY: number,
  colour: Srgb,
): void {
  const [red, green, blue] = toLinear(colour);
  const y0 = Math.max(0, Math.floor(centreY - radiusY));
  const y1 = Math.min(canvas.height - 1, Math.ceil(centreY + radiusY));
  const x0 = Math.max(0, Math.floor(centreX - radiusX));
  const x1 = Math.min(canvas.width - 1, Math.ceil(centreX + radiusX));
  for (let row = y0; row <= y1; row += 1) {
    for (let column = x0; column <= x1; column += 1) {
      const dx = (column + 0.5 - centreX) / radiusX;
      const dy = (row + 0.5 - centreY) / radiusY;
      if (dx * dx + dy * dy > 1) continue;
      const index = (row * canvas.width + column) * 3;
      canvas.data[index] = red;
      canvas.data[index + 1] = green;
      canvas.data[index + 2] = blue;
    }
  }
}

/** Bilinear sample at a continuous position (pixel centres at integer + 0.5) into `target`. */
export function sampleBilinear(
  canvas: LinearCanvas,
  x: number,
  y: number,
  target: Float32Array,
  offset: number,
): void {
  const fx = Math.min(Math.max(x - 0.5, 0), canvas.width - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), canvas.height - 1);
  const left = Math.floor(fx);
  const top = Math.floor(fy);
  const right = Math.min(left + 1, canvas.width - 1);
  const bottom = Math.min(top + 1, canvas.height - 1);
  const wx = fx - left;
  const wy = fy - top;
  const data = canvas.data;
  const topLeft = (top * canvas.width + left) * 3;
  const topRight = (top * canvas.width + right) * 3;
  const bottomLeft = (bottom * canvas.width + left) * 3;
  const bottomRight = (bottom * canvas.width + right) * 3;
  for (let channel = 0; channel < 3; channel += 1) {
    const upper = data[topLeft + channel]! * (1 - wx) + data[topRight + channel]! * wx;
    const lower = data[bottomLeft + channel]! * (1 - wx) + data[bottomRight + channel]! * wx;
    target[offset + channel] = upper * (1 - wy) + lower * wy;
  }
}

function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let offset = -radius; offset <= radius; offset += 1) {
    const weight = Math.exp(-(offset * offset) / (2 * sigma * sigma));
    kernel[offset + radius] = weight;
    sum += weight;
  }
  for (let index = 0; index < kernel.length; index += 1) kernel[index]! /= sum;
  return kernel;
}

/** Separable Gaussian blur of standard deviation `sigma` px (edges clamped), in place. */
export function gaussianBlur(canvas: LinearCanvas, sigma: number): void {
  if (!(sigma >= 0) || !Number.isFinite(sigma))
    throw new RangeError(`sigma: expected >= 0, got ${sigma}`);
  if (sigma < 0.05) return;
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const { width, height, data } = canvas;
  const temporary = new Float32Array(data.length);
  for (let row = 0; row < height; row += 1) {
    const rowStart = row * width;
    for (let column = 0; column < width; column += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let tap = -radius; tap <= radius; tap += 1) {
        const source = (rowStart + Math.min(Math.max(column + tap, 0), width - 1)) * 3;
        const weight = kernel[tap + radius]!;
        red += weight * data[source]!;
        green += weight * data[source + 1]!;
        blue += weight * data[source + 2]!;
      }
      const target = (rowStart + column) * 3;
      temporary[target] = red;
      temporary[target + 1] = green;
      temporary[target + 2] = blue;
    }
  }
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let tap = -radius; tap <= radius; tap += 1) {
        const source = (Math.min(Math.max(row + tap, 0), height - 1) * width + column) * 3;
        const weight = kernel[tap + radius]!;
        red += weight * temporary[source]!;
        green += weight * temporary[source + 1]!;
        blue += weight * temporary[source + 2]!;
      }
      const target = (row * width + column) * 3;
      data[target] = red;
      data[target + 1] = green;
      data[target + 2] = blue;
    }
  }
}

const encodeSteps = 4096;
const encodeTable = Uint8ClampedArray.from({ length: encodeSteps + 1 }, (_, step) =>
  linearToSrgbChannel(step / encodeSteps),
);

/**
 * 8-bit sRGB RGBA (opaque) of the canvas. `noise(channelIndex)` returns an additive sensor-noise
 * value in 8-bit code units for each channel sample (or omit it for none).
 */
export function canvasToRgba(canvas: LinearCanvas, noise?: () => number): RgbaImage {
  const { width, height, data } = canvas;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    for (let channel = 0; channel < 3; channel += 1) {
      const linear = data[pixel * 3 + channel]!;
      const step = linear <= 0 ? 0 : linear >= 1 ? encodeSteps : Math.round(linear * encodeSteps);
      const code = encodeTable[step]!;
      rgba[pixel * 4 + channel] = noise === undefined ? code : code + noise();
    }
    rgba[pixel * 4 + 3] = 255;
  }
  return { width, height, data: rgba };
}

/** A linear canvas of an 8-bit sRGB image (alpha ignored). */
export function rgbaToCanvas(image: RgbaImage): LinearCanvas {
  const data = new Float32Array(image.width * image.height * 3);
  for (let pixel = 0; pixel < image.width * image.height; pixel += 1) {
    for (let channel = 0; channel < 3; channel += 1) {
      data[pixel * 3 + channel] = srgbChannelToLinear(image.data[pixel * 4 + channel]!);
    }
  }
  return { width: image.width, height: image.height, data };
}
