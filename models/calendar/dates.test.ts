import { describe, expect, it } from 'vitest';
import {
  dayOfYear,
  formatIsoDate,
  mondayOf,
  parseIsoDate,
  tryParseIsoDate,
  weekdayOf,
} from './dates';

describe('calendar dates', () => {
  it('round-trips ISO dates through day numbers (otherwise every stored date would drift)', () => {
    for (const text of ['1970-01-01', '2024-02-29', '2026-11-23', '1999-12-31']) {
      expect(formatIsoDate(parseIsoDate(text))).toBe(text);
    }
    expect(parseIsoDate('1970-01-02')).toBe(1);
  });

  it('rejects impossible or malformed dates instead of rolling them over', () => {
    for (const text of [
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '24-01-01',
      '2024-1-1',
      '',
      'x',
    ]) {
      expect(tryParseIsoDate(text)).toBeUndefined();
    }
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
  });

  it('knows weekdays and ISO week starts (weekly aggregation depends on it)', () => {
    expect(weekdayOf(parseIsoDate('2026-11-23'))).toBe(1); // a Monday
    expect(weekdayOf(parseIsoDate('2026-11-29'))).toBe(0); // a Sunday
    expect(formatIsoDate(mondayOf(parseIsoDate('2026-11-29')))).toBe('2026-11-23');
    expect(formatIsoDate(mondayOf(parseIsoDate('2026-11-23')))).toBe('2026-11-23');
    expect(dayOfYear(parseIsoDate('2024-12-31'))).toBe(366);
  });
});
