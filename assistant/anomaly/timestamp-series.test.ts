import { describe, expect, it } from 'vitest';
import { periodsForFrequency, periodsForStep } from './seasonal-periods';
import { parseTimestampSeries } from './timestamp-series';
import { formatTimestamp, parseTimestamp } from './timestamps';

const HOUR = 3_600_000;

describe('parseTimestampSeries', () => {
  const text = [
    'timestamp,value',
    '2014-04-01 00:00:00,1',
    '2014-04-01 00:05:00,2',
    '2014-04-01 00:15:00,4',
    '2014-04-01 00:20:00,',
    '2014-04-01 00:25:00,6.5',
  ].join('\n');

  it('puts rows on the most common step with NaN for a missing step: otherwise gaps shift every later index', () => {
    const series = parseTimestampSeries(text, 'data/one.csv');
    expect(series.stepMs).toBe(300_000);
    expect(series.values).toEqual([1, 2, Number.NaN, 4, Number.NaN, 6.5]);
    expect(Array.from(series.rowPositions)).toEqual([0, 1, 3, 4, 5]);
    expect(series.id).toBe('one');
    expect(series.notes.join(' ')).toMatch(/1 missing steps/);
  });

  it("labels steps with the input's own timestamp text, and computed ones in its style", () => {
    const series = parseTimestampSeries(text, 'one.csv');
    expect(series.labelAt(0)).toBe('2014-04-01 00:00:00');
    expect(series.labelAt(2)).toBe('2014-04-01 00:10:00');
  });

  it('moves an off-grid row to the nearest step and says so', () => {
    const series = parseTimestampSeries(
      'timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,2\n2014-04-01 00:10:00,3\n2014-04-01 00:16:00,4\n2014-04-01 00:20:00,5\n2014-04-01 00:25:00,6\n',
      'x.csv',
    );
    expect(series.values).toEqual([1, 2, 3, 4, 5, 6]);
    expect(series.labelAt(3)).toBe('2014-04-01 00:16:00');
    expect(series.notes.join(' ')).toMatch(/2 rows off the 300 s step/);
  });

  it('names the line and the fix for a bad timestamp, a bad value, unsorted rows or missing columns', () => {
    expect(() => parseTimestampSeries('timestamp,value\nyesterday,1\n', 'a.csv')).toThrow(
      /a\.csv line 2: timestamp "yesterday" is not a date-time; write YYYY-MM-DD HH:MM:SS/,
    );
    expect(() =>
      parseTimestampSeries('timestamp,value\n2014-04-01 00:00:00,abc\n', 'a.csv'),
    ).toThrow(/line 2: value "abc" is not a number/);
    expect(() =>
      parseTimestampSeries(
        'timestamp,value\n2014-04-01 00:05:00,1\n2014-04-01 00:05:00,2\n',
        'a.csv',
      ),
    ).toThrow(/every row has the timestamp 2014-04-01 00:05:00; give one row per time step/);
    expect(() => parseTimestampSeries('time,amount\n1,2\n', 'a.csv')).toThrow(
      /no timestamp column .* series_id,date,value/,
    );
  });

  it('reads ; files with decimal commas (Excel in Latin America)', () => {
    const series = parseTimestampSeries(
      'timestamp;value\n2014-04-01;1.234,5\n2014-04-02;7,25\n',
      'b.csv',
    );
    expect(series.values).toEqual([1234.5, 7.25]);
    expect(series.stepMs).toBe(24 * HOUR);
    expect(series.labelAt(1)).toBe('2014-04-02');
  });
});

describe('rows out of time order', () => {
  it('keeps every row in file order after a clock set back or a repeated time: NAB scores rows, so none may be dropped', () => {
    const series = parseTimestampSeries(
      [
        'timestamp,value',
        '2014-04-01 00:00:00,1',
        '2014-04-01 00:05:00,2',
        '2014-04-01 00:10:00,3',
        '2014-04-01 00:05:00,4',
        '2014-04-01 00:05:00,5',
        '2014-04-01 00:10:00,6',
        '2014-04-01 00:25:00,7',
        '2014-04-01 00:40:00,8',
      ].join('\n'),
      'c.csv',
    );
    expect(Array.from(series.rowPositions)).toEqual([0, 1, 2, 3, 4, 5, 8, 11]);
    expect(series.values.slice(5)).toEqual([
      6,
      Number.NaN,
      Number.NaN,
      7,
      Number.NaN,
      Number.NaN,
      8,
    ]);
    expect(series.notes.join(' ')).toMatch(/2 rows with a repeated or earlier timestamp/);
    // a gap's label counts on from the row before it (00:25 + 5 min), not from the first row
    expect(series.labelAt(9)).toBe('2014-04-01 00:30:00');
  });
});

describe('seasonal periods', () => {
  it('uses the daily cycle of 5-minute data once it spans 3 days, and never its 2016-step week', () => {
    expect(periodsForStep(300_000, 288 * 2)).toEqual([]);
    expect(periodsForStep(300_000, 4032)).toEqual([288]);
    expect(periodsForStep(300_000, 288 * 21)).toEqual([288]);
  });

  it('gives hourly data [24, 168], daily [7], weekly [52] when long enough, odd steps none', () => {
    expect(periodsForStep(HOUR, 24 * 7 * 3)).toEqual([24, 168]);
    expect(periodsForStep(HOUR, 24 * 10)).toEqual([24]);
    expect(periodsForStep(24 * HOUR, 1095)).toEqual([7]);
    expect(periodsForStep(7 * 24 * HOUR, 156)).toEqual([52]);
    expect(periodsForStep(7 * 60_000, 10_000)).toEqual([]);
    expect(periodsForFrequency('monthly', 36)).toEqual([12]);
    expect(periodsForFrequency('yearly', 50)).toEqual([]);
  });
});

describe('timestamps', () => {
  it('rejects impossible dates instead of rolling them over', () => {
    expect(parseTimestamp('2014-02-30 00:00:00')).toBeUndefined();
    expect(parseTimestamp('2014-04-01 24:00:00')).toBeUndefined();
  });

  it('reads NAB label bounds with microseconds and writes back T, Z and no-seconds styles', () => {
    expect(parseTimestamp('2014-04-10 07:15:00.000000')?.time).toBe(Date.UTC(2014, 3, 10, 7, 15));
    const parsed = parseTimestamp('2014-04-10T07:15Z');
    expect(parsed?.style).toEqual({ separator: 'T', seconds: false, zulu: true });
    expect(formatTimestamp(Date.UTC(2014, 3, 10, 8, 0), parsed!.style)).toBe('2014-04-10T08:00Z');
  });
});
