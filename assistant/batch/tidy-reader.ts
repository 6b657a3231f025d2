// Streaming reader of tidy benchmark files (ARCHITECTURE.md 3.5): `series_id,date,value`, also
// Nixtla's `unique_id,ds,y` and `date_or_index`; `,` or `;` (with decimal commas), a BOM is fine.
// Rows of a series must be together in the file so that one series at a time is in memory; with
// `unsorted` the whole file is read first. Empty, NA and NaN values are missing (NaN), as are the
// periods with no row; negative or non-numeric values are errors naming file, line and column.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { Invalid } from '../store/import/cells';
import { sniffHeader } from '../store/import/source';
import { createDateMemo, readTimeCell, readValueCell } from './tidy-cells';
import { TidyFileError } from './tidy-errors';
import { assembleSeries, type AssembleContext, type TidyRow, type TidySeries } from './tidy-series';
import type { Frequency } from './tidy-time';

export type { TidySeries } from './tidy-series';

export interface TidyReadOptions {
  /** Read the whole file first, for files whose series are not contiguous (memory grows). */
  unsorted?: boolean;
  /** The frequency of dated series, instead of inferring it from the dates. */
  frequency?: Frequency;
  signal?: AbortSignal;
  /** Called every few thousand rows with the bytes read so far and the file's size. */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}

const ID_COLUMNS = ['series_id', 'unique_id'];
const DATE_COLUMNS = ['date', 'ds', 'date_or_index'];
const VALUE_COLUMNS = ['value', 'y'];

interface Columns {
  id: number;
  date: number;
  value: number;
  names: string[];
}

function findColumns(file: string, header: string[]): Columns {
  const names = header.map((name) => name.trim());
  const lower = names.map((name) => name.toLowerCase());
  const find = (aliases: string[], role: string): number => {
    const index = lower.findIndex((name) => aliases.includes(name));
    if (index < 0)
      throw new TidyFileError(
        file,
        1,
        null,
        null,
        `the header has no ${role} column (found: ${names.join(', ') || 'nothing'})`,
        `name the columns series_id,date,value (or unique_id,ds,y); ${role} may be called ${aliases.join(' or ')}`,
      );
    return index;
  };
  return {
    id: find(ID_COLUMNS, 'series id'),
    date: find(DATE_COLUMNS, 'date'),
    value: find(VALUE_COLUMNS, 'value'),
    names,
  };
}

async function sniffDelimiter(path: string, file: string): Promise<',' | ';' | '\t'> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead === 0)
      throw new TidyFileError(
        file,
        1,
        null,
        null,
        'the file is empty',
        'give a CSV with a header row series_id,date,value',
      );
    const head = buffer.subarray(0, bytesRead);
    const nul = head.indexOf(0);
    if (nul >= 0)
      throw new TidyFileError(
        file,
        1,
        null,
        null,
        `the file is binary, not CSV text (a NUL byte at byte ${nul})`,
        'export the data as CSV (UTF-8)',
      );
    const text = head.toString('utf8').replace(/^\uFEFF/, '');
    return sniffHeader(text).delimiter;
  } finally {
    await handle.close();
  }
}

function csvProblem(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed';
  return error.message;
}

/**
 * The series of a tidy file, one at a time, in file order (first appearance with `unsorted`).
 * Throws TidyFileError for a malformed file, value, date or ordering.
 */
