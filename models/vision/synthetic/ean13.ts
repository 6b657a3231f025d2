// EAN-13 symbol encoding from the GS1 General Specifications (section 5.2.1.2: character sets A, B
// and C, the parity pattern set by the leading digit, guard bars; section 7.9.1: the modulo-10 check
// digit with weights 3 and 1 from the right). An EAN-13 symbol is 95 modules wide.

/** Set A (odd parity) patterns of digits 0-9; set C is its complement and set B is C reversed. */
const setA = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
/** For each leading digit, which of the six left-half digits use set A ('A') or set B ('B'). */
const leftParity = [
  'AAAAAA',
  'AABABB',
  'AABBAB',
  'AABBBA',
  'ABAABB',
  'ABBAAB',
  'ABBBAA',
  'ABABAB',
  'ABABBA',
  'ABBABA',
];

export const ean13Modules = 95;

function complement(pattern: string): string {
  return pattern.replace(/[01]/g, (bit) => (bit === '0' ? '1' : '0'));
}

function patternOf(digit: number, set: 'A' | 'B' | 'C'): string {
  const a = setA[digit]!;
  if (set === 'A') return a;
  const c = complement(a);
  return set === 'C' ? c : c.split('').reverse().join('');
}

/** The GS1 check digit of the first 12 digits. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12))
    throw new RangeError(`first12: expected 12 digits, got "${first12}"`);
  let sum = 0;
  for (let index = 0; index < 12; index += 1) {
    sum += Number(first12[index]) * (index % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

/** A full 13-digit EAN from 12 digits (appends the check digit) or 13 (verifies it). */
export function completeEan13(code: string): string {
  if (/^\d{12}$/.test(code)) return code + String(ean13CheckDigit(code));
  if (!/^\d{13}$/.test(code)) throw new RangeError(`code: expected 12 or 13 digits, got "${code}"`);
  const expected = ean13CheckDigit(code.slice(0, 12));
  if (Number(code[12]) !== expected) {
    throw new RangeError(`code: check digit of "${code}" should be ${expected}, got ${code[12]}`);
  }
  return code;
}

/** The 95 modules (1 = bar, 0 = space) of an EAN-13 symbol, without quiet zones. */
export function encodeEan13(code: string): Uint8Array {
  const digits = completeEan13(code);
  const parity = leftParity[Number(digits[0])]!;
  let bits = '101';
  for (let index = 1; index <= 6; index += 1) {
    bits += patternOf(Number(digits[index]), parity[index - 1] as 'A' | 'B');
  }
  bits += '01010';
  for (let index = 7; index <= 12; index += 1) bits += patternOf(Number(digits[index]), 'C');
  bits += '101';
  return Uint8Array.from(bits, (bit) => (bit === '1' ? 1 : 0));
}

/** Reads the 13 digits back from 95 modules (the inverse of encodeEan13), or undefined if invalid. */
export function decodeEan13Modules(modules: Uint8Array): string | undefined {
  if (modules.length !== ean13Modules) return undefined;
  const bits = Array.from(modules).join('');
  if (bits.slice(0, 3) !== '101' || bits.slice(45, 50) !== '01010' || bits.slice(92) !== '101')
    return undefined;
  let parity = '';
  let digits = '';
  for (let index = 0; index < 6; index += 1) {
    const pattern = bits.slice(3 + index * 7, 10 + index * 7);
    const a = setA.indexOf(pattern);
    const b = setA.findIndex((candidate) => patternOf(setA.indexOf(candidate), 'B') === pattern);
    if (a >= 0) {
      parity += 'A';
      digits += String(a);
    } else if (b >= 0) {
      parity += 'B';
      digits += String(b);
    } else return undefined;
  }
  for (let index = 0; index < 6; index += 1) {
    const pattern = bits.slice(50 + index * 7, 57 + index * 7);
    const c = setA.findIndex((candidate) => complement(candidate) === pattern);
    if (c < 0) return undefined;
    digits += String(c);
  }
  const first = leftParity.indexOf(parity);
  if (first < 0) return undefined;
  const code = String(first) + digits;
  return ean13CheckDigit(code.slice(0, 12)) === Number(code[12]) ? code : undefined;
}
