// Segmenting the one package in a photo from the dark background it is shot against: grey levels,
// Otsu's threshold, the largest 4-connected bright component, holes filled, and its convex hull.
// Private helpers of the classifier's features (models/vision's shared ones may replace them).
import type { GreyImage, RgbaImage } from '../image';

/** Rec. 601 luma of each pixel, 0..255. */
export function lumaOf(image: RgbaImage): GreyImage {
  const { width, height, data } = image;
  if (!(width > 0 && height > 0) || data.length !== width * height * 4)
    throw new RangeError(
      `image: ${width}x${height} needs ${width * height * 4} RGBA bytes, got ${data.length}`,
    );
  const grey = new Float32Array(width * height);
  for (let index = 0; index < grey.length; index += 1) {
    const offset = index * 4;
    grey[index] = 0.299 * data[offset]! + 0.587 * data[offset + 1]! + 0.114 * data[offset + 2]!;
  }
  return { width, height, data: grey };
}

// Otsu N. (1979), "A threshold selection method from gray-level histograms", IEEE SMC 9(1):62-66.
/** The grey level t (0..255) maximising the between-class variance of {<= t} and {> t}. */
export function otsuThreshold(grey: GreyImage): number {
  const histogram = new Float64Array(256);
  for (const value of grey.data) histogram[Math.min(255, Math.max(0, Math.round(value)))]! += 1;
  const total = grey.data.length;
  let sumAll = 0;
  for (let level = 0; level < 256; level += 1) sumAll += level * histogram[level]!;
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 0;
  let bestVariance = -1;
  for (let level = 0; level < 256; level += 1) {
    weightBelow += histogram[level]!;
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += level * histogram[level]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = level;
    }
  }
  return best;
}

/** Labels of the 4-connected components of `mask` (0 = background, 1.. = components) and their sizes. */
export function labelComponents(
  mask: Uint8Array,
  width: number,
  height: number,
): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(width * height);
  const sizes: number[] = [0];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start += 1) {
    if (mask[start] === 0 || labels[start] !== 0) continue;
    const label = sizes.length;
    let size = 0;
    labels[start] = label;
    stack.push(start);
    while (stack.length > 0) {
      const index = stack.pop()!;
      size += 1;
      const x = index % width;
      const neighbours = [
        x > 0 ? index - 1 : -1,
        x < width - 1 ? index + 1 : -1,
        index - width,
        index + width,
      ];
      for (const next of neighbours) {
        if (next < 0 || next >= mask.length || mask[next] === 0 || labels[next] !== 0) continue;
        labels[next] = label;
        stack.push(next);
      }
    }
    sizes.push(size);
  }
  return { labels, sizes };
}

/** The mask with every background region not 4-connected to the border set to foreground. */
export function fillHoles(mask: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(mask.length);
  const stack: number[] = [];
  const seed = (index: number) => {
    if (mask[index] === 0 && outside[index] === 0) {
      outside[index] = 1;
      stack.push(index);
    }
  };
  for (let x = 0; x < width; x += 1) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y += 1) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (stack.length > 0) {
    const index = stack.pop()!;
    const x = index % width;
    if (x > 0) seed(index - 1);
    if (x < width - 1) seed(index + 1);
    if (index >= width) seed(index - width);
    if (index + width < mask.length) seed(index + width);
  }
  const filled = new Uint8Array(mask.length);
  for (let index = 0; index < mask.length; index += 1) filled[index] = outside[index] ? 0 : 1;
  return filled;
}

export interface CanMask {
  width: number;
  height: number;
  /** 1 inside the package, 0 outside. */
  mask: Uint8Array;
  area: number;
  threshold: number;
}

/**
 * The package's silhouette: pixels brighter than Otsu's threshold, the largest connected
 * component of them, holes filled (dark print and rust inside the can stay in the mask).
 */
export function segmentPackage(grey: GreyImage): CanMask {
  const { width, height } = grey;
  const threshold = otsuThreshold(grey);
  const bright = new Uint8Array(width * height);
  for (let index = 0; index < bright.length; index += 1)
    bright[index] = grey.data[index]! > threshold ? 1 : 0;
  const { labels, sizes } = labelComponents(bright, width, height);
  let largest = 0;
  for (let label = 1; label < sizes.length; label += 1)
    if (sizes[label]! > (sizes[largest] ?? 0)) largest = label;
  const component = new Uint8Array(width * height);
  if (largest > 0)
    for (let index = 0; index < component.length; index += 1)
      component[index] = labels[index] === largest ? 1 : 0;
  const mask = fillHoles(component, width, height);
  let area = 0;
  for (const value of mask) area += value;
  return { width, height, mask, area, threshold };
}

export interface Point {
  x: number;
  y: number;
}

// Andrew A. M. (1979), "Another efficient algorithm for convex hulls in two dimensions", IPL 9(5).
/** Convex hull (counter-clockwise, no repeated end point) of points, by the monotone chain. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) =>
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const point of sorted) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2]!, lower[lower.length - 1]!, point) <= 0
    )
      lower.pop();
    lower.push(point);
  }
  const upper: Point[] = [];
  for (let index = sorted.length - 1; index >= 0; index -= 1) {
    const point = sorted[index]!;
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2]!, upper[upper.length - 1]!, point) <= 0
    )
      upper.pop();
    upper.push(point);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Area (shoelace) and perimeter of a closed polygon. */
export function polygonAreaAndPerimeter(polygon: readonly Point[]): {
  area: number;
  perimeter: number;
} {
  let twiceArea = 0;
  let perimeter = 0;
  for (let index = 0; index < polygon.length; index += 1) {
    const a = polygon[index]!;
    const b = polygon[(index + 1) % polygon.length]!;
    twiceArea += a.x * b.y - b.x * a.y;
    perimeter += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return { area: Math.abs(twiceArea) / 2, perimeter };
}
