// Turning parsed CSV records into rows: physical line numbers, blank lines, the header (required,
// unknown and repeated columns), field counts, and the rejected-rows CSV for skipInvalid.
import type { SqliteDatabase } from '../database';
import { delimiterName, Invalid, quote, type CellFormat } from './cells';
import { kindColumns, normalizeHeader } from './kinds';
import { csvLine, type ProblemCollector } from './report';
import { createSink, type Reporter, type Sink } from './sinks';
import { UnusableFile } from './source';
import type { ImportKind } from './types';

export interface RowReaderOptions {
  database: SqliteDatabase;
  kind: ImportKind;
  format: CellFormat;
  lineBreak: '\n' | '\r';
  createMissing: boolean;
  skipInvalid: boolean;
  /** Keep rejected rows as CSV text in rejectedText (skipInvalid with an output). */
  keepRejected: boolean;
  collector: ProblemCollector;
  /** True once the source saw bytes that are not UTF-8 (cells then hold U+FFFD). */
  invalidUtf8: () => boolean;
}

/** Excel's optional first line naming the delimiter ("sep=;"), skipped before the header. */
const SEPARATOR_HINT = /^\s*sep=[,;\t]?\s*$/i;

function countOf(text: string, character: string): number {
  let count = 0;
  for (
    let index = text.indexOf(character);
    index !== -1;
    index = text.indexOf(character, index + 1)
  )
    count += 1;
  return count;
}

export class RowReader {
  /** Physical line where the next record starts. */
  line = 1;
  rowsRead = 0;
  rowsImported = 0;
  rowsRejected = 0;
  readonly warnings: string[] = [];
  /** Rejected rows as CSV text, waiting to be written out (skipInvalid). */
  rejectedText = '';
  private header: string[] | undefined;
  /** For each field position, the canonical column it feeds, or undefined to ignore it. */
  private fieldColumns: (string | undefined)[] = [];
  private sink: Sink | undefined;
  private readonly report: Reporter;
  private currentLine = 0;

  constructor(private readonly options: RowReaderOptions) {
    this.report = (column, value, invalid) =>
      this.options.collector.add(this.currentLine, column, value, invalid);
  }

  get headerSeen(): boolean {
    return this.header !== undefined;
  }

  get sinkWarnings(): string[] {
    return this.sink?.warnings ?? [];
  }

  /** Writes rows still buffered; call once, before COMMIT. */
  finish(): void {
    this.sink?.finish();
  }

  created(): { products: number; locations: number } {
    return this.sink?.created() ?? { products: 0, locations: 0 };
  }

  /** Handles one parsed record; throws UnusableFile for a header the file cannot be imported with. */
  take(record: string[]): void {
    const start = this.line;
    let blank = true;
    let breaks = 0;
    for (const field of record) {
      if (blank && field !== '' && field.trim() !== '') blank = false;
      if (field.includes(this.options.lineBreak)) breaks += countOf(field, this.options.lineBreak);
    }
    this.line += 1 + breaks;
    if (blank) return;
    if (this.header === undefined) {
      if (!SEPARATOR_HINT.test(record[0] ?? '') || record.slice(1).some((field) => field.trim()))
        this.acceptHeader(record, start);
      return;
    }
    this.rowsRead += 1;
    this.currentLine = start;
    const { collector } = this.options;
    collector.rowReasons.length = 0;
    const accepted = this.takeRow(record);
    if (accepted) {
      if (collector.count === 0 || this.options.skipInvalid) this.rowsImported += 1;
      return;
    }
    this.rowsRejected += 1;
    if (this.options.keepRejected) {
      const fields =
        record.length < this.header.length
          ? [...record, ...Array<string>(this.header.length - record.length).fill('')]
          : record;
      this.rejectedText += csvLine(
        [...fields, collector.rowReasons.join(' | ')],
        this.options.format.delimiter,
      );
    }
  }

  /** The rejected-rows CSV header: the file's header plus `error`. */
  rejectedHeader(): string {
    return csvLine([...(this.header ?? []), 'error'], this.options.format.delimiter);
  }

  private takeRow(record: string[]): boolean {
    const expected = this.fieldColumns.length;
    if (record.length !== expected && !this.harmlessFieldCount(record)) {
      this.report(
        null,
        null,
        new Invalid(
          `the row has ${record.length} fields but the header has ${expected}`,
          record.length > expected
            ? `quote values that contain ${delimiterName(this.options.format.delimiter)} ("like, this")`
            : 'fill in the missing fields (empty ones still need their delimiter)',
        ),
      );
      return false;
    }
    if (this.options.invalidUtf8() && this.reportReplacementCharacters(record)) return false;
    const write = this.options.skipInvalid || this.options.collector.count === 0;
    return (this.sink as Sink).take(record, this.currentLine, this.report, write);
  }

  /** Extra fields that are all blank, or missing fields that only fed ignored columns. */
  private harmlessFieldCount(record: string[]): boolean {
    const expected = this.fieldColumns.length;
    if (record.length > expected)
      return record.slice(expected).every((field) => field.trim() === '');
    return this.fieldColumns.slice(record.length).every((column) => column === undefined);
  }

  private reportReplacementCharacters(record: string[]): boolean {
    let found = false;
    record.forEach((field, index) => {
      if (!field.includes('\uFFFD')) return;
      found = true;
      this.report(
        this.fieldColumns[index] ?? null,
        field,
        new Invalid(
          `${this.fieldColumns[index] ?? `field ${index + 1}`} ${quote(field)} holds bytes that are not UTF-8 (shown as \uFFFD)`,
          'save the file as "CSV UTF-8"',
        ),
      );
    });
    return found;
  }

  private acceptHeader(record: string[], line: number): void {
    const { kind } = this.options;
    const specs = kindColumns(kind);
    const known = new Set(specs.map((spec) => spec.name));
    const names = record.map(normalizeHeader);
    const seenAt = new Map<string, number>();
    const unknown: string[] = [];
    this.fieldColumns = names.map((name, index) => {
      if (!known.has(name)) {
        // Unnamed columns (Excel's trailing delimiters) are ignored without a word.
        if (name !== '') unknown.push(record[index]?.trim() ?? name);
        return undefined;
      }
      const earlier = seenAt.get(name);
      if (earlier !== undefined)
        throw new UnusableFile(
          new Invalid(
            `column ${name} appears twice (fields ${earlier + 1} and ${index + 1})`,
            'keep one of them',
          ),
          line,
        );
      seenAt.set(name, index);
      return name;
    });
    const missing = specs
      .filter((spec) => spec.required && !seenAt.has(spec.name))
      .map((spec) => spec.name);
    if (missing.length > 0) {
      const found = record.map((field) => field.trim()).filter((field) => field !== '');
      throw new UnusableFile(
        new Invalid(
          `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (found: ${found.join(', ') || 'nothing'})`,
          `a ${kind} file needs ${specs
            .filter((spec) => spec.required)
            .map((spec) => spec.name)
            .join(', ')} in its first line, separated by ',' or ';'`,
        ),
        line,
      );
    }
    if (unknown.length > 0)
      this.warnings.push(
        `ignored unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known for ${kind}: ${specs.map((spec) => spec.name).join(', ')})`,
      );
    this.header = record;
    this.sink = createSink({
      database: this.options.database,
      kind,
      format: this.options.format,
      positions: seenAt,
      createMissing: this.options.createMissing,
    });
  }
}
