// `ayni bench inspect --input DIR`: how well each inspection stage says "defect" over a labelled
// photo set (labels.csv file,label,is_defect or sub-folders per label): the deterministic checks
// (a "fail" verdict is "defect"; against each photo's golden reference when the set has one under
// references/<stem>/), the learned classifier under stratified cross-validation, and the vision
// model when one is reachable; with the time per image of each.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import sharp from 'sharp';
import { defaultQcSpec } from '../../../models/vision/qc-defaults';
import { runDeterministicChecks } from '../../../models/vision/run-checks';
import { defaultCheckSuite } from '../../../models/vision/run-checks-suite';
import { askVisionModel } from '../../../tools/inspection/ask-vision-model';
import { readBarcodes } from '../../../tools/inspection/barcode-reader';
import { fuseVerdict } from '../../../tools/inspection/fuse-verdict';
import type { InspectionVerdict } from '../../../tools/inspection/inspection-records';
import { decodePhoto } from '../../../tools/inspection/intake';
import { createProgressBar } from '../../batch/progress';
import { LabelledFolderError, readLabelledFolder } from '../../inspection/read-labelled-folder';
import { loadReferenceFolder } from '../../inspection/reference-store';
import { trainDefectClassifier, TrainingDataError } from '../../inspection/train-defect-classifier';
import { createVisionModel } from '../../inspection/vision-model';
import { createOllamaClient } from '../../llm/ollama-client';
import { probeOllama } from '../../llm/ollama-status';
import { action, configFromEnvironment, UsageError } from '../run-command';
import { referenceFolderOf } from './bench-inspect-set';
import { parseWholeNumber } from './forecast-options';

export interface DefectScores {
  photos: number;
  accuracy: number;
  /** null when the stage called nothing a defect */
  precision: number | null;
  /** null when the set has no defect */
  recall: number | null;
  confusion: {
    truePositives: number;
    falsePositives: number;
    trueNegatives: number;
    falseNegatives: number;
  };
}

export type StageReport =
  | ({ stage: string; status: 'ran'; msPerImage: number; note?: string } & DefectScores &
      Record<string, unknown>)
  | { stage: string; status: 'skipped'; reason: string };

export interface BenchInspectReport {
  input: string;
  photos: number;
  defects: number;
  stages: StageReport[];
}

/** Accuracy, precision and recall of "defect" from truths and predictions of the same photos. */
export function defectScores(
  truth: readonly boolean[],
  predicted: readonly boolean[],
): DefectScores {
  if (truth.length !== predicted.length)
    throw new RangeError(`predicted: ${predicted.length} answers for ${truth.length} photos`);
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  truth.forEach((isDefect, index) => {
    if (predicted[index]) {
      if (isDefect) truePositives += 1;
      else falsePositives += 1;
    } else if (isDefect) falseNegatives += 1;
    else trueNegatives += 1;
  });
  const flagged = truePositives + falsePositives;
  const actual = truePositives + falseNegatives;
  return {
    photos: truth.length,
    accuracy: truth.length === 0 ? 0 : (truePositives + trueNegatives) / truth.length,
    precision: flagged === 0 ? null : truePositives / flagged,
    recall: actual === 0 ? null : truePositives / actual,
    confusion: { truePositives, falsePositives, trueNegatives, falseNegatives },
  };
}

