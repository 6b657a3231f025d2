// The barcode check: the pack's barcode, read by tools/inspection/barcode-reader.ts, must decode to
// the SKU's EAN. EAN-8, UPC-A, EAN-13 and GTIN-14 are compared as GTIN-14 (left-padded with zeros,
// GS1 General Specifications 3.3.2), so a UPC-A read of an EAN-13 starting with 0 still matches.
import type { CheckResult, Finding } from './check-result';
import type { PixelBox } from './image';

export interface DecodedBarcode {
  /** zxing's format name, e.g. 'EAN13', 'UPCA', 'Code128' */
  format: string;
  /** the decoded digits ('' when the symbol was found but not decoded) */
  text: string;
  box?: PixelBox;
  /** why a found symbol could not be decoded (checksum, format), when it could not */
  error?: string;
}

/** GS1 mod-10 check digit of the digits before it (GS1 General Specifications 7.9.1). */
export function gs1CheckDigit(digitsBeforeCheck: string): number {
  let total = 0;
  for (let index = 0; index < digitsBeforeCheck.length; index += 1) {
    const digit = digitsBeforeCheck.charCodeAt(digitsBeforeCheck.length - 1 - index) - 48;
    total += digit * (index % 2 === 0 ? 3 : 1);
  }
  return (10 - (total % 10)) % 10;
}

function asGtin14(code: string): string | undefined {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return undefined;
  return code.padStart(14, '0');
}

/** Throws a RangeError naming expectedEan unless it is 8, 12, 13 or 14 digits with a valid check digit. */
export function validateEan(expectedEan: string): string {
  const gtin = typeof expectedEan === 'string' ? asGtin14(expectedEan.trim()) : undefined;
  if (gtin === undefined) {
    throw new RangeError(
      `expectedEan: "${String(expectedEan)}" is not an EAN/UPC code (8, 12, 13 or 14 digits); fix the product's EAN in the catalogue`,
    );
  }
  const check = gs1CheckDigit(gtin.slice(0, 13));
  if (check !== Number(gtin[13])) {
    throw new RangeError(
      `expectedEan: "${expectedEan}" has check digit ${gtin[13]}, but its digits give ${check}; fix the product's EAN in the catalogue`,
    );
  }
  return gtin;
}

/**
 * `pass` when a barcode decodes to the expected EAN; `fail` with a `barcode` finding when none was
 * read (missing or unreadable) or when the one read is another code. `ms` is left 0 for the caller.
 */
export function checkBarcode(decoded: readonly DecodedBarcode[], expectedEan: string): CheckResult {
  const expected = validateEan(expectedEan);
  const shown = expectedEan.trim();
  const readable = decoded.filter((barcode) => !barcode.error && barcode.text !== '');
  const match = readable.find((barcode) => asGtin14(barcode.text.trim()) === expected);
  const result = (status: 'pass' | 'fail', message: string, findings: Finding[]): CheckResult => ({
    check: 'barcode',
    status,
    score: status === 'pass' ? 1 : 0,
    threshold: 1,
    message,
    findings,
    ms: 0,
  });
  if (match) {
    return result('pass', `Barcode ${match.format} reads ${match.text}, the SKU's EAN.`, []);
  }
  if (readable.length > 0) {
    const first = readable[0]!;
    const others =
      readable.length > 1
        ? ` (and ${readable.length - 1} other code(s), none of them ${shown})`
        : '';
    const message = `Wrong barcode: ${first.format} reads ${first.text}, but the SKU's EAN is ${shown}${others}; check that the right label is on the pack.`;
    return result('fail', message, [
      {
        check: 'barcode',
        type: 'barcode',
        severity: 'critical',
        score: 0,
        message,
        ...(first.box ? { box: first.box } : {}),
      },
    ]);
  }
  const broken = decoded.find((barcode) => barcode.error);
  const message = broken
    ? `Barcode found but unreadable (${broken.error}); retake the photo with the barcode sharp and flat, or check the print for damage.`
    : `No barcode could be read; retake the photo with the barcode in view and in focus, or check that it is printed (expected EAN ${shown}).`;
  return result('fail', message, [
    {
      check: 'barcode',
      type: 'barcode',
      severity: 'major',
      score: 0,
      message,
      ...(broken?.box ? { box: broken.box } : {}),
    },
  ]);
}
