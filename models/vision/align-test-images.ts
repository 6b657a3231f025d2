// Test scenes for the alignment, structure and label tests: a procedurally drawn pack (body print,
// outline, a label with text-like bars) rendered exactly through a known homography, with optional
// label displacement, lighting change and seeded noise. Test support only; nothing in the product
// imports it.
import type { PixelBox, RgbaImage } from './image';
import { createRandom } from '../stats/random';
import { applyMatrix3, invertMatrix3, type Matrix3 } from './warp';

export const sceneWidth = 320;
export const sceneHeight = 240;
export const packBox: PixelBox = { x: 30, y: 24, width: 260, height: 192 };
export const labelBox: PixelBox = { x: 96, y: 70, width: 128, height: 96 };

type Rgb = [number, number, number];

interface Blob {
  x: number;
  y: number;
  radius: number;
  colour: Rgb;
}

interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneOptions {
  /** reference -> photo homography (default identity) */
  transform?: Matrix3;
  photoWidth?: number;
  photoHeight?: number;
  /** label content moved on the pack: offset in reference px and rotation in degrees about its centre */
  labelShift?: { dx: number; dy: number; angleDeg?: number };
  labelMissing?: boolean;
  /** out = gain * value + bias, then a left-to-right lighting ramp of this many grey levels */
  gain?: number;
  bias?: number;
  ramp?: number;
  noiseSd?: number;
  seed?: number;
  background?: Rgb;
  /** a dark blotch painted on the pack at this reference point (a structural defect) */
  blotch?: { x: number; y: number; radius: number };
}

function makeDesign(seed: number): { blobs: Blob[]; bars: Bar[] } {
  const random = createRandom(seed);
  const blobs: Blob[] = [];
  for (let index = 0; index < 14; index += 1) {
    blobs.push({
      x: random.uniform(packBox.x + 8, packBox.x + packBox.width - 8),
      y: random.uniform(packBox.y + 8, packBox.y + packBox.height - 8),
      radius: random.uniform(5, 16),
      colour: [random.uniform(20, 250), random.uniform(20, 250), random.uniform(20, 250)],
    });
  }
  const bars: Bar[] = [];
  for (let line = 0; line < 6; line += 1) {
    let x = 8;
    while (x < labelBox.width - 14) {
      const width = random.uniform(4, 18);
      bars.push({
        x,
        y: 30 + line * 10,
        width: Math.min(width, labelBox.width - 8 - x),
        height: 6,
      });
      x += width + random.uniform(2, 6);
    }
  }
  return { blobs, bars };
}

const design = makeDesign(7);

function labelColour(u: number, v: number): Rgb | undefined {
  if (u < 0 || v < 0 || u >= labelBox.width || v >= labelBox.height) return undefined;
  if (u < 3 || v < 3 || u >= labelBox.width - 3 || v >= labelBox.height - 3) return [20, 40, 120];
  const dx = u - 26;
  const dy = v - 16;
  if (dx * dx + dy * dy < 100) return [230, 170, 20];
  if (u > 50 && u < 118 && v > 9 && v < 22) return [200, 30, 30];
  for (const bar of design.bars) {
    if (u >= bar.x && u < bar.x + bar.width && v >= bar.y && v < bar.y + bar.height)
      return [30, 30, 30];
  }
  return [250, 248, 240];
}

function packColour(x: number, y: number, options: SceneOptions): Rgb | undefined {
  const { x: px, y: py, width, height } = packBox;
  if (x < px || y < py || x >= px + width || y >= py + height) return undefined;
  if (options.blotch) {
    const { x: bx, y: by, radius } = options.blotch;
    if ((x - bx) ** 2 + (y - by) ** 2 < radius * radius) return [40, 30, 25];
  }
  const shift = options.labelShift;
  if (!options.labelMissing) {
    const cx = labelBox.x + labelBox.width / 2;
    const cy = labelBox.y + labelBox.height / 2;
    const angle = ((shift?.angleDeg ?? 0) * Math.PI) / 180;
    const rx = x - cx - (shift?.dx ?? 0);
    const ry = y - cy - (shift?.dy ?? 0);
    const u = Math.cos(angle) * rx + Math.sin(angle) * ry + labelBox.width / 2;
    const v = -Math.sin(angle) * rx + Math.cos(angle) * ry + labelBox.height / 2;
    const colour = labelColour(u, v);
    if (colour) return colour;
  }
  if (x < px + 4 || y < py + 4 || x >= px + width - 4 || y >= py + height - 4) return [60, 60, 70];
  for (const blob of design.blobs) {
    if ((x - blob.x) ** 2 + (y - blob.y) ** 2 < blob.radius * blob.radius) return blob.colour;
  }
  const stripe = Math.sin((x + 0.6 * y) / 9) > 0.6 ? 40 : 0;
  return [190 - stripe, 70 + ((x - px) * 60) / width, 50 + ((y - py) * 80) / height];
}

/** Renders the scene (2x2 supersampled) as the camera would see it through options.transform. */
export function renderScene(options: SceneOptions = {}): RgbaImage {
  const width = options.photoWidth ?? sceneWidth;
  const height = options.photoHeight ?? sceneHeight;
  const photoToScene = invertMatrix3(options.transform ?? [1, 0, 0, 0, 1, 0, 0, 0, 1])!;
  const background = options.background ?? [225, 228, 232];
  const gain = options.gain ?? 1;
  const bias = options.bias ?? 0;
  const ramp = options.ramp ?? 0;
  const random = createRandom(options.seed ?? 1);
  const noiseSd = options.noiseSd ?? 0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const sum = [0, 0, 0];
      for (const [ox, oy] of [
        [-0.25, -0.25],
        [0.25, -0.25],
        [-0.25, 0.25],
        [0.25, 0.25],
      ] as const) {
        const [sx, sy] = applyMatrix3(photoToScene, x + ox, y + oy);
        const colour = packColour(sx + 0.5, sy + 0.5, options) ?? background;
        for (let channel = 0; channel < 3; channel += 1) sum[channel]! += colour[channel]! / 4;
      }
      const light = ramp * (x / width - 0.5);
      const out = (y * width + x) * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        const noise = noiseSd > 0 ? random.normal(0, noiseSd) : 0;
        data[out + channel] = Math.round(gain * sum[channel]! + bias + light + noise);
      }
      data[out + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Rotation by angleDeg and scaling about (cx, cy), then a translation: reference -> photo. */
export function similarity(
  angleDeg: number,
  scale: number,
  tx: number,
  ty: number,
  cx = sceneWidth / 2,
  cy = sceneHeight / 2,
): Matrix3 {
  const angle = (angleDeg * Math.PI) / 180;
  const c = scale * Math.cos(angle);
  const s = scale * Math.sin(angle);
  return [c, -s, cx - c * cx + s * cy + tx, s, c, cy - s * cx - c * cy + ty, 0, 0, 1];
}

/** Largest distance between where two transforms send the reference's corners. */
export function cornerError(
  actual: readonly number[],
  expected: readonly number[],
  width = sceneWidth,
  height = sceneHeight,
): number {
  let worst = 0;
  for (const [x, y] of [
    [0, 0],
    [width - 1, 0],
    [0, height - 1],
    [width - 1, height - 1],
  ] as const) {
    const [ax, ay] = applyMatrix3(actual, x, y);
    const [ex, ey] = applyMatrix3(expected, x, y);
    worst = Math.max(worst, Math.hypot(ax - ex, ay - ey));
  }
  return worst;
}
