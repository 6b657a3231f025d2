// Training the packaging-defect classifier from a labelled folder: decode each photo with sharp
// (EXIF orientation applied, downscaled), extract the engineered features, cross-validate when
// asked, fit the chosen model on every photo and save it as JSON.
import sharp from 'sharp';
import type { RgbaImage } from '../../models/vision/image';
import { createRandom } from '../../models/stats/random';
import {
  crossValidateDefectModel,
  fitDefectModel,
  severityClasses,
  type ClassifierKind,
  type CrossValidation,
} from '../../models/vision/classifier/defect-model';
import { defectFeatureNames } from '../../models/vision/classifier/features';
import {
  FEATURE_LONG_SIDE,
  featuresOfImage,
  saveDefectClassifier,
  type DefectClassifier,
} from './defect-classifier-file';
import { readLabelledFolder, type LabelledPhoto } from './read-labelled-folder';

export const trainableModels = ['logistic', 'boosting', 'best'] as const;
export type TrainableModel = (typeof trainableModels)[number];

export interface TrainDefectClassifierOptions {
  input: string;
  /** 'best' cross-validates both and keeps the more accurate on defect vs good. */
  model: TrainableModel;
  /** Folds of stratified cross-validation; 0 or absent skips it (except for 'best': 5). */
  folds?: number;
  seed: number;
  /** Where to save the fitted model; absent: not saved. */
  out?: string;
  onProgress?: (
    stage: 'features' | 'cross-validation' | 'fit',
    done: number,
    total: number,
  ) => void;
  signal?: AbortSignal;
}

/** Cross-validated figures without the per-photo predictions. */
export interface CrossValidationReport {
  kind: ClassifierKind;
  folds: number;
  defectVsGood: Omit<CrossValidation['defectVsGood'], 'confusion'> & {
    /** Rows actual, columns predicted, in the order of `classes`. */
    confusion: number[][];
    classes: ['good', 'defect'];
  };
  severity: CrossValidation['severity'] & { classes: string[] };
}

export interface TrainDefectClassifierResult {
  photos: number;
  countsByLabel: Record<string, number>;
  model: ClassifierKind;
  crossValidation: CrossValidationReport[];
  out?: string;
  featureSeconds: number;
}

export class TrainingDataError extends Error {}

/** Decodes a photo file into RGBA pixels, orientation applied, at most twice the feature scale. */
export async function decodePhoto(
  path: string,
  longSide = 2 * FEATURE_LONG_SIDE,
): Promise<RgbaImage> {
  try {
    const { data, info } = await sharp(path, { failOn: 'error' })
      .rotate()
      .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    };
  } catch (error) {
    throw new TrainingDataError(
      `${path}: cannot decode the image (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

async function featuresOf(photo: LabelledPhoto): Promise<Float64Array> {
  const image = await decodePhoto(photo.path);
  try {
    return featuresOfImage(image);
  } catch (error) {
    throw new TrainingDataError(
      `${photo.file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function report(cv: CrossValidation): CrossValidationReport {
  return {
    kind: cv.kind,
    folds: cv.folds,
    defectVsGood: { ...cv.defectVsGood, classes: ['good', 'defect'] },
    severity: { ...cv.severity, classes: [...severityClasses] },
  };
}

export async function trainDefectClassifier(
  options: TrainDefectClassifierOptions,
): Promise<TrainDefectClassifierResult> {
  const photos = readLabelledFolder(options.input);
  const countsByLabel = Object.fromEntries(severityClasses.map((name) => [name, 0]));
  for (const photo of photos) countsByLabel[photo.label]! += 1;
  const good = countsByLabel.no_defect ?? 0;
  if (good === 0 || good === photos.length)
    throw new TrainingDataError(
      `${options.input}: need photos both with and without defects (have ${good} no_defect of ${photos.length})`,
    );
  const folds = options.folds ?? (options.model === 'best' ? 5 : 0);
  if (folds !== 0 && (folds < 2 || Math.min(good, photos.length - good) < folds))
    throw new TrainingDataError(
      `--cv ${folds}: each of good and defect needs at least ${folds} photos (have ${good} and ${photos.length - good})`,
    );
  const started = performance.now();
  const rows: Float64Array[] = [];
  for (const photo of photos) {
    options.signal?.throwIfAborted();
    rows.push(await featuresOf(photo));
    options.onProgress?.('features', rows.length, photos.length);
  }
  const featureSeconds = (performance.now() - started) / 1000;
  const severities = photos.map((photo) => severityClasses.indexOf(photo.label));
  const random = createRandom(options.seed);
  const candidates: ClassifierKind[] =
    options.model === 'best' ? ['logistic', 'boosting'] : [options.model];
  const crossValidation: CrossValidationReport[] = [];
  if (folds > 0)
    candidates.forEach((kind, index) => {
      options.signal?.throwIfAborted();
      const cv = crossValidateDefectModel(kind, rows, severities, folds, {
        random: random.fork(`cv ${kind}`),
        onFold: (done) =>
          options.onProgress?.('cross-validation', index * folds + done, candidates.length * folds),
      });
      crossValidation.push(report(cv));
    });
  const chosen =
    crossValidation.length > 1
      ? [...crossValidation].sort(
          (a, b) =>
            b.defectVsGood.accuracy - a.defectVsGood.accuracy ||
            b.defectVsGood.rocAuc - a.defectVsGood.rocAuc,
        )[0]!.kind
      : candidates[0]!;
  options.signal?.throwIfAborted();
  const model = fitDefectModel(chosen, rows, severities, {
    random: random.fork(`final ${chosen}`),
  });
  options.onProgress?.('fit', 1, 1);
  if (options.out !== undefined) {
    const classifier: DefectClassifier = {
      featureNames: [...defectFeatureNames],
      classNames: [...severityClasses],
      featureLongSide: FEATURE_LONG_SIDE,
      model,
      training: {
        trainedAt: new Date().toISOString(),
        photos: photos.length,
        countsByLabel,
        seed: options.seed,
        ...(crossValidation.length > 0 && { crossValidation }),
      },
    };
    saveDefectClassifier(options.out, classifier);
  }
  return {
    photos: photos.length,
    countsByLabel,
    model: chosen,
    crossValidation,
    ...(options.out !== undefined && { out: options.out }),
    featureSeconds,
  };
}
