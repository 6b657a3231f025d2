// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AnomaliesResult from './AnomaliesResult.svelte';
import { anomaliesSample } from './samples.test-data';

const drawn = vi.hoisted(() => [] as { spans?: { positions: Float64Array } }[]);
vi.mock('../../lib/charts/render', () => ({
  drawTimeChart: vi.fn(async (_target: HTMLElement, spec: (typeof drawn)[number]) => {
    drawn.push(spec);
    return { destroy() {} };
  }),
}));

const requested: string[] = [];
function stubSales() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requested.push(url);
      const rows = [
        { period: '2026-09-05', units: 20, revenue: 1 },
        { period: '2026-09-06', units: 5, revenue: 1 },
      ];
      return new Response(JSON.stringify({ rows, rowCount: 2, truncated: false }), {
        status: 200,
      });
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  requested.length = 0;
});

describe('AnomaliesResult', () => {
  it('lists each anomaly with kind, dates, expected vs observed and explanation (else planners could not act on it)', () => {
    stubSales();
    render(AnomaliesResult, { result: anomaliesSample, args: {} });
    const first = anomaliesSample.anomalies[0];
    if (!first) throw new Error('sample has anomalies');
    expect(screen.getAllByText(/^drop$/).length).toBeGreaterThan(0);
    expect(screen.getByText(first.explanation)).toBeTruthy();
    expect(screen.getByText(/expected 20[.,]3 \(0–62[.,]3\) a day, observed 5[.,]9/)).toBeTruthy();
    expect(screen.getByText(new RegExp(`${first.start} – ${first.end}`))).toBeTruthy();
  });

  it("charts the first anomaly's listing from the sales API around its days, shaded (else the series would not be shown)", async () => {
    stubSales();
    render(AnomaliesResult, { result: anomaliesSample, args: {} });
    await vi.waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    expect(requested[0]).toBe(
      '/api/sales?sku=SAZ-004&location=PIU&from=2026-07-12&to=2026-09-26&grain=day',
    );
    expect(drawn.at(-1)?.spans?.positions.length).toBe(2);
  });

  it('charts another anomaly when its button is pressed (else only the first could be seen)', async () => {
    stubSales();
    render(AnomaliesResult, { result: anomaliesSample, args: {} });
    await vi.waitFor(() => expect(requested.length).toBe(1));
    const buttons = screen.getAllByRole('button', { name: 'Show on chart' });
    await fireEvent.click(buttons[0] as HTMLElement);
    await vi.waitFor(() => expect(requested.length).toBe(2));
    expect(requested[1]).toContain('sku=SNA-005&location=CIX');
  });

  it('shows rule alerts and the JSON view for a result of another shape (else alerts would be hidden or a bad result crash)', () => {
    stubSales();
    render(AnomaliesResult, { result: anomaliesSample, args: {} });
    expect(screen.getByText(/Rule alerts \(58\)/)).toBeTruthy();
    const { container } = render(AnomaliesResult, { result: [1, 2], args: {} });
    expect(container.querySelector('pre')).toBeTruthy();
  });
});
