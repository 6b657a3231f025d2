import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TidyFileError } from './tidy-errors';
import { readTidySeries, type TidyReadOptions, type TidySeries } from './tidy-reader';

const folder = mkdtempSync(join(tmpdir(), 'ayni-tidy-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let fileCount = 0;
function file(text: string): string {
  fileCount += 1;
  const path = join(folder, `series-${fileCount}.csv`);
  writeFileSync(path, text);
  return path;
}

async function read(text: string, options: TidyReadOptions = {}): Promise<TidySeries[]> {
  const all: TidySeries[] = [];
  for await (const series of readTidySeries(file(text), options)) all.push(series);
  return all;
}

async function failure(text: string, options: TidyReadOptions = {}): Promise<TidyFileError> {
  try {
    await read(text, options);
  } catch (error) {
    if (error instanceof TidyFileError) return error;
    throw error;
  }
  throw new Error('expected a TidyFileError');
}

describe('readTidySeries', () => {
  it('reads series_id,date,value one series at a time, in file order', async () => {
    const series = await read(
      'series_id,date,value\na,2024-01-01,1\na,2024-01-02,2\nb,2024-01-01,3\nb,2024-01-02,4\n',
    );
    expect(series.map((one) => [one.id, one.values])).toEqual([
      ['a', [1, 2]],
      ['b', [3, 4]],
    ]);
    expect(series[0]?.time).toMatchObject({ kind: 'date', frequency: 'daily' });
    expect(series[1]?.line).toBe(4);
  });

  it("accepts Nixtla's unique_id,ds,y and date_or_index, in any column order and case", async () => {
    const nixtla = await read('y,DS,unique_id\n5,0,x\n6,1,x\n');
    expect(nixtla[0]).toMatchObject({ id: 'x', values: [5, 6], time: { kind: 'index', first: 0 } });
    const m4 = await read('series_id,date_or_index,value\nY1,1,10\nY1,2,11\n');
    expect(m4[0]?.values).toEqual([10, 11]);
  });

  it("accepts a BOM and ';' with decimal commas (Excel in Peru)", async () => {
    const series = await read(
      '\ufeffseries_id;date;value\nA;2024-01-31;1.234,5\nA;2024-02-29;12,5\n',
    );
    expect(series[0]?.values).toEqual([1234.5, 12.5]);
    expect(series[0]?.time).toMatchObject({ frequency: 'monthly', monthEnd: true });
  });

  it('turns missing periods and empty/NA values into NaN, never zeros', async () => {
    const dated = await read(
      'series_id,date,value\na,2024-01-01,1\na,2024-01-02,NA\na,2024-01-05,4\n',
    );
    expect(dated[0]?.values).toEqual([1, Number.NaN, Number.NaN, Number.NaN, 4]);
    const indexed = await read('series_id,date,value\na,3,1\na,4,\na,6,2\n');
    expect(indexed[0]).toMatchObject({
      time: { kind: 'index', first: 3 },
      values: [1, Number.NaN, Number.NaN, 2],
    });
  });

  it('sorts the rows of a series by date (rows in any order within a series)', async () => {
    const series = await read(
      'series_id,date,value\na,2024-03-01,3\na,2024-01-01,1\na,2024-02-01,2\n',
    );
    expect(series[0]).toMatchObject({ values: [1, 2, 3], time: { frequency: 'monthly' } });
  });

  it('uses the previous series frequency for a series with one date', async () => {
    const series = await read(
      'series_id,date,value\na,2024-01-01,1\na,2024-01-08,2\nb,2024-01-01,3\n',
    );
    expect(series[1]?.time).toMatchObject({ frequency: 'weekly' });
  });

  it('refuses a series that comes back after others, naming the line and both fixes', async () => {
    const error = await failure('series_id,date,value\na,1,1\nb,1,2\na,2,3\n');
    expect(error).toMatchObject({ line: 4, column: 'series_id', value: 'a' });
    expect(error.message).toMatch(/sort the file by series id.*--unsorted/);
  });

  it('groups non-contiguous series with unsorted, in order of first appearance', async () => {
    const series = await read('series_id,date,value\na,1,1\nb,1,2\na,2,3\n', { unsorted: true });
    expect(series.map((one) => [one.id, one.values])).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('names file, line, column and value of a negative or non-numeric value, with the fix', async () => {
    const negative = await failure('series_id,date,value\na,2024-01-01,1\na,2024-01-02,-4\n');
    expect(negative).toMatchObject({ line: 3, column: 'value', value: '-4' });
    expect(negative.message).toMatch(
      /^series-\d+\.csv: line 3, column value: "-4" is negative: .*>= 0/,
    );
    const text = await failure('series_id,date,value\na,2024-01-01,abc\n');
    expect(text).toMatchObject({ line: 2, column: 'value', value: 'abc' });
    expect(text.message).toMatch(/not a number/);
    const comma = await failure('series_id,date,value\na,2024-01-01,"12,5"\n');
    expect(comma.message).toMatch(/decimal point/);
  });

  it('names a date that is neither ISO nor an index, and one off the series spacing', async () => {
    const bad = await failure('series_id,date,value\na,01/02/2024,1\n');
    expect(bad).toMatchObject({ line: 2, column: 'date', value: '01/02/2024' });
    const off = await failure(
      'series_id,date,value\na,2024-01-01,1\na,2024-01-08,1\na,2024-01-16,1\nb,2024-01-01,1\n',
      { frequency: 'weekly' },
    );
    expect(off).toMatchObject({ line: 4, value: '2024-01-16' });
    const mixed = await failure('series_id,date,value\na,2024-01-01,1\na,7,1\n');
    expect(mixed.message).toMatch(/one kind of time column/);
  });

  it('counts physical lines across blank lines and quoted line breaks (else errors point at the wrong line)', async () => {
    const error = await failure('series_id,date,value\n\n"a\nb",1,1\n\n"a\nb",2,x\n');
    expect(error).toMatchObject({ line: 6, column: 'value', value: 'x' });
  });

  it('refuses a repeated period of a series, naming both lines', async () => {
    const error = await failure('series_id,date,value\na,1,1\na,2,1\na,1,5\n');
    expect(error).toMatchObject({ line: 4, column: 'date' });
    expect(error.message).toMatch(/also on line 2/);
  });

  it('reports a header without the needed columns, a ragged row and an empty file', async () => {
    const header = await failure('id,when,amount\na,1,1\n');
    expect(header).toMatchObject({ line: 1 });
    expect(header.message).toMatch(/no series id column \(found: id, when, amount\)/);
    const ragged = await failure('series_id,date,value\na,1,1\na,2\n');
    expect(ragged).toMatchObject({ line: 3 });
    expect(ragged.message).toMatch(/the row has 2 fields but the header has 3/);
    expect((await failure('')).message).toMatch(/empty/);
  });
});
