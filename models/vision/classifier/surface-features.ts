// The can's surface inside its outline (a margin away from the silhouette edge): edges and their
// orientation (creases and dents add edges across the body's vertical/horizontal lines), specular
// highlights (a dent breaks one smooth highlight into several), and texture (local contrast and
// Ojala's rotation-invariant uniform local binary patterns).
import type { GreyImage } from '../image';
import { labelComponents, type CanMask } from './can-mask';

export const surfaceFeatureNames = [
  'mean_gradient',
  'edge_density',
  'strong_edge_density',
  'edge_orientation_entropy',
  'horizontal_edge_share',
  'vertical_edge_share',
  'luma_coefficient_of_variation',
  'dark_fraction',
  'highlight_fraction',
  'highlight_blobs_per_100px',
  'largest_highlight_share',
  'local_contrast_mean',
  'local_contrast_p90',
  ...Array.from({ length: 10 }, (_, bin) => `lbp_riu2_${bin}`),
] as const;

const ORIENTATION_BINS = 8;
const MARGIN = 3;

/** The mask shrunk by `margin` pixels (a pixel stays when its whole (2m+1)^2 box is inside). */
function interiorOf(can: CanMask, margin: number): Uint8Array {
  const { width, height, mask } = can;
  const integral = new Int32Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      integral[(y + 1) * (width + 1) + x + 1] =
        mask[y * width + x]! +
        integral[y * (width + 1) + x + 1]! +
        integral[(y + 1) * (width + 1) + x]! -
        integral[y * (width + 1) + x]!;
  const interior = new Uint8Array(width * height);
  const full = (2 * margin + 1) ** 2;
  for (let y = margin; y < height - margin; y += 1)
    for (let x = margin; x < width - margin; x += 1) {
      const x0 = x - margin;
      const y0 = y - margin;
      const x1 = x + margin + 1;
      const y1 = y + margin + 1;
      const count =
        integral[y1 * (width + 1) + x1]! -
        integral[y0 * (width + 1) + x1]! -
        integral[y1 * (width + 1) + x0]! +
        integral[y0 * (width + 1) + x0]!;
      if (count === full) interior[y * width + x] = 1;
    }
  return interior;
}

// Ojala, Pietikainen & Maenpaa (2002), "Multiresolution gray-scale and rotation invariant texture
// classification with local binary patterns", IEEE PAMI 24(7): LBP^riu2 with P = 8, R = 1.
function lbpRiu2(grey: Float32Array, width: number, index: number): number {
  const centre = grey[index]!;
  const offsets = [-width - 1, -width, -width + 1, 1, width + 1, width, width - 1, -1];
  let ones = 0;
  let transitions = 0;
  let previous = grey[index + offsets[7]!]! >= centre ? 1 : 0;
  for (const offset of offsets) {
    const bit = grey[index + offset]! >= centre ? 1 : 0;
    ones += bit;
    if (bit !== previous) transitions += 1;
    previous = bit;
  }
  return transitions <= 2 ? ones : 9;
}

export function surfaceFeatures(grey: GreyImage, can: CanMask): number[] {
  const { width, height } = grey;
  const values = grey.data;
  let sum = 0;
  let sum2 = 0;
  let dark = 0;
  for (let index = 0; index < values.length; index += 1) {
    if (can.mask[index] === 0) continue;
    sum += values[index]!;
    sum2 += values[index]! ** 2;
    if (values[index]! <= can.threshold) dark += 1;
  }
  const mean = sum / can.area;
  const sd = Math.sqrt(Math.max(0, sum2 / can.area - mean * mean)) + 1;
  const interior = interiorOf(can, MARGIN);
  const orientation = new Float64Array(ORIENTATION_BINS);
  const lbp = new Float64Array(10);
  const localContrast: number[] = [];
  const highlight = new Uint8Array(values.length);
  let count = 0;
  let gradientTotal = 0;
  let edges = 0;
  let strongEdges = 0;
  let highlights = 0;
  const highlightLevel = Math.max(235, mean + 2 * sd);
  for (let y = 1; y < height - 1; y += 1)
    for (let x = 1; x < width - 1; x += 1) {
      const index = y * width + x;
      if (interior[index] === 0) continue;
      count += 1;
      const at = (dx: number, dy: number) => values[index + dy * width + dx]!;
      // Sobel (1968) 3x3 derivative, normalised by the can's own grey spread
      const gx = (at(1, -1) + 2 * at(1, 0) + at(1, 1) - at(-1, -1) - 2 * at(-1, 0) - at(-1, 1)) / 8;
      const gy = (at(-1, 1) + 2 * at(0, 1) + at(1, 1) - at(-1, -1) - 2 * at(0, -1) - at(1, -1)) / 8;
      const magnitude = Math.hypot(gx, gy) / sd;
      gradientTotal += magnitude;
      if (magnitude > 0.25) {
        edges += 1;
        const angle = (Math.atan2(gy, gx) + Math.PI) % Math.PI;
        orientation[
          Math.min(ORIENTATION_BINS - 1, Math.floor((angle / Math.PI) * ORIENTATION_BINS))
        ]! += magnitude;
      }
      if (magnitude > 0.75) strongEdges += 1;
      if (values[index]! >= highlightLevel) {
        highlight[index] = 1;
        highlights += 1;
      }
      lbp[lbpRiu2(values, width, index)]! += 1;
      if (x % 2 === 0 && y % 2 === 0) {
        let s = 0;
        let s2 = 0;
        for (let dy = -1; dy <= 1; dy += 1)
          for (let dx = -1; dx <= 1; dx += 1) {
            s += at(dx, dy);
            s2 += at(dx, dy) ** 2;
          }
        localContrast.push(Math.sqrt(Math.max(0, s2 / 9 - (s / 9) ** 2)) / sd);
      }
    }
  const safeCount = Math.max(1, count);
  const orientationTotal = orientation.reduce((total, value) => total + value, 0);
  let entropy = 0;
  for (const value of orientation)
    if (value > 0) entropy -= (value / orientationTotal) * Math.log(value / orientationTotal);
  // gradient along x (bins 0, 7 around 0 and pi) marks a vertical edge
  const verticalShare =
    orientationTotal > 0 ? (orientation[0]! + orientation[7]!) / orientationTotal : 0;
  const horizontalShare =
    orientationTotal > 0 ? (orientation[3]! + orientation[4]!) / orientationTotal : 0;
  const { sizes } = labelComponents(highlight, width, height);
  const blobs = sizes.slice(1).filter((size) => size >= 4);
  const largestBlob = blobs.reduce((largest, size) => Math.max(largest, size), 0);
  localContrast.sort((a, b) => a - b);
  const contrastMean =
    localContrast.reduce((total, value) => total + value, 0) / Math.max(1, localContrast.length);
  const contrastP90 = localContrast[Math.floor(0.9 * (localContrast.length - 1))] ?? 0;
  return [
    gradientTotal / safeCount,
    edges / safeCount,
    strongEdges / safeCount,
    entropy,
    horizontalShare,
    verticalShare,
    (sd - 1) / Math.max(1, mean),
    dark / can.area,
    highlights / safeCount,
    (100 * blobs.length) / Math.sqrt(can.area),
    highlights > 0 ? largestBlob / highlights : 0,
    contrastMean,
    contrastP90,
    ...Array.from(lbp, (value) => value / safeCount),
  ];
}
