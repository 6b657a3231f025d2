// Colour deviation of the printed label: CIEDE2000 (Sharma, Wu & Dalal 2005) between the photo,
// already aligned to the golden reference, and the reference, over the label region. Both are
// averaged in linear light over small cells first (so sensor noise and a pixel of misregistration
// at ink edges do not count as colour), and the photo is scaled by one linear-light gain that
// matches its mean luminance to the reference's: a brighter or dimmer exposure multiplies R, G and B
// alike and leaves chromaticity unchanged, so it is undone; a colour cast or a wrong ink changes the
// channels unequally and remains. The gain is bounded (at most 1.6x either way) and reported, so a
// grossly darker or lighter print still fails.
import { ciede2000 } from './colour/ciede2000';
import { type Lab, linearRgbToLab, srgbToLinearTable } from './colour/lab';
import type { CheckResult } from './check-result';
import { connectedComponents } from './connected-components';
import { assertRgbaImage } from './grey';
import type { PixelBox, RgbaImage } from './image';
import type { QcTolerances } from './qc-spec';

/** Chosen on generated photos (seed 101) and verified on another seed (see quality-checks-evaluation.test.ts). */
export const defaultColourTolerance: Pick<QcTolerances, 'colourMaxDeltaE'> = { colourMaxDeltaE: 3 };

/** The largest exposure gain the check compensates (and its inverse). */
export const colourMaxGainCorrection = 1.6;
/** The number of cells along the label's short side. */
const cellsOnShortSide = 40;

export interface ColourMeasurement {
  meanDeltaE: number;
  /** median over the cells: a local stain or tear moves it little, a colour cast moves it all */
  medianDeltaE: number;
  p95DeltaE: number;
  /** the linear-light gain applied to the photo to match the reference's mean luminance */
  gain: number;
  /** the cells' ΔE00, row by row, and the grid's size and cell size in px */
  cellDeltaE: Float32Array;
  columns: number;
  rows: number;
  cellSize: number;
}

function cellMeans(
  image: RgbaImage,
  box: PixelBox,
  cellSize: number,
  columns: number,
  rows: number,
): Float64Array {
  const sums = new Float64Array(columns * rows * 3);
  const counts = new Float64Array(columns * rows);
  for (let y = box.y; y < box.y + rows * cellSize; y += 1) {
    const row = ((y - box.y) / cellSize) | 0;
    for (let x = box.x; x < box.x + columns * cellSize; x += 1) {
      const cell = row * columns + (((x - box.x) / cellSize) | 0);
      const byte = (y * image.width + x) * 4;
      sums[cell * 3]! += srgbToLinearTable[image.data[byte]!]!;
      sums[cell * 3 + 1]! += srgbToLinearTable[image.data[byte + 1]!]!;
      sums[cell * 3 + 2]! += srgbToLinearTable[image.data[byte + 2]!]!;
      counts[cell]! += 1;
    }
  }
  for (let cell = 0; cell < counts.length; cell += 1) {
    for (let channel = 0; channel < 3; channel += 1) sums[cell * 3 + channel]! /= counts[cell]!;
  }
  return sums;
}

function luminanceSum(cells: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < cells.length; index += 3) {
    sum += 0.2126729 * cells[index]! + 0.7151522 * cells[index + 1]! + 0.072175 * cells[index + 2]!;
  }
  return sum;
}

function checkBox(box: PixelBox, image: RgbaImage): void {
  const valid =
    box !== null &&
    typeof box === 'object' &&
    [box.x, box.y, box.width, box.height].every(Number.isInteger) &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.width >= 4 &&
    box.height >= 4 &&
    box.x + box.width <= image.width &&
    box.y + box.height <= image.height;
  if (!valid) {
    throw new RangeError(
      `labelBox: expected integer x, y, width, height (>= 4 px) inside the ${image.width}x${image.height} reference, got ${JSON.stringify(box)}`,
    );
  }
}

