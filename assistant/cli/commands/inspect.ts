// `ayni inspect FILES...`: batch QC of packaging photos (issue 6): each photo (a folder expands to
// its images) through intake, the deterministic checks against the SKU's golden reference, the
// vision model unless --no-model, and fusion; saved in the store like the server's inspections.
// Subcommands: train (the defect classifier), reference (import a golden reference), generate
// (a labelled set of generated photos).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Command } from 'commander';
import type { Finding } from '../../../models/vision/check-result';
import { defaultQcSpec } from '../../../models/vision/qc-defaults';
import { defaultCheckSuite } from '../../../models/vision/run-checks-suite';
import { readBarcodes } from '../../../tools/inspection/barcode-reader';
import type { GoldenReferences } from '../../../tools/inspection/golden-references';
import { inspectPhoto } from '../../../tools/inspection/inspect-photo';
import type { InspectionVerdict } from '../../../tools/inspection/inspection-records';
import { decodePhoto } from '../../../tools/inspection/intake';
import { PhotoRejectedError } from '../../../tools/inspection/photo-rejected-error';
import { createProgressBar } from '../../batch/progress';
import { PHOTO_EXTENSIONS } from '../../inspection/read-labelled-folder';
import {
  createReferenceStore,
  loadReferenceFolder,
  parseLabelBox,
  ReferenceSpecError,
} from '../../inspection/reference-store';
import { createVisionModel } from '../../inspection/vision-model';
import { createOllamaClient } from '../../llm/ollama-client';
import { openStore } from '../../store/store';
import { createStoreToolContext } from '../../store/tool-context';
import { action, configFromEnvironment, UsageError } from '../run-command';
import { writeGeneratedSet } from './bench-inspect-set';
import { parseWholeNumber, runCancellable } from './forecast-options';
import { inspectTrainCommand } from './inspect-train';

export interface InspectOptions {
  sku?: string;
  lot?: string;
  line?: string;
  reference?: string;
  labelBox?: string;
  /** commander's --no-model: false when given */
  model: boolean;
  json?: boolean;
}

export interface InspectFileResult {
  file: string;
  verdict: InspectionVerdict;
  findings: Finding[];
}

export interface InspectFileError {
  file: string;
  reason: string;
  message: string;
}

export interface InspectReport {
  results: InspectFileResult[];
  errors: InspectFileError[];
}

/** The files to inspect: files as given, folders expanded to their images (sorted). */
export function expandPhotoPaths(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new UsageError('give the photos (files or a folder) to inspect');
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
    if (!statSync(path).isDirectory()) return [path];
    const images = readdirSync(path)
      .filter((name) => PHOTO_EXTENSIONS.includes(extname(name).toLowerCase()))
      .sort()
      .map((name) => join(path, name));
    if (images.length === 0)
      throw new UsageError(`${path}: no ${PHOTO_EXTENSIONS.join('/')} photos in the folder`);
    return images;
  });
}

/** --reference: a SKU folder (reference.png + spec.json) or one image (default spec, --label-box). */
async function oneOffReference(
  path: string,
  sku: string,
  labelBox: string | undefined,
): Promise<GoldenReferences> {
  const full = resolve(path);
  if (!existsSync(full)) throw new UsageError(`--reference ${path}: no such file or folder`);
  try {
    const reference = statSync(full).isDirectory()
      ? await loadReferenceFolder(full, sku)
      : {
          image: (await decodePhoto(readFileSync(full), { fileName: full })).image,
          spec: defaultQcSpec(sku),
        };
    if (labelBox !== undefined) reference.spec.labelBox = parseLabelBox(labelBox);
    return { forSku: async (asked) => (asked === sku ? reference : undefined) };
  } catch (error) {
    if (error instanceof ReferenceSpecError || error instanceof PhotoRejectedError)
      throw new UsageError(`--reference ${path}: ${error.message}`);
    throw error;
  }
}

