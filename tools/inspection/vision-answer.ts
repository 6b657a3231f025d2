// What the vision model must answer about a packaging photo (issue 6, step 3). The zod schema is
// the one source of the JSON Schema sent as Ollama's `format` and of the validation of the reply.
import { z } from 'zod';
import { packagingDefectTypes } from '../../models/vision/check-result';

export const visionDefect = z.strictObject({
  type: z.enum(packagingDefectTypes).describe('the kind of defect'),
  location: z
    .string()
    .max(200)
    .describe('where on the pack, in words, e.g. "lid, upper left" or "label, bottom edge"'),
  severity: z.enum(['minor', 'major', 'critical']),
});

export const visionAnswer = z.strictObject({
  defects: z
    .array(visionDefect)
    .max(20)
    .describe('every visible defect; an empty list when the pack looks intact'),
  legibleText: z.string().max(2000).describe('the printed text you can read, as written'),
  bestBefore: z
    .string()
    .max(40)
    .nullable()
    .describe('the best-before or expiry date exactly as printed; null when none is visible'),
  lotCode: z
    .string()
    .max(60)
    .nullable()
    .describe('the lot or batch code exactly as printed; null when none is visible'),
  confidence: z.number().min(0).max(1).describe('how sure you are of this answer, 0 to 1'),
});

export type VisionDefect = z.output<typeof visionDefect>;
export type VisionAnswer = z.output<typeof visionAnswer>;

/** The JSON Schema sent as Ollama's `format`. */
export function visionAnswerJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(visionAnswer) as Record<string, unknown>;
}
