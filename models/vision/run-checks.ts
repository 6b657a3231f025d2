// The deterministic checks of one packaging photo in their order (issue 6, step 2): photo quality
// first (blur, exposure, glare), then, with a golden reference, alignment and colour, structure
// and label on the aligned photo, and the barcode against the SKU's EAN. The photo is analysed at
// a bounded size; every box is reported in the coordinates of the photo as given.
import { checkNames, type CheckName, type CheckResult, type Finding } from './check-result';
import type { GreyImage, PixelBox, RgbaImage } from './image';
import type { QcSpec, QcTolerances } from './qc-spec';
import { applyMatrix3 } from './warp';

/** A barcode read from the photo (tools/inspection/barcode-reader.ts), box in photo pixels. */
export interface DecodedBarcode {
  text: string;
  format: string;
  box?: PixelBox;
}

export interface AlignedPair {
  check: CheckResult;
  /** the photo warped into the reference's frame; absent when alignment failed */
  aligned?: RgbaImage;
  /** 3x3 row-major homography: reference pixel -> (analysed) photo pixel */
  transform?: readonly number[];
}

/** The check functions, so each can be replaced in tests and swapped for a better one. */
export interface DeterministicCheckSuite {
  blur(photo: RgbaImage, tolerances: QcTolerances): CheckResult;
  exposure(photo: RgbaImage, tolerances: QcTolerances): CheckResult;
  glare(photo: RgbaImage, tolerances: QcTolerances): CheckResult;
  align(photo: RgbaImage, reference: RgbaImage, spec: QcSpec): AlignedPair;
  colour(aligned: RgbaImage, reference: RgbaImage, spec: QcSpec): CheckResult;
  structure(
    aligned: RgbaImage,
    reference: RgbaImage,
    spec: QcSpec,
  ): { check: CheckResult; heatMap?: GreyImage };
  label(aligned: RgbaImage, reference: RgbaImage, spec: QcSpec): CheckResult;
  /** the blur check judged against the reference once aligned (absent: the photo-only result stands) */
  relativeBlur?(
    aligned: RgbaImage,
    reference: RgbaImage,
    spec: QcSpec,
    absolute: CheckResult,
  ): CheckResult;
  /**
   * A consistency check of the alignment once the structure is known: a fit that passed on its own
   * score but leaves the pack outside the label unlike the reference is returned as `inconclusive`
   * (absent: the alignment's own result stands). Label, colour and structure are then skipped.
   */
  confirmAlignment?(alignment: CheckResult, structure: CheckResult): CheckResult;
  /** boxes of the barcodes are already in photo pixels */
  barcode(barcodes: readonly DecodedBarcode[], ean: string): CheckResult;
}

export interface RunChecksInput {
  photo: RgbaImage;
  reference?: RgbaImage;
  spec: QcSpec;
  /** barcodes read from the photo; absent when no reader ran */
  barcodes?: readonly DecodedBarcode[];
}

export interface RunChecksOptions {
  /** the photo is shrunk to at most this long side before the checks (default 1024) */
  analysisLongSide?: number;
  /** a millisecond clock to time each check with (models/ reads none itself) */
  clock?: () => number;
}

export interface RunChecksResult {
  /** one result per check name, in `checkNames` order */
  checks: CheckResult[];
  /** the analysed photo in the reference's frame, when aligned */
  aligned?: RgbaImage;
  /** SSIM dissimilarity in the reference's frame, when the structure check made one */
  heatMap?: GreyImage;
  /** photo pixels per analysed pixel */
  scale: number;
}

export const defaultAnalysisLongSide = 1024;

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A check that did not run: score and threshold 0 (JSON has no NaN), the reason in `message`. */
function skipped(check: CheckName, message: string): CheckResult {
  return {
    check,
    status: 'skipped',
    score: 0,
    threshold: 0,
    message,
    findings: [],
    ms: 0,
  };
}

function scaleBox(box: PixelBox, scale: number, photo: RgbaImage): PixelBox {
  const x = Math.max(0, Math.round(box.x * scale));
  const y = Math.max(0, Math.round(box.y * scale));
  return {
    x,
    y,
    width: Math.min(photo.width - x, Math.round(box.width * scale)),
    height: Math.min(photo.height - y, Math.round(box.height * scale)),
  };
}

