// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ForecastResult from './ForecastResult.svelte';
import { forecastSample } from './samples.test-data';

const drawn = vi.hoisted(() => [] as { lines: { label: string }[] }[]);
vi.mock('../../lib/charts/render', () => ({
  drawTimeChart: vi.fn(async (_target: HTMLElement, spec: { lines: { label: string }[] }) => {
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
});