/** The command's work without commander: inspects every file and returns the report. */
export async function runInspect(
  paths: readonly string[],
  options: InspectOptions,
  signal: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<InspectReport> {
  const files = expandPhotoPaths(paths);
  const config = configFromEnvironment();
  if (options.reference !== undefined && options.sku === undefined)
    throw new UsageError('--reference needs --sku CODE (the product the reference shows)');
  if (options.labelBox !== undefined && options.reference === undefined)
    throw new UsageError('--label-box goes with --reference FILE');
  const sku = options.sku?.trim();
  const references =
    options.reference !== undefined
      ? await oneOffReference(options.reference, sku!, options.labelBox)
      : createReferenceStore({ importDir: join(config.dataDir, 'qc') });
  const store = openStore({ path: join(config.dataDir, 'ayni.db') });
  try {
    const vision = options.model
      ? createVisionModel(
          createOllamaClient({
            host: config.ollamaHost,
            numCtx: config.numCtx,
            keepAlive: config.keepAlive,
            retries: 0,
          }),
          config.models.vision,
        )
      : undefined;
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    const context = createStoreToolContext(store, {
      signal,
      now: () => new Date(),
      logger,
      ...(vision && { vision }),
    });
    const report: InspectReport = { results: [], errors: [] };
    for (const [index, file] of files.entries()) {
      signal.throwIfAborted();
      try {
        const inspection = await inspectPhoto(
          {
            bytes: new Uint8Array(readFileSync(file)),
            fileName: file,
            ...(sku !== undefined && { sku }),
            ...(options.lot !== undefined && { lot: options.lot }),
            ...(options.line !== undefined && { line: options.line }),
          },
          {
            context,
            checks: defaultCheckSuite,
            references,
            readBarcodes: (image) => readBarcodes(image),
          },
        );
        report.results.push({
          file,
          verdict: inspection.record.verdict,
          findings: inspection.record.findings,
        });
      } catch (error) {
        if (error instanceof ReferenceSpecError) throw new UsageError(error.message);
        if (!(error instanceof PhotoRejectedError)) throw error;
        report.errors.push({ file, reason: error.reason, message: error.message });
      }
      onProgress?.(index + 1, files.length);
    }
    return report;
  } finally {
    store.close();
  }
}

export function formatInspectReport(report: InspectReport): string {
  const lines = report.results.map((result) => {
    const main = result.findings
      .slice(0, 3)
      .map((finding) => `${finding.type}: ${finding.message}`)
      .join('; ');
    return `${result.file}: ${result.verdict.toUpperCase()}${main === '' ? '' : ` (${main})`}`;
  });
  for (const error of report.errors) lines.push(`${error.file}: NOT INSPECTED (${error.message})`);
  const counts = new Map<string, number>();
  for (const result of report.results)
    counts.set(result.verdict, (counts.get(result.verdict) ?? 0) + 1);
  lines.push(
    `${report.results.length} inspected${[...counts].map(([verdict, count]) => `, ${count} ${verdict}`).join('')}${report.errors.length > 0 ? `; ${report.errors.length} could not be inspected` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

function referenceCommand(): Command {
  return new Command('reference')
    .description('import a golden reference photo (and QC spec) for a SKU into AYNI_DATA_DIR/qc')
    .requiredOption('--sku <code>', 'the product code, e.g. CON-001')
    .requiredOption('--image <file>', 'a front-on photo of a good pack (JPEG, PNG or WebP)')
    .option('--spec <file>', 'spec.json: checks, tolerances, labelBox, ean (all optional)')
    .option('--label-box <x,y,w,h>', "the label's region in the reference's pixels")
    .option('--json', 'print { sku, folder, spec } as JSON')
    .action(
      action(
        async (options: {
          sku: string;
          image: string;
          spec?: string;
          labelBox?: string;
          json?: boolean;
        }) => {
          const config = configFromEnvironment();
          const store = createReferenceStore({ importDir: join(config.dataDir, 'qc') });
          if (!existsSync(options.image))
            throw new UsageError(`--image ${options.image}: no such file`);
          let spec: unknown;
          if (options.spec !== undefined) {
            if (!existsSync(options.spec))
              throw new UsageError(`--spec ${options.spec}: no such file`);
            try {
              spec = JSON.parse(readFileSync(options.spec, 'utf8'));
            } catch (error) {
              throw new UsageError(
                `--spec ${options.spec}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
              );
            }
          }
          try {
            const imported = await store.importReference({
              sku: options.sku,
              image: new Uint8Array(readFileSync(options.image)),
              fileName: options.image,
              ...(spec !== undefined && { spec, specName: options.spec }),
              ...(options.labelBox !== undefined && { labelBox: parseLabelBox(options.labelBox) }),
            });
            process.stdout.write(
              options.json
                ? `${JSON.stringify(imported, null, 2)}\n`
                : `imported the golden reference of ${imported.sku} into ${imported.folder}\n`,
            );
          } catch (error) {
            if (error instanceof ReferenceSpecError || error instanceof PhotoRejectedError)
              throw new UsageError(error.message);
            throw error;
          }
        },
      ),
    );
}

