// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TimeChart from './TimeChart.svelte';

const draw = vi.hoisted(() => ({ fail: false, destroyed: 0 }));
vi.mock('../../lib/charts/render', () => ({
  drawTimeChart: vi.fn(async () => {
    if (draw.fail) throw new Error('chunk failed to load');
    return {
      destroy() {
        draw.destroyed += 1;
      },
    };
  }),
}));

const spec = { x: Float64Array.of(0), lines: [] };

describe('TimeChart', () => {
  it('labels the chart and marks it ready once drawn (else screen readers and tests could not find it)', async () => {
    draw.fail = false;
    const { container } = render(TimeChart, { spec, label: 'Sales of X' });
    expect(screen.getByRole('img', { name: 'Sales of X' })).toBeTruthy();
    await vi.waitFor(() =>
      expect(
        container.querySelector('[data-chart-status]')?.getAttribute('data-chart-status'),
      ).toBe('ready'),
    );
  });

  it('says why when the chart library cannot load (else the card would show an empty box)', async () => {
    draw.fail = true;
    render(TimeChart, { spec, label: 'Sales of X' });
    expect((await screen.findByRole('alert')).textContent).toContain('chunk failed to load');
  });

  it('destroys the chart when removed (else every redraw would leak a canvas and observers)', async () => {
    draw.fail = false;
    draw.destroyed = 0;
    const { container, unmount } = render(TimeChart, { spec, label: 'x' });
    await vi.waitFor(() =>
      expect(container.querySelector('[data-chart-status="ready"]')).not.toBeNull(),
    );
    unmount();
    expect(draw.destroyed).toBe(1);
  });
});
