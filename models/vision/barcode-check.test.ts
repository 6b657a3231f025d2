import { describe, expect, it } from 'vitest';
import { checkBarcode, gs1CheckDigit, validateEan } from './barcode-check';
import { ean13Bits } from './barcode-test-image';

describe('gs1CheckDigit', () => {
  it('gives the published check digits of EAN-13 4006381333931, EAN-8 73513537 and UPC-A 036000291452, else valid codes would be rejected', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('7351353')).toBe(7);
    expect(gs1CheckDigit('03600029145')).toBe(2);
  });

  it('the test renderer draws 95 modules with guard bars, else the reader tests test a wrong symbol', () => {
    const bits = ean13Bits('4006381333931');
    expect(bits).toHaveLength(95);
    expect(bits.slice(0, 3)).toBe('101');
    expect(bits.slice(45, 50)).toBe('01010');
  });
});

describe('checkBarcode', () => {
  it('passes when a barcode decodes to the EAN, else good packs fail', () => {
    const result = checkBarcode([{ format: 'EAN13', text: '4006381333931' }], '4006381333931');
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
  });

  it('matches a UPC-A read against the same code written as EAN-13 with a leading 0, else US-coded packs fail', () => {
    expect(checkBarcode([{ format: 'UPCA', text: '036000291452' }], '0036000291452').status).toBe(
      'pass',
    );
  });

  it('fails as missing with a retake instruction when nothing was read', () => {
    const result = checkBarcode([], '4006381333931');
    expect(result.status).toBe('fail');
    expect(result.findings[0]!.type).toBe('barcode');
    expect(result.message).toMatch(/No barcode could be read.*4006381333931/);
  });

  it('fails as unreadable when a symbol was found but not decoded, with the reason', () => {
    const box = { x: 1, y: 2, width: 30, height: 10 };
    const result = checkBarcode(
      [{ format: 'EAN13', text: '', error: 'ChecksumError', box }],
      '4006381333931',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/unreadable \(ChecksumError\)/);
    expect(result.findings[0]!.box).toEqual(box);
  });

  it('fails as critical when the barcode is another product, naming both codes', () => {
    const result = checkBarcode([{ format: 'EAN13', text: '7751234567892' }], '4006381333931');
    expect(result.status).toBe('fail');
    expect(result.findings[0]!.severity).toBe('critical');
    expect(result.message).toMatch(/7751234567892.*4006381333931/);
  });

  it('rejects an expected EAN with a wrong check digit or wrong length naming expectedEan, else a catalogue typo fails every pack', () => {
    expect(() => validateEan('4006381333932')).toThrow(
      /expectedEan: "4006381333932" has check digit 2, but its digits give 1/,
    );
    expect(() => checkBarcode([], '12345')).toThrow(/expectedEan: "12345" is not an EAN/);
  });
});
