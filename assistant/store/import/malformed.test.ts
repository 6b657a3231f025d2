// Malformed files: each is rejected as a whole, the report names line, column, value and reason,
// and the store is left exactly as it was (no rows, no products or locations created).
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { expectRejected, seededStore, type ImportCall } from './import-fixtures';

interface Case {
  name: string;
  content: string | Uint8Array;
  options?: ImportCall;
  line: number;
  column: string | null;
  value?: string | null;
  reason: string | RegExp;
}

const SALES = 'date,sku,location,units\n';
const ok = (date: string) => `${date},QUI-500,LIM-DC1,4\n`;

const cases: Case[] = [
  {
    name: 'a 0-byte file is refused as empty',
    content: '',
    line: 1,
    column: null,
    reason: 'the file is empty (0 bytes): export the data as CSV with a header row',
  },
  {
    name: 'a file of blank lines is refused for having no header',
    content: '\n  \r\n\n',
    line: 1,
    column: null,
    reason: /no header row, only blank lines/,
  },
  {
    name: 'a binary file (NUL bytes) is refused as binary',
    content: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    line: 1,
    column: null,
    reason: /the file is binary, not text \(a NUL byte at byte 8\)/,
  },
  {
    name: 'an Excel .xlsx workbook is refused naming the fix',
    content: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]),
    line: 1,
    column: null,
    reason: /ZIP archive \(an Excel \.xlsx workbook\?\), not CSV: in Excel use File > Save As/,
  },
  {
    name: 'bytes that are neither UTF-8 nor Windows-1252 text are refused',
    content: Buffer.concat([Buffer.from(SALES), Buffer.from([0x81, 0x8d, 0x0a])]),
    line: 1,
    column: null,
    reason: /neither UTF-8 nor Windows-1252/,
  },
  {
    name: 'missing required columns are named with the columns found',
    content: 'date,sku,qty\n2024-01-01,QUI-500,4\n',
    line: 1,
    column: null,
    reason: /^missing required columns: location, units \(found: date, sku, qty\)/,
  },
  {
    name: 'a column given twice is refused',
    content: 'date,sku,location,units,Units\n2024-01-01,QUI-500,LIM-DC1,4,5\n',
    line: 1,
    column: null,
    reason: 'column units appears twice (fields 4 and 5): keep one of them',
  },
  {
    name: 'negative units are reported at their line and column',
    content: `${SALES}${ok('2024-01-01')}2024-01-02,QUI-500,LIM-DC1,-4\n`,
    line: 3,
    column: 'units',
    value: '-4',
    reason: 'units "-4" is negative: units sold must be >= 0',
  },
  {
    name: 'a date that is not on the calendar is reported',
    content: `${SALES}2024-02-30,QUI-500,LIM-DC1,4\n`,
    line: 2,
    column: 'date',
    value: '2024-02-30',
    reason: 'date "2024-02-30" is not a calendar date: use YYYY-MM-DD',
  },
  {
    name: 'a slash date in a comma-separated file asks for ISO dates',
    content: `${SALES}05/01/2024,QUI-500,LIM-DC1,4\n`,
    line: 2,
    column: 'date',
    value: '05/01/2024',
    reason: /is not an ISO date: use YYYY-MM-DD/,
  },
  {
    name: "a month-first date in a ';' file is refused, not silently swapped",
    content: 'date;sku;location;units\n04/13/2024;QUI-500;LIM-DC1;4\n',
    line: 2,
    column: 'date',
    value: '04/13/2024',
    reason: /month-first \(MM\/DD\/YYYY\).*: use YYYY-MM-DD/,
  },
  {
    name: 'a date outside 1900-2199 is reported',
    content: `${SALES}1850-01-01,QUI-500,LIM-DC1,4\n`,
    line: 2,
    column: 'date',
    reason: 'date "1850-01-01" is out of range: dates must fall in 1900-2199',
  },
  {
    name: 'units that are not a number are reported',
    content: `${SALES}2024-01-01,QUI-500,LIM-DC1,four\n`,
    line: 2,
    column: 'units',
    value: 'four',
    reason: 'units "four" is not a number: write units sold as digits, e.g. 12.5',
  },
  {
    name: 'an empty required value is reported',
    content: `${SALES}2024-01-01,QUI-500,LIM-DC1,\n`,
    line: 2,
    column: 'units',
    reason: 'units is empty: every row needs units sold',
  },
  {
    name: "a decimal comma in a ','-separated file is refused as ambiguous",
    content: `${SALES}2024-01-01,QUI-500,LIM-DC1,"12,5"\n`,
    line: 2,
    column: 'units',
    value: '12,5',
    reason: /has a comma in a ','-separated file: write 12\.5 with a decimal point/,
  },
  {
    name: "a lone thousands group in a ';' file is refused as ambiguous",
    content: 'date;sku;location;units\n2024-01-01;QUI-500;LIM-DC1;1.234\n',
    line: 2,
    column: 'units',
    value: '1.234',
    reason: /ambiguous.*write 1234 for thousands or 1,234 for a decimal/,
  },
  {
    name: 'an unknown SKU names the value and the fix',
    content: `${SALES}${ok('2024-01-01')}2024-01-02,XYZ,LIM-DC1,4\n`,
    line: 3,
    column: 'sku',
    value: 'XYZ',
    reason: 'unknown SKU "XYZ": import products first or pass --create-missing',
  },
  {
    name: 'an unknown location names the value and the fix',
    content: `${SALES}2024-01-02,QUI-500,CUZ-01,4\n`,
    line: 2,
    column: 'location',
    value: 'CUZ-01',
    reason: 'unknown location "CUZ-01": import products first or pass --create-missing',
  },
  {
    name: 'a repeated (date, SKU, location) points at the first line',
    content: `${SALES}${ok('2024-01-01')}${ok('2024-01-02')}${ok('2024-01-01')}`,
    line: 4,
    column: null,
    reason: /^duplicate of line 2: same date, sku and location \(2024-01-01, QUI-500, LIM-DC1\)/,
  },
  {
    name: 'a promo flag that is not yes/no is reported',
    content: 'date,sku,location,units,promo\n2024-01-01,QUI-500,LIM-DC1,4,maybe\n',
    line: 2,
    column: 'promo',
    value: 'maybe',
    reason: /promo "maybe" is not a yes\/no value/,
  },
  {
    name: 'a row with an unquoted delimiter (too many fields) is reported as a whole',
    content: 'date,sku,location,units\n2024-01-01,QUI-500,LIM-DC1,4,5\n',
    line: 2,
    column: null,
    reason: /the row has 5 fields but the header has 4: quote values that contain ','/,
  },
  {
    name: 'a row with missing fields is reported as a whole',
    content: `${SALES}${ok('2024-01-01')}2024-01-02,QUI-500\n`,
    line: 3,
    column: null,
    reason: /the row has 2 fields but the header has 4/,
  },
  {
    name: 'an unclosed quote is reported at the line where its record starts',
    content: `${SALES}${ok('2024-01-01')}2024-01-02,"QUI-500,LIM-DC1,4\n${ok('2024-01-03')}`,
    line: 3,
    column: null,
    reason: /quoted field that starts in this record is never closed/,
  },
  {
    name: 'lines after a quoted multi-line value are numbered physically (CRLF file)',
    content: 'sku,name,category\r\nAAA-1,"Quinoa\r\nroja",grains\r\nBBB-2,Maca,\r\n',
    options: { kind: 'products' },
    line: 4,
    column: 'category',
    reason: 'category is empty: every row needs a category',
  },
  {
    name: 'an EAN with a wrong check digit is reported',
    content: 'sku,name,category,ean\nAAA-1,Quinoa,grains,7750000000009\n',
    options: { kind: 'products' },
    line: 2,
    column: 'ean',
    value: '7750000000009',
    reason: /has a wrong check digit/,
  },
  {
    name: 'an EAN that Excel turned into scientific notation is explained',
    content: 'sku;name;category;ean\nAAA-1;Quinoa;grains;7,75E+12\n',
    options: { kind: 'products' },
    line: 2,
    column: 'ean',
    reason: /scientific notation by Excel: format the column as Text/,
  },
  {
    name: 'a shelf life of zero days is refused',
    content: 'sku,name,category,shelf_life_days\nAAA-1,Quinoa,grains,0\n',
    options: { kind: 'products' },
    line: 2,
    column: 'shelf_life_days',
    reason: /shelf_life_days "0" is zero: shelf life in days must be > 0/,
  },
  {
    name: 'a repeated SKU in a products file points at the first line',
    content: 'sku,name,category\nAAA-1,Quinoa,grains\nAAA-1,Quinoa roja,grains\n',
    options: { kind: 'products' },
    line: 3,
    column: null,
    reason: /^duplicate of line 2: same sku "AAA-1"/,
  },
  {
    name: 'negative stock on hand is refused',
    content: 'date,sku,location,on_hand\n2024-01-01,QUI-500,LIM-DC1,-2\n',
    options: { kind: 'inventory' },
    line: 2,
    column: 'on_hand',
    reason: 'on_hand "-2" is negative: stock on hand must be >= 0',
  },
  {
    name: 'a repeated (SKU, location) in a supply file points at the first line',
    content: 'sku,location,lead_time_days\nQUI-500,LIM-DC1,5\nQUI-500,LIM-DC1,6\n',
    options: { kind: 'supply' },
    line: 3,
    column: null,
    reason: /^duplicate of line 2: same sku and location/,
  },
  {
    name: 'bytes that are not UTF-8 after UTF-8 text are reported at their cell',
    content: Buffer.concat([
      Buffer.from('sku,name,category\nAAA-1,Piña,grains\n'),
      Buffer.from([0x42, 0x42, 0x42, 0x2c, 0x50, 0x69, 0xf1, 0x61, 0x2c, 0x78, 0x0a]),
    ]),
    options: { kind: 'products' },
    line: 3,
    column: 'name',
    reason: /holds bytes that are not UTF-8 .*: save the file as "CSV UTF-8"/,
  },
];

