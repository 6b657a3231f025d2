import { describe, expect, it } from 'vitest';
import { completeUtf8Length, decodeWindows1252, sniffHeader } from './source';

describe('sniffHeader', () => {
  it.each([
    ['date,sku,location,units\n', ',', '\n'],
    ['date;sku;location;units\r\n', ';', '\n'],
    ['date\tsku\tlocation\tunits\r', '\t', '\r'],
    ['"a;b",c,d\n1;2;3', ',', '\n'],
    ['\n\n date;sku;units\n', ';', '\n'],
    ['single\n', ',', '\n'],
  ])('finds the delimiter and line break of %j', (text, delimiter, lineBreak) => {
    expect(sniffHeader(text)).toEqual({ delimiter, lineBreak });
  });
});

describe('completeUtf8Length', () => {
  it('cuts before a character split at the end, and nowhere else', () => {
    const bytes = Buffer.from('aé🌽', 'utf8'); // 1 + 2 + 4 bytes
    expect(completeUtf8Length(bytes)).toBe(7);
    expect(completeUtf8Length(bytes.subarray(0, 6))).toBe(3);
    expect(completeUtf8Length(bytes.subarray(0, 4))).toBe(3);
    expect(completeUtf8Length(bytes.subarray(0, 2))).toBe(1);
    expect(completeUtf8Length(bytes.subarray(0, 3))).toBe(3);
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80-0x9F to the Windows-1252 characters, not C1 controls', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x93, 0x94, 0x99, 0xf1, 0x41]))).toBe('€“”™ñA');
  });
});
