// The import's fast CSV path: records of text with no quote character split by plain string
// search, exactly as csv-parse reads them with the options of import-csv.ts (relaxed column
// count, empty lines kept as one empty field, the record delimiter found at the first line break,
// no trimming). At the first chunk holding a quote, or a file that starts with a BOM, it stops and
// hands the text from the current record boundary on to csv-parse (plain-records.test.ts compares
// the two on generated files).
import type { Options } from 'csv-parse';
import { completeUtf8Length } from './source';

/** csv-parse's record delimiter discovery: the first \r\n, \n or \r in the text. */
function recordDelimiterOf(text: string, final: boolean): string | undefined {
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\n') return '\n';
    if (character === '\r') {
      if (index + 1 < text.length) return text[index + 1] === '\n' ? '\r\n' : '\r';
      return final ? '\r' : undefined;
    }
  }
  return undefined;
}

export class PlainRecords {
  /** Text of the record in progress (after the last record delimiter). */
  private carry = '';
  /** Bytes of a UTF-8 character cut at the end of the last chunk. */
  private carryBytes: Buffer | undefined;
  private started = false;
  /** Found at the first line break; csv-parse must be told it when it takes over mid-file. */
  recordDelimiter: string | undefined;

  constructor(
    private readonly delimiter: string,
    private readonly take: (record: string[]) => void,
  ) {}

  /**
   * csv-parse's options for the import, from where this splitter stopped: mid-file, the record
   * delimiter is the one found at the first line break, and a U+FEFF is text, not a BOM.
   */
  csvParseOptions(): Options {
    return {
      delimiter: this.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: !this.started,
      ...(this.started && this.recordDelimiter !== undefined
        ? { record_delimiter: this.recordDelimiter }
        : {}),
    };
  }

  /**
   * Splits the complete records of the chunk. Returns undefined when it did, or the text from the
   * last record boundary on (this chunk included) that csv-parse must read instead, from here on.
   */
  write(chunk: Buffer | string): Buffer | string | undefined {
    let text: string;
    if (typeof chunk === 'string') {
      if (chunk.includes('"') || (!this.started && this.carry === '' && chunk.startsWith('\uFEFF')))
        return this.carry + chunk;
      text = this.carry + chunk;
    } else {
      const bytes = this.carryBytes ? Buffer.concat([this.carryBytes, chunk]) : chunk;
      if (
        bytes.includes(0x22) ||
        (!this.started && this.carry === '' && bytes[0] === 0xef && bytes[1] === 0xbb)
      )
        return this.carry === '' ? bytes : Buffer.concat([Buffer.from(this.carry, 'utf8'), bytes]);
      const end = completeUtf8Length(bytes);
      this.carryBytes = end === bytes.length ? undefined : Buffer.from(bytes.subarray(end));
      text = this.carry + bytes.toString('utf8', 0, end);
    }
    this.recordDelimiter ??= recordDelimiterOf(text, false);
    const recordDelimiter = this.recordDelimiter;
    if (recordDelimiter === undefined) {
      this.carry = text;
      return undefined;
    }
    this.started = true;
    let start = 0;
    for (
      let end = text.indexOf(recordDelimiter);
      end !== -1;
      end = text.indexOf(recordDelimiter, start)
    ) {
      this.take(text.slice(start, end).split(this.delimiter));
      start = end + recordDelimiter.length;
    }
    this.carry = text.slice(start);
    return undefined;
  }

  /** The last record (text after the last delimiter, when there is any). */
  end(): void {
    let text = this.carry;
    if (this.carryBytes) text += this.carryBytes.toString('utf8');
    this.carry = '';
    this.carryBytes = undefined;
    if (text === '') return;
    this.recordDelimiter ??= recordDelimiterOf(text, true);
    const recordDelimiter = this.recordDelimiter;
    if (recordDelimiter !== undefined) {
      const parts = text.split(recordDelimiter);
      if (parts.at(-1) === '') parts.pop();
      for (const part of parts) this.take(part.split(this.delimiter));
    } else this.take(text.split(this.delimiter));
  }
}
