// Label presence, offset and rotation: the reference's label (its box in the golden image) is found
// in the aligned photo by a normalised cross-correlation search over shifts and rotations on a small
// image (Lewis 1995), then refined to sub-pixel precision by a robust Euclidean Lucas-Kanade fit
// (Baker & Matthews 2004) coarse to fine. The pack is already aligned on its body (align.ts), so the
// fitted motion is the label's own displacement on the pack.
import type { CheckResult, Finding } from './check-result';
import type { GreyImage, PixelBox, RgbaImage } from './image';
import type { QcTolerances } from './qc-spec';
import { cropGrey, downsampleBy } from './align-image-ops';
import { balancingGains, channelMeans, type ChannelGains } from './channel-balance';
import { coarseSearch } from './align-coarse';
import { refineWarp } from './align-refine';
import { applyMatrix3, multiplyMatrix3, type Matrix3 } from './warp';

export interface LabelMeasurement {
  /** normalised cross-correlation of the reference label with where it was found */
  correlation: number;
  present: boolean;
  /** label centre displacement in reference pixels (photo minus reference) */
  dx: number;
  dy: number;
  offsetPx: number;
  /** rotation of the label on the pack in degrees, positive = clockwise as seen in the image (y down) */
  rotationDeg: number;
  /** where the label was found, in the reference frame */
  foundBox: PixelBox;
}

export interface LabelCheckOptions {
  /** below this correlation the label counts as missing (default 0.5) */
  minPresenceCorrelation?: number;
  /** largest displacement searched, in reference pixels (default 40% of the label's shorter side) */
  searchRadiusPx?: number;
}

export const defaultMinLabelCorrelation = 0.5;

/** Grey levels of a window of the image, NaN where the aligned photo has no pixels (alpha 0). */
function greyWithHoles(
  image: RgbaImage,
  window: PixelBox,
  gains: ChannelGains = [1, 1, 1],
): GreyImage {
  const red = 0.299 * gains[0];
  const green = 0.587 * gains[1];
  const blue = 0.114 * gains[2];
  const { width, height } = window;
  const out = new Float32Array(width * height);
  const data = image.data;
  for (let y = 0; y < height; y += 1) {
    let pixel = ((y + window.y) * image.width + window.x) * 4;
    for (let x = 0; x < width; x += 1, pixel += 4) {
      out[y * width + x] =
        data[pixel + 3] === 0
          ? Number.NaN
          : red * data[pixel]! + green * data[pixel + 1]! + blue * data[pixel + 2]!;
    }
  }
  return { width, height, data: out };
}

/** NaN-aware block average (NaN when the whole block is NaN). */
function downsampleWithHoles(image: GreyImage, factor: number): GreyImage {
  if (factor === 1) return image;
  const holes = image.data.some((value) => Number.isNaN(value));
  if (!holes) return downsampleBy(image, factor);
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let total = 0;
      let count = 0;
      for (let dy = 0; dy < factor; dy += 1) {
        for (let dx = 0; dx < factor; dx += 1) {
          const value = image.data[(y * factor + dy) * image.width + x * factor + dx]!;
          if (!Number.isNaN(value)) {
            total += value;
            count += 1;
          }
        }
      }
      out[y * width + x] = count > 0 ? total / count : Number.NaN;
    }
  }
  return { width, height, data: out };
}

function checkInputs(aligned: RgbaImage, reference: RgbaImage, labelBox: PixelBox): void {
  if (aligned.width !== reference.width || aligned.height !== reference.height) {
    throw new RangeError(
      `aligned: ${aligned.width}x${aligned.height} must have the reference's size ${reference.width}x${reference.height} (align the photo first)`,
    );
  }
  const { x, y, width, height } = labelBox;
  if (
    ![x, y, width, height].every(Number.isFinite) ||
    width < 8 ||
    height < 8 ||
    x < 0 ||
    y < 0 ||
    x + width > reference.width ||
    y + height > reference.height
  ) {
    throw new RangeError(
      `labelBox: (${x}, ${y}, ${width}x${height}) must be at least 8x8 px and inside the reference (${reference.width}x${reference.height})`,
    );
  }
}

/**
 * Finds the reference label in the aligned photo: presence, displacement and rotation. When the
 * label is not found as the photo is, it is searched again with the photo's channel balance matched
 * to the reference's over the search window (a colour cast must not hide it).
 */
export function measureLabel(
  aligned: RgbaImage,
  reference: RgbaImage,
  labelBoxInReference: PixelBox,
  options: LabelCheckOptions = {},
): LabelMeasurement {
  checkInputs(aligned, reference, labelBoxInReference);
  const plain = measureLabelWith(aligned, reference, labelBoxInReference, options, false);
  if (plain.present) return plain;
  const balanced = measureLabelWith(aligned, reference, labelBoxInReference, options, true);
  return balanced.correlation > plain.correlation ? balanced : plain;
}

