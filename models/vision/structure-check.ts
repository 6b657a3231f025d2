// Structural comparison of the aligned photo with the golden reference: SSIM (Wang et al. 2004) on
// images first shrunk by F = max(1, round(min(height, width) / 256)), as the authors' reference
// implementation (ssim.m) recommends for viewing-distance independence, after a least-squares
// gain/offset match of the photo's grey levels to the reference's so a change of light is not a
// difference. The heat map is 1 - SSIM smoothed; regions above 1 - structureMinSsim become boxes
// (connected components, tiny ones dropped, nearby ones merged). Naming the defect (dent, tear) is
// the vision model's job: these findings only say where the pack differs from the reference.
import type { CheckResult, Finding } from './check-result';
import type { GreyImage, PixelBox, RgbaImage } from './image';
import type { QcTolerances } from './qc-spec';
import { boxMean } from './align-image-ops';
import { connectedComponents } from './connected-components';
import { ssimMap } from './ssim';

export interface StructureCheckOptions {
  /** regions smaller than this fraction of the compared area are ignored (default 0.002) */
  minRegionFraction?: number;
  /** boxes closer than this fraction of the long side are merged (default 0.03) */
  mergeDistanceFraction?: number;
}

export type StructureCheckResult = CheckResult & {
  /** 1 - SSIM, smoothed, 0..1, at the reference's size (0 where not compared) */
  heatMap: GreyImage;
  /** mean SSIM over the compared pixels */
  meanSsim: number;
};

/**
 * Grey levels of both images averaged over factor x factor blocks, in one pass over the pixels, and
 * the fraction of each block that is compared (mask and photo coverage). The photo's levels get the
 * least-squares gain and offset that match them to the reference over the compared pixels; pixels
 * not compared take the reference's level, so they add no difference.
 */
function blockPair(
  aligned: RgbaImage,
  reference: RgbaImage,
  mask: Uint8Array | undefined,
  factor: number,
): { photo: GreyImage; golden: GreyImage; valid: GreyImage } {
  const width = Math.max(1, Math.floor(reference.width / factor));
  const height = Math.max(1, Math.floor(reference.height / factor));
  const blocks = width * height;
  const photoSum = new Float64Array(blocks);
  const goldenSum = new Float64Array(blocks);
  const goldenOutside = new Float64Array(blocks);
  const validCount = new Float64Array(blocks);
  let n = 0;
  let sp = 0;
  let sg = 0;
  let spp = 0;
  let spg = 0;
  const a = aligned.data;
  const r = reference.data;
  for (let y = 0; y < height * factor; y += 1) {
    const blockRow = Math.floor(y / factor) * width;
    let index = y * reference.width;
    let pixel = index * 4;
    for (let x = 0; x < width * factor; x += 1, index += 1, pixel += 4) {
      const block = blockRow + Math.floor(x / factor);
      const g = 0.299 * r[pixel]! + 0.587 * r[pixel + 1]! + 0.114 * r[pixel + 2]!;
      goldenSum[block] = goldenSum[block]! + g;
      if (a[pixel + 3] === 0 || (mask && mask[index] === 0)) {
        goldenOutside[block] = goldenOutside[block]! + g;
        continue;
      }
      const p = 0.299 * a[pixel]! + 0.587 * a[pixel + 1]! + 0.114 * a[pixel + 2]!;
      photoSum[block] = photoSum[block]! + p;
      validCount[block] = validCount[block]! + 1;
      n += 1;
      sp += p;
      sg += g;
      spp += p * p;
      spg += p * g;
    }
  }
  const variance = n > 0 ? spp / n - (sp / n) ** 2 : 0;
  const gain = variance > 1e-6 ? (spg / n - (sp / n) * (sg / n)) / variance : 1;
  // a gain far from 1 is no longer "lighting": keep it within [0.5, 2]
  const boundedGain = Math.min(2, Math.max(0.5, gain));
  const offset = n > 0 ? sg / n - boundedGain * (sp / n) : 0;
  const area = factor * factor;
  const photo = new Float32Array(blocks);
  const golden = new Float32Array(blocks);
  const valid = new Float32Array(blocks);
  for (let block = 0; block < blocks; block += 1) {
    const count = validCount[block]!;
    photo[block] = (boundedGain * photoSum[block]! + offset * count + goldenOutside[block]!) / area;
    golden[block] = goldenSum[block]! / area;
    valid[block] = count / area;
  }
  return {
    photo: { width, height, data: photo },
    golden: { width, height, data: golden },
    valid: { width, height, data: valid },
  };
}