/** The bounding box, in analysed-photo pixels, of a reference-frame box mapped by the homography. */
export function mapBoxThrough(transform: readonly number[], box: PixelBox): PixelBox {
  const corners = [
    applyMatrix3(transform, box.x, box.y),
    applyMatrix3(transform, box.x + box.width, box.y),
    applyMatrix3(transform, box.x, box.y + box.height),
    applyMatrix3(transform, box.x + box.width, box.y + box.height),
  ];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

function withBoxes(result: CheckResult, toPhoto: (box: PixelBox) => PixelBox): CheckResult {
  const findings: Finding[] = result.findings.map((finding) =>
    finding.box === undefined ? finding : { ...finding, box: toPhoto(finding.box) },
  );
  return { ...result, findings };
}

/**
 * The photo shrunk by a whole factor, each output pixel the mean of a factor x factor block (the
 * last partial row and column of blocks are dropped, so output pixel (x, y) covers photo pixels
 * from (x, y) x factor exactly). One pass over the source: the 12-MP case must stay fast.
 */
export function shrinkByBlocks(photo: RgbaImage, factor: number): RgbaImage {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`factor: ${factor} must be a whole number of at least 1`);
  }
  const width = Math.max(1, Math.floor(photo.width / factor));
  const height = Math.max(1, Math.floor(photo.height / factor));
  const source = photo.data;
  const sums = new Uint32Array(width * 4);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  const rowStride = photo.width * 4;
  // one 32-bit read per pixel where the bytes allow it (aligned, little-endian: R in the low byte)
  const packed =
    littleEndian && source.byteOffset % 4 === 0
      ? new Uint32Array(source.buffer, source.byteOffset, source.length / 4)
      : undefined;
  for (let y = 0; y < height; y += 1) {
    sums.fill(0);
    for (let row = y * factor; row < (y + 1) * factor; row += 1) {
      let offset = row * rowStride;
      let pixel = row * photo.width;
      for (let x = 0; x < width; x += 1) {
        const target = x * 4;
        let red = 0;
        let green = 0;
        let blue = 0;
        let alpha = 0;
        if (packed !== undefined) {
          for (let step = 0; step < factor; step += 1) {
            const value = packed[pixel + step]!;
            red += value & 255;
            green += (value >>> 8) & 255;
            blue += (value >>> 16) & 255;
            alpha += value >>> 24;
          }
          pixel += factor;
        } else {
          for (let step = 0; step < factor; step += 1) {
            red += source[offset]!;
            green += source[offset + 1]!;
            blue += source[offset + 2]!;
            alpha += source[offset + 3]!;
            offset += 4;
          }
        }
        sums[target] = sums[target]! + red;
        sums[target + 1] = sums[target + 1]! + green;
        sums[target + 2] = sums[target + 2]! + blue;
        sums[target + 3] = sums[target + 3]! + alpha;
      }
    }
    const base = y * width * 4;
    for (let index = 0; index < width * 4; index += 1) {
      data[base + index] = Math.round(sums[index]! / area);
    }
  }
  return { width, height, data };
}