function generateCommand(): Command {
  return new Command('generate')
    .description('write a labelled set of generated pack photos (PNGs, labels.csv, references/)')
    .requiredOption('--out <dir>', 'folder to write')
    .option('--count <n>', 'photos', '110')
    .option('--seed <n>', 'random seed; the same seed gives the same photos', '1')
    .option('--json', 'print { out, photos, countsByKind } as JSON')
    .action(
      action(async (options: { out: string; count: string; seed: string; json?: boolean }) => {
        const count = parseWholeNumber(options.count, '--count', 1, 100_000);
        const seed = parseWholeNumber(options.seed, '--seed', 0, 2 ** 31 - 1);
        const bar = process.stderr.isTTY ? createProgressBar(process.stderr, 'photos') : undefined;
        const summary = await writeGeneratedSet({
          out: options.out,
          count,
          seed,
          onPhoto: (done, total) => bar?.update(done, done / total),
        });
        bar?.end();
        process.stdout.write(
          options.json
            ? `${JSON.stringify(summary, null, 2)}\n`
            : `wrote ${summary.photos} photos, labels.csv and references/ to ${summary.out}\n`,
        );
      }),
    );
}

export function registerInspectCommand(program: Command): void {
  program
    .command('inspect')
    .description('inspect packaging photos: verdict pass, fail, needs_review or retake per photo')
    .argument('[files...]', 'photos (JPEG, PNG, WebP) or folders of photos')
    .option('--sku <code>', 'the product in the photos: its golden reference, spec and EAN')
    .option('--lot <lot>', 'the lot code, saved with each inspection')
    .option('--line <line>', 'the production line, saved with each inspection')
    .option('--reference <path>', 'a golden reference for this run: an image or a SKU folder')
    .option('--label-box <x,y,w,h>', "with --reference FILE: the label's region in its pixels")
    .option('--no-model', 'deterministic checks only (do not ask the vision model)')
    .option(
      '--json',
      'print { results: [{ file, verdict, findings }], errors: [{ file, reason, message }] }',
    )
    .addCommand(inspectTrainCommand())
    .addCommand(referenceCommand())
    .addCommand(generateCommand())
    .action(
      action(async (files: string[], options: InspectOptions) => {
        const bar = process.stderr.isTTY ? createProgressBar(process.stderr, 'photos') : undefined;
        await runCancellable(
          async (signal) => {
            const report = await runInspect(files, options, signal, (done, total) =>
              bar?.update(done, done / total),
            );
            bar?.end();
            process.stdout.write(
              options.json ? `${JSON.stringify(report, null, 2)}\n` : formatInspectReport(report),
            );
            if (report.errors.length > 0) process.exitCode = 1;
          },
          () => bar?.end(),
        );
      }),
    );
}
