// Where the pack is in a photo taken against a plain background, so alignment starts from the
// pack and not from the whole frame (the alignment's coarse search covers +/-15% scale and a
// quarter-frame shift; a pack filling half the frame is outside that). The background colour is
// the median of the frame's border; pixels far from it are the pack; the box spans the 1st to 99th
// percentile of their columns and rows, so a few stray pixels do not widen it.
import type { PixelBox, RgbaImage } from './image';

export interface LocatePackOptions {
  /** RGB distance from the background colour above which a pixel is the pack (default 40) */
  minDistance?: number;
  /** margin added on each side, as a fraction of the box (default 0.04) */
  margin?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentileIndex(counts: Uint32Array, total: number, fraction: number): number {
  let seen = 0;
  for (let index = 0; index < counts.length; index += 1) {
    seen += counts[index]!;
    if (seen > total * fraction) return index;
  }
  return counts.length - 1;
}

/** The pack's box, or undefined when the pack fills the frame or cannot be told from the background. */
export function locatePack(
  photo: RgbaImage,
  options: LocatePackOptions = {},
): PixelBox | undefined {
  const { width, height, data } = photo;
  const minDistance = options.minDistance ?? 40;
  const margin = options.margin ?? 0.04;
  const step = Math.max(1, Math.floor(Math.max(width, height) / 400));
  const ring = Math.max(1, Math.floor(Math.min(width, height) * 0.02));
  const border: [number[], number[], number[]] = [[], [], []];
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if (x >= ring && x < width - ring && y >= ring && y < height - ring) continue;
      const offset = (y * width + x) * 4;
      for (let channel = 0; channel < 3; channel += 1)
        border[channel]!.push(data[offset + channel]!);
    }
  }
  const background = border.map(median);
  const columns = new Uint32Array(width);
  const rows = new Uint32Array(height);
  let total = 0;
  const limit = minDistance * minDistance;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const offset = (y * width + x) * 4;
      const red = data[offset]! - background[0]!;
      const green = data[offset + 1]! - background[1]!;
      const blue = data[offset + 2]! - background[2]!;
      if (red * red + green * green + blue * blue > limit) {
        columns[x] = columns[x]! + 1;
        rows[y] = rows[y]! + 1;
        total += 1;
      }
    }
  }
  const sampled = Math.ceil(width / step) * Math.ceil(height / step);
  if (total < sampled * 0.05) return undefined;
  const left = percentileIndex(columns, total, 0.01);
  const right = percentileIndex(columns, total, 0.99) + 1;
  const top = percentileIndex(rows, total, 0.01);
  const bottom = percentileIndex(rows, total, 0.99) + 1;
  const padX = (right - left) * margin;
  const padY = (bottom - top) * margin;
  const x = Math.max(0, Math.floor(left - padX));
  const y = Math.max(0, Math.floor(top - padY));
  const box = {
    x,
    y,
    width: Math.min(width, Math.ceil(right + padX)) - x,
    height: Math.min(height, Math.ceil(bottom + padY)) - y,
  };
  if (box.width * box.height > 0.85 * width * height || box.width < 16 || box.height < 16) {
    return undefined;
  }
  return box;
}

/** The pixels inside `box` as their own image. */
export function cropRgba(image: RgbaImage, box: PixelBox): RgbaImage {
  const data = new Uint8ClampedArray(box.width * box.height * 4);
  for (let row = 0; row < box.height; row += 1) {
    const start = ((box.y + row) * image.width + box.x) * 4;
    data.set(image.data.subarray(start, start + box.width * 4), row * box.width * 4);
  }
  return { width: box.width, height: box.height, data };
}
