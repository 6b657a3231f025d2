// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ForecastResult from './ForecastResult.svelte';
import { forecastSample } from './samples.test-data';

const drawn = vi.hoisted(() => [] as { x: Float64Array; lines: { label: string }[] }[]);
vi.mock('../../lib/charts/render', () => ({
  drawTimeChart: vi.fn(async (_target: HTMLElement, spec: (typeof drawn)[number]) => {
    drawn.push(spec);
    return { destroy() {} };
  }),
}));

describe('ForecastResult', () => {
  it('shows the scope, the model, its backtest accuracy, the horizon holidays and the explanation (else planners could not judge the forecast)', async () => {
    render(ForecastResult, { result: forecastSample, args: {} });
    expect(screen.getByRole('heading', { name: forecastSample.scope.label })).toBeTruthy();
    expect(screen.getByText(forecastSample.model.method)).toBeTruthy();
    expect(screen.getByText(/WAPE 25[.,]8 %/)).toBeTruthy();
    expect(screen.getByText(/MASE 0[.,]55/)).toBeTruthy();
    expect(screen.getByText(/Inmaculada Concepción \(2026-12-08/)).toBeTruthy();
    expect(screen.getByText(forecastSample.explanation[0] as string)).toBeTruthy();
    expect(
      screen.getByRole('img', { name: /history, forecast and 80% \/ 95% intervals/i }),
    ).toBeTruthy();
    await vi.waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    expect(drawn.at(-1)?.lines.map((line) => line.label)).toContain('Forecast');
  });

  it('lists every forecast period in the table with both intervals (else the chart would be the only way to read the numbers)', () => {
    const { container } = render(ForecastResult, { result: forecastSample, args: {} });
    expect(container.querySelectorAll('tbody tr')).toHaveLength(forecastSample.forecast.length);
  });

  it('shows a result of another shape as JSON instead of crashing (else one changed field would break the chat)', () => {
    const { container } = render(ForecastResult, { result: { unexpected: true }, args: {} });
    expect(container.querySelector('pre')?.textContent).toContain('"unexpected": true');
  });

  it('redraws with the whole history from the sales API when asked (else only the last weeks could be seen)', async () => {
    const urls: string[] = [];
    const rows = Array.from({ length: 400 }, (_, index) => ({
      period: new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString().slice(0, 10),
      units: index,
      revenue: 0,
    }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        return new Response(JSON.stringify({ rows, rowCount: rows.length, truncated: false }));
      }),
    );
    render(ForecastResult, { result: forecastSample, args: {} });
    await fireEvent.click(
      screen.getByRole('button', { name: /Show the whole history \(1,096 periods\)/ }),
    );
    await vi.waitFor(() =>
      expect(drawn.at(-1)?.x.length).toBe(400 + forecastSample.forecast.length),
    );
    expect(urls[0]).toContain(
      'sku=BEB-001&location=LIM-ATE&from=2023-11-26&to=2026-11-25&grain=day',
    );
    expect(screen.getByRole('button', { name: 'Show recent history only' })).toBeTruthy();
  });
});

afterEach(() => vi.unstubAllGlobals());
