// Opening an import's byte stream: refuse empty and binary files, detect the encoding (UTF-8 with
// or without BOM, UTF-16 with BOM, Windows-1252 from Excel on Spanish Windows), the delimiter and
// the line break from the header line, and hand the parser aligned chunks.
import { isAscii, isUtf8 } from 'node:buffer';
import { Invalid } from './cells';
import type { ImportDelimiter, ImportEncoding } from './types';

/** The whole file is unusable: empty, binary, no header, missing columns. */
export class UnusableFile extends Error {
  constructor(
    readonly invalid: Invalid,
    readonly line = 1,
  ) {
    super(invalid.reason);
  }
}

export interface OpenedSource {
  /** Updated if a UTF-8 guess turns out to be Windows-1252 after an all-ASCII start. */
  encoding: ImportEncoding;
  bom: boolean;
  delimiter: ImportDelimiter;
  /** The character counted as a physical line break ('\n' also for CRLF files). */
  lineBreak: '\n' | '\r';
  warnings: string[];
  /** Set once bytes that are not UTF-8 were seen in a UTF-8 file: cells then hold U+FFFD. */
  invalidUtf8: boolean;
  /** UTF-8 bytes cut at character boundaries, or decoded text, for the CSV parser. */
  chunks: AsyncIterable<Buffer | string>;
}

const SNIFF_BYTES = 64 * 1024;
const SAVE_AS_CSV = 'in Excel use File > Save As > "CSV UTF-8 (comma delimited)"';
const WINDOWS_1252_WARNING =
  'the file is not UTF-8; it was read as Windows-1252 (Excel "CSV" on Spanish Windows): save it as "CSV UTF-8" to be sure accents come through';

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk)
    ? chunk
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

const startsWith = (buffer: Buffer, bytes: readonly number[]) =>
  buffer.length >= bytes.length && bytes.every((byte, index) => buffer[index] === byte);

/** Known binary formats people mistake for CSV, by their first bytes. */
function binaryFormat(prefix: Buffer): Invalid | undefined {
  if (startsWith(prefix, [0x50, 0x4b, 0x03, 0x04]))
    return new Invalid(
      'the file is a ZIP archive (an Excel .xlsx workbook?), not CSV',
      SAVE_AS_CSV,
    );
  if (startsWith(prefix, [0xd0, 0xcf, 0x11, 0xe0]))
    return new Invalid('the file is an old Excel .xls workbook, not CSV', SAVE_AS_CSV);
  if (startsWith(prefix, [0x25, 0x50, 0x44, 0x46]))
    return new Invalid('the file is a PDF document, not CSV', 'export the data itself as CSV');
  if (startsWith(prefix, [0x1f, 0x8b]))
    return new Invalid('the file is gzip-compressed, not CSV', 'decompress it first');
  if (startsWith(prefix, [0xff, 0xfe, 0x00, 0x00]))
    return new Invalid('the file is UTF-32 text', SAVE_AS_CSV);
  return undefined;
}

const isControl = (byte: number) =>
  byte < 0x20 ? byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c : byte === 0x7f;

interface HighBytes {
  /** Control characters other than tab, line breaks and form feed. */
  control: boolean;
  /** One of the five bytes Windows-1252 leaves unassigned. */
  unassigned1252: boolean;
  /** A well-formed UTF-8 multi-byte sequence. */
  utf8Sequence: boolean;
}

function scanBytes(bytes: Buffer): HighBytes {
  const found: HighBytes = { control: false, unassigned1252: false, utf8Sequence: false };
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) {
      if (isControl(byte)) found.control = true;
      continue;
    }
    if (byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d)
      found.unassigned1252 = true;
    const needed =
      byte >= 0xc2 && byte <= 0xdf
        ? 1
        : byte >= 0xe0 && byte <= 0xef
          ? 2
          : byte >= 0xf0 && byte <= 0xf4
            ? 3
            : 0;
    let continuation = 0;
    while (continuation < needed && ((bytes[index + 1 + continuation] ?? 0) & 0xc0) === 0x80)
      continuation += 1;
    if (needed > 0 && continuation === needed) found.utf8Sequence = true;
  }
  return found;
}

