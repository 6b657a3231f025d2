import { describe, expect, it } from 'vitest';
import { recentDemand } from './demand-baseline';
import { makeDays } from './test-days';

describe('recentDemand', () => {
  it("averages only the window's unexplained days (else promotions and empty shelves bias the expected demand)", () => {
    const days = makeDays('2024-01-01', 60, (index) => ({
      units: index < 32 ? 100 : index % 2 === 0 ? 8 : 12,
      promo: index === 40,
      stockout: index === 41,
    }));
    const baseline = recentDemand(days, '2024-02-29', 28, 7, new Set(['2024-02-20']))!;
    // window 2024-02-02 .. 2024-02-29 = indices 32..59, less 40 (promo), 41 (stockout) and 50 (2024-02-20, set aside): 12 days of 8, 13 of 12
    expect(baseline.days).toBe(25);
    expect(baseline.from).toBe('2024-02-02');
    expect(baseline.mean).toBeCloseTo((12 * 8 + 13 * 12) / 25, 12);
    expect(baseline.standardDeviation).toBeGreaterThan(1.9);
    expect(baseline.standardDeviation).toBeLessThan(2.1);
  });

  it('gives nothing with fewer usable days than the minimum (too little to judge)', () => {
    const days = makeDays('2024-01-01', 10, () => ({ promo: true }));
    expect(recentDemand(days, '2024-01-10', 28, 7)).toBeUndefined();
  });
});
