import { describe, expect, it } from 'vitest';
import { impossibleValues, plausibleScale } from './impossible-values';
import { makeDays } from './test-days';

const settings = { implausibleMultiple: 50 };

describe('impossibleValues', () => {
  it('reports a run of negative stock once, with its lowest count (else a recount is asked for every day)', () => {
    const days = makeDays('2024-03-01', 6, (index) => ({
      onHand: [5, -2, -7, -1, 3, 4][index] ?? 0,
    }));
    const alerts = impossibleValues('SKU', 'LOC', days, settings, null);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'impossible_value',
      start: '2024-03-02',
      end: '2024-03-04',
      severity: 'high',
      figures: { onHand: -7, days: 3 },
    });
    expect(alerts[0]!.explanation).toContain('stock cannot be negative');
  });

  it('flags a day far above 50x the 99th percentile but not a 10x typo (else ordinary outliers become "impossible")', () => {
    const days = makeDays('2024-01-01', 200, (index) => ({
      units: index === 20 ? 5000 : index === 40 ? 120 : 10 + (index % 3),
    }));
    const alerts = impossibleValues('SKU', 'LOC', days, settings, 2);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ start: '2024-01-21', figures: { units: 5000 } });
    const scale = plausibleScale(days)!;
    // the top 1% (5000 and the 10x typo) is set aside: the scale is that of the ordinary days
    expect(scale).toBeLessThanOrEqual(12);
    expect(alerts[0]!.valueAtRisk).toBeCloseTo((5000 - scale) * 2, 9);
  });

  it('does not judge plausibility on fewer than 30 days (a short history has no scale)', () => {
    const days = makeDays('2024-01-01', 20, (index) => ({ units: index === 5 ? 5000 : 10 }));
    expect(plausibleScale(days)).toBeUndefined();
    expect(impossibleValues('SKU', 'LOC', days, settings, null)).toEqual([]);
  });

  it('flags sales above the stock on hand plus on order the day before, only when both were recorded', () => {
    const days = makeDays('2024-03-01', 3, (index) => ({
      units: [4, 30, 0][index] ?? 0,
      onHand: [5, 0, 0][index] ?? 0,
      onOrder: [10, 0, 0][index] ?? 0,
    }));
    const alerts = impossibleValues('SKU', 'LOC', days, settings, 1.5);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      start: '2024-03-02',
      figures: { units: 30, available: 15 },
      valueAtRisk: 22.5,
    });
    const unknownOrders = days.map((day) => ({ ...day, onOrder: null }));
    expect(impossibleValues('SKU', 'LOC', unknownOrders, settings, 1.5)).toEqual([]);
  });

  it('stays quiet on a healthy listing whose sales stay within its stock', () => {
    const days = makeDays('2024-01-01', 60, (index) => ({
      units: 10,
      onHand: 300 - 10 * (index % 20),
      onOrder: index % 20 > 10 ? 200 : 0,
    }));
    expect(impossibleValues('SKU', 'LOC', days, settings, 2)).toEqual([]);
  });

  it('flags negative or non-numeric units naming the value (else NaN poisons every total)', () => {
    const days = makeDays('2024-03-01', 3, (index) => ({
      units: [3, -4, Number.NaN][index] ?? 0,
    }));
    const alerts = impossibleValues('SKU', 'LOC', days, settings, null);
    expect(alerts.map((alert) => alert.start)).toEqual(['2024-03-02', '2024-03-03']);
    expect(alerts[1]!.explanation).toContain('NaN');
  });
});
