import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../models/calendar/dates';
import {
  futureLabels,
  inferFrequency,
  positionOfDay,
  seasonalPeriodOf,
  type SeriesTime,
} from './tidy-time';

const days = (...dates: string[]) => dates.map(parseIsoDate);

describe('inferFrequency', () => {
  it('reads daily data with gaps as daily (the gcd of the gaps, not the smallest gap alone)', () => {
    expect(inferFrequency(days('2024-01-01', '2024-01-02', '2024-01-05'))).toEqual({
      frequency: 'daily',
      monthEnd: false,
    });
  });

  it('reads dates 7 and 14 days apart as weekly', () => {
    expect(inferFrequency(days('2024-01-01', '2024-01-08', '2024-01-22'))).toEqual({
      frequency: 'weekly',
      monthEnd: false,
    });
  });

  it('reads the same day of every month as monthly, and month ends as month-end monthly', () => {
    expect(inferFrequency(days('2024-01-15', '2024-02-15', '2024-04-15'))).toEqual({
      frequency: 'monthly',
      monthEnd: false,
    });
    expect(inferFrequency(days('2024-01-31', '2024-02-29', '2024-03-31'))).toEqual({
      frequency: 'monthly',
      monthEnd: true,
    });
  });

  it('reads quarter starts and quarter ends as quarterly, and one date a year as yearly', () => {
    expect(inferFrequency(days('2023-01-01', '2023-04-01', '2023-10-01'))).toMatchObject({
      frequency: 'quarterly',
    });
    expect(inferFrequency(days('2023-03-31', '2023-06-30', '2023-09-30'))).toEqual({
      frequency: 'quarterly',
      monthEnd: true,
    });
    expect(inferFrequency(days('2019-07-01', '2020-07-01', '2023-07-01'))).toMatchObject({
      frequency: 'yearly',
    });
  });

  it('refuses spacings that are none of the five (so they are not silently misread)', () => {
    expect(inferFrequency(days('2024-01-01', '2024-01-03', '2024-01-05'))).toHaveProperty(
      'problem',
    );
    expect(inferFrequency(days('2024-01-10', '2024-03-10'))).toHaveProperty('problem');
    expect(inferFrequency(days('2024-01-10'))).toHaveProperty('problem');
  });
});

describe('positions and labels', () => {
  const monthEnd: SeriesTime = {
    kind: 'date',
    frequency: 'monthly',
    first: parseIsoDate('2023-11-30'),
    monthEnd: true,
  };

  it('continues month-end series on month ends, leap February included', () => {
    expect(futureLabels(monthEnd, 2, 3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });

  it('continues a same-day monthly series on that day, clamped to short months', () => {
    const time: SeriesTime = {
      kind: 'date',
      frequency: 'monthly',
      first: parseIsoDate('2024-01-30'),
      monthEnd: false,
    };
    expect(futureLabels(time, 1, 3)).toEqual(['2024-02-29', '2024-03-30', '2024-04-30']);
  });

  it('continues daily, weekly, quarterly and yearly dates and integer indexes', () => {
    const first = parseIsoDate('2024-12-30');
    expect(
      futureLabels({ kind: 'date', frequency: 'daily', first, monthEnd: false }, 2, 2),
    ).toEqual(['2025-01-01', '2025-01-02']);
    expect(
      futureLabels({ kind: 'date', frequency: 'weekly', first, monthEnd: false }, 1, 2),
    ).toEqual(['2025-01-06', '2025-01-13']);
    const quarterEnd = parseIsoDate('2024-03-31');
    expect(
      futureLabels(
        { kind: 'date', frequency: 'quarterly', first: quarterEnd, monthEnd: true },
        1,
        3,
      ),
    ).toEqual(['2024-06-30', '2024-09-30', '2024-12-31']);
    expect(
      futureLabels(
        { kind: 'date', frequency: 'yearly', first: parseIsoDate('2020-07-01'), monthEnd: false },
        4,
        1,
      ),
    ).toEqual(['2024-07-01']);
    expect(futureLabels({ kind: 'index', first: 7 }, 3, 2)).toEqual(['10', '11']);
  });

  it('places a day on the grid, or says it is off it (a Tuesday in a Monday-weekly series)', () => {
    const weekly = {
      kind: 'date' as const,
      frequency: 'weekly' as const,
      first: parseIsoDate('2024-01-01'),
      monthEnd: false,
    };
    expect(positionOfDay(weekly, parseIsoDate('2024-01-15'))).toBe(2);
    expect(positionOfDay(weekly, parseIsoDate('2024-01-16'))).toBeUndefined();
    expect(
      positionOfDay(monthEnd as SeriesTime & { kind: 'date' }, parseIsoDate('2024-02-29')),
    ).toBe(3);
    expect(
      positionOfDay(monthEnd as SeriesTime & { kind: 'date' }, parseIsoDate('2024-02-28')),
    ).toBeUndefined();
  });

  it('uses the usual seasonal period of each frequency', () => {
    expect(seasonalPeriodOf(monthEnd)).toBe(12);
    expect(seasonalPeriodOf({ kind: 'index', first: 0 })).toBe(1);
  });
});