/** Bilinear enlargement of a block-averaged map back to width x height (edges clamped). */
function enlarge(map: GreyImage, factor: number, width: number, height: number): GreyImage {
  const data = new Float32Array(width * height);
  const offset = (factor - 1) / 2;
  const maxX = map.width - 1;
  const maxY = map.height - 1;
  const x0s = new Int32Array(width);
  const fxs = new Float32Array(width);
  for (let x = 0; x < width; x += 1) {
    const sx = Math.min(maxX, Math.max(0, (x - offset) / factor));
    x0s[x] = Math.min(Math.floor(sx), Math.max(0, maxX - 1));
    fxs[x] = sx - x0s[x]!;
  }
  const right = map.width > 1 ? 1 : 0;
  for (let y = 0; y < height; y += 1) {
    const sy = Math.min(maxY, Math.max(0, (y - offset) / factor));
    const y0 = Math.min(Math.floor(sy), Math.max(0, maxY - 1));
    const fy = sy - y0;
    const top = y0 * map.width;
    const below = map.height > 1 ? top + map.width : top;
    for (let x = 0; x < width; x += 1) {
      const x0 = x0s[x]!;
      const fx = fxs[x]!;
      const a = map.data[top + x0]!;
      const b = map.data[top + x0 + right]!;
      const c = map.data[below + x0]!;
      const d = map.data[below + x0 + right]!;
      data[y * width + x] = (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
    }
  }
  return { width, height, data };
}

function mergeBoxes(boxes: PixelBox[], distance: number): PixelBox[] {
  const merged = boxes.map((box) => ({ ...box }));
  let changed = true;
  while (changed) {
    changed = false;
    outer: for (let i = 0; i < merged.length; i += 1) {
      for (let j = i + 1; j < merged.length; j += 1) {
        const a = merged[i]!;
        const b = merged[j]!;
        const gapX = Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width));
        const gapY = Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.height, b.y + b.height));
        if (gapX <= distance && gapY <= distance) {
          const x = Math.min(a.x, b.x);
          const y = Math.min(a.y, b.y);
          merged[i] = {
            x,
            y,
            width: Math.max(a.x + a.width, b.x + b.width) - x,
            height: Math.max(a.y + a.height, b.y + b.height) - y,
          };
          merged.splice(j, 1);
          changed = true;
          break outer;
        }
      }
    }
  }
  return merged;
}

/**
 * SSIM of the aligned photo against the reference, with the regions that differ. `mask` (reference
 * size, 1 = compare) leaves out regions other checks own; pixels the photo does not cover are left
 * out too. Boxes are in reference pixels; `ms` is left 0 for the caller (models/ has no clock).
 */
