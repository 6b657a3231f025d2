// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import QuerySalesResult from './QuerySalesResult.svelte';
import { salesChartSpec } from './query-sales-result';
import { querySalesSample } from './samples.test-data';

const drawn = vi.hoisted(() => [] as { lines: { label: string }[] }[]);
vi.mock('../../lib/charts/render', () => ({
  drawTimeChart: vi.fn(async (_target: HTMLElement, spec: (typeof drawn)[number]) => {
    drawn.push(spec);
    return { destroy() {} };
  }),
}));

describe('QuerySalesResult', () => {
  it('shows every row with its group and the totals (else the table would hide sales)', () => {
    const { container } = render(QuerySalesResult, { result: querySalesSample, args: {} });
    expect(container.querySelectorAll('tbody tr')).toHaveLength(querySalesSample.rows.length);
    expect(screen.getByRole('columnheader', { name: 'Location' })).toBeTruthy();
    expect(container.querySelector('tfoot')?.textContent).toMatch(/Total/);
  });

  it('draws one line per location (else grouped sales would be summed into one)', async () => {
    render(QuerySalesResult, { result: querySalesSample, args: {} });
    await vi.waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    const locations = new Set(querySalesSample.rows.map((row) => row.location));
    expect(
      drawn
        .at(-1)
        ?.lines.map((line) => line.label)
        .sort(),
    ).toEqual([...locations].sort());
  });

  it('labels the single line "Units" when not grouped (else the legend would read "units" in Spanish too)', () => {
    const spec = salesChartSpec(
      [
        { period: '2026-01-01', units: 1, revenue: 1, promoRows: 0, stockoutRows: 0 },
        { period: '2026-02-01', units: 2, revenue: 1, promoRows: 0, stockoutRows: 0 },
      ],
      [],
      'Unidades',
    );
    expect(spec.lines.map((line) => line.label)).toEqual(['Unidades']);
  });

  it('shows a result of another shape as JSON (else a changed tool would crash the card)', () => {
    const { container } = render(QuerySalesResult, { result: { rows: 'x' }, args: {} });
    expect(container.querySelector('pre')).toBeTruthy();
  });
});
