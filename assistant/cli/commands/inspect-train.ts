// `ayni inspect train --input DIR`: trains the packaging-defect classifier on a labelled folder
// of photos, cross-validates it when asked, and saves the fitted model as JSON.
import { join } from 'node:path';
import { Command } from 'commander';
import { severityClasses } from '../../../models/vision/classifier/defect-model';
import { createProgressBar } from '../../batch/progress';
import { LabelledFolderError } from '../../inspection/read-labelled-folder';
import {
  trainableModels,
  trainDefectClassifier,
  TrainingDataError,
  type CrossValidationReport,
  type TrainableModel,
  type TrainDefectClassifierResult,
} from '../../inspection/train-defect-classifier';
import { action, configFromEnvironment, UsageError } from '../run-command';
import { parseWholeNumber, runCancellable } from './forecast-options';

/** File name of the classifier in AYNI_DATA_DIR when --out is not given. */
export const DEFAULT_CLASSIFIER_FILE = 'defect-classifier.json';

export interface InspectTrainOptions {
  input?: string;
  cv?: string;
  model: string;
  seed: string;
  out?: string;
  json?: boolean;
}

export function parseTrainableModel(text: string): TrainableModel {
  if (text === 'cnn')
    throw new UsageError(
      '--model cnn: the CNN is not part of this version; choose logistic, boosting or best',
    );
  if (!(trainableModels as readonly string[]).includes(text))
    throw new UsageError(`--model ${text}: choose one of ${trainableModels.join(', ')}`);
  return text as TrainableModel;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

function cvText(cv: CrossValidationReport): string[] {
  const binary = cv.defectVsGood;
  const [[trueGood, falseDefect], [missed, caught]] = binary.confusion as [number[], number[]];
  return [
    `${cv.kind}, ${cv.folds}-fold stratified cross-validation:`,
    `  defect vs good: accuracy ${percent(binary.accuracy)} (balanced ${percent(binary.balancedAccuracy)}, always "defect" ${percent(binary.majorityBaseline)}), ROC AUC ${binary.rocAuc.toFixed(3)}, precision ${percent(binary.precisionDefect)}, recall ${percent(binary.recallDefect)}`,
    `    good kept ${trueGood}, good flagged ${falseDefect}, defects missed ${missed}, defects caught ${caught}`,
    `  severity (4 classes): accuracy ${percent(cv.severity.accuracy)}, macro-F1 ${cv.severity.macroF1.toFixed(3)}; rows actual, columns predicted (${severityClasses.join(', ')}):`,
    ...cv.severity.confusion.map(
      (row, index) =>
        `    ${severityClasses[index]!.padEnd(16)}${row.map((count) => String(count).padStart(5)).join('')}`,
    ),
  ];
}

export function formatTrainResult(result: TrainDefectClassifierResult): string {
  const counts = Object.entries(result.countsByLabel)
    .map(([label, count]) => `${count} ${label}`)
    .join(', ');
  const lines = [
    `${result.photos} photos (${counts}), features in ${result.featureSeconds.toFixed(1)} s`,
    ...result.crossValidation.flatMap(cvText),
    `fitted ${result.model} on all photos${result.out === undefined ? '' : `, saved to ${result.out}`}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The command's work, without commander: returns what it prints. */
export async function runInspectTrain(
  options: InspectTrainOptions,
  signal?: AbortSignal,
  onProgress?: (stage: string, done: number, total: number) => void,
): Promise<string> {
  if (options.input === undefined)
    throw new UsageError('--input DIR: give the folder of labelled photos');
  const model = parseTrainableModel(options.model);
  const seed = parseWholeNumber(options.seed, '--seed', 0, 2 ** 31 - 1);
  const folds = options.cv === undefined ? undefined : parseWholeNumber(options.cv, '--cv', 2, 20);
  const out = options.out ?? join(configFromEnvironment().dataDir, DEFAULT_CLASSIFIER_FILE);
  let result: TrainDefectClassifierResult;
  try {
    result = await trainDefectClassifier({
      input: options.input,
      model,
      seed,
      out,
      ...(folds !== undefined && { folds }),
      ...(signal !== undefined && { signal }),
      ...(onProgress !== undefined && { onProgress }),
    });
  } catch (error) {
    // bad photos and labels are the user's to fix: exit code 2 with the file named
    if (error instanceof LabelledFolderError || error instanceof TrainingDataError)
      throw new UsageError(error.message);
    throw error;
  }
  if (!options.json) return formatTrainResult(result);
  return `${JSON.stringify(
    {
      photos: result.photos,
      countsByLabel: result.countsByLabel,
      model: result.model,
      out: result.out,
      crossValidation: result.crossValidation,
    },
    null,
    2,
  )}\n`;
}

export function inspectTrainCommand(): Command {
  return new Command('train')
    .description('train the packaging-defect classifier on a folder of labelled photos')
    .option(
      '--input <dir>',
      'folder with labels.csv (file,label,is_defect) or one sub-folder per label',
    )
    .option('--cv <folds>', 'stratified k-fold cross-validation before the final fit (e.g. 5)')
    .option('--model <name>', 'logistic | boosting | best (cross-validates both)', 'best')
    .option('--seed <n>', 'seed of the folds and of boosting subsamples', '1')
    .option(
      '--out <file>',
      `where to save the model (default: AYNI_DATA_DIR/${DEFAULT_CLASSIFIER_FILE})`,
    )
    .option('--json', 'print { photos, countsByLabel, model, out, crossValidation } as JSON')
    .addHelpText(
      'after',
      `\nLabels: ${severityClasses.join(', ')} (is_defect = 0 exactly for no_defect). Photos: one\npackage on a dark background, JPEG/PNG/WebP. The JSON's crossValidation has, per model, defectVsGood\n{ accuracy, balancedAccuracy, rocAuc, precisionDefect, recallDefect, majorityBaseline, confusion }\nand severity { accuracy, balancedAccuracy, macroF1, confusion } (rows actual, columns predicted).`,
    )
    .action(
      action(async (options: InspectTrainOptions) => {
        const bar = process.stderr.isTTY ? createProgressBar(process.stderr, 'steps') : undefined;
        await runCancellable(
          async (signal) => {
            const text = await runInspectTrain(options, signal, (stage, done, total) =>
              bar?.update(done, done / total),
            );
            bar?.end();
            process.stdout.write(text);
          },
          () => bar?.end(),
        );
      }),
    );
}
