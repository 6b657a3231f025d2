import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../../models/stats/random';
import { PlainRecords } from './plain-records';

// Pieces of generated files: delimiters of every kind, all three line breaks (also lone \r and \n
// inside a file of the other kind), blanks, a mid-file U+FEFF, accents (cut across chunks).
const PIECES = [
  'a',
  'b1',
  ',',
  ',',
  ';',
  '\t',
  '\n',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '',
  'é',
  'ñandú',
  '\uFEFF',
  '12.5',
];

function generatedText(random: Random, quotes: boolean): string {
  let text = random.chance(0.1) ? '\uFEFF' : '';
  const length = random.int(0, 60);
  for (let index = 0; index < length; index += 1) {
    text += PIECES[random.int(0, PIECES.length - 1)];
    if (quotes && random.chance(0.05)) text += random.chance(0.5) ? '"x, y"' : '"';
  }
  return text;
}

/** The text cut into chunks of 1-9 bytes (or characters), as Buffers or as strings. */
function chunksOf(random: Random, text: string, asBytes: boolean): (Buffer | string)[] {
  const whole = asBytes ? Buffer.from(text, 'utf8') : text;
  const chunks: (Buffer | string)[] = [];
  for (let start = 0; start < whole.length;) {
    const end = Math.min(whole.length, start + random.int(1, 9));
    chunks.push(whole.slice(start, end));
    start = end;
  }
  return chunks;
}

/** Records as import-csv.ts reads them: PlainRecords, then csv-parse from where it stops. */
function readAsTheImportDoes(chunks: (Buffer | string)[], delimiter: ',' | ';' | '\t'): string[][] {
  const records: string[][] = [];
  const plain = new PlainRecords(delimiter, (record) => records.push(record));
  let rest: (Buffer | string)[] | undefined;
  for (const chunk of chunks) {
    if (rest !== undefined) rest.push(chunk);
    else {
      const pending = plain.write(chunk);
      if (pending !== undefined) rest = [pending];
    }
  }
  if (rest === undefined) plain.end();
  else {
    const options = plain.csvParseOptions();
    const text = rest.every((chunk) => typeof chunk === 'string')
      ? rest.join('')
      : Buffer.concat(
          rest.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)),
        );
    records.push(...(parse(text, options) as string[][]));
  }
  return records;
}

const csvParseOf = (text: string, delimiter: string): string[][] =>
  parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];

describe('PlainRecords', () => {
  it.each([
    [',', true],
    [';', false],
    ['\t', true],
  ] as const)(
    'reads 3,000 generated quote-free files with delimiter %j (bytes: %s) into the same records as csv-parse (else the fast path changes what is imported)',
    (delimiter, asBytes) => {
      const random = createRandom(delimiter.charCodeAt(0));
      for (let file = 0; file < 3_000; file += 1) {
        const text = generatedText(random, false);
        const expected = csvParseOf(text, delimiter);
        expect(
          readAsTheImportDoes(chunksOf(random, text, asBytes), delimiter),
          JSON.stringify(text),
        ).toEqual(expected);
      }
    },
  );

  it('decodes bytes that are not UTF-8 (cut at any byte) to the same U+FFFD cells as csv-parse (else bad bytes would be reported differently)', () => {
    const random = createRandom(11);
    const BYTES = [
      0x61, 0x2c, 0x0a, 0x0d, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x80, 0xf0, 0x9f, 0xff, 0xe9,
    ];
    for (let file = 0; file < 3_000; file += 1) {
      const bytes = Buffer.from(
        Array.from(
          { length: random.int(0, 40) },
          () => BYTES[random.int(0, BYTES.length - 1)] ?? 0,
        ),
      );
      const expected = parse(bytes, {
        delimiter: ',',
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        bom: true,
      }) as string[][];
      const chunks: Buffer[] = [];
      for (let start = 0; start < bytes.length;) {
        const end = Math.min(bytes.length, start + random.int(1, 5));
        chunks.push(bytes.subarray(start, end));
        start = end;
      }
      expect(readAsTheImportDoes(chunks, ','), bytes.toString('hex')).toEqual(expected);
    }
  });

  it('hands files with quotes over to csv-parse at a record boundary with the same result (else quoted fields or the line breaks after them would be misread)', () => {
    const random = createRandom(7);
    let handedOver = 0;
    for (let file = 0; file < 3_000; file += 1) {
      const text = generatedText(random, true);
      if (text.includes('"')) handedOver += 1;
      let expected: string[][] | Error;
      try {
        expected = csvParseOf(text, ',');
      } catch (error) {
        expected = error as Error;
      }
      let actual: string[][] | Error;
      try {
        actual = readAsTheImportDoes(chunksOf(random, text, random.chance(0.5)), ',');
      } catch (error) {
        actual = error as Error;
      }
      if (expected instanceof Error) expect(actual).toBeInstanceOf(Error);
      else expect(actual, JSON.stringify(text)).toEqual(expected);
    }
    expect(handedOver).toBeGreaterThan(1_000);
  });

  it('splits a long quote-free file cut into 64 KiB chunks into its lines and fields', () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, row) => `2024-01-01,SKU-${row},LOC-${row % 7},${row}`,
    );
    const records: string[][] = [];
    const plain = new PlainRecords(',', (record) => records.push(record));
    const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`);
    for (let start = 0; start < bytes.length; start += 65_536)
      expect(plain.write(bytes.subarray(start, start + 65_536))).toBeUndefined();
    plain.end();
    expect(records).toHaveLength(20_000);
    expect(records[12_345]).toEqual(['2024-01-01', 'SKU-12345', 'LOC-4', '12345']);
  });
});