/**
 * Bytes that are not UTF-8 read as Windows-1252 text: no control characters, none of its
 * unassigned bytes, and no well-formed UTF-8 sequence (a file with some is UTF-8 with a few bad
 * bytes, reported in the cells that hold them).
 */
function plausibleWindows1252(bytes: Buffer): boolean {
  const found = scanBytes(bytes);
  return !found.control && !found.unassigned1252 && !found.utf8Sequence;
}

// Windows-1252 bytes 0x80-0x9F (WHATWG Encoding Standard, index-windows-1252); the rest is Latin-1.
// Node 20's TextDecoder('windows-1252') decodes these as C1 controls, so the table is applied here.
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(
        /[\u0080-\u009f]/g,
        (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80] ?? character,
      )
    : text;
}

/** Length of the longest prefix that does not end inside a UTF-8 multi-byte character. */
export function completeUtf8Length(bytes: Buffer): number {
  let index = bytes.length - 1;
  let continuation = 0;
  while (index >= 0 && continuation < 3 && ((bytes[index] ?? 0) & 0xc0) === 0x80) {
    index -= 1;
    continuation += 1;
  }
  if (index < 0) return bytes.length;
  const lead = bytes[index] ?? 0;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - index < needed ? index : bytes.length;
}

/** The delimiter with most occurrences outside quotes in the header line, and the line break. */
export function sniffHeader(text: string): { delimiter: ImportDelimiter; lineBreak: '\n' | '\r' } {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let index = 0;
  // Skip blank lines before the header.
  while (index < text.length && /\s/.test(text[index] ?? '')) index += 1;
  // Excel's "sep=;" hint line names the delimiter.
  const hint = /^sep=([,;\t])(\r\n|\n|\r)/i.exec(text.slice(index, index + 8));
  if (hint) {
    const named = hint[1] as ImportDelimiter;
    const lineBreak = hint[2] === '\r' ? '\r' : '\n';
    return { delimiter: named, lineBreak };
  }
  let quoted = false;
  for (; index < text.length; index += 1) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && (character === ',' || character === ';' || character === '\t'))
      counts[character] += 1;
  }
  const lineBreak = text[index] === '\r' && text[index + 1] !== '\n' ? '\r' : '\n';
  let delimiter: ImportDelimiter = ',';
  if (counts[';'] > counts[delimiter]) delimiter = ';';
  if (counts['\t'] > counts[delimiter]) delimiter = '\t';
  return { delimiter, lineBreak };
}

