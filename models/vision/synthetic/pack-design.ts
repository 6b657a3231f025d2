// A pack's printed front (a can or a pouch): body colour, a label panel with a logo, text-like
// blocks of ink and an EAN-13 barcode drawn from its real bar pattern. Everything that is drawn is in
// the design, so the same design always renders the same pixels.
import type { Random } from '../../stats/random';
import type { PixelBox, RgbaImage } from '../image';
import { completeEan13, ean13CheckDigit, ean13Modules, encodeEan13 } from './ean13';
import {
  type LinearCanvas,
  type Srgb,
  canvasToRgba,
  createCanvas,
  fillEllipse,
  fillRect,
  sampleBilinear,
} from './linear-canvas';

export interface LabelMark {
  shape: 'rect' | 'ellipse';
  /** in label coordinates (px from the label's top-left) */
  x: number;
  y: number;
  width: number;
  height: number;
  colour: Srgb;
}

export interface PackDesign {
  kind: 'can' | 'pouch';
  /** the pack's size in reference pixels */
  width: number;
  height: number;
  bodyColour: Srgb;
  labelColour: Srgb;
  /** the label panel in reference pixels */
  labelBox: PixelBox;
  marks: LabelMark[];
  /**
   * print on the pack body outside the label (pack coordinates): a brand band above the label and a
   * line of small print below it, as real cans and pouches carry; absent in designs made before it
   */
  bodyMarks?: LabelMark[];
  ean: string;
  /** the barcode's top-left in label coordinates, its module width and bar height in px */
  barcode: { x: number; y: number; moduleWidth: number; barHeight: number };
}

/** How the label is placed on a (possibly defective) pack, relative to the design. */
export interface LabelPlacement {
  dxPx: number;
  dyPx: number;
  rotationDeg: number;
  missing: boolean;
}

export const exactPlacement: LabelPlacement = { dxPx: 0, dyPx: 0, rotationDeg: 0, missing: false };

const bodyColours: Srgb[] = [
  [176, 32, 38],
  [30, 70, 140],
  [40, 120, 60],
  [200, 150, 30],
  [150, 150, 158],
  [95, 45, 110],
];
const labelColours: Srgb[] = [
  [226, 214, 180],
  [220, 196, 60],
  [120, 190, 220],
  [230, 150, 90],
  [205, 222, 170],
];
const inkColours: Srgb[] = [
  [25, 25, 30],
  [120, 20, 30],
  [20, 50, 110],
];