function measureLabelWith(
  aligned: RgbaImage,
  reference: RgbaImage,
  labelBoxInReference: PixelBox,
  options: LabelCheckOptions,
  balance: boolean,
): LabelMeasurement {
  let labelBox = labelBoxInReference;
  const minCorrelation = options.minPresenceCorrelation ?? defaultMinLabelCorrelation;
  const radius =
    options.searchRadiusPx ?? Math.max(8, 0.4 * Math.min(labelBox.width, labelBox.height));
  // work on the search window only: the label box grown by the search radius
  const windowLeft = Math.max(0, Math.floor(labelBox.x - radius - 4));
  const windowTop = Math.max(0, Math.floor(labelBox.y - radius - 4));
  const windowRight = Math.min(
    reference.width,
    Math.ceil(labelBox.x + labelBox.width + radius + 4),
  );
  const windowBottom = Math.min(
    reference.height,
    Math.ceil(labelBox.y + labelBox.height + radius + 4),
  );
  const window: PixelBox = {
    x: windowLeft,
    y: windowTop,
    width: windowRight - windowLeft,
    height: windowBottom - windowTop,
  };
  const referenceGrey = greyWithHoles(reference, window);
  // matched with the reference's channel balance: a colour cast must not hide the label
  const gains = balance
    ? balancingGains(channelMeans(aligned, window), channelMeans(reference, window))
    : undefined;
  const photoGrey = greyWithHoles(aligned, window, gains);
  const fullLabelBox = labelBox;
  labelBox = { ...labelBox, x: labelBox.x - windowLeft, y: labelBox.y - windowTop };
  const longSide = Math.max(labelBox.width, labelBox.height);
  // coarse level: the label 24-48 px long; refine up to a label of at most ~256 px
  let coarseFactor = 1;
  while (longSide / (coarseFactor * 2) >= 24) coarseFactor *= 2;
  let fineFactor = 1;
  while (longSide / fineFactor > 256) fineFactor *= 2;
  // level pixel -> full-resolution pixel for a block factor, and back
  const toFull = (factor: number): Matrix3 => {
    const offset = (factor - 1) / 2;
    return [factor, 0, offset, 0, factor, offset, 0, 0, 1];
  };
  const toLevel = (factor: number): Matrix3 => {
    const offset = (factor - 1) / 2;
    return [1 / factor, 0, -offset / factor, 0, 1 / factor, -offset / factor, 0, 0, 1];
  };
  // the label's own motion on the pack, reference pixel -> aligned-photo pixel (full resolution)
  let motion: Matrix3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  let correlation = 0;
  let searched = false;
  // pyramid of the window: the finest level first, each coarser one by halving the previous
  const pyramid = new Map<number, { reference: GreyImage; photo: GreyImage }>();
  let referenceLevelImage = downsampleWithHoles(referenceGrey, fineFactor);
  let photoLevelImage = downsampleWithHoles(photoGrey, fineFactor);
  for (let factor = fineFactor; factor <= coarseFactor; factor *= 2) {
    if (factor > fineFactor) {
      referenceLevelImage = downsampleWithHoles(referenceLevelImage, 2);
      photoLevelImage = downsampleWithHoles(photoLevelImage, 2);
    }
    pyramid.set(factor, { reference: referenceLevelImage, photo: photoLevelImage });
  }
  for (let factor = coarseFactor; factor >= fineFactor; factor /= 2) {
    const { reference: referenceLevel, photo: photoLevel } = pyramid.get(factor)!;
    const left = Math.round(labelBox.x / factor);
    const top = Math.round(labelBox.y / factor);
    const template = cropGrey(
      referenceLevel,
      left,
      top,
      Math.max(4, Math.round(labelBox.width / factor)),
      Math.max(4, Math.round(labelBox.height / factor)),
    );
    const templateToLevel: Matrix3 = [1, 0, left, 0, 1, top, 0, 0, 1];
    const levelToTemplate: Matrix3 = [1, 0, -left, 0, 1, -top, 0, 0, 1];
    // template pixel -> photo level pixel, for the current motion
    let matrix = multiplyMatrix3(
      multiplyMatrix3(multiplyMatrix3(toLevel(factor), motion), toFull(factor)),
      templateToLevel,
    );
    if (!searched) {
      matrix = coarseSearch(template, photoLevel, {
        anglesDeg: [-12, -9, -6, -4, -2, 0, 2, 4, 6, 9, 12],
        shiftX: radius / factor,
        shiftY: radius / factor,
        base: matrix,
      }).matrix;
      searched = true;
    }
    const refined = refineWarp(template, photoLevel, matrix, 'euclidean', {
      iterations: 30,
      tolerancePx: 0.01,
    });
    correlation = refined.coverage > 0.5 ? refined.correlation : 0;
    motion = multiplyMatrix3(
      multiplyMatrix3(multiplyMatrix3(toFull(factor), refined.matrix), levelToTemplate),
      toLevel(factor),
    );
  }
  // back from window to reference coordinates
  motion = multiplyMatrix3(multiplyMatrix3([1, 0, windowLeft, 0, 1, windowTop, 0, 0, 1], motion), [
    1,
    0,
    -windowLeft,
    0,
    1,
    -windowTop,
    0,
    0,
    1,
  ]);
  labelBox = fullLabelBox;
  const centreX = labelBox.x + (labelBox.width - 1) / 2;
  const centreY = labelBox.y + (labelBox.height - 1) / 2;
  const [px, py] = applyMatrix3(motion, centreX, centreY);
  const dx = px - centreX;
  const dy = py - centreY;
  const rotationDeg = (Math.atan2(motion[3]!, motion[0]!) * 180) / Math.PI;
  const corners = [
    [labelBox.x, labelBox.y],
    [labelBox.x + labelBox.width, labelBox.y],
    [labelBox.x, labelBox.y + labelBox.height],
    [labelBox.x + labelBox.width, labelBox.y + labelBox.height],
  ].map(([x, y]) => applyMatrix3(motion, x!, y!));
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const boxLeft = Math.max(0, Math.min(...xs));
  const boxTop = Math.max(0, Math.min(...ys));
  return {
    correlation,
    present: correlation >= minCorrelation,
    dx,
    dy,
    offsetPx: Math.hypot(dx, dy),
    rotationDeg,
    foundBox: {
      x: boxLeft,
      y: boxTop,
      width: Math.min(reference.width, Math.max(...xs)) - boxLeft,
      height: Math.min(reference.height, Math.max(...ys)) - boxTop,
    },
  };
}

