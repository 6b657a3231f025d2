// A "photo" of a pack: the (possibly defective) pack seen through a small perspective on a table
// background, under a lighting gain and gradient, with photo defects (colour cast, exposure, glare,
// blur), lens/JPEG softness and sensor noise. Every defect is returned with the exact parameters used.
import type { Random } from '../../stats/random';
import type { PixelBox, RgbaImage } from '../image';
import {
  type LinearCanvas,
  canvasToRgba,
  createCanvas,
  gaussianBlur,
  sampleBilinear,
  toLinear,
} from './linear-canvas';
import {
  type DentDefect,
  type SmudgeDefect,
  type TearDefect,
  drawDent,
  drawSmudge,
  drawTear,
} from './pack-defects';
import { type LabelPlacement, type PackDesign, randomPackDesign, renderPack } from './pack-design';
import {
  type Homography,
  applyHomography,
  homographyFromPoints,
  invertHomography,
} from './projection';

export type AppliedDefect =
  | { kind: 'clean_lighting'; gain: number }
  /** label moved by (dxPx, dyPx) reference pixels */
  | { kind: 'label_shift'; dxPx: number; dyPx: number }
  /** label turned by `degrees` about its centre (positive = clockwise in image coordinates) */
  | { kind: 'label_rotation'; degrees: number }
  | { kind: 'label_missing' }
  | DentDefect
  | TearDefect
  | SmudgeDefect
  /** linear-light gains of red, green and blue */
  | { kind: 'colour_cast'; gains: [number, number, number] }
  /** Gaussian blur of standard deviation `sigma` photo pixels */
  | { kind: 'blur'; sigma: number }
  /** a specular highlight saturated inside `box` (photo pixels) */
  | { kind: 'glare'; box: PixelBox; radiusPx: number }
  /** overall linear gain far outside normal lighting */
  | { kind: 'exposure'; direction: 'under' | 'over'; gain: number };

export type PhotoDefectKind = Exclude<AppliedDefect['kind'], 'clean_lighting'>;

/** Kinds whose exact parameters may be given (the others are always drawn from the generator). */
type ExactDefect = Extract<
  AppliedDefect,
  {
    kind:
      | 'label_shift'
      | 'label_rotation'
      | 'label_missing'
      | 'colour_cast'
      | 'blur'
      | 'exposure'
      | 'clean_lighting';
  }
>;

export interface PackPhotoOptions {
  /** the pack; drawn at random when omitted */
  design?: PackDesign;
  /** photo size in pixels (default 800 x 600) */
  width?: number;
  height?: number;
  /** defects to apply: a kind (parameters drawn) or, for the kinds in ExactDefect, exact parameters */
  defects?: Array<PhotoDefectKind | ExactDefect>;
  /** small random perspective (default true); false gives a fronto-parallel view */
  perspective?: boolean;
}

export interface GeneratedPhoto {
  photo: RgbaImage;
  /** the golden reference (renderReferencePack of the same design) */
  reference: RgbaImage;
  /** the label's box in the reference */
  labelBox: PixelBox;
  ean: string;
  defects: AppliedDefect[];
  /** maps reference pixel coordinates to photo pixel coordinates (the ground-truth alignment) */
  referenceToPhoto: Homography;
  /** the overall lighting gain of the photo (1 = as the reference) */
  lightingGain: number;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 64)
    throw new RangeError(`${name}: expected an integer >= 64, got ${value}`);
  return value;
}

function drawnExact(kind: ExactDefect['kind'], random: Random, longSide: number): ExactDefect {
  const signed = (min: number, max: number) =>
    (random.chance(0.5) ? -1 : 1) * random.uniform(min, max);
  switch (kind) {
    case 'label_shift': {
      const dxPx = random.chance(0.7) ? signed(6, 20) : signed(0, 3);
      const dyPx = Math.abs(dxPx) < 6 || random.chance(0.5) ? signed(6, 20) : signed(0, 3);
      return { kind, dxPx, dyPx };
    }
    case 'label_rotation':
      return { kind, degrees: signed(2.5, 7) };
    case 'label_missing':
      return { kind };
    case 'colour_cast': {
      const angle = random.uniform(0, 2 * Math.PI);
      const strength = random.uniform(0.25, 0.4);
      const gains: [number, number, number] = [
        1 + strength * Math.cos(angle),
        1 + strength * Math.cos(angle - (2 * Math.PI) / 3),
        1 + strength * Math.cos(angle + (2 * Math.PI) / 3),
      ];
      return { kind, gains };
    }
    case 'blur':
      return { kind, sigma: random.uniform(2.2, 4.5) * (longSide / 1024) };
    case 'exposure':
      return random.chance(0.5)
        ? { kind, direction: 'under', gain: random.uniform(0.05, 0.13) }
        : { kind, direction: 'over', gain: random.uniform(2.6, 4.5) };
    case 'clean_lighting':
      return { kind, gain: random.uniform(0.75, 1.15) };
  }
}

