// The packaging-defect model over feature vectors: two standardised classifiers (defect vs good,
// and the four severity grades), fitted by logistic regression or gradient boosting, and their
// stratified k-fold cross-validation.
import type { Random } from '../../stats/random';
import { stratifiedFolds } from './cross-validation';
import {
  boostingProbabilities,
  fitGradientBoosting,
  type BoostingModel,
} from './gradient-boosting';
import {
  fitLogisticRegression,
  logisticProbabilities,
  type LogisticModel,
} from './logistic-regression';
import { confusionMatrix, rocAuc, summariseConfusion, type ClassSummary } from './metrics';
import { fitStandardiser, standardise, type Standardiser } from './standardise';

export const severityClasses = [
  'no_defect',
  'minor_defect',
  'major_defect',
  'critical_defect',
] as const;
export type Severity = (typeof severityClasses)[number];
export const classifierKinds = ['logistic', 'boosting'] as const;
export type ClassifierKind = (typeof classifierKinds)[number];

export interface ClassifierPipeline {
  standardiser: Standardiser;
  classifier: LogisticModel | BoostingModel;
}

export interface DefectModel {
  kind: ClassifierKind;
  /** Severity index 0 = no_defect; is defect = index > 0. */
  defect: ClassifierPipeline;
  severity: ClassifierPipeline;
}

export interface DefectPrediction {
  probabilityDefect: number;
  severity: Severity;
  probabilities: Record<Severity, number>;
}

export interface FitOptions {
  random: Random;
  /** Logistic regression's L2 penalty on standardised features (scikit-learn's 1 / C). */
  l2?: number;
}

function fitPipeline(
  kind: ClassifierKind,
  rows: readonly Float64Array[],
  labels: readonly number[],
  classCount: number,
  options: FitOptions,
): ClassifierPipeline {
  const standardiser = fitStandardiser(rows);
  const scaled = rows.map((row) => standardise(standardiser, row));
  const classifier =
    kind === 'logistic'
      ? fitLogisticRegression(scaled, labels, classCount, { l2: options.l2 ?? 1 })
      : fitGradientBoosting(scaled, labels, classCount, { random: options.random });
  return { standardiser, classifier };
}

export function pipelineProbabilities(
  pipeline: ClassifierPipeline,
  row: Float64Array,
): Float64Array {
  const scaled = standardise(pipeline.standardiser, row);
  return pipeline.classifier.kind === 'logistic'
    ? logisticProbabilities(pipeline.classifier, scaled)
    : boostingProbabilities(pipeline.classifier, scaled);
}

/** Fits both classifiers; severities are indices into severityClasses. */
export function fitDefectModel(
  kind: ClassifierKind,
  rows: readonly Float64Array[],
  severities: readonly number[],
  options: FitOptions,
): DefectModel {
  if (!classifierKinds.includes(kind))
    throw new RangeError(`kind: ${String(kind)} is not one of ${classifierKinds.join(', ')}`);
  const isDefect = severities.map((severity) => (severity > 0 ? 1 : 0));
  if (!isDefect.includes(0) || !isDefect.includes(1))
    throw new RangeError('severities: need both good (no_defect) and defective examples to train');
  return {
    kind,
    defect: fitPipeline(kind, rows, isDefect, 2, {
      ...options,
      random: options.random.fork('defect'),
    }),
    severity: fitPipeline(kind, rows, severities, severityClasses.length, {
      ...options,
      random: options.random.fork('severity'),
    }),
  };
}

export function predictDefectModel(model: DefectModel, row: Float64Array): DefectPrediction {
  const probabilityDefect = pipelineProbabilities(model.defect, row)[1]!;
  const severityProbabilities = pipelineProbabilities(model.severity, row);
  let best = 0;
  severityProbabilities.forEach((p, index) => {
    if (p > severityProbabilities[best]!) best = index;
  });
  const probabilities = Object.fromEntries(
    severityClasses.map((name, index) => [name, severityProbabilities[index]!]),
  ) as Record<Severity, number>;
  return { probabilityDefect, severity: severityClasses[best]!, probabilities };
}

export interface BinaryEvaluation extends ClassSummary {
  rocAuc: number;
  precisionDefect: number;
  recallDefect: number;
  /** Accuracy of always answering the larger class. */
  majorityBaseline: number;
}

export interface CrossValidation {
  kind: ClassifierKind;
  folds: number;
  defectVsGood: BinaryEvaluation;
  severity: ClassSummary;
  /** Out-of-fold predictions, in sample order. */
  predictions: DefectPrediction[];
}

/** Stratified (by severity) k-fold cross-validation; each fold's model sees only its training rows. */
export function crossValidateDefectModel(
  kind: ClassifierKind,
  rows: readonly Float64Array[],
  severities: readonly number[],
  folds: number,
  options: FitOptions & { onFold?: (done: number) => void },
): CrossValidation {
  const assignment = stratifiedFolds(severities, folds, options.random.fork('folds'));
  const predictions = new Array<DefectPrediction>(rows.length);
  for (let fold = 0; fold < folds; fold += 1) {
    const train = rows.flatMap((_, index) => (assignment[index] === fold ? [] : [index]));
    const model = fitDefectModel(
      kind,
      train.map((index) => rows[index]!),
      train.map((index) => severities[index]!),
      { ...options, random: options.random.fork(`fold ${fold}`) },
    );
    rows.forEach((row, index) => {
      if (assignment[index] === fold) predictions[index] = predictDefectModel(model, row);
    });
    options.onFold?.(fold + 1);
  }
  const actualDefect = severities.map((severity) => (severity > 0 ? 1 : 0));
  const predictedDefect = predictions.map((prediction) =>
    prediction.probabilityDefect >= 0.5 ? 1 : 0,
  );
  const binary = summariseConfusion(confusionMatrix(actualDefect, predictedDefect, 2));
  const flagged = binary.confusion[0]![1]! + binary.confusion[1]![1]!;
  const defects = binary.confusion[1]![0]! + binary.confusion[1]![1]!;
  const severityPredicted = predictions.map((prediction) =>
    severityClasses.indexOf(prediction.severity),
  );
  return {
    kind,
    folds,
    defectVsGood: {
      ...binary,
      rocAuc: rocAuc(
        predictions.map((prediction) => prediction.probabilityDefect),
        actualDefect.map((value) => value === 1),
      ),
      precisionDefect: flagged === 0 ? 0 : binary.confusion[1]![1]! / flagged,
      recallDefect: defects === 0 ? 0 : binary.confusion[1]![1]! / defects,
      majorityBaseline: Math.max(defects, rows.length - defects) / rows.length,
    },
    severity: summariseConfusion(
      confusionMatrix(severities, severityPredicted, severityClasses.length),
    ),
    predictions,
  };
}
