// Physical defects drawn on the pack in the reference frame: a dent (a local radial warp with the
// shading of a crater lit from the upper left), a tear (label removed along a jagged strip, with a
// pale torn-paper rim) and a smudge (a soft translucent blob of grime).
import type { Random } from '../../stats/random';
import type { PixelBox } from '../image';
import { type LinearCanvas, sampleBilinear, toLinear } from './linear-canvas';

export interface DentDefect {
  kind: 'dent';
  centreX: number;
  centreY: number;
  radiusPx: number;
  /** 0..1: how far the surface is pushed in (warp strength and shading contrast) */
  depth: number;
}

export interface TearDefect {
  kind: 'tear';
  /** the torn area's bounding box in reference pixels */
  box: PixelBox;
  /** centres and radii of the discs whose union is the torn area */
  discs: Array<{ x: number; y: number; radius: number }>;
}

export interface SmudgeDefect {
  kind: 'smudge';
  centreX: number;
  centreY: number;
  radiusPx: number;
  opacity: number;
}

export function drawDent(canvas: LinearCanvas, random: Random, box: PixelBox): DentDefect {
  const radiusPx = random.uniform(0.06, 0.11) * Math.min(canvas.width, canvas.height);
  const centreX = random.uniform(box.x + radiusPx, box.x + box.width - radiusPx);
  const centreY = random.uniform(box.y + radiusPx, box.y + box.height - radiusPx);
  const depth = random.uniform(0.5, 0.9);
  const source: LinearCanvas = { ...canvas, data: canvas.data.slice() };
  const sample = new Float32Array(3);
  for (let y = Math.floor(centreY - radiusPx); y <= Math.ceil(centreY + radiusPx); y += 1) {
    for (let x = Math.floor(centreX - radiusPx); x <= Math.ceil(centreX + radiusPx); x += 1) {
      if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
      const dx = x + 0.5 - centreX;
      const dy = y + 0.5 - centreY;
      const r = Math.hypot(dx, dy) / radiusPx;
      if (r >= 1) continue;
      const falloff = (1 - r * r) * (1 - r * r);
      // content near the centre is pulled outwards (sampled from nearer the centre): a crater
      const pull = 1 - 0.45 * depth * falloff;
      sampleBilinear(source, centreX + dx * pull, centreY + dy * pull, sample, 0);
      // crater shading: the wall facing the light (upper left) is bright, the far wall dark
      const slope = (dx + dy) / (radiusPx * Math.SQRT2);
      const shade = 1 + 0.9 * depth * falloff * slope * 2 - 0.25 * depth * falloff;
      const index = (y * canvas.width + x) * 3;
      for (let channel = 0; channel < 3; channel += 1)
        canvas.data[index + channel] = sample[channel]! * Math.max(0.1, shade);
    }
  }
  return { kind: 'dent', centreX, centreY, radiusPx, depth };
}

export function drawTear(
  canvas: LinearCanvas,
  random: Random,
  labelBox: PixelBox,
  bodyColour: readonly [number, number, number],
): TearDefect {
  const discs: TearDefect['discs'] = [];
  const length = random.uniform(0.25, 0.45) * labelBox.width;
  const startX = random.uniform(labelBox.x, labelBox.x + labelBox.width - length);
  const startY = random.uniform(
    labelBox.y + 0.1 * labelBox.height,
    labelBox.y + 0.9 * labelBox.height,
  );
  const angle = random.uniform(-0.6, 0.6);
  const steps = 14;
  for (let step = 0; step < steps; step += 1) {
    const along = (step / (steps - 1)) * length;
    discs.push({
      x: startX + along * Math.cos(angle) + random.normal(0, 2),
      y: startY + along * Math.sin(angle) + random.normal(0, 3),
      radius: random.uniform(0.02, 0.05) * labelBox.height,
    });
  }
  const substrate = toLinear(bodyColour).map((value) => value * 0.55);
  const paper = toLinear([238, 234, 222]);
  const rim = 2.5;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const disc of discs) {
    minX = Math.min(minX, disc.x - disc.radius - rim);
    minY = Math.min(minY, disc.y - disc.radius - rim);
    maxX = Math.max(maxX, disc.x + disc.radius + rim);
    maxY = Math.max(maxY, disc.y + disc.radius + rim);
  }
  const x0 = Math.max(0, Math.floor(minX));
  const y0 = Math.max(0, Math.floor(minY));
  const x1 = Math.min(canvas.width - 1, Math.ceil(maxX));
  const y1 = Math.min(canvas.height - 1, Math.ceil(maxY));
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      let inside = -Infinity;
      for (const disc of discs)
        inside = Math.max(inside, disc.radius - Math.hypot(x + 0.5 - disc.x, y + 0.5 - disc.y));
      if (inside < -rim) continue;
      const colour = inside >= 0 ? substrate : paper;
      const index = (y * canvas.width + x) * 3;
      for (let channel = 0; channel < 3; channel += 1)
        canvas.data[index + channel] = colour[channel]!;
    }
  }
  return { kind: 'tear', box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }, discs };
}

export function drawSmudge(canvas: LinearCanvas, random: Random, box: PixelBox): SmudgeDefect {
  const radiusPx = random.uniform(0.04, 0.09) * Math.min(canvas.width, canvas.height);
  const centreX = random.uniform(box.x + radiusPx, box.x + box.width - radiusPx);
  const centreY = random.uniform(box.y + radiusPx, box.y + box.height - radiusPx);
  const opacity = random.uniform(0.45, 0.75);
  const grime = toLinear([70, 55, 35]);
  for (let y = Math.floor(centreY - 2 * radiusPx); y <= Math.ceil(centreY + 2 * radiusPx); y += 1) {
    for (
      let x = Math.floor(centreX - 2 * radiusPx);
      x <= Math.ceil(centreX + 2 * radiusPx);
      x += 1
    ) {
      if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
      const r2 = ((x + 0.5 - centreX) ** 2 + (y + 0.5 - centreY) ** 2) / (radiusPx * radiusPx);
      const alpha = opacity * Math.exp(-r2);
      if (alpha < 0.004) continue;
      const index = (y * canvas.width + x) * 3;
      for (let channel = 0; channel < 3; channel += 1) {
        canvas.data[index + channel] =
          canvas.data[index + channel]! * (1 - alpha) + grime[channel]! * alpha;
      }
    }
  }
  return { kind: 'smudge', centreX, centreY, radiusPx, opacity };
}
