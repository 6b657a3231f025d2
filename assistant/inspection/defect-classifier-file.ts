// The trained packaging-defect classifier as a versioned JSON file: feature names (checked against
// the code's on load, so a file from other features asks for retraining), standardisation,
// weights or trees, class names and the training summary. predictDefect runs it on decoded pixels.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { RgbaImage } from '../../models/vision/image';
import { downscaleToLongSide } from '../../models/vision/classifier/downscale';
import { defectFeatureNames, extractFeatures } from '../../models/vision/classifier/features';
import {
  classifierKinds,
  predictDefectModel,
  severityClasses,
  type DefectModel,
  type DefectPrediction,
} from '../../models/vision/classifier/defect-model';

export const DEFECT_CLASSIFIER_FORMAT = 'ayni-defect-classifier';
export const DEFECT_CLASSIFIER_VERSION = 1;
/** Long side, in pixels, the features are computed at (training and prediction alike). */
export const FEATURE_LONG_SIDE = 384;

const numbers = z.array(z.number());
const standardiserSchema = z.object({ means: numbers, scales: numbers });
const logisticSchema = z.object({
  kind: z.literal('logistic'),
  classCount: z.number().int().min(2),
  weights: z.array(numbers),
  intercepts: numbers,
});
const treeSchema = z.object({
  feature: z.array(z.number().int()),
  threshold: numbers,
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  value: numbers,
});
const boostingSchema = z.object({
  kind: z.literal('boosting'),
  classCount: z.number().int().min(2),
  initial: numbers,
  trees: z.array(z.array(treeSchema)),
  learningRate: z.number().positive(),
});
const pipelineSchema = z.object({
  standardiser: standardiserSchema,
  classifier: z.discriminatedUnion('kind', [logisticSchema, boostingSchema]),
});

export const trainingSummarySchema = z.object({
  trainedAt: z.string(),
  photos: z.number().int(),
  countsByLabel: z.record(z.string(), z.number().int()),
  seed: z.number().int(),
  /** Cross-validated figures when CV ran (the CLI's JSON output), else absent. */
  crossValidation: z.unknown().optional(),
});
export type TrainingSummary = z.infer<typeof trainingSummarySchema>;

const fileSchema = z.object({
  format: z.literal(DEFECT_CLASSIFIER_FORMAT),
  version: z.literal(DEFECT_CLASSIFIER_VERSION),
  featureNames: z.array(z.string()),
  classNames: z.array(z.string()),
  featureLongSide: z.number().int().positive(),
  model: z.object({
    kind: z.enum(classifierKinds),
    defect: pipelineSchema,
    severity: pipelineSchema,
  }),
  training: trainingSummarySchema,
});

export interface DefectClassifier {
  featureNames: string[];
  classNames: string[];
  featureLongSide: number;
  model: DefectModel;
  training: TrainingSummary;
}

export class DefectClassifierFileError extends Error {}

export function saveDefectClassifier(path: string, classifier: DefectClassifier): void {
  const body = {
    format: DEFECT_CLASSIFIER_FORMAT,
    version: DEFECT_CLASSIFIER_VERSION,
    ...classifier,
  };
  writeFileSync(path, `${JSON.stringify(body)}\n`);
}

export function loadDefectClassifier(path: string): DefectClassifier {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DefectClassifierFileError(
      `${path}: cannot read the classifier (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DefectClassifierFileError(
      `${path}: not an ${DEFECT_CLASSIFIER_FORMAT} v${DEFECT_CLASSIFIER_VERSION} file (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}); retrain with ayni inspect train`,
    );
  }
  const file = parsed.data;
  if (file.featureNames.join(',') !== defectFeatureNames.join(','))
    throw new DefectClassifierFileError(
      `${path}: trained on other features than this version computes; retrain with ayni inspect train`,
    );
  if (file.classNames.join(',') !== severityClasses.join(','))
    throw new DefectClassifierFileError(
      `${path}: classes ${file.classNames.join(', ')} differ from ${severityClasses.join(', ')}; retrain`,
    );
  const width = defectFeatureNames.length;
  for (const pipeline of [file.model.defect, file.model.severity])
    if (
      pipeline.standardiser.means.length !== width ||
      pipeline.standardiser.scales.length !== width
    )
      throw new DefectClassifierFileError(
        `${path}: standardisation does not have ${width} features`,
      );
  return {
    featureNames: file.featureNames,
    classNames: file.classNames,
    featureLongSide: file.featureLongSide,
    model: file.model,
    training: file.training,
  };
}

/** The features of decoded pixels at the classifier's scale. */
export function featuresOfImage(image: RgbaImage, longSide = FEATURE_LONG_SIDE): Float64Array {
  return extractFeatures(downscaleToLongSide(image, longSide));
}

/** Defect probability, most likely severity and all four severity probabilities of a photo. */
export function predictDefect(classifier: DefectClassifier, image: RgbaImage): DefectPrediction {
  return predictDefectModel(classifier.model, featuresOfImage(image, classifier.featureLongSide));
}
