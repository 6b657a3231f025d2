import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  isMonth,
  lastDayBefore,
  monthEnd,
  monthOf,
  monthsBetween,
  monthStart,
  previousMonth,
} from './months';

describe('month arithmetic', () => {
  it('monthStart is the first day, else sections would read from the wrong day', () => {
    expect(monthStart('2026-10')).toBe('2026-10-01');
  });

  it('monthEnd knows month lengths and leap years, else February data would be cut or overrun', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2026-04')).toBe('2026-04-30');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(daysInMonth('2026-01')).toBe(31);
  });

  it('addMonths crosses year boundaries both ways, else outlooks over December would be wrong', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -12)).toBe('2025-03');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
  });

  it('previousMonth and lastDayBefore give the day before the month, else backtests would leak the month', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(lastDayBefore('2026-03')).toBe('2026-02-28');
    expect(lastDayBefore('2024-03')).toBe('2024-02-29');
    expect(lastDayBefore('2026-01')).toBe('2025-12-31');
  });

  it('monthOf and monthsBetween agree with the calendar, else month indexing would drift', () => {
    expect(monthOf('2026-10-15')).toBe('2026-10');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsBetween('2026-02', '2025-11')).toBe(-3);
  });

  it('rejects malformed months naming the value, else a typo would silently pick another month', () => {
    expect(() => monthStart('2026-13')).toThrow(/YYYY-MM.*2026-13/);
    expect(() => addMonths('2026-1', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01', 1.5)).toThrow(/count/);
    expect(() => monthOf('2026/10/01')).toThrow(/ISO date/);
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-00')).toBe(false);
  });
});