export function runDeterministicChecks(
  input: RunChecksInput,
  suite: DeterministicCheckSuite,
  options: RunChecksOptions = {},
): RunChecksResult {
  const { photo, reference, spec, barcodes } = input;
  if (
    photo === null ||
    typeof photo !== 'object' ||
    photo.data.length !== photo.width * photo.height * 4
  ) {
    throw new TypeError('photo: expected an RgbaImage whose data holds width x height x 4 values');
  }
  if (!Array.isArray(spec?.checks)) {
    throw new TypeError('spec: expected a QcSpec with a list of checks');
  }
  const longSide = options.analysisLongSide ?? defaultAnalysisLongSide;
  if (!Number.isInteger(longSide) || longSide < 64) {
    throw new RangeError(
      `options.analysisLongSide: ${longSide} must be a whole number of at least 64`,
    );
  }
  const clock = options.clock;
  const elapsed = (run: () => void): number => {
    const started = clock?.() ?? 0;
    run();
    return clock === undefined ? 0 : clock() - started;
  };
  const timed = (run: () => CheckResult): CheckResult => {
    let result: CheckResult | undefined;
    const ms = elapsed(() => (result = run()));
    return { ...(result as CheckResult), ms };
  };
  const timedPair = <T extends { check: CheckResult }>(run: () => T): T => {
    let result: T | undefined;
    const ms = elapsed(() => (result = run()));
    const done = result as T;
    return { ...done, check: { ...done.check, ms } };
  };

  const factor = Math.ceil(Math.max(photo.width, photo.height) / longSide);
  const analysed = factor > 1 ? shrinkByBlocks(photo, factor) : photo;
  const scale = factor;
  const fromAnalysed = (box: PixelBox) => scaleBox(box, scale, photo);
  const results = new Map<CheckName, CheckResult>();
  const applies = (check: CheckName) => spec.checks.includes(check);
  const notInSpec = (check: CheckName) => skipped(check, `not in the QC spec of ${spec.sku}`);

  const quality = { blur: suite.blur, exposure: suite.exposure, glare: suite.glare } as const;
  for (const name of ['blur', 'exposure', 'glare'] as const) {
    results.set(
      name,
      applies(name)
        ? withBoxes(
            timed(() => quality[name](analysed, spec.tolerances)),
            fromAnalysed,
          )
        : notInSpec(name),
    );
  }

  let aligned: RgbaImage | undefined;
  let heatMap: GreyImage | undefined;
  const referenceChecks = ['alignment', 'colour', 'structure', 'label'] as const;
  if (reference === undefined) {
    for (const name of referenceChecks) {
      results.set(
        name,
        applies(name)
          ? skipped(name, `no golden reference image for ${spec.sku}`)
          : notInSpec(name),
      );
    }
  } else {
    const pair = timedPair(() => suite.align(analysed, reference, spec));
    results.set('alignment', withBoxes(pair.check, fromAnalysed));
    const transform = pair.transform;
    const fromReference = (box: PixelBox) =>
      fromAnalysed(transform === undefined ? box : mapBoxThrough(transform, box));
    aligned = pair.aligned;
    const absoluteBlur = results.get('blur');
    if (
      suite.relativeBlur !== undefined &&
      aligned !== undefined &&
      pair.check.status === 'pass' &&
      applies('blur') &&
      absoluteBlur !== undefined
    ) {
      const image = aligned;
      const relative = suite.relativeBlur;
      const judged = timed(() => relative(image, reference, spec, absoluteBlur));
      results.set('blur', { ...judged, ms: judged.ms + absoluteBlur.ms });
    }
    const onAligned = {
      colour: (image: RgbaImage) => suite.colour(image, reference, spec),
      label: (image: RgbaImage) => suite.label(image, reference, spec),
    };
    // a photo that failed blur, exposure or glare is retaken, not compared: its colours, label and
    // structure differ from the reference because of the photo, not the pack
    const badLight = (['blur', 'exposure', 'glare'] as const).filter(
      (name) => results.get(name)?.status === 'fail',
    );
    // structure first: it tells whether the alignment fits (confirmAlignment); then the label, since
    // colour is compared over the label's box, meaningless when it is gone or moved
    let alignmentTrusted = aligned !== undefined && pair.check.status === 'pass';
    for (const name of ['structure', 'label', 'colour'] as const) {
      const label = results.get('label');
      if (!applies(name)) {
        results.set(name, notInSpec(name));
      } else if (aligned === undefined || !alignmentTrusted) {
        results.set(name, skipped(name, 'the photo could not be aligned with the reference'));
      } else if (badLight.length > 0) {
        results.set(
          name,
          skipped(
            name,
            `not compared: the photo failed the ${badLight.join(' and ')} check; retake it`,
          ),
        );
      } else if (name === 'colour' && label?.status === 'fail') {
        results.set(
          name,
          skipped(name, 'not compared: the label is missing or out of place (see the label check)'),
        );
      } else if (name === 'structure') {
        const image = aligned;
        const structure = timedPair(() => suite.structure(image, reference, spec));
        const confirmed = suite.confirmAlignment?.(pair.check, structure.check);
        if (confirmed !== undefined && confirmed.status !== 'pass') {
          alignmentTrusted = false;
          results.set('alignment', withBoxes({ ...confirmed, ms: pair.check.ms }, fromAnalysed));
          results.set(
            name,
            skipped(name, 'not compared: the alignment with the reference is doubtful'),
          );
        } else {
          heatMap = structure.heatMap;
          results.set(name, withBoxes(structure.check, fromReference));
        }
      } else {
        const image = aligned;
        results.set(
          name,
          withBoxes(
            timed(() => onAligned[name](image)),
            fromReference,
          ),
        );
      }
    }
  }

  if (!applies('barcode')) results.set('barcode', notInSpec('barcode'));
  else if (spec.ean === undefined) {
    results.set(
      'barcode',
      skipped('barcode', `no EAN on file for ${spec.sku}; add it to the product catalogue`),
    );
  } else if (barcodes === undefined) {
    results.set('barcode', skipped('barcode', 'no barcode reader ran on this photo'));
  } else {
    const ean = spec.ean;
    results.set(
      'barcode',
      timed(() => suite.barcode(barcodes, ean)),
    );
  }

  return {
    checks: checkNames.map((name) => results.get(name) as CheckResult),
    ...(aligned === undefined ? {} : { aligned }),
    ...(heatMap === undefined ? {} : { heatMap }),
    scale,
  };
}
