// The inspect_packaging result: one entry per attached photo, inspected or rejected at intake.
import { z } from 'zod';
import {
  checkNames,
  measuredFindingTypes,
  packagingDefectTypes,
} from '../models/vision/check-result';
import { photoRejectionReasons } from './inspection/photo-rejected-error';

const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const finding = z.object({
  check: z.enum([...checkNames, 'vision_model', 'classifier', 'date']),
  type: z.enum([...packagingDefectTypes, ...measuredFindingTypes]),
  severity: z.enum(['minor', 'major', 'critical']),
  score: z.number(),
  message: z.string(),
  box: box.optional(),
});

const check = z.object({
  check: z.enum(checkNames),
  status: z.enum(['pass', 'fail', 'skipped', 'inconclusive']),
  score: z.number(),
  threshold: z.number(),
  message: z.string(),
  ms: z.number(),
});

const inspected = z.object({
  photo: z.number().int(),
  fileName: z.string().nullable(),
  status: z.literal('inspected'),
  inspectionId: z.string(),
  imageHash: z.string(),
  verdict: z.enum(['pass', 'fail', 'needs_review', 'retake']),
  /** high: checks and a second opinion agree; checks_only: no model or classifier could be heard */
  confidence: z.enum(['high', 'checks_only', 'none']),
  reasons: z.array(z.string()),
  findings: z.array(finding),
  checks: z.array(check),
  referenceUsed: z.boolean(),
  bestBefore: z.string().nullable(),
  lotRead: z.string().nullable(),
  model: z.string().nullable(),
  durations: z.object({
    decodeMs: z.number(),
    checksMs: z.number(),
    modelMs: z.number().nullable(),
    totalMs: z.number(),
  }),
});

const rejected = z.object({
  photo: z.number().int(),
  fileName: z.string().nullable(),
  status: z.literal('rejected'),
  reason: z.enum(photoRejectionReasons),
  message: z.string(),
});

export const inspectPackagingOutput = z.object({
  sku: z.string().nullable(),
  lot: z.string().nullable(),
  line: z.string().nullable(),
  results: z.array(z.discriminatedUnion('status', [inspected, rejected])),
});

export type InspectPackagingOutput = z.input<typeof inspectPackagingOutput>;
export type InspectedPhotoOutput = z.input<typeof inspected>;