export function checkStructure(
  aligned: RgbaImage,
  reference: RgbaImage,
  tolerances: Pick<QcTolerances, 'structureMinSsim'>,
  mask?: Uint8Array,
  options: StructureCheckOptions = {},
): StructureCheckResult {
  if (aligned.width !== reference.width || aligned.height !== reference.height) {
    throw new RangeError(
      `aligned: ${aligned.width}x${aligned.height} must have the reference's size ${reference.width}x${reference.height} (align the photo first)`,
    );
  }
  if (mask && mask.length !== reference.width * reference.height) {
    throw new RangeError(
      `mask: has ${mask.length} entries, expected ${reference.width * reference.height}`,
    );
  }
  const minSsim = tolerances.structureMinSsim;
  if (!(minSsim > -1 && minSsim < 1)) {
    throw new RangeError(`tolerances.structureMinSsim: ${minSsim} must lie between -1 and 1`);
  }
  const minRegionFraction = options.minRegionFraction ?? 0.002;
  const mergeFraction = options.mergeDistanceFraction ?? 0.03;
  const factor = Math.max(1, Math.round(Math.min(reference.width, reference.height) / 256));
  const { photo, golden, valid } = blockPair(aligned, reference, mask, factor);
  const { width, height } = photo;
  const { map } = ssimMap(photo, golden);
  const heat = new Float32Array(width * height);
  let total = 0;
  let count = 0;
  for (let index = 0; index < heat.length; index += 1) {
    if (valid.data[index]! < 0.999) continue;
    const value = map.data[index]!;
    heat[index] = Math.min(1, Math.max(0, 1 - value));
    total += value;
    count += 1;
  }
  if (count === 0) {
    throw new RangeError(
      'mask: leaves no pixel of the aligned photo to compare with the reference',
    );
  }
  const meanSsim = total / count;
  const smoothed = boxMean({ width, height, data: heat }, 1);
  const limit = 1 - minSsim;
  const differs = new Uint8Array(width * height);
  for (let index = 0; index < differs.length; index += 1) {
    if (valid.data[index]! >= 0.999 && smoothed.data[index]! > limit) differs[index] = 1;
  }
  const minArea = Math.max(4, Math.round(minRegionFraction * count));
  const { components, labels } = connectedComponents(differs, width, height, { minArea });
  const regionSsim = new Map<number, { total: number; count: number }>();
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index]!;
    if (label === 0) continue;
    const entry = regionSsim.get(label) ?? { total: 0, count: 0 };
    entry.total += map.data[index]!;
    entry.count += 1;
    regionSsim.set(label, entry);
  }
  const scaleBox = (box: PixelBox): PixelBox => ({
    x: box.x * factor,
    y: box.y * factor,
    width: Math.min(reference.width - box.x * factor, box.width * factor),
    height: Math.min(reference.height - box.y * factor, box.height * factor),
  });
  const boxes = mergeBoxes(
    components.map((component) => component.box),
    mergeFraction * Math.max(width, height),
  );
  const findings: Finding[] = boxes.map((box) => {
    let sum = 0;
    let pixels = 0;
    for (const component of components) {
      const c = component.box;
      if (
        c.x >= box.x &&
        c.y >= box.y &&
        c.x + c.width <= box.x + box.width &&
        c.y + c.height <= box.y + box.height
      ) {
        const entry = regionSsim.get(component.label)!;
        sum += entry.total;
        pixels += entry.count;
      }
    }
    const regionMean = pixels > 0 ? sum / pixels : 0;
    const areaFraction = (box.width * box.height) / count;
    const full = scaleBox(box);
    return {
      check: 'structure',
      type: 'structural_difference',
      severity: areaFraction > 0.05 ? 'major' : 'minor',
      score: regionMean,
      message: `The pack differs from the reference in a ${full.width}x${full.height} px region at (${full.x}, ${full.y}): SSIM ${regionMean.toFixed(2)} there, below ${minSsim}.`,
      box: full,
    };
  });
  if (findings.length === 0 && meanSsim < minSsim) {
    findings.push({
      check: 'structure',
      type: 'structural_difference',
      severity: 'major',
      score: meanSsim,
      message: `The pack differs from the reference throughout: mean SSIM ${meanSsim.toFixed(2)}, below ${minSsim}; check the SKU and the photo.`,
    });
  }
  const heatMap =
    factor === 1
      ? { width, height, data: smoothed.data }
      : enlarge({ width, height, data: smoothed.data }, factor, reference.width, reference.height);
  const status = findings.length === 0 ? 'pass' : 'fail';
  return {
    check: 'structure',
    status,
    score: meanSsim,
    threshold: minSsim,
    message:
      status === 'pass'
        ? `Pack matches the reference: mean SSIM ${meanSsim.toFixed(3)}, no region below ${minSsim}.`
        : findings.length === 1
          ? findings[0]!.message
          : `The pack differs from the reference in ${findings.length} regions (mean SSIM ${meanSsim.toFixed(3)}).`,
    findings,
    ms: 0,
    heatMap,
    meanSsim,
  };
}
