import { describe, expect, it } from 'vitest';
import type { CellFormat } from './cells';
import { inventoryRules, productsRules, recordReader, recordSchema, salesRules } from './kinds';

const comma: CellFormat = { delimiter: ',', decimalComma: false, dayFirstSlashDates: false };
const semicolon: CellFormat = { delimiter: ';', decimalComma: true, dayFirstSlashDates: true };
const salesColumns = ['date', 'sku', 'location', 'units', 'revenue', 'price', 'promo', 'stockout'];
const positions = (columns: readonly string[]) =>
  new Map(columns.map((column, index) => [column, index]));

// Valid and invalid cells of every kind, the tricky ones first: blanks, signs, exponents, commas,
// grouped thousands, dates out of range or with a time, flags in Spanish, control characters.
const DATES = [
  '2024-03-01',
  ' 2024-03-01 ',
  '2024-02-30',
  '1899-12-31',
  '2024-03-01T00:00',
  '01/03/2024',
  '03/13/2024',
  '',
  '24-3-1',
];
const CODES = [
  'QUI-500',
  ' QUI-500 ',
  '',
  'a\tb',
  'x'.repeat(64),
  'x'.repeat(65),
  'AQP\nDC',
  'Ñandú',
];
const NUMBERS = [
  '12',
  '0',
  '-0',
  '12.5',
  '.5',
  '1e3',
  '-4',
  '12,5',
  '1.234',
  '1.234,5',
  '1.234.567',
  'abc',
  '',
  ' 7 ',
  'Infinity',
  '1e400',
  '0x10',
];
const FLAGS = ['', '0', '1', 'yes', 'Sí', ' TRUE ', 'verdadero', 'maybe', '2'];

function salesRecords(): string[][] {
  const records: string[][] = [];
  const base = ['2024-03-01', 'QUI-500', 'LIM-DC1', '12', '94.8', '7.9', '0', '1'];
  const vary = (index: number, values: readonly string[]) => {
    for (const value of values) records.push(base.map((cell, at) => (at === index ? value : cell)));
  };
  vary(0, DATES);
  vary(1, CODES);
  vary(2, CODES);
  vary(3, NUMBERS);
  vary(4, NUMBERS);
  vary(5, NUMBERS);
  vary(6, FLAGS);
  vary(7, FLAGS);
  records.push(base.slice(0, 5), [...base, 'extra'], ['', '', '', '', '', '', '', '']);
  return records;
}

describe('recordReader', () => {
  it.each([
    ["','", comma],
    ["';'", semicolon],
  ])(
    'gives the same sales row as the zod schema for every valid record in a %s file, and undefined exactly when the schema has issues (else the fast path would accept what zod rejects)',
    (_name, format) => {
      const at = positions(salesColumns);
      const schema = recordSchema(salesRules(format), at);
      const read = recordReader(salesRules(format), at);
      let valid = 0;
      let invalid = 0;
      for (const record of salesRecords()) {
        const parsed = schema.safeParse(record);
        const row = read(record);
        if (parsed.success) {
          valid += 1;
          expect({ ...row }).toEqual(parsed.data);
        } else {
          invalid += 1;
          expect(row, JSON.stringify(record)).toBeUndefined();
        }
      }
      expect(valid).toBeGreaterThan(20);
      expect(invalid).toBeGreaterThan(20);
    },
  );

  it('reads only the columns the header has, at their positions (a wrong position would swap values)', () => {
    const at = new Map([
      ['on_hand', 0],
      ['location', 1],
      ['sku', 3],
      ['date', 4],
    ]);
    const row = recordReader(
      inventoryRules(comma),
      at,
    )(['5', 'LIM-DC1', 'x', 'QUI-500', '2024-01-02']);
    expect({ ...row }).toEqual({ on_hand: 5, location: 'LIM-DC1', sku: 'QUI-500', date: 19724 });
  });

  it('refuses a record with a field that is not a string, as z.array(z.string()) does', () => {
    const at = positions(salesColumns);
    const record: unknown[] = ['2024-03-01', 'QUI-500', 'LIM-DC1', '12', '94.8', '7.9', '0', 1];
    expect(recordSchema(salesRules(comma), at).safeParse(record).success).toBe(false);
    expect(recordReader(salesRules(comma), at)(record)).toBeUndefined();
  });

  it('agrees with the schema on product rows with EANs and integer rules (else products would skip a rule)', () => {
    const columns = ['sku', 'name', 'category', 'shelf_life_days', 'ean', 'launch_date'];
    const at = positions(columns);
    const schema = recordSchema(productsRules(comma), at);
    const read = recordReader(productsRules(comma), at);
    const records = [
      ['QUI-500', 'Quinoa', 'grains', '365', '7751234567892', '2024-01-01'],
      ['QUI-500', 'Quinoa', 'grains', '0', '', ''],
      ['QUI-500', 'Quinoa', 'grains', '2.5', '', ''],
      ['QUI-500', 'Quinoa', 'grains', '', '7.75123E+12', ''],
      ['QUI-500', 'Quinoa', 'grains', '', '7751234567891', ''],
      ['QUI-500', '', 'grains', '', '', ''],
    ];
    for (const record of records) {
      const parsed = schema.safeParse(record);
      const row = read(record);
      if (parsed.success) expect({ ...row }).toEqual(parsed.data);
      else expect(row).toBeUndefined();
    }
  });
});
