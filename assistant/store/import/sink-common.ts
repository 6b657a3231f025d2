// What every import sink shares: the Sink interface, zod issues turned into problems, the
// upsert statement over the columns a file has, and notices.
import type { SqliteDatabase } from '../database';
import { Invalid, quote, type CellFormat } from './cells';
import { createIsoDateFormatter } from './date-cells';
import type { CodeResolver } from './keys';
import type { RecordParsers } from './kinds';
import type { ImportKind } from './types';

export type Reporter = (column: string | null, value: string | null, invalid: Invalid) => void;
export type Parameter = number | string | null;

export interface Sink {
  /** Validates and stores one record (writing only when `write`); false when it was rejected. */
  take(record: string[], line: number, report: Reporter, write: boolean): boolean;
  /** Writes what is still buffered; call once, before COMMIT. */
  finish(): void;
  readonly warnings: string[];
  created(): { products: number; locations: number };
}

export interface SinkOptions {
  database: SqliteDatabase;
  kind: ImportKind;
  format: CellFormat;
  /** Field position of each (canonical) column the file has. */
  positions: ReadonlyMap<string, number>;
  createMissing: boolean;
}

/** `INSERT ... ON CONFLICT (key) DO UPDATE` over the key and the value columns the file has. */
export function upsertSql(
  table: string,
  keys: readonly string[],
  values: readonly string[],
): string {
  const columns = [...keys, ...values];
  const updates = values.map((column) => `${column} = excluded.${column}`).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates}`;
}

/** The raw text of a column in a record, for problems. */
export type RawField = (record: string[], column: string) => string | null;

export function rawField(positions: ReadonlyMap<string, number>): RawField {
  return (record, column) => record[positions.get(column) ?? -1] ?? null;
}

/** A sink from a record's parsers and the kind's `accept` (codes, duplicates, writing). */
export function makeSink<Row>(
  { schema, read }: RecordParsers<Row>,
  accept: (row: Row, record: string[], line: number, report: Reporter, write: boolean) => boolean,
  resolver: CodeResolver | undefined,
  warnings: string[],
  finish: () => void = () => undefined,
): Sink {
  return {
    take(record, line, report, write) {
      const row = read(record);
      if (row !== undefined) return accept(row, record, line, report, write);
      const parsed = schema.safeParse(record);
      if (parsed.success) return accept(parsed.data, record, line, report, write);
      for (const issue of parsed.error.issues) {
        const column = issue.path.length > 0 ? String(issue.path[0]) : null;
        const params = issue.code === 'custom' ? issue.params : undefined;
        const invalid =
          typeof params?.problem === 'string'
            ? new Invalid(params.problem, typeof params.fix === 'string' ? params.fix : undefined)
            : new Invalid(`${column ?? 'row'}: ${issue.message}`);
        report(column, typeof params?.value === 'string' ? params.value : null, invalid);
      }
      return false;
    },
    finish,
    warnings,
    created: () => ({
      products: resolver?.createdProducts ?? 0,
      locations: resolver?.createdLocations ?? 0,
    }),
  };
}

/** Notes once that slash dates were read day-first, with the first example. */
export function slashDateNotice(warnings: string[], format: CellFormat) {
  let noted = !format.dayFirstSlashDates;
  const iso = createIsoDateFormatter();
  return (raw: string, day: number, line: number) => {
    if (noted || !raw.includes('/')) return;
    noted = true;
    warnings.push(
      `dates written DD/MM/YYYY were read day-first (Excel in Peru), e.g. ${quote(raw)} on line ${line} = ${iso(day)}; export YYYY-MM-DD to avoid any doubt`,
    );
  };
}

export const duplicateFix = (columns: string) =>
  `keep one row per ${columns} (add them up first if both rows are real)`;
