import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMonthName,
  formatNumber,
  formatPercent,
  nameMonthsIn,
} from './format-figures';

describe('format-figures', () => {
  it('writes soles the Peruvian way (S/ and comma thousands), else managers misread amounts', () => {
    expect(formatMoney(8400, 'es')).toBe('S/ 8,400');
    expect(formatMoney(8400.4, 'en')).toBe('S/ 8,400');
    expect(formatMoney(1234567.8, 'es')).toBe('S/ 1,234,568');
    expect(formatMoney(45.3, 'es')).toBe('S/ 45.30');
    expect(formatMoney(-120, 'es')).toBe('-S/ 120');
  });

  it('writes fractions as percentages with one decimal, else WAPE 0.1234 would read as 0.1%', () => {
    expect(formatPercent(0.1234, 'es')).toBe('12.3%');
    expect(formatPercent(0.1006, 'en', { signed: true })).toBe('+10.1%');
    expect(formatPercent(-0.05, 'en', { signed: true })).toBe('-5%');
    expect(formatPercent(0.00001, 'es', { signed: true })).toBe('+0%');
  });

  it('groups whole numbers and drops a zero decimal, else "1,200.0 units" would show', () => {
    expect(formatNumber(1200, 'es')).toBe('1,200');
    expect(formatNumber(2.5, 'en', 1)).toBe('2.5');
    expect(formatNumber(3.04, 'en', 1)).toBe('3');
  });

  it('names months in Spanish and English, else the report shows raw YYYY-MM', () => {
    expect(formatMonthName('2026-10', 'es')).toBe('octubre de 2026');
    expect(formatMonthName('2026-10', 'en')).toBe('October 2026');
    expect(nameMonthsIn('no inspections recorded in 2026-10 (since 2026-10-01)', 'es')).toBe(
      'no inspections recorded in octubre de 2026 (since 2026-10-01)',
    );
    expect(() => formatMonthName('2026-13', 'es')).toThrow(/month must be YYYY-MM/);
  });
});
