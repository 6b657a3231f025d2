// inspect_packaging (ARCHITECTURE.md 3.4, issue 6): the photos the user attached, checked
// against the SKU's golden reference and QC spec, with the vision model's opinion, into one
// verdict per photo (pass, fail, needs_review, retake) with reasons, findings and where they are.
import { z } from 'zod';
import type { RgbaImage } from '../models/vision/image';
import type { DecodedBarcode, DeterministicCheckSuite } from '../models/vision/run-checks';
import { defaultCheckSuite } from '../models/vision/run-checks-suite';
import { defineTool, type JsonValue } from './define-tool';
import { readBarcodes } from './inspection/barcode-reader';
import type { ClassifierOpinion } from './inspection/fuse-verdict';
import type { GoldenReferences } from './inspection/golden-references';
import { inspectPhoto, type PhotoInspection } from './inspection/inspect-photo';
import { PhotoRejectedError } from './inspection/photo-rejected-error';
import {
  inspectPackagingOutput,
  type InspectedPhotoOutput,
  type InspectPackagingOutput,
} from './inspect-packaging-output';
import { resolveProduct } from './resolve';
import type { ToolContext } from './tool-context';
import { ToolInputError } from './tool-errors';

export const inspectPackagingInput = z.strictObject({
  photo: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('which attached photo, 1 = the first; omit to inspect every attached photo'),
  sku: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'the product in the photo, SKU code or name, e.g. "GRA-005"; enables the golden reference and barcode checks',
    ),
  lot: z.string().trim().min(1).max(60).optional().describe('the lot code the operator gave'),
  line: z.string().trim().min(1).max(60).optional().describe('the production line, e.g. "L1"'),
});

export type InspectPackagingInput = z.output<typeof inspectPackagingInput>;

export interface InspectPackagingOptions {
  checks: DeterministicCheckSuite;
  references?: GoldenReferences;
  classifier?: (image: RgbaImage) => ClassifierOpinion | undefined;
  readBarcodes?: (image: RgbaImage) => Promise<DecodedBarcode[]>;
}

function shape(
  index: number,
  fileName: string | undefined,
  inspection: PhotoInspection,
): InspectedPhotoOutput {
  const { record } = inspection;
  return {
    photo: index,
    fileName: fileName ?? null,
    status: 'inspected',
    inspectionId: record.id,
    imageHash: record.imageHash,
    verdict: record.verdict,
    confidence: inspection.confidence,
    reasons: record.reasons,
    findings: record.findings,
    checks: inspection.checks.map(({ findings: _findings, ...check }) => check),
    referenceUsed: inspection.referenceUsed,
    bestBefore: record.bestBefore,
    lotRead: inspection.vision?.lotCode ?? null,
    model: record.model,
    durations: record.durations,
  };
}

/** The tool's own references/classifier win; otherwise the ones the deployment put in the context. */
function referencesAndClassifier(
  options: InspectPackagingOptions,
  context: ToolContext,
): Pick<InspectPackagingOptions, 'references' | 'classifier'> {
  const references = options.references ?? context.inspectionAids?.references;
  const classifier = options.classifier ?? context.inspectionAids?.classifier;
  return {
    ...(references ? { references } : {}),
    ...(classifier ? { classifier } : {}),
  };
}

export async function runInspectPackaging(
  input: InspectPackagingInput,
  context: ToolContext,
  options: InspectPackagingOptions,
): Promise<InspectPackagingOutput> {
  const attachments = context.attachments ?? [];
  if (attachments.length === 0) {
    throw new ToolInputError(
      'photo',
      'no photo is attached to this message; ask the user to attach a photo of the package',
    );
  }
  if (input.photo !== undefined && input.photo > attachments.length) {
    throw new ToolInputError(
      'photo',
      `there ${attachments.length === 1 ? 'is 1 photo' : `are ${attachments.length} photos`} attached, so photo ${input.photo} does not exist; use 1 to ${attachments.length}`,
    );
  }
  const sku =
    input.sku === undefined
      ? null
      : resolveProduct(input.sku, context.catalog.products(), 'sku').sku;
  const chosen =
    input.photo === undefined
      ? attachments.map((attachment, index) => ({ attachment, index: index + 1 }))
      : [{ attachment: attachments[input.photo - 1]!, index: input.photo }];
  const results: InspectPackagingOutput['results'] = [];
  for (const { attachment, index } of chosen) {
    context.signal.throwIfAborted();
    const bytes = new Uint8Array(Buffer.from(attachment.base64, 'base64'));
    try {
      const inspection = await inspectPhoto(
        {
          bytes,
          fileName: attachment.fileName,
          sku: sku ?? undefined,
          lot: input.lot,
          line: input.line,
        },
        {
          context,
          ...options,
          ...referencesAndClassifier(options, context),
        },
      );
      results.push(shape(index, attachment.fileName, inspection));
    } catch (error) {
      if (!(error instanceof PhotoRejectedError)) throw error;
      results.push({
        photo: index,
        fileName: attachment.fileName ?? null,
        status: 'rejected',
        reason: error.reason,
        message: error.message,
      });
    }
  }
  return { sku, lot: input.lot ?? null, line: input.line ?? null, results };
}

/** The compact summary the model sees: verdicts, the deciding reasons and the main findings. */
export function inspectPackagingModelOutput(
  output: z.output<typeof inspectPackagingOutput>,
): JsonValue {
  return {
    sku: output.sku,
    lot: output.lot,
    photos: output.results.map((result): JsonValue =>
      result.status === 'rejected'
        ? { photo: result.photo, rejected: result.message }
        : {
            photo: result.photo,
            verdict: result.verdict,
            confidence: result.confidence,
            reasons: result.reasons.slice(0, 3),
            findings: result.findings
              .slice(0, 5)
              .map((finding) => `${finding.type} (${finding.severity}): ${finding.message}`),
            bestBefore: result.bestBefore,
            lotRead: result.lotRead,
          },
    ),
  };
}

export function createInspectPackagingTool(options: InspectPackagingOptions) {
  return defineTool({
    name: 'inspect_packaging',
    description:
      "Inspects the photos of packages the user attached (cans, pouches, bottles, boxes, labels) for QC: photo quality, label position and colour against the SKU's golden reference, barcode, and the vision model's view of defects and the best-before date. Gives one verdict per photo: pass, fail, needs_review or retake, with reasons and where the defects are. Give the SKU when known.",
    input: inspectPackagingInput,
    output: inspectPackagingOutput,
    execute: (input, context) => runInspectPackaging(input, context, options),
    toModelOutput: inspectPackagingModelOutput,
  });
}

/** The tool with the project's checks and barcode reader (no golden references, no classifier). */
export const inspectPackaging = createInspectPackagingTool({
  checks: defaultCheckSuite,
  readBarcodes: (image) => readBarcodes(image),
});