export interface BenchInspectOptions {
  input: string;
  folds: number;
  seed: number;
  /** ask the vision model when reachable (default true) */
  model?: boolean;
  signal?: AbortSignal;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export async function runBenchInspect(options: BenchInspectOptions): Promise<BenchInspectReport> {
  const photos = readLabelledFolder(options.input);
  const truth = photos.map((photo) => photo.isDefect);
  const stages: StageReport[] = [];

  // 1. deterministic checks, fused without a second opinion (as `ayni inspect --no-model`)
  const verdicts: InspectionVerdict[] = [];
  let withReference = 0;
  let checksMs = 0;
  for (const [index, photo] of photos.entries()) {
    options.signal?.throwIfAborted();
    const started = performance.now();
    const decoded = await decodePhoto(new Uint8Array(readFileSync(photo.path)), {
      fileName: photo.file,
    });
    const folder = referenceFolderOf(options.input, photo.file);
    const golden = folder === undefined ? undefined : await loadReferenceFolder(folder, 'BENCH');
    if (golden !== undefined) withReference += 1;
    const spec = golden?.spec ?? defaultQcSpec('BENCH');
    const barcodes =
      spec.ean === undefined ? undefined : await readBarcodes(decoded.image, options.signal);
    const run = runDeterministicChecks(
      { photo: decoded.image, reference: golden?.image, spec, barcodes },
      defaultCheckSuite,
    );
    verdicts.push(fuseVerdict({ checks: run.checks, now: new Date() }).verdict);
    checksMs += performance.now() - started;
    options.onProgress?.('checks', index + 1, photos.length);
  }
  const verdictCounts = { pass: 0, fail: 0, needs_review: 0, retake: 0 };
  for (const verdict of verdicts) verdictCounts[verdict] += 1;
  stages.push({
    stage: 'deterministic_checks',
    status: 'ran',
    ...defectScores(
      truth,
      verdicts.map((verdict) => verdict === 'fail'),
    ),
    msPerImage: checksMs / Math.max(1, photos.length),
    photosWithReference: withReference,
    verdicts: verdictCounts,
    note:
      withReference === 0
        ? 'no golden references in this set: only the photo-quality checks (blur, exposure, glare) ran, and they do not call a pack defective'
        : '"defect" = a fail verdict; retake and needs_review count as not defect',
  });

  // 2. the learned classifier under stratified cross-validation (features + CV of V3's trainer)
  try {
    const started = performance.now();
    const trained = await trainDefectClassifier({
      input: options.input,
      model: 'best',
      seed: options.seed,
      folds: options.folds,
      ...(options.signal !== undefined && { signal: options.signal }),
      ...(options.onProgress !== undefined && {
        onProgress: (stage: string, done: number, total: number) =>
          options.onProgress!(`classifier ${stage}`, done, total),
      }),
    });
    const best = trained.crossValidation.find((report) => report.kind === trained.model)!;
    const [[trueNegatives, falsePositives], [falseNegatives, truePositives]] = best.defectVsGood
      .confusion as [number[], number[]];
    stages.push({
      stage: 'classifier_cross_validated',
      status: 'ran',
      photos: photos.length,
      accuracy: best.defectVsGood.accuracy,
      precision: best.defectVsGood.precisionDefect,
      recall: best.defectVsGood.recallDefect,
      confusion: {
        truePositives: truePositives!,
        falsePositives: falsePositives!,
        trueNegatives: trueNegatives!,
        falseNegatives: falseNegatives!,
      },
      msPerImage: (trained.featureSeconds * 1000) / Math.max(1, photos.length),
      model: best.kind,
      folds: best.folds,
      rocAuc: best.defectVsGood.rocAuc,
      totalSeconds: (performance.now() - started) / 1000,
      note: 'msPerImage is feature extraction; a prediction on the features takes microseconds',
    });
  } catch (error) {
    if (!(error instanceof TrainingDataError)) throw error;
    stages.push({ stage: 'classifier_cross_validated', status: 'skipped', reason: error.message });
  }

  // 3. the vision model, only when Ollama answers and has it
  const config = configFromEnvironment();
  const status =
    options.model === false
      ? undefined
      : await probeOllama({ host: config.ollamaHost, models: config.models });
  if (status === undefined || !status.reachable || status.models.vision.present !== true) {
    stages.push({
      stage: 'vision_model',
      status: 'skipped',
      reason:
        status === undefined
          ? 'skipped: --no-model'
          : `skipped: no vision model reachable at ${config.ollamaHost} (${status.message})`,
    });
  } else {
    const vision = createVisionModel(
      createOllamaClient({
        host: config.ollamaHost,
        numCtx: config.numCtx,
        keepAlive: config.keepAlive,
      }),
      config.models.vision,
    );
    const predicted: boolean[] = [];
    let modelMs = 0;
    let unusable = 0;
    for (const [index, photo] of photos.entries()) {
      const jpeg = await sharp(photo.path)
        .rotate()
        .resize(1024, 1024, { fit: 'inside' })
        .jpeg()
        .toBuffer();
      const outcome = await askVisionModel(vision, {
        imageBase64: jpeg.toString('base64'),
        product: null,
        lot: null,
        signal: options.signal ?? new AbortController().signal,
      });
      modelMs += outcome.ms;
      if (outcome.status !== 'ok') unusable += 1;
      predicted.push(outcome.status === 'ok' && outcome.answer.defects.length > 0);
      options.onProgress?.('vision model', index + 1, photos.length);
    }
    stages.push({
      stage: 'vision_model',
      status: 'ran',
      ...defectScores(truth, predicted),
      msPerImage: modelMs / Math.max(1, photos.length),
      model: config.models.vision,
      unusableAnswers: unusable,
    });
  }
  return {
    input: options.input,
    photos: photos.length,
    defects: truth.filter(Boolean).length,
    stages,
  };
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(100 * value).toFixed(1)}%`);

export function formatBenchInspect(report: BenchInspectReport): string {
  const lines = [`${report.photos} photos (${report.defects} defective) in ${report.input}`];
  for (const stage of report.stages) {
    if (stage.status === 'skipped') {
      lines.push(`${stage.stage}: ${stage.reason}`);
      continue;
    }
    lines.push(
      `${stage.stage}: accuracy ${percent(stage.accuracy)}, precision ${percent(stage.precision)}, recall ${percent(stage.recall)} of "defect"; ${stage.msPerImage.toFixed(1)} ms per image`,
    );
    if (stage.note !== undefined) lines.push(`  ${stage.note}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerBenchInspectCommand(bench: Command): void {
  bench
    .command('inspect')
    .description(
      'accuracy, precision and recall of "defect" per inspection stage over a labelled photo set',
    )
    .requiredOption(
      '--input <dir>',
      'labels.csv (file,label,is_defect) or one sub-folder per label',
    )
    .option('--folds <n>', 'stratified cross-validation folds of the classifier', '5')
    .option('--seed <n>', 'seed of the folds', '1')
    .option('--no-model', 'do not ask the vision model even when reachable')
    .option('--json', 'print the figures as JSON')
    .action(
      action(
        async (flags: {
          input: string;
          folds: string;
          seed: string;
          model: boolean;
          json?: boolean;
        }) => {
          const folds = parseWholeNumber(flags.folds, '--folds', 2, 20);
          const seed = parseWholeNumber(flags.seed, '--seed', 0, 2 ** 31 - 1);
          const bar = process.stderr.isTTY ? createProgressBar(process.stderr, 'steps') : undefined;
          let report: BenchInspectReport;
          try {
            report = await runBenchInspect({
              input: flags.input,
              folds,
              seed,
              model: flags.model,
              onProgress: (_stage, done, total) => bar?.update(done, done / total),
            });
          } catch (error) {
            if (error instanceof LabelledFolderError) throw new UsageError(error.message);
            throw error;
          } finally {
            bar?.end();
          }
          process.stdout.write(
            flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatBenchInspect(report),
          );
        },
      ),
    );
}
