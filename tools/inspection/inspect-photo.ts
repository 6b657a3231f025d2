// One packaging photo through the whole inspection (issue 6): intake, the deterministic checks
// against the SKU's golden reference, the vision model (asked while the checks run), the learned
// classifier when given, fusion into one verdict, and the record saved with its durations.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { CheckResult } from '../../models/vision/check-result';
import type { RgbaImage } from '../../models/vision/image';
import { defaultQcSpec } from '../../models/vision/qc-defaults';
import {
  runDeterministicChecks,
  type DecodedBarcode,
  type DeterministicCheckSuite,
} from '../../models/vision/run-checks';
import type { ToolContext } from '../tool-context';
import { askVisionModel, type VisionOutcome } from './ask-vision-model';
import { fuseVerdict, type ClassifierOpinion, type VerdictConfidence } from './fuse-verdict';
import type { GoldenReferences } from './golden-references';
import type { InspectionRecord } from './inspection-records';
import { decodePhoto } from './intake';

export interface InspectPhotoInput {
  bytes: Uint8Array;
  fileName?: string;
  /** the SKU code, already resolved */
  sku?: string;
  lot?: string;
  line?: string;
}

export interface InspectPhotoDeps {
  context: ToolContext;
  checks: DeterministicCheckSuite;
  references?: GoldenReferences;
  /** the learned defect classifier with its trained model bound in; undefined when it cannot judge the photo */
  classifier?: (image: RgbaImage) => ClassifierOpinion | undefined;
  /** reads the barcodes of the photo (tools/inspection/barcode-reader.ts) */
  readBarcodes?: (image: RgbaImage) => Promise<DecodedBarcode[]>;
  /** long side of the copy sent to the vision model (default 1024) */
  visionLongSide?: number;
}

export interface VisionSummary {
  status: VisionOutcome['status'];
  model: string;
  legibleText?: string;
  lotCode?: string | null;
  confidence?: number;
  problem?: string;
}

export interface PhotoInspection {
  record: InspectionRecord;
  checks: CheckResult[];
  confidence: VerdictConfidence;
  vision: VisionSummary | null;
  referenceUsed: boolean;
}

async function visionCopy(image: RgbaImage, longSide: number): Promise<string> {
  const jpeg = await sharp(
    Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    {
      raw: { width: image.width, height: image.height, channels: 4 },
    },
  )
    .resize(longSide, longSide, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .jpeg({ quality: 85 })
    .toBuffer();
  return jpeg.toString('base64');
}

function summarise(outcome: VisionOutcome | undefined): VisionSummary | null {
  if (outcome === undefined) return null;
  if (outcome.status !== 'ok') {
    return { status: outcome.status, model: outcome.model, problem: outcome.problem };
  }
  return {
    status: 'ok',
    model: outcome.model,
    legibleText: outcome.answer.legibleText,
    lotCode: outcome.answer.lotCode,
    confidence: outcome.answer.confidence,
  };
}

/** Inspects one photo; throws PhotoRejectedError for a bad upload (nothing is stored then). */
export async function inspectPhoto(
  input: InspectPhotoInput,
  deps: InspectPhotoDeps,
): Promise<PhotoInspection> {
  const started = performance.now();
  const { context } = deps;
  const photo = await decodePhoto(input.bytes, { fileName: input.fileName });
  const imageHash = context.inspections?.storeImage(input.bytes, photo.mime) ?? photo.hash;
  const sku = input.sku ?? null;
  const product =
    sku === null ? undefined : context.catalog.products().find((item) => item.sku === sku);
  const golden = sku === null ? undefined : await deps.references?.forSku(sku);
  const ean = product?.ean ?? undefined;
  const catalogueEan = ean !== undefined && /^\d{8}$|^\d{12,14}$/.test(ean) ? ean : undefined;
  const spec = golden?.spec ?? defaultQcSpec(sku ?? 'an unknown SKU', catalogueEan);

  const visionPending =
    context.vision === undefined
      ? undefined
      : (async () => {
          const imageBase64 = await visionCopy(photo.image, deps.visionLongSide ?? 1024);
          return askVisionModel(context.vision as NonNullable<ToolContext['vision']>, {
            imageBase64,
            product: product === undefined ? sku : `${product.sku} ${product.name}`,
            lot: input.lot ?? null,
            signal: context.signal,
          });
        })();
  // keep an early failure of the model path from going unhandled while the checks run
  visionPending?.catch(() => undefined);

  const checksStarted = performance.now();
  const barcodes =
    deps.readBarcodes === undefined || spec.ean === undefined || !spec.checks.includes('barcode')
      ? undefined
      : await deps.readBarcodes(photo.image);
  const run = runDeterministicChecks(
    { photo: photo.image, reference: golden?.image, spec, barcodes },
    deps.checks,
    { clock: () => performance.now() },
  );
  const opinion = deps.classifier?.(photo.image);
  const checksMs = performance.now() - checksStarted;

  const vision = await visionPending;
  const fused = fuseVerdict({
    checks: run.checks,
    vision,
    classifier: opinion,
    now: context.now(),
  });
  const record: InspectionRecord = {
    id: randomUUID(),
    imageHash,
    fileName: input.fileName ?? null,
    sku,
    lot: input.lot ?? null,
    line: input.line ?? null,
    verdict: fused.verdict,
    reasons: fused.reasons,
    findings: fused.findings,
    model: vision?.model ?? null,
    bestBefore: fused.bestBefore,
    durations: {
      decodeMs: photo.ms,
      checksMs,
      modelMs: vision?.ms ?? null,
      totalMs: performance.now() - started,
    },
    inspectedAt: context.now().toISOString(),
  };
  context.inspections?.save(record);
  return {
    record,
    checks: run.checks,
    confidence: fused.confidence,
    vision: summarise(vision),
    referenceUsed: golden !== undefined,
  };
}