/** A random design; `width`/`height` give the pack's size in reference pixels (default 480 x 640). */
export function randomPackDesign(
  random: Random,
  size: { width?: number; height?: number } = {},
): PackDesign {
  const width = size.width ?? 480;
  const height = size.height ?? 640;
  if (!Number.isInteger(width) || width < 240)
    throw new RangeError(`width: expected an integer >= 240, got ${width}`);
  if (!Number.isInteger(height) || height < 240)
    throw new RangeError(`height: expected an integer >= 240, got ${height}`);
  const kind = random.chance(0.5) ? 'can' : 'pouch';
  const bodyColour = random.pick(bodyColours);
  const labelColour = random.pick(labelColours);
  const ink = random.pick(inkColours);
  const accent = random.pick(bodyColours.filter((colour) => colour !== bodyColour));
  const labelBox: PixelBox = {
    x: Math.round(width * 0.08),
    y: Math.round(height * random.uniform(0.18, 0.24)),
    width: Math.round(width * 0.84),
    height: Math.round(height * 0.58),
  };
  const labelWidth = labelBox.width;
  const labelHeight = labelBox.height;
  const marks: LabelMark[] = [];
  // logo: an accent disc with a ring of the label colour and a smaller disc inside
  const logoX = labelWidth * 0.06;
  const logoY = labelHeight * 0.06;
  const logoSize = labelWidth * random.uniform(0.22, 0.28);
  marks.push({
    shape: 'ellipse',
    x: logoX,
    y: logoY,
    width: logoSize,
    height: logoSize * 0.8,
    colour: accent,
  });
  marks.push({
    shape: 'ellipse',
    x: logoX + logoSize * 0.2,
    y: logoY + logoSize * 0.16,
    width: logoSize * 0.6,
    height: logoSize * 0.48,
    colour: labelColour,
  });
  marks.push({
    shape: 'rect',
    x: logoX + logoSize * 0.3,
    y: logoY + logoSize * 0.3,
    width: logoSize * 0.4,
    height: logoSize * 0.2,
    colour: accent,
  });
  // text: lines of word-like blocks (a title line, then body lines)
  const lines: Array<{ y: number; height: number; from: number; to: number }> = [
    { y: 0.08, height: 0.07, from: 0.4, to: 0.94 },
    { y: 0.19, height: 0.04, from: 0.4, to: 0.9 },
    { y: 0.36, height: 0.035, from: 0.06, to: 0.94 },
    { y: 0.43, height: 0.035, from: 0.06, to: 0.94 },
    { y: 0.5, height: 0.035, from: 0.06, to: 0.8 },
    { y: 0.62, height: 0.03, from: 0.06, to: 0.36 },
    { y: 0.68, height: 0.03, from: 0.06, to: 0.34 },
    { y: 0.74, height: 0.03, from: 0.06, to: 0.3 },
  ];
  for (const line of lines) {
    let x = line.from * labelWidth;
    const end = line.to * labelWidth;
    while (x < end - 6) {
      const wordWidth = Math.min(end - x, random.uniform(0.05, 0.16) * labelWidth);
      marks.push({
        shape: 'rect',
        x,
        y: line.y * labelHeight,
        width: wordWidth,
        height: line.height * labelHeight,
        colour: ink,
      });
      x += wordWidth + random.uniform(0.015, 0.03) * labelWidth;
    }
  }
  let digits = '775';
  for (let index = 0; index < 9; index += 1) digits += String(random.int(0, 9));
  const ean = digits + String(ean13CheckDigit(digits));
  const moduleWidth = Math.max(1, Math.floor((labelWidth * 0.5) / (ean13Modules + 18)));
  const barcode = {
    x: Math.round(labelWidth * 0.42),
    y: Math.round(labelHeight * 0.62),
    moduleWidth,
    barHeight: Math.round(labelHeight * 0.25),
  };
  const bodyMarks = randomBodyMarks(random, width, height, labelBox, accent, ink);
  return { kind, width, height, bodyColour, labelColour, labelBox, marks, bodyMarks, ean, barcode };
}

/**
 * The body's own print (drawn after the label's marks so earlier draws stay the same): a band with
 * the brand's word blocks between the top of the pack and the label, and a line of small print
 * (net weight, company) below the label.
 */
function randomBodyMarks(
  random: Random,
  width: number,
  height: number,
  labelBox: PixelBox,
  accent: Srgb,
  ink: Srgb,
): LabelMark[] {
  const marks: LabelMark[] = [];
  const bandTop = labelBox.y * random.uniform(0.25, 0.35);
  const bandHeight = labelBox.y * random.uniform(0.4, 0.5);
  marks.push({ shape: 'rect', x: 0, y: bandTop, width, height: bandHeight, colour: accent });
  const words = (top: number, lineHeight: number, from: number, to: number, colour: Srgb) => {
    let x = from * width;
    while (x < to * width - 6) {
      const wordWidth = Math.min(to * width - x, random.uniform(0.06, 0.14) * width);
      marks.push({ shape: 'rect', x, y: top, width: wordWidth, height: lineHeight, colour });
      x += wordWidth + random.uniform(0.02, 0.04) * width;
    }
  };
  words(
    bandTop + bandHeight * 0.25,
    bandHeight * 0.5,
    random.uniform(0.15, 0.3),
    0.8,
    [235, 232, 225],
  );
  const below = labelBox.y + labelBox.height;
  const smallTop = below + (height - below) * random.uniform(0.3, 0.45);
  words(smallTop, (height - below) * 0.12, 0.12, random.uniform(0.6, 0.88), ink);
  return marks;
}

function drawMark(canvas: LinearCanvas, mark: LabelMark): void {
  if (mark.shape === 'rect') fillRect(canvas, mark.x, mark.y, mark.width, mark.height, mark.colour);
  else
    fillEllipse(
      canvas,
      mark.x + mark.width / 2,
      mark.y + mark.height / 2,
      mark.width / 2,
      mark.height / 2,
      mark.colour,
    );
}

