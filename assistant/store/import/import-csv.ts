// Validated streaming CSV import (ARCHITECTURE.md 3.5): csv-parse streams records (quote-free text
// is split by plain-records.ts into the same records, faster), every row is checked (zod, with a
// fast path for valid rows in kinds.ts), and all writes happen in one transaction that spans the
// read, so a rejected file leaves the store untouched.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { CsvError, parse, type Parser } from 'csv-parse';
import { ConflictError, ImportRejectedError } from '../../errors';
import type { SqliteDatabase } from '../database';
import { Invalid } from './cells';
import { PlainRecords } from './plain-records';
import { ProblemCollector, rejectionMessage } from './report';
import { RowReader } from './rows';
import { openSource, UnusableFile, type OpenedSource } from './source';
import type { ImportKind, ImportReport } from './types';

export type { ImportKind, ImportProblem, ImportReport } from './types';
export { IMPORT_KINDS } from './types';

export interface ImportOptions {
  kind: ImportKind;
  /** Shown in problems and messages (a name, not read from disk). */
  fileName: string;
  source: AsyncIterable<Uint8Array | string>;
  /** Create unknown locations (and, for sales/inventory/supply, unknown SKUs) instead of rejecting rows. */
  createMissing?: boolean;
  /** Import the valid rows and write the rejected ones to rejectedOutput. */
  skipInvalid?: boolean;
  /** Where rejected rows go as CSV with an extra 'error' column, when skipInvalid (not ended here). */
  rejectedOutput?: NodeJS.WritableStream;
  onProgress?: (rowsRead: number) => void;
  signal?: AbortSignal;
}

/** Reasons for csv-parse's errors, which stop the parse: the whole file is rejected. */
function parseErrorInvalid(error: CsvError): Invalid {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new Invalid(
        'a quoted field that starts in this record is never closed',
        'look for a stray " and write a literal quote as ""',
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new Invalid(
        'the record is longer than 128,000 characters',
        'look for an unclosed " in this record',
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new Invalid(
        'a closing quote is followed by other characters',
        'write a literal quote inside a quoted value as ""',
      );
    default:
      return new Invalid(`the CSV cannot be read: ${error.message}`);
  }
}

async function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (!output.write(text)) await once(output, 'drain');
}

/**
 * Imports one CSV file into the store through `database` (a dedicated connection for file-backed
 * stores: the transaction stays open while the file streams). Resolves with the report; throws
 * ImportRejectedError (details = the report) when any row is invalid without skipInvalid, or the
 * file as a whole is unusable (empty, binary, unreadable CSV, missing columns).
 */
export async function importCsv(
  database: SqliteDatabase,
  options: ImportOptions,
): Promise<ImportReport> {
  if (database.inTransaction)
    throw new ConflictError(
      'importCsv needs a connection with no open transaction: pass a dedicated connection',
    );
  options.signal?.throwIfAborted();
  const report: ImportReport = {
    kind: options.kind,
    file: options.fileName,
    delimiter: ',',
    decimalComma: false,
    encoding: 'utf-8',
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    created: { products: 0, locations: 0 },
    warnings: [],
    problems: [],
    problemCount: 0,
  };
  const collector = new ProblemCollector(options.fileName);
  const reject = (): never => {
    report.rowsImported = 0;
    report.created = { products: 0, locations: 0 };
    report.problems = collector.problems;
    report.problemCount = collector.count;
    throw new ImportRejectedError(rejectionMessage(report), report);
  };

  let source: OpenedSource;
  try {
    source = await openSource(options.source);
  } catch (error) {
    if (!(error instanceof UnusableFile)) throw error;
    collector.add(error.line, null, null, error.invalid);
    return reject();
  }
  report.delimiter = source.delimiter;
  report.decimalComma = source.delimiter === ';';
  const skipInvalid = options.skipInvalid ?? false;
  const rows = new RowReader({
    database,
    kind: options.kind,
    format: {
      delimiter: source.delimiter,
      decimalComma: report.decimalComma,
      dayFirstSlashDates: source.delimiter === ';',
    },
    lineBreak: source.lineBreak,
    createMissing: options.createMissing ?? false,
    skipInvalid,
    keepRejected: skipInvalid && options.rejectedOutput !== undefined,
    collector,
    invalidUtf8: () => source.invalidUtf8,
  });
  const output = skipInvalid ? options.rejectedOutput : undefined;
  let headerWritten = false;
  let outputError: unknown;
  const onOutputError = (error: unknown) => {
    outputError ??= error;
  };
  output?.on('error', onOutputError);
  const flushRejected = async () => {
    if (outputError !== undefined) throw outputError;
    if (!output || rows.rejectedText === '') return;
    const text =
      (headerWritten
        ? ''
        : (source.bom || source.encoding !== 'utf-8' ? '\uFEFF' : '') + rows.rejectedHeader()) +
      rows.rejectedText;
    headerWritten = true;
    rows.rejectedText = '';
    await write(output, text);
  };

  const restorePragmas = importPragmas(database);
  database.exec('BEGIN IMMEDIATE');
  let fileUnusable = false;
  try {
    try {
      await parseInto(source, rows, options, flushRejected);
      await flushRejected();
    } catch (error) {
      if (!(error instanceof UnusableFile || error instanceof CsvError)) throw error;
      fileUnusable = true;
      const invalid = error instanceof UnusableFile ? error.invalid : parseErrorInvalid(error);
      collector.add(error instanceof UnusableFile ? error.line : rows.line, null, null, invalid);
    }
    report.encoding = source.encoding;
    report.rowsRead = rows.rowsRead;
    report.rowsRejected = rows.rowsRejected;
    report.warnings.push(...source.warnings, ...rows.warnings, ...rows.sinkWarnings);
    if (collector.count === 0 && !rows.headerSeen) {
      fileUnusable = true;
      collector.add(
        1,
        null,
        null,
        new Invalid(
          'the file has no header row, only blank lines',
          'export the data as CSV with a header row',
        ),
      );
    }
    if (fileUnusable || (collector.count > 0 && !skipInvalid)) {
      database.exec('ROLLBACK');
      return reject();
    }
    rows.finish();
    if (outputError !== undefined) throw outputError;
    if (rows.rowsRead === 0)
      report.warnings.push('the file has a header but no data rows: nothing imported');
    report.rowsImported = rows.rowsImported;
    report.created = rows.created();
    report.problems = collector.problems;
    report.problemCount = collector.count;
    database.exec('COMMIT');
    return report;
  } finally {
    if (database.inTransaction) database.exec('ROLLBACK');
    restorePragmas();
    output?.removeListener('error', onOutputError);
  }
}