/**
 * The label check: `fail` with `label_missing` when the reference label is not found, with
 * `label_offset` / `label_misaligned` when it is moved or turned beyond the tolerances. Boxes are
 * in the reference's frame; `ms` is left 0 for the caller (models/ has no clock).
 */
export function checkLabel(
  aligned: RgbaImage,
  reference: RgbaImage,
  labelBox: PixelBox,
  tolerances: Pick<QcTolerances, 'labelMaxOffsetPx' | 'labelMaxRotationDeg'>,
  options: LabelCheckOptions = {},
): CheckResult & { measurement: LabelMeasurement } {
  const { labelMaxOffsetPx, labelMaxRotationDeg } = tolerances;
  if (!(labelMaxOffsetPx >= 0) || !(labelMaxRotationDeg >= 0)) {
    throw new RangeError(
      `tolerances: labelMaxOffsetPx (${labelMaxOffsetPx}) and labelMaxRotationDeg (${labelMaxRotationDeg}) must be non-negative numbers`,
    );
  }
  const minCorrelation = options.minPresenceCorrelation ?? defaultMinLabelCorrelation;
  const measurement = measureLabel(aligned, reference, labelBox, options);
  const findings: Finding[] = [];
  const offset = measurement.offsetPx;
  const rotation = measurement.rotationDeg;
  if (!measurement.present) {
    findings.push({
      check: 'label',
      type: 'label_missing',
      severity: 'critical',
      score: measurement.correlation,
      message: `Label not found: its best match with the reference label correlates ${measurement.correlation.toFixed(2)}, below ${minCorrelation}; check that the label is on the pack and is the right one.`,
      box: { ...labelBox },
    });
  } else {
    if (offset > labelMaxOffsetPx) {
      findings.push({
        check: 'label',
        type: 'label_offset',
        severity: offset > 3 * labelMaxOffsetPx ? 'major' : 'minor',
        score: offset,
        message: `Label is ${offset.toFixed(1)} px off its place (${measurement.dx.toFixed(1)} px across, ${measurement.dy.toFixed(1)} px down), more than the ${labelMaxOffsetPx} px allowed.`,
        box: measurement.foundBox,
      });
    }
    if (Math.abs(rotation) > labelMaxRotationDeg) {
      findings.push({
        check: 'label',
        type: 'label_misaligned',
        severity: Math.abs(rotation) > 3 * labelMaxRotationDeg ? 'major' : 'minor',
        score: Math.abs(rotation),
        message: `Label is turned ${Math.abs(rotation).toFixed(1)}° ${rotation > 0 ? 'clockwise' : 'anticlockwise'}, more than the ${labelMaxRotationDeg}° allowed.`,
        box: measurement.foundBox,
      });
    }
  }
  const status = findings.length === 0 ? 'pass' : 'fail';
  const message = !measurement.present
    ? findings[0]!.message
    : status === 'pass'
      ? `Label in place: ${offset.toFixed(1)} px off (limit ${labelMaxOffsetPx} px), turned ${Math.abs(rotation).toFixed(1)}° (limit ${labelMaxRotationDeg}°).`
      : findings.map((finding) => finding.message).join(' ');
  return {
    check: 'label',
    status,
    score: measurement.present ? offset : measurement.correlation,
    threshold: measurement.present ? labelMaxOffsetPx : minCorrelation,
    message,
    findings,
    ms: 0,
    measurement,
  };
}