export async function* readTidySeries(
  path: string,
  options: TidyReadOptions = {},
): AsyncGenerator<TidySeries> {
  const file = basename(path);
  const total = (await stat(path)).size;
  const delimiter = await sniffDelimiter(path, file);
  // csv-parse's per-record `info` costs a third of the reading time: lines are counted here
  // instead (one per record, plus the line breaks inside quoted fields), blank lines included.
  const parser = createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(
    parse({ delimiter, bom: true, skip_empty_lines: false, relax_column_count: true }),
  );
  let line = 0;
  const dayOf = createDateMemo();
  let columns: Columns | undefined;
  let context: AssembleContext | undefined;
  let currentId: string | undefined;
  let rows: TidyRow[] = [];
  const finished = new Set<string>();
  const grouped = new Map<string, TidyRow[]>();
  let rowsRead = 0;

  const finish = (id: string, seriesRows: TidyRow[]): TidySeries => {
    const series = assembleSeries(id, seriesRows, context as AssembleContext);
    if (series.time.kind === 'date' && context)
      context.previous = { frequency: series.time.frequency, monthEnd: series.time.monthEnd };
    return series;
  };

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      options.signal?.throwIfAborted();
      line += 1;
      const recordLine = line;
      for (const field of record) if (field.includes('\n')) line += field.split('\n').length - 1;
      if (record.length === 1 && record[0]?.trim() === '') continue;
      if (columns === undefined) {
        columns = findColumns(file, record);
        continue;
      }
      if (record.length !== columns.names.length)
        throw new TidyFileError(
          file,
          recordLine,
          null,
          null,
          `the row has ${record.length} fields but the header has ${columns.names.length}`,
          `give every row the ${columns.names.length} fields of the header (${columns.names.join(',')}), with a value that holds ${delimiter === ';' ? 'a ;' : 'a comma'} in double quotes`,
        );
      rowsRead += 1;
      if (options.onProgress && rowsRead % 5000 === 0)
        options.onProgress((parser as unknown as { info: { bytes: number } }).info.bytes, total);
      const names = columns.names;
      const id = (record[columns.id] ?? '').trim();
      if (id === '')
        throw new TidyFileError(
          file,
          recordLine,
          names[columns.id] ?? 'series_id',
          '',
          'is empty',
          'every row needs the id of its series',
        );
      const dateText = (record[columns.date] ?? '').trim();
      const dateName = names[columns.date] ?? 'date';
      const time = readTimeCell(dateText, dayOf);
      if (time instanceof Invalid)
        throw new TidyFileError(file, recordLine, dateName, dateText, time.problem, time.fix ?? '');
      context ??= { file, dateColumn: dateName, kind: time.kind, frequency: options.frequency };
      if (context.kind !== time.kind)
        throw new TidyFileError(
          file,
          recordLine,
          dateName,
          dateText,
          `is ${time.kind === 'date' ? 'a date' : 'an index'} but earlier rows have ${context.kind === 'date' ? 'dates' : 'integer indexes'}`,
          'use one kind of time column in the whole file',
        );
      const valueText = (record[columns.value] ?? '').trim();
      const value = readValueCell(valueText, delimiter);
      if (value instanceof Invalid)
        throw new TidyFileError(
          file,
          recordLine,
          names[columns.value] ?? 'value',
          valueText,
          value.problem,
          value.fix ?? '',
        );
      const row: TidyRow = { key: time.key, value, line: recordLine };
      if (options.unsorted) {
        const list = grouped.get(id);
        if (list) list.push(row);
        else grouped.set(id, [row]);
        continue;
      }
      if (id !== currentId) {
        if (finished.has(id))
          throw new TidyFileError(
            file,
            recordLine,
            names[columns.id] ?? 'series_id',
            id,
            'appears again after rows of other series',
            'sort the file by series id so that the rows of each series are together, or pass --unsorted (reads the whole file into memory)',
          );
        if (currentId !== undefined) {
          finished.add(currentId);
          yield finish(currentId, rows);
        }
        currentId = id;
        rows = [];
      }
      rows.push(row);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : 0;
      throw new TidyFileError(
        file,
        line,
        null,
        null,
        csvProblem(error),
        'every row needs the same fields as the header, with any " inside a value written as ""',
      );
    }
    throw error;
  } finally {
    parser.destroy();
  }
  if (columns === undefined)
    throw new TidyFileError(
      file,
      1,
      null,
      null,
      'the file has no header row',
      'give a CSV with a header row series_id,date,value',
    );
  options.onProgress?.(total, total);
  if (options.unsorted) {
    for (const [id, seriesRows] of grouped) {
      grouped.delete(id);
      yield finish(id, seriesRows);
    }
  } else if (currentId !== undefined) yield finish(currentId, rows);
}
