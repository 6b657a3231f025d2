import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import type { DailySales } from '../tool-context';
import { buildPeriodSeries, followingStarts, periodIndexOf, periodStartOf } from './period-series';

function day(date: string, units: number, flags: Partial<DailySales> = {}): DailySales {
  return { date, units, revenue: units * 2, rows: 1, promoRows: 0, stockoutRows: 0, ...flags };
}

/** One row per day from `from` for `count` days with units = 1, 2, 3, ... */
function days(from: string, count: number): DailySales[] {
  const first = parseIsoDate(from);
  return Array.from({ length: count }, (_, index) => day(formatIsoDate(first + index), index + 1));
}

const iso = (starts: number[]) => starts.map(formatIsoDate);

describe('periodStartOf and followingStarts', () => {
  it('starts weeks on Monday and months on the 1st, or periods would not match /api/sales', () => {
    expect(formatIsoDate(periodStartOf(parseIsoDate('2024-01-07'), 'week'))).toBe('2024-01-01');
    expect(formatIsoDate(periodStartOf(parseIsoDate('2024-02-29'), 'month'))).toBe('2024-02-01');
  });

  it('steps months across a year end with their own lengths', () => {
    expect(iso(followingStarts(parseIsoDate('2024-11-01'), 'month', 3))).toEqual([
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
  });
});

describe('buildPeriodSeries', () => {
  it('sums days into Monday weeks and drops the unfinished last week, or it would read as a drop', () => {
    // 2024-01-01 is a Monday; 17 days end on Wednesday 2024-01-17.
    const series = buildPeriodSeries(days('2024-01-01', 17), {
      grain: 'week',
      coverageStart: '2024-01-01',
      coverageEnd: '2024-01-17',
    });
    expect(iso(series.starts)).toEqual(['2024-01-01', '2024-01-08']);
    expect(series.units).toEqual([1 + 2 + 3 + 4 + 5 + 6 + 7, 8 + 9 + 10 + 11 + 12 + 13 + 14]);
    expect(series.dropped).toEqual([
      expect.objectContaining({ start: '2024-01-15', end: '2024-01-21', units: 15 + 16 + 17 }),
    ]);
  });

  it('counts days without a sales row as zero, or gaps would shorten the series', () => {
    const series = buildPeriodSeries([day('2024-01-01', 4), day('2024-01-04', 6)], {
      grain: 'day',
      coverageStart: '2024-01-01',
      coverageEnd: '2024-01-05',
    });
    expect(series.units).toEqual([4, 0, 0, 6, 0]);
  });

  it('drops a first month the data only partly cover, but keeps a month a product launched in', () => {
    const covered = {
      grain: 'month' as const,
      coverageStart: '2024-01-15',
      coverageEnd: '2024-03-31',
    };
    const early = buildPeriodSeries(days('2024-01-15', 77), covered);
    expect(iso(early.starts)).toEqual(['2024-02-01', '2024-03-01']);
    expect(early.dropped[0]).toMatchObject({ start: '2024-01-01', end: '2024-01-31' });
    const launched = buildPeriodSeries(days('2024-02-10', 51), covered);
    expect(iso(launched.starts)).toEqual(['2024-02-01', '2024-03-01']);
    expect(launched.dropped).toEqual([]);
  });

  it('carries promotion and stockout counts per period for models that use them', () => {
    const series = buildPeriodSeries(
      [day('2024-01-01', 1, { promoRows: 1 }), day('2024-01-02', 1, { stockoutRows: 2, rows: 2 })],
      { grain: 'week', coverageStart: '2024-01-01', coverageEnd: '2024-01-07' },
    );
    expect(series).toMatchObject({ rows: [3], promoRows: [1], stockoutRows: [2], revenue: [4] });
  });

  it('is empty when the scope has no sales', () => {
    const series = buildPeriodSeries([], {
      grain: 'day',
      coverageStart: '2024-01-01',
      coverageEnd: '2024-01-05',
    });
    expect(series.starts).toEqual([]);
  });
});

describe('periodIndexOf', () => {
  it('finds the period holding a day, and -1 before the first (else days would be summed into the wrong week)', () => {
    const starts = [100, 107, 114];
    expect(periodIndexOf(99, starts)).toBe(-1);
    expect(periodIndexOf(100, starts)).toBe(0);
    expect(periodIndexOf(106, starts)).toBe(0);
    expect(periodIndexOf(107, starts)).toBe(1);
    expect(periodIndexOf(120, starts)).toBe(2);
  });
});