/** Reads the first 64 KiB to decide encoding and delimiter; throws UnusableFile for empty or binary input. */
export async function openSource(input: AsyncIterable<Uint8Array | string>): Promise<OpenedSource> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let exhausted = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    const bytes = toBuffer(next.value);
    head.push(bytes);
    size += bytes.length;
  }
  let prefix = Buffer.concat(head, size);
  const refuse = async (invalid: Invalid): Promise<never> => {
    if (!exhausted) await iterator.return?.();
    throw new UnusableFile(invalid);
  };
  if (size === 0)
    return refuse(
      new Invalid('the file is empty (0 bytes)', 'export the data as CSV with a header row'),
    );
  const binary = binaryFormat(prefix);
  if (binary) return refuse(binary);

  const rest = async function* (): AsyncGenerator<Buffer> {
    if (exhausted) return;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        yield toBuffer(next.value);
      exhausted = true;
    } finally {
      if (!exhausted) await iterator.return?.();
    }
  };

  const utf16 = startsWith(prefix, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(prefix, [0xfe, 0xff])
      ? 'utf-16be'
      : undefined;
  if (utf16) {
    const header = new TextDecoder(utf16).decode(
      prefix.subarray(0, Math.min(size, SNIFF_BYTES) & ~1),
    );
    const decoder = new TextDecoder(utf16);
    const opened: OpenedSource = {
      encoding: utf16,
      bom: true,
      ...sniffHeader(header),
      warnings: [],
      invalidUtf8: false,
      chunks: (async function* () {
        yield decoder.decode(prefix, { stream: true });
        for await (const bytes of rest()) yield decoder.decode(bytes, { stream: true });
        const tail = decoder.decode();
        if (tail) yield tail;
      })(),
    };
    return opened;
  }

  const nul = prefix.indexOf(0);
  if (nul !== -1)
    return refuse(
      new Invalid(
        `the file is binary, not text (a NUL byte at byte ${nul})`,
        'export the data as CSV (UTF-8)',
      ),
    );
  let controls = 0;
  for (const byte of prefix) if (isControl(byte)) controls += 1;
  if (controls > prefix.length / 100)
    return refuse(
      new Invalid(
        `the file is binary, not text (${controls} control bytes in its first ${prefix.length})`,
        'export the data as CSV (UTF-8)',
      ),
    );

  const bom = startsWith(prefix, [0xef, 0xbb, 0xbf]);
  if (bom) prefix = prefix.subarray(3);
  const sniffed = sniffHeader(prefix.toString('latin1', 0, Math.min(prefix.length, SNIFF_BYTES)));
  const opened: OpenedSource = {
    encoding: 'utf-8',
    bom,
    ...sniffed,
    warnings: [],
    invalidUtf8: false,
    chunks: utf8OrWindows1252(prefix, rest(), () => opened),
  };
  const complete = prefix.subarray(0, exhausted ? prefix.length : completeUtf8Length(prefix));
  if (!isUtf8(complete)) {
    const found = scanBytes(complete);
    if (found.utf8Sequence) return opened; // UTF-8 with bad bytes: reported cell by cell
    if (found.control || found.unassigned1252)
      return refuse(
        new Invalid(
          'the file is neither UTF-8 nor Windows-1252 text',
          'export the data as CSV (UTF-8)',
        ),
      );
    opened.encoding = 'windows-1252';
    opened.warnings.push(WINDOWS_1252_WARNING);
  }
  return opened;
}

/**
 * UTF-8 chunks cut at character boundaries, checked as they pass. A file that starts in plain
 * ASCII and then shows bytes that are not UTF-8 but are Windows-1252 text switches to
 * Windows-1252 (nothing read so far differs); otherwise the file is marked `invalidUtf8`.
 */
async function* utf8OrWindows1252(
  first: Buffer,
  rest: AsyncIterable<Buffer>,
  state: () => OpenedSource,
): AsyncGenerator<Buffer | string> {
  let carry: Buffer | undefined;
  let asciiSoFar = true;
  const chunks = async function* () {
    yield first;
    yield* rest;
  };
  for await (const chunk of chunks()) {
    const source = state();
    if (source.encoding === 'windows-1252') {
      yield decodeWindows1252(carry ? Buffer.concat([carry, chunk]) : chunk);
      carry = undefined;
      continue;
    }
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = completeUtf8Length(data);
    const body = end === data.length ? data : data.subarray(0, end);
    carry = end === data.length ? undefined : Buffer.from(data.subarray(end));
    if (!source.invalidUtf8 && !isUtf8(body)) {
      if (asciiSoFar && plausibleWindows1252(data)) {
        source.encoding = 'windows-1252';
        source.warnings.push(WINDOWS_1252_WARNING);
        yield decodeWindows1252(data);
        carry = undefined;
        continue;
      }
      source.invalidUtf8 = true;
    }
    if (asciiSoFar) asciiSoFar = isAscii(body);
    if (body.length > 0) yield body;
  }
  if (carry) {
    const source = state();
    if (source.encoding === 'windows-1252') yield decodeWindows1252(carry);
    else {
      source.invalidUtf8 = true;
      yield carry;
    }
  }
}
