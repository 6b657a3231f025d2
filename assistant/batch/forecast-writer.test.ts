import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../models/calendar/dates';
import { forecastColumns, forecastRows } from './forecast-writer';

describe('forecast output', () => {
  it('has series_id,date,forecast and a lo/hi pair per requested level, in that order', () => {
    expect(forecastColumns([80, 95])).toEqual([
      'series_id',
      'date',
      'forecast',
      'lo_80',
      'hi_80',
      'lo_95',
      'hi_95',
    ]);
    expect(forecastColumns([])).toEqual(['series_id', 'date', 'forecast']);
  });

  it('writes one row per future period with the dates continuing the series', () => {
    const text = forecastRows(
      'leche;1L',
      { kind: 'date', frequency: 'monthly', first: parseIsoDate('2024-01-31'), monthEnd: true },
      3,
      {
        method: 'ets',
        mean: [10.123456789, 11],
        intervals: [{ level: 90, lower: [8, 9], upper: [12, 13] }],
      },
      [90],
    );
    expect(text.split('\r\n')).toEqual([
      'leche;1L,2024-04-30,10.123457,8,12',
      'leche;1L,2024-05-31,11,9,13',
      '',
    ]);
  });

  it('quotes ids that hold commas and leaves missing bounds empty', () => {
    const text = forecastRows(
      'a,b',
      { kind: 'index', first: 0 },
      5,
      { method: 'naive', mean: [1], intervals: [] },
      [80],
    );
    expect(text).toBe('"a,b",5,1,,\r\n');
  });
});
