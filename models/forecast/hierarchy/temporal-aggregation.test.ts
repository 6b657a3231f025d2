import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../calendar/dates';
import { aggregateDaily } from './temporal-aggregation';

describe('aggregateDaily', () => {
  it('cuts ISO weeks on Mondays and flags partial edge weeks (else weekly totals mix weeks)', () => {
    // 2026-01-01 is a Thursday: its ISO week starts Monday 2025-12-29.
    const values = Array.from({ length: 11 }, (_, index) => index + 1);
    const weeks = aggregateDaily(values, parseIsoDate('2026-01-01'), 'week');
    expect(weeks.map((week) => week.start)).toEqual(['2025-12-29', '2026-01-05']);
    expect(weeks.map((week) => week.value)).toEqual([1 + 2 + 3 + 4, 5 + 6 + 7 + 8 + 9 + 10 + 11]);
    expect(weeks.map((week) => week.daysCovered)).toEqual([4, 7]);
  });

  it('cuts calendar months with their lengths, leap February included (else monthly totals drift)', () => {
    const values = new Array<number>(31 + 29 + 1).fill(1);
    const months = aggregateDaily(values, parseIsoDate('2028-01-01'), 'month');
    expect(months.map((month) => [month.start, month.daysInPeriod, month.value])).toEqual([
      ['2028-01-01', 31, 31],
      ['2028-02-01', 29, 29],
      ['2028-03-01', 31, 1],
    ]);
  });

  it('skips missing days and counts them (else NaN would poison the total)', () => {
    const [week] = aggregateDaily([1, Number.NaN, 3], parseIsoDate('2026-01-05'), 'week');
    expect(week).toMatchObject({ value: 4, missingDays: 1, daysCovered: 3 });
  });

  it('rejects an unknown grain by name', () => {
    expect(() => aggregateDaily([1], 0, 'quarter' as 'week')).toThrow(/grain: "quarter"/);
  });
});
