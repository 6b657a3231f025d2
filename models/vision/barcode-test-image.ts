// A tiny EAN-13 renderer for the barcode tests (test support only): bars from the symbology's
// L/G/R patterns and first-digit parity table (ISO/IEC 15420), drawn as black modules on white.
import type { RgbaImage } from './image';

const left = [
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
const parity = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
];

function invert(pattern: string): string {
  return [...pattern].map((bit) => (bit === '1' ? '0' : '1')).join('');
}

/** The 95 modules of an EAN-13 (13 digits including the check digit). */
export function ean13Bits(code: string): string {
  const digits = [...code].map(Number);
  const first = digits[0]!;
  let bits = '101';
  for (let index = 1; index <= 6; index += 1) {
    const l = left[digits[index]!]!;
    // G pattern = the R pattern reversed; R = L inverted
    bits += parity[first]![index - 1] === 'L' ? l : [...invert(l)].reverse().join('');
  }
  bits += '01010';
  for (let index = 7; index <= 12; index += 1) bits += invert(left[digits[index]!]!);
  return bits + '101';
}

/** White image with the barcode at (x, y), `module` px per module, `barHeight` px tall. */
export function renderEan13(
  code: string,
  options: {
    width?: number;
    height?: number;
    x?: number;
    y?: number;
    module?: number;
    barHeight?: number;
  } = {},
): RgbaImage {
  const moduleSize = options.module ?? 3;
  const width = options.width ?? 95 * moduleSize + 40;
  const height = options.height ?? 120;
  const x0 = options.x ?? 20;
  const y0 = options.y ?? 10;
  const barHeight = options.barHeight ?? 90;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const bits = ean13Bits(code);
  for (let module = 0; module < bits.length; module += 1) {
    if (bits[module] !== '1') continue;
    for (let y = y0; y < Math.min(height, y0 + barHeight); y += 1) {
      for (let x = x0 + module * moduleSize; x < x0 + (module + 1) * moduleSize; x += 1) {
        const index = (y * width + x) * 4;
        data[index] = 0;
        data[index + 1] = 0;
        data[index + 2] = 0;
      }
    }
  }
  return { width, height, data };
}
