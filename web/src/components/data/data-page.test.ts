import { describe, expect, it } from 'vitest';
import { productsByCategory, salesSpec, salesTotals, withoutPartialLastPeriod } from './data-page';

describe('data page logic', () => {
  it('groups products by category, both sorted (else the product picker would be a jumble)', () => {
    const grouped = productsByCategory([
      { sku: 'LAC-002', name: 'b', category: 'dairy' },
      { sku: 'BEB-001', name: 'c', category: 'beverages' },
      { sku: 'LAC-001', name: 'a', category: 'dairy' },
    ]);
    expect(
      grouped.map((group) => [group.category, group.products.map((item) => item.sku)]),
    ).toEqual([
      ['beverages', ['BEB-001']],
      ['dairy', ['LAC-001', 'LAC-002']],
    ]);
  });

  it('sums units and revenue and draws one units line (else the totals under the chart would be wrong)', () => {
    const rows = [
      { period: '2026-01-05', units: 3, revenue: 10.5 },
      { period: '2026-01-12', units: 4, revenue: 2 },
    ];
    expect(salesTotals(rows)).toEqual({ units: 7, revenue: 12.5 });
    const spec = salesSpec(rows, 'Unidades');
    expect(spec.lines.map((line) => line.label)).toEqual(['Unidades']);
    expect(Array.from(spec.lines[0]?.values ?? [])).toEqual([3, 4]);
  });
});

describe('withoutPartialLastPeriod', () => {
  const week = (period: string, days: number) => ({ period, units: days * 10, revenue: 0, days });

  it('leaves out an unfinished last week (else the chart shows a false collapse in demand)', () => {
    const rows = [
      week('2026-11-02', 7),
      week('2026-11-09', 7),
      week('2026-11-16', 7),
      week('2026-11-23', 2),
    ];
    const { rows: drawn, partial } = withoutPartialLastPeriod(rows, 'week');
    expect(drawn).toHaveLength(3);
    expect(partial?.period).toBe('2026-11-23');
  });

  it('keeps a full last period, and every day at day grain', () => {
    const rows = [
      week('2026-11-02', 5),
      week('2026-11-09', 4),
      week('2026-11-16', 5),
      week('2026-11-23', 4),
    ];
    expect(withoutPartialLastPeriod(rows, 'week').partial).toBeUndefined();
    expect(
      withoutPartialLastPeriod([week('a', 7), week('b', 7), week('c', 1)], 'day').rows,
    ).toHaveLength(3);
  });
});