/** ΔE00 per cell of the label region after exposure compensation. */
export function measureColourDeviation(
  alignedPhoto: RgbaImage,
  reference: RgbaImage,
  labelBox: PixelBox,
): ColourMeasurement {
  assertRgbaImage(alignedPhoto, 'alignedPhoto');
  assertRgbaImage(reference, 'reference');
  if (alignedPhoto.width !== reference.width || alignedPhoto.height !== reference.height) {
    throw new RangeError(
      `alignedPhoto: must be aligned to the reference (same size ${reference.width}x${reference.height}), got ${alignedPhoto.width}x${alignedPhoto.height}`,
    );
  }
  checkBox(labelBox, reference);
  const cellSize = Math.max(
    1,
    Math.floor(Math.min(labelBox.width, labelBox.height) / cellsOnShortSide),
  );
  const columns = Math.floor(labelBox.width / cellSize);
  const rows = Math.floor(labelBox.height / cellSize);
  const photoCells = cellMeans(alignedPhoto, labelBox, cellSize, columns, rows);
  const referenceCells = cellMeans(reference, labelBox, cellSize, columns, rows);
  const photoLuminance = luminanceSum(photoCells);
  const rawGain =
    photoLuminance > 0 ? luminanceSum(referenceCells) / photoLuminance : colourMaxGainCorrection;
  const gain = Math.min(colourMaxGainCorrection, Math.max(1 / colourMaxGainCorrection, rawGain));
  const cellDeltaE = new Float32Array(columns * rows);
  for (let cell = 0; cell < cellDeltaE.length; cell += 1) {
    const offset = cell * 3;
    const photoLab: Lab = linearRgbToLab(
      Math.min(1, photoCells[offset]! * gain),
      Math.min(1, photoCells[offset + 1]! * gain),
      Math.min(1, photoCells[offset + 2]! * gain),
    );
    const referenceLab = linearRgbToLab(
      referenceCells[offset]!,
      referenceCells[offset + 1]!,
      referenceCells[offset + 2]!,
    );
    cellDeltaE[cell] = ciede2000(referenceLab, photoLab);
  }
  const sorted = Float32Array.from(cellDeltaE).sort();
  const meanDeltaE = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const p95DeltaE = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  const medianDeltaE = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { meanDeltaE, medianDeltaE, p95DeltaE, gain, cellDeltaE, columns, rows, cellSize };
}

export function checkColour(
  alignedPhoto: RgbaImage,
  reference: RgbaImage,
  labelBox: PixelBox,
  tolerances: Pick<QcTolerances, 'colourMaxDeltaE'>,
): CheckResult {
  const threshold = tolerances.colourMaxDeltaE;
  if (!(threshold > 0) || !Number.isFinite(threshold)) {
    throw new RangeError(`tolerances.colourMaxDeltaE: expected a number > 0, got ${threshold}`);
  }
  const measurement = measureColourDeviation(alignedPhoto, reference, labelBox);
  const { meanDeltaE, medianDeltaE, p95DeltaE, gain } = measurement;
  const measured =
    `median ΔE00 ${medianDeltaE.toFixed(2)} (maximum ${threshold}), mean ${meanDeltaE.toFixed(2)}, 95th percentile ${p95DeltaE.toFixed(2)}, ` +
    `after an exposure gain of ${gain.toFixed(2)}`;
  // judged on the median cell: a tear, stain or dent changes a few cells' colour (the structure
  // check's finding), a colour deviation changes most of them (seed 1: damaged labels' medians
  // 1.44 or less with means up to 7.3; colour casts' medians 3.8 or more)
  if (medianDeltaE <= threshold) {
    return {
      check: 'colour',
      status: 'pass',
      score: medianDeltaE,
      threshold,
      message: `Label colours match the reference: ${measured}.`,
      findings: [],
      ms: 0,
    };
  }
  // where: the bounding box of the largest group of cells above the tolerance
  const { columns, rows, cellSize, cellDeltaE } = measurement;
  const mask = Uint8Array.from(cellDeltaE, (value) => (value > threshold ? 1 : 0));
  const { components } = connectedComponents(mask, columns, rows);
  const largest = components.reduce<(typeof components)[number] | undefined>(
    (best, component) => (best === undefined || component.area > best.area ? component : best),
    undefined,
  );
  const box: PixelBox =
    largest === undefined
      ? { ...labelBox }
      : {
          x: labelBox.x + largest.box.x * cellSize,
          y: labelBox.y + largest.box.y * cellSize,
          width: largest.box.width * cellSize,
          height: largest.box.height * cellSize,
        };
  const message = `Label colours deviate from the reference: ${measured}. Check the print run or the lighting's colour (white balance) and retake the photo if the light was coloured.`;
  return {
    check: 'colour',
    status: 'fail',
    score: medianDeltaE,
    threshold,
    message,
    findings: [
      {
        check: 'colour',
        type: 'colour_deviation',
        severity: medianDeltaE > 2 * threshold ? 'critical' : 'major',
        score: medianDeltaE,
        message,
        box,
      },
    ],
    ms: 0,
  };
}