let store: Store | undefined;
afterEach(() => store?.close());

describe('importCsv with malformed files', () => {
  it('covers at least 20 malformed files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('$name', async (testCase) => {
    store = seededStore();
    const report = await expectRejected(
      store,
      testCase.content,
      testCase.options ?? { kind: 'sales' },
    );
    const problem = report.problems[0];
    expect(problem).toBeDefined();
    expect(problem?.line).toBe(testCase.line);
    expect(problem?.column).toBe(testCase.column);
    if (testCase.value !== undefined) expect(problem?.value).toBe(testCase.value);
    if (typeof testCase.reason === 'string') expect(problem?.reason).toBe(testCase.reason);
    else expect(problem?.reason).toMatch(testCase.reason);
    expect(problem?.file).toBe(`${testCase.options?.kind ?? 'sales'}.csv`);
  });

  it('lists the first 100 problems, counts them all and says so in one line', async () => {
    store = seededStore();
    const rows = Array.from(
      { length: 150 },
      (_, index) => `2024-01-01,QUI-500,LIM-DC1,-${index + 1}\n`,
    );
    const report = await expectRejected(store, `${SALES}${rows.join('')}`, { kind: 'sales' });
    expect(report.problems).toHaveLength(100);
    expect(report.problemCount).toBe(150);
    expect(report.rowsRejected).toBe(150);
    expect(report.problems[99]?.line).toBe(101);
  });

  it('rejects the whole file when one row in thousands is bad, writing none of the good ones', async () => {
    store = seededStore();
    const good = Array.from({ length: 3000 }, (_, index) => {
      const day = new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10);
      return `${day},YOG-1L,AQP-DC,${index % 17}\n`;
    });
    good.splice(2500, 0, '2031-01-01,YOG-1L,AQP-DC,x\n');
    const report = await expectRejected(store, `${SALES}${good.join('')}`, { kind: 'sales' });
    expect(report.problems[0]?.line).toBe(2502);
    expect(report.rowsRead).toBe(3001);
  });

  it('does not create products or locations for a rejected file even with createMissing', async () => {
    store = seededStore();
    const report = await expectRejected(
      store,
      `${SALES}2024-01-01,NEW-1,NEW-LOC,4\n2024-01-02,NEW-1,NEW-LOC,-1\n`,
      { kind: 'sales', createMissing: true },
    );
    expect(report.created).toEqual({ products: 0, locations: 0 });
    expect(report.problems[0]?.line).toBe(3);
  });
});