/** The label panel alone (label coordinates), with its barcode on a white quiet-zone patch. */
export function renderLabel(design: PackDesign): LinearCanvas {
  const { labelBox, barcode } = design;
  const label = createCanvas(labelBox.width, labelBox.height, design.labelColour);
  for (const mark of design.marks) drawMark(label, mark);
  const modules = encodeEan13(completeEan13(design.ean));
  const quiet = 9 * barcode.moduleWidth;
  const patchWidth = ean13Modules * barcode.moduleWidth + 2 * quiet;
  fillRect(
    label,
    barcode.x,
    barcode.y,
    patchWidth,
    barcode.barHeight + 4 * barcode.moduleWidth,
    [228, 228, 225],
  );
  modules.forEach((bar, index) => {
    if (bar === 1) {
      fillRect(
        label,
        barcode.x + quiet + index * barcode.moduleWidth,
        barcode.y + 2 * barcode.moduleWidth,
        barcode.moduleWidth,
        barcode.barHeight,
        [12, 12, 12],
      );
    }
  });
  return label;
}

/** Shading of the pack body at column x: a cylinder for a can, a flat panel with soft edges for a pouch. */
export function bodyShading(design: PackDesign, x: number): number {
  const u = (x + 0.5) / design.width - 0.5;
  if (design.kind === 'can') return 0.55 + 0.45 * Math.cos(u * Math.PI * 0.9);
  return 1 - 0.25 * Math.pow(Math.abs(u) * 2, 6);
}

/** The pack (reference frame) with the label placed as given; shading applied to body and label. */
export function renderPack(
  design: PackDesign,
  placement: LabelPlacement = exactPlacement,
): LinearCanvas {
  const pack = createCanvas(design.width, design.height, design.bodyColour);
  for (const mark of design.bodyMarks ?? []) drawMark(pack, mark);
  if (!placement.missing) {
    const label = renderLabel(design);
    const { labelBox } = design;
    const centreX = labelBox.x + labelBox.width / 2 + placement.dxPx;
    const centreY = labelBox.y + labelBox.height / 2 + placement.dyPx;
    const angle = (placement.rotationDeg * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const sample = new Float32Array(3);
    const reach = Math.hypot(labelBox.width, labelBox.height) / 2 + 2;
    const y0 = Math.max(0, Math.floor(centreY - reach));
    const y1 = Math.min(design.height, Math.ceil(centreY + reach));
    const x0 = Math.max(0, Math.floor(centreX - reach));
    const x1 = Math.min(design.width, Math.ceil(centreX + reach));
    for (let y = y0; y < y1; y += 1) {
      for (let x = x0; x < x1; x += 1) {
        // inverse rotation about the label's centre, into label coordinates
        const px = x + 0.5 - centreX;
        const py = y + 0.5 - centreY;
        const lx = cos * px + sin * py + labelBox.width / 2;
        const ly = -sin * px + cos * py + labelBox.height / 2;
        if (lx < 0 || ly < 0 || lx >= labelBox.width || ly >= labelBox.height) continue;
        sampleBilinear(label, lx, ly, sample, 0);
        const index = (y * design.width + x) * 3;
        pack.data[index] = sample[0]!;
        pack.data[index + 1] = sample[1]!;
        pack.data[index + 2] = sample[2]!;
      }
    }
  }
  for (let x = 0; x < design.width; x += 1) {
    const shade = bodyShading(design, x);
    for (let y = 0; y < design.height; y += 1) {
      const index = (y * design.width + x) * 3;
      pack.data[index]! *= shade;
      pack.data[index + 1]! *= shade;
      pack.data[index + 2]! *= shade;
    }
  }
  return pack;
}

/** The golden reference: the pack front-on, evenly lit, label exactly where the design puts it. */
export function renderReferencePack(design: PackDesign): {
  image: RgbaImage;
  labelBox: PixelBox;
  ean: string;
} {
  return {
    image: canvasToRgba(renderPack(design)),
    labelBox: { ...design.labelBox },
    ean: design.ean,
  };
}