const IMPORT_CACHE_KIB = 64 * 1024;

/**
 * Connection settings for the import, and how to restore them: a 64 MiB page cache (SQLite's
 * default 2 MiB makes the writes of a large file thrash), and foreign-key checks off, since every
 * sku_id and location_id written was just read from, or inserted into, products and locations in
 * the same transaction (this saves two index probes a row). Both must be set outside a transaction.
 */
function importPragmas(database: SqliteDatabase): () => void {
  const cacheSize = Number(database.pragma('cache_size', { simple: true }));
  const pageSize = Number(database.pragma('page_size', { simple: true }));
  const foreignKeys = Number(database.pragma('foreign_keys', { simple: true }));
  const cacheKib = cacheSize < 0 ? -cacheSize : (cacheSize * pageSize) / 1024;
  if (cacheKib < IMPORT_CACHE_KIB) database.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  if (foreignKeys) database.pragma('foreign_keys = OFF');
  return () => {
    if (!database.open) return;
    database.pragma(`cache_size = ${cacheSize}`);
    if (foreignKeys) database.pragma('foreign_keys = ON');
  };
}

/**
 * Streams the chunks into the row reader, with backpressure, progress and abort: quote-free text
 * through PlainRecords, and from the first chunk with a quote on through csv-parse.
 */
async function parseInto(
  source: OpenedSource,
  rows: RowReader,
  options: ImportOptions,
  flushRejected: () => Promise<void>,
): Promise<void> {
  const plain = new PlainRecords(source.delimiter, (record) => rows.take(record));
  let parser: Parser | undefined;
  let done: Promise<void> | undefined;
  let failure: unknown;
  const startParser = (): Parser => {
    const started = parse(plain.csvParseOptions());
    started.on('data', (record: string[]) => {
      if (failure !== undefined) return;
      try {
        rows.take(record);
      } catch (error) {
        failure = error;
      }
    });
    started.on('error', (error) => {
      failure ??= error;
    });
    done = finished(started);
    done.catch(() => undefined);
    return started;
  };
  let lastProgress = 0;
  try {
    for await (const chunk of source.chunks) {
      options.signal?.throwIfAborted();
      if (failure !== undefined) break;
      let pending: Buffer | string | undefined = chunk;
      if (parser === undefined) {
        pending = plain.write(chunk);
        if (pending !== undefined) parser = startParser();
      }
      if (parser !== undefined && pending !== undefined) {
        if (!parser.write(pending) && failure === undefined) await once(parser, 'drain');
      }
      if (failure !== undefined) break;
      if (rows.rejectedText.length > 65_536) await flushRejected();
      if (options.onProgress && rows.rowsRead - lastProgress >= 10_000) {
        lastProgress = rows.rowsRead;
        options.onProgress(rows.rowsRead);
      }
    }
    if (failure === undefined) {
      if (parser === undefined) plain.end();
      else {
        parser.end();
        await done;
      }
    }
  } catch (error) {
    failure ??= error;
  }
  if (failure !== undefined) {
    parser?.destroy();
    throw failure;
  }
  options.onProgress?.(rows.rowsRead);
}