function backgroundCanvas(width: number, height: number, random: Random): LinearCanvas {
  const base = toLinear(
    random.pick([
      [120, 110, 100],
      [90, 90, 95],
      [150, 140, 120],
      [60, 62, 70],
    ] as const),
  );
  const canvas = createCanvas(width, height, [0, 0, 0]);
  const waves = Array.from({ length: 3 }, () => ({
    fx: random.uniform(0.5, 4) / width,
    fy: random.uniform(0.5, 4) / height,
    phase: random.uniform(0, 2 * Math.PI),
  }));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let texture = 1 - 0.15 * (y / height);
      for (const wave of waves)
        texture += 0.04 * Math.sin(2 * Math.PI * (wave.fx * x + wave.fy * y) + wave.phase);
      const index = (y * width + x) * 3;
      for (let channel = 0; channel < 3; channel += 1)
        canvas.data[index + channel] = base[channel]! * texture;
    }
  }
  return canvas;
}

/** Renders one photo; `random` decides everything not given in `options`. */
export function generatePackPhoto(options: PackPhotoOptions, random: Random): GeneratedPhoto {
  const width = positiveInteger(options.width ?? 800, 'options.width');
  const height = positiveInteger(options.height ?? 600, 'options.height');
  const design = options.design ?? randomPackDesign(random.fork('design'));
  const longSide = Math.max(width, height);
  const requested = options.defects ?? [];
  const applied: AppliedDefect[] = [];
  const exact = (kind: ExactDefect['kind']): ExactDefect | undefined => {
    const entry = requested.find((item) => (typeof item === 'string' ? item : item.kind) === kind);
    if (entry === undefined) return undefined;
    return typeof entry === 'string'
      ? drawnExact(kind, random.fork(kind), longSide)
      : (entry as ExactDefect);
  };
  const has = (kind: PhotoDefectKind) =>
    requested.some((item) => (typeof item === 'string' ? item : item.kind) === kind);

  // the pack, in the reference frame
  const placement: LabelPlacement = { dxPx: 0, dyPx: 0, rotationDeg: 0, missing: false };
  const shift = exact('label_shift');
  if (shift?.kind === 'label_shift')
    Object.assign(placement, { dxPx: shift.dxPx, dyPx: shift.dyPx });
  const rotation = exact('label_rotation');
  if (rotation?.kind === 'label_rotation') placement.rotationDeg = rotation.degrees;
  const missing = exact('label_missing');
  if (missing !== undefined) placement.missing = true;
  for (const item of [shift, rotation, missing]) if (item !== undefined) applied.push(item);
  const referenceCanvas = renderPack(design);
  const exactLabel =
    placement.dxPx === 0 &&
    placement.dyPx === 0 &&
    placement.rotationDeg === 0 &&
    !placement.missing;
  const pack = exactLabel
    ? { ...referenceCanvas, data: referenceCanvas.data.slice() }
    : renderPack(design, placement);
  const packBox: PixelBox = { x: 0, y: 0, width: design.width, height: design.height };
  if (has('dent')) applied.push(drawDent(pack, random.fork('dent'), packBox));
  if (has('tear'))
    applied.push(drawTear(pack, random.fork('tear'), design.labelBox, design.bodyColour));
  if (has('smudge')) applied.push(drawSmudge(pack, random.fork('smudge'), design.labelBox));

  // perspective: the pack's corners placed in the photo
  const geometry = random.fork('geometry');
  const scale = (geometry.uniform(0.68, 0.8) * height) / design.height;
  const centreX = width / 2 + geometry.uniform(-0.04, 0.04) * width;
  const centreY = height / 2 + geometry.uniform(-0.03, 0.03) * height;
  const jitter = options.perspective === false ? 0 : 0.025 * design.height * scale;
  const corners = [
    { x: 0, y: 0 },
    { x: design.width, y: 0 },
    { x: design.width, y: design.height },
    { x: 0, y: design.height },
  ];
  const placed = corners.map((corner) => ({
    x: centreX + (corner.x - design.width / 2) * scale + geometry.uniform(-jitter, jitter),
    y: centreY + (corner.y - design.height / 2) * scale + geometry.uniform(-jitter, jitter),
  }));
  const referenceToPhoto = homographyFromPoints(corners, placed);
  const photoToReference = invertHomography(referenceToPhoto);
  const canvas = backgroundCanvas(width, height, random.fork('background'));
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = photoToReference;
  for (let y = 0; y < height; y += 1) {
    const py = y + 0.5;
    for (let x = 0; x < width; x += 1) {
      const px = x + 0.5;
      const w = h6 * px + h7 * py + h8;
      const rx = (h0 * px + h1 * py + h2) / w;
      const ry = (h3 * px + h4 * py + h5) / w;
      if (rx < 0 || ry < 0 || rx >= design.width || ry >= design.height) continue;
      sampleBilinear(pack, rx, ry, canvas.data, (y * width + x) * 3);
    }
  }

  // lighting: a gain and a linear gradient across the photo
  const lighting = random.fork('lighting');
  const clean = exact('clean_lighting');
  const lightingGain =
    clean?.kind === 'clean_lighting'
      ? clean.gain
      : requested.length === 0
        ? lighting.uniform(0.75, 1.15)
        : lighting.uniform(0.9, 1.1);
  if (requested.length === 0) applied.push({ kind: 'clean_lighting', gain: lightingGain });
  const gradientAngle = lighting.uniform(0, 2 * Math.PI);
  const gradientStrength = lighting.uniform(0, 0.08);
  const cast = exact('colour_cast');
  const exposure = exact('exposure');
  const channelGain = cast?.kind === 'colour_cast' ? cast.gains : [1, 1, 1];
  const exposureGain = exposure?.kind === 'exposure' ? exposure.gain : 1;
  for (const item of [cast, exposure]) if (item !== undefined) applied.push(item);
  const gx = (Math.cos(gradientAngle) * gradientStrength) / width;
  const gy = (Math.sin(gradientAngle) * gradientStrength) / height;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const light =
        lightingGain * exposureGain * (1 + gx * (x - width / 2) * 2 + gy * (y - height / 2) * 2);
      const index = (y * width + x) * 3;
      for (let channel = 0; channel < 3; channel += 1)
        canvas.data[index + channel]! *= light * channelGain[channel]!;
    }
  }

  if (has('glare')) {
    const glare = random.fork('glare');
    const at = applyHomography(
      referenceToPhoto,
      glare.uniform(design.labelBox.x, design.labelBox.x + design.labelBox.width),
      glare.uniform(design.labelBox.y, design.labelBox.y + design.labelBox.height),
    );
    const radiusPx = glare.uniform(0.05, 0.08) * Math.min(width, height);
    for (
      let y = Math.max(0, Math.floor(at.y - 2 * radiusPx));
      y < Math.min(height, at.y + 2 * radiusPx);
      y += 1
    ) {
      for (
        let x = Math.max(0, Math.floor(at.x - 2 * radiusPx));
        x < Math.min(width, at.x + 2 * radiusPx);
        x += 1
      ) {
        const r = Math.hypot(x + 0.5 - at.x, y + 0.5 - at.y) / radiusPx;
        const added = 2.5 * Math.exp(-(r ** 4));
        const index = (y * width + x) * 3;
        for (let channel = 0; channel < 3; channel += 1) canvas.data[index + channel]! += added;
      }
    }
    // the saturated core: 2.5 exp(-r^4) >= 1 for r <= (ln 2.5)^(1/4)
    const core = Math.pow(Math.log(2.5), 0.25) * radiusPx;
    const box = {
      x: Math.round(at.x - core),
      y: Math.round(at.y - core),
      width: Math.round(2 * core),
      height: Math.round(2 * core),
    };
    applied.push({ kind: 'glare', box, radiusPx });
  }

  const blur = exact('blur');
  if (blur?.kind === 'blur') {
    gaussianBlur(canvas, blur.sigma);
    applied.push(blur);
  }
  gaussianBlur(canvas, 0.6); // lens and JPEG softness
  const noise = random.fork('noise');
  const noiseSd = noise.uniform(1, 2.5);
  // Gaussian sensor noise drawn from a table of 4096 seeded normal samples (fast at 12 MP)
  const noiseTable = Float32Array.from({ length: 4096 }, () => noise.normal(0, noiseSd));
  const photo = canvasToRgba(canvas, () => noiseTable[noise.nextUint32() >>> 20]!);
  const reference = canvasToRgba(referenceCanvas);
  return {
    photo,
    reference,
    labelBox: { ...design.labelBox },
    ean: design.ean,
    defects: applied,
    referenceToPhoto,
    lightingGain,
  };
}
