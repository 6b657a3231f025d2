import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../calendar/dates';
import { TREND_DAMPING, trendRow } from './design';
import { forecastDaily } from './forecast-daily';

describe('daily model extrapolation guards', () => {
  it('damps the trend beyond the history to at most phi / (1 - phi) days (else a steep slope grows without bound)', () => {
    expect(trendRow(50, 100)).toBe(50);
    expect(trendRow(99, 100)).toBe(99);
    expect(trendRow(100, 100)).toBeCloseTo(99 + TREND_DAMPING, 12);
    const far = trendRow(100 + 100_000, 100) - 99;
    expect(far).toBeLessThanOrEqual(TREND_DAMPING / (1 - TREND_DAMPING) + 1e-9);
    expect(far).toBeGreaterThan(98);
  });

  it('keeps a launch ramp forecast bounded and under 3x its largest day, saying so when capped', () => {
    // 50 days of exponential growth (x3 every ~3 weeks): an undamped log-linear trend would
    // forecast ~10^4 times the last level a year ahead.
    const values = Array.from({ length: 50 }, (_, day) => Math.round(2 * Math.exp(day / 18)));
    const largest = Math.max(...values);
    const result = forecastDaily({
      values,
      firstDay: dayNumberOf(2026, 3, 2),
      horizon: 365,
      levels: [80, 95],
    });
    for (const value of result.mean) expect(value).toBeLessThanOrEqual(3 * largest + 1e-9);
    for (const interval of result.intervals) {
      for (const upper of interval.upper) expect(upper).toBeLessThanOrEqual(3 * largest + 1e-9);
    }
    if (result.mean.some((value) => value >= 3 * largest - 1e-9)) {
      expect(result.notes.join(' ')).toMatch(/capped at/);
    }
    expect(result.pathModel.ceiling).toBeCloseTo(3 * largest, 9);
  });
});
