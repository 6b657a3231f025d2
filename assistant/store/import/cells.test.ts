import { describe, expect, it } from 'vitest';
import { tryParseIsoDate } from '../../../models/calendar/dates';
import {
  eanCell,
  eanCheckDigitValid,
  flagCell,
  Invalid,
  numberCell,
  readNumber,
  textCell,
  type CellFormat,
} from './cells';
import { dateCell } from './date-cells';

const comma: CellFormat = { delimiter: ',', decimalComma: false, dayFirstSlashDates: false };
const semicolon: CellFormat = { delimiter: ';', decimalComma: true, dayFirstSlashDates: true };

const reason = (value: unknown) => (value instanceof Invalid ? value.reason : String(value));

describe('readNumber', () => {
  it.each([
    ['12.5', 12.5],
    ['-3', -3],
    ['+7', 7],
    ['.5', 0.5],
    ['1e3', 1000],
    ['12,5', 'comma'],
    ['1,234', 'comma'],
    ['0x10', 'invalid'],
    ['Infinity', 'invalid'],
    ['1 000', 'invalid'],
    ['', 'invalid'],
  ])("reads %j in a ',' file as %j (decimal point only; commas refused)", (text, expected) => {
    expect(readNumber(text, false)).toBe(expected);
  });

  it.each([
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
    ['12.345,67', 12345.67],
    ['1.234.567', 1234567],
    ['3.5', 3.5],
    ['0.125', 0.125],
    ['1.234', 'ambiguous'],
    ['1,2,3', 'invalid'],
    ['1.23,4', 'invalid'],
  ])("reads %j in a ';' file as %j (decimal commas, grouped thousands)", (text, expected) => {
    expect(readNumber(text, true)).toBe(expected);
  });
});

describe('numberCell', () => {
  it('suggests the fix that fits a comma in a comma-separated file', () => {
    const units = numberCell('units', { what: 'units', required: true }, comma);
    expect(reason(units('12,5'))).toMatch(
      /: write 12\.5 with a decimal point, or save the file with ';'/,
    );
    expect(reason(units('1,234'))).toMatch(/: write 1234 for thousands or 1\.234 for a decimal/);
    expect(reason(units('1,234.5'))).toMatch(/: write 1234\.5 without the thousands separator/);
  });

  it('refuses fractions where whole numbers are required and zero where > 0 is', () => {
    const days = numberCell(
      'shelf_life_days',
      { what: 'shelf life', required: false, integer: true, positive: true },
      comma,
    );
    expect(days('30')).toBe(30);
    expect(days(' ')).toBeNull();
    expect(reason(days('2.5'))).toBe(
      'shelf_life_days "2.5" is not a whole number: shelf life must be a whole number',
    );
    expect(reason(days('0'))).toMatch(/^shelf_life_days "0" is zero/);
  });

  it('gives -0 back as 0, so no negative zero is stored', () => {
    const units = numberCell('units', { what: 'units', required: true }, comma);
    expect(Object.is(units('-0'), 0)).toBe(true);
  });
});

describe('dateCell', () => {
  it('reads ISO dates as day numbers, trimming spaces', () => {
    const date = dateCell('date', true, comma);
    expect(date(' 2024-02-29 ')).toBe(tryParseIsoDate('2024-02-29'));
    expect(reason(date('2023-02-29'))).toBe(
      'date "2023-02-29" is not a calendar date: use YYYY-MM-DD',
    );
    expect(reason(date('2024-01-05T00:00:00'))).toMatch(/has a time part/);
    expect(reason(date(''))).toMatch(/^date is empty/);
  });

  it("reads DD/MM/YYYY only in ';' files and refuses two-digit years", () => {
    const date = dateCell('date', true, semicolon);
    expect(date('31/12/2024')).toBe(tryParseIsoDate('2024-12-31'));
    expect(reason(date('31/12/24'))).toMatch(/two-digit year/);
    expect(reason(date('31/02/2024'))).toMatch(/not a calendar date/);
    expect(reason(dateCell('date', true, comma)('31/12/2024'))).toMatch(/not an ISO date/);
  });

  it('caches nothing wrong: the same text gives the same answer twice', () => {
    const date = dateCell('date', false, comma);
    expect(date('2024-01-01')).toBe(date('2024-01-01'));
    expect(reason(date('nope'))).toBe(reason(date('nope')));
    expect(date('')).toBeNull();
  });
});

describe('flagCell', () => {
  it.each([
    ['1', true],
    ['0', false],
    ['', false],
    [' TRUE ', true],
    ['False', false],
    ['yes', true],
    ['No', false],
    ['si', true],
    ['Sí', true],
    ['VERDADERO', true],
    ['falso', false],
  ])('reads %j as %j', (text, expected) => {
    expect(flagCell('promo')(text)).toBe(expected);
  });

  it('refuses other words', () => {
    expect(reason(flagCell('promo')('maybe'))).toMatch(/^promo "maybe" is not a yes\/no value/);
  });
});

describe('textCell', () => {
  it('trims, refuses line breaks in codes but keeps them in free text', () => {
    expect(textCell('sku', { required: true, maxLength: 64, code: true })('  A-1 ')).toBe('A-1');
    expect(reason(textCell('sku', { required: true, maxLength: 64, code: true })('A\n1'))).toMatch(
      /contains a line break or a control character/,
    );
    expect(textCell('name', { required: true, maxLength: 200, code: false })('Pan\nintegral')).toBe(
      'Pan\nintegral',
    );
  });

  it('refuses values longer than the limit, hinting at the delimiter', () => {
    expect(reason(textCell('sku', { required: true, maxLength: 4, code: true })('ABCDE'))).toMatch(
      /is 5 characters long: at most 4; check the delimiter/,
    );
  });
});

describe('EAN codes', () => {
  it('accepts GS1 check digits of published examples and refuses a changed digit', () => {
    for (const code of ['4006381333931', '5901234123457', '96385074']) {
      expect(eanCheckDigitValid(code)).toBe(true);
      const changed = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
      expect(eanCheckDigitValid(changed)).toBe(false);
    }
  });

  it('refuses lengths other than 8 or 13 digits', () => {
    expect(reason(eanCell('ean')('123456789012'))).toMatch(/is not an EAN-13 or EAN-8 code/);
    expect(eanCell('ean')('')).toBeNull();
  });
});
