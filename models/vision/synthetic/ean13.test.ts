import { describe, expect, it } from 'vitest';
import { completeEan13, decodeEan13Modules, ean13CheckDigit, encodeEan13 } from './ean13';

describe('EAN-13 (GS1)', () => {
  it('computes published check digits (4006381333931, 5901234123457, ISBN 9780306406157)', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('590123412345')).toBe(7);
    expect(completeEan13('978030640615')).toBe('9780306406157');
  });

  it('encodes 5901234123457 to the bar pattern printed in the GS1 example, else scanners reject it', () => {
    const bits = Array.from(encodeEan13('5901234123457')).join('');
    // leading 5 -> parity ABBAAB; digits 9 0 1 2 3 4 | 1 2 3 4 5 7
    expect(bits).toBe(
      '101' +
        '0001011' +
        '0100111' +
        '0110011' +
        '0010011' +
        '0111101' +
        '0011101' +
        '01010' +
        '1100110' +
        '1101100' +
        '1000010' +
        '1011100' +
        '1001110' +
        '1000100' +
        '101',
    );
    expect(bits).toHaveLength(95);
  });

  it('round-trips every leading digit through encode and decode', () => {
    for (let first = 0; first <= 9; first += 1) {
      const code = completeEan13(`${first}12345678901`);
      expect(decodeEan13Modules(encodeEan13(code))).toBe(code);
    }
  });

  it('rejects a wrong check digit, naming the expected one', () => {
    expect(() => completeEan13('5901234123458')).toThrow(/should be 7/);
    expect(() => encodeEan13('12ab')).toThrow(/code/);
  });
});
