// `ayni import <sales|products|inventory|supply> FILE`: validated CSV import into the store
// (ARCHITECTURE.md 3.5). All or nothing, unless --skip-invalid.
import type { Command } from 'commander';
import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ImportRejectedError } from '../../errors';
import { openDatabase } from '../../store/database';
import {
  IMPORT_KINDS,
  importCsv,
  type ImportKind,
  type ImportReport,
} from '../../store/import/import-csv';
import { action, configFromEnvironment, UsageError } from '../run-command';

interface ImportCommandOptions {
  createMissing?: boolean;
  skipInvalid?: boolean;
  json?: boolean;
}

const PROGRESS_FROM_BYTES = 5_000_000;
const PROBLEMS_SHOWN = 5;

function isKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}

const count = (value: number) => value.toLocaleString('en-US');
const plural = (value: number, noun: string) => `${count(value)} ${noun}${value === 1 ? '' : 's'}`;

function summary(report: ImportReport, rejectedPath: string | undefined): string {
  const delimiter = report.delimiter === '\t' ? 'tab' : `'${report.delimiter}'`;
  const lines = [
    `${report.file}: ${plural(report.rowsImported, 'row')} imported into ${report.kind} (read ${count(report.rowsRead)}; ${delimiter}-separated${report.decimalComma ? ', decimal commas' : ''}, ${report.encoding})`,
  ];
  const { products, locations } = report.created;
  if (products + locations > 0)
    lines.push(`created ${plural(products, 'product')} and ${plural(locations, 'location')}`);
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  if (report.rowsRejected > 0) {
    lines.push(
      `${plural(report.rowsRejected, 'row')} rejected${rejectedPath ? `, written to ${rejectedPath}` : ''}:`,
    );
    for (const problem of report.problems.slice(0, PROBLEMS_SHOWN))
      lines.push(`  line ${problem.line}: ${problem.reason}`);
    if (report.problemCount > PROBLEMS_SHOWN)
      lines.push(`  ... and ${plural(report.problemCount - PROBLEMS_SHOWN, 'more problem')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function runImport(kind: string, file: string, options: ImportCommandOptions) {
  if (!isKind(kind))
    throw new UsageError(`kind "${kind}" is not one of ${IMPORT_KINDS.join(', ')}`);
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new UsageError(`${file} is not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const config = configFromEnvironment();
  const database = openDatabase({ path: join(config.dataDir, 'ayni.db') });
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  const rejectedPath = options.skipInvalid ? `${file}.rejected.csv` : undefined;
  const rejectedOutput = rejectedPath ? createWriteStream(rejectedPath) : undefined;
  const showProgress = process.stderr.isTTY === true && size >= PROGRESS_FROM_BYTES;
  let report: ImportReport | undefined;
  try {
    report = await importCsv(database, {
      kind,
      fileName: basename(file),
      source: input,
      createMissing: options.createMissing ?? false,
      skipInvalid: options.skipInvalid ?? false,
      rejectedOutput,
      onProgress: showProgress
        ? (rows) => {
            const percent = Math.min(100, Math.round((input.bytesRead / size) * 100));
            process.stderr.write(
              `\rimporting ${basename(file)}: ${count(rows)} rows (${percent}%)`,
            );
          }
        : undefined,
    });
  } catch (error) {
    if (options.json && error instanceof ImportRejectedError)
      process.stdout.write(`${JSON.stringify(error.details, null, 2)}\n`);
    throw error;
  } finally {
    if (showProgress) process.stderr.write('\r\x1b[K');
    input.destroy();
    database.close();
    if (rejectedOutput) {
      rejectedOutput.end();
      await once(rejectedOutput, 'close');
      if (rejectedPath && !(report && report.rowsRejected > 0)) unlinkSync(rejectedPath);
    }
  }
  process.stdout.write(
    options.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report, rejectedPath),
  );
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import a CSV file into the store: all rows or none (unless --skip-invalid), upserting by key',
    )
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument('<file>', 'CSV file: UTF-8 (or Windows-1252), "," or ";" (decimal commas) or tab')
    .option('--create-missing', 'create unknown SKUs and locations instead of rejecting their rows')
    .option(
      '--skip-invalid',
      'import the valid rows; write the rejected ones to <file>.rejected.csv',
    )
    .option('--json', 'print the report as JSON')
    .action(action(runImport));
}
